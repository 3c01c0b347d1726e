import { Button, Card, Col, Empty, Row, Segmented, Select, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../features/auth/api';
import { LoadError } from '../../features/officer/components';
import '../../features/officer/i18n';
import { STATUS_COLORS, useRevocationCases, type RevocationCase } from '../../features/revocation/api';
import { FindingDrawer } from '../../features/revocation/finding-drawer';
import '../../features/revocation/i18n';

type StatusFilter = 'open' | 'revoked' | 'dismissed' | 'all';

/** /app/revocations — 取消称号案件 of the jurisdiction (京兴人社发〔2025〕21号 第十八条): raised by the daily check or recorded by the officer. */
export default function RevocationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [trigger, setTrigger] = useState<string | undefined>();
  const [finding, setFinding] = useState(false);
  const all = useRevocationCases({});
  const rows = useMemo(() => (all.data ?? []).filter((c) => (status === 'all' || c.status === status || (status === 'revoked' && c.status === 'closed')) && (!trigger || c.triggerId === trigger)), [all.data, status, trigger]);
  const isProgram = !!me.data?.roles.some((r) => r.role === 'program');
  useEffect(() => {
    document.title = `${t('revocation.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);

  const data = all.data ?? [];
  const stats = {
    open: data.filter((c) => c.status === 'open').length,
    system: data.filter((c) => c.status === 'open' && c.raisedBy === 'system').length,
    revoked: data.filter((c) => c.status === 'revoked').length,
    dismissed: data.filter((c) => c.status === 'dismissed').length,
  };
  const triggerOptions = [...new Map(data.map((c) => [c.triggerId, `${c.trigger}（${c.citation.replace(/^.*\s/, '')}）`])).entries()].map(([value, label]) => ({ value, label }));

  return (
    <div data-testid="revocations-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('revocation.title')}
        </Typography.Title>
        {isProgram && (
          <Button type="primary" danger onClick={() => setFinding(true)} data-testid="record-finding">
            {t('revocation.record')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 960 }}>
        {t('revocation.intro')}
      </Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(['open', 'system', 'revoked', 'dismissed'] as const).map((k) => (
          <Col span={6} key={k}>
            <Card size="small">
              <Statistic title={t(`revocation.stats.${k}`)} value={all.isLoading ? '-' : stats[k]} valueStyle={k === 'open' && stats.open ? { color: '#cf1322' } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented<StatusFilter>
            value={status}
            onChange={setStatus}
            options={(['open', 'revoked', 'dismissed', 'all'] as const).map((s) => ({ value: s, label: t(`revocation.status.${s}`) }))}
            data-testid="status-filter"
          />
          <Select allowClear style={{ minWidth: 280 }} placeholder={t('revocation.filter.trigger')} value={trigger} onChange={setTrigger} options={triggerOptions} />
        </Space>
        {all.error ? (
          <LoadError error={all.error} onRetry={() => void all.refetch()} />
        ) : all.isLoading ? (
          <Skeleton active />
        ) : (
          <Table<RevocationCase>
            rowKey="id"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: <Empty description={status === 'open' ? t('revocation.emptyOpen') : t('revocation.empty')} /> }}
            columns={[
              {
                title: t('revocation.col.studio'),
                dataIndex: 'studioName',
                render: (v: string, c) => (
                  <Space orientation="vertical" size={0}>
                    <Link to={`/app/revocations/${c.id}`} data-testid={`case-link-${c.id}`}>
                      {v}
                    </Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.unitName}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('revocation.col.trigger'),
                dataIndex: 'trigger',
                width: 240,
                render: (v: string, c) => (
                  <Space orientation="vertical" size={0}>
                    <span>{v}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.citation}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('revocation.col.facts'),
                dataIndex: 'summary',
                render: (v: string) => (
                  <Tooltip title={v}>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, maxWidth: 420 }}>
                      {v}
                    </Typography.Paragraph>
                  </Tooltip>
                ),
              },
              {
                title: t('revocation.col.raisedBy'),
                width: 140,
                render: (_: unknown, c) => (
                  <Space orientation="vertical" size={0}>
                    <Tag color={c.raisedBy === 'system' ? 'blue' : 'purple'}>{t(`revocation.raisedBy.${c.raisedBy}`)}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.raisedOn}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('revocation.col.status'),
                dataIndex: 'status',
                width: 110,
                render: (s: string) => (
                  <Tag color={STATUS_COLORS[s]} data-testid={`case-status-${s}`}>
                    {t(`revocation.status.${s}`)}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </Card>
      {isProgram && <FindingDrawer open={finding} onClose={() => setFinding(false)} />}
    </div>
  );
}
