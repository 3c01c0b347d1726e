import { Card, Col, Empty, Row, Segmented, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatShanghaiInstant } from '../../../shared/time';
import { useMe } from '../../features/auth/api';
import { STATUS_COLORS, useChangeRequests, type ChangeRequestView } from '../../features/changes/api';
import '../../features/changes/i18n';
import { describeValues } from '../../features/changes/values';
import { LoadError } from '../../features/officer/components';

/** /app/changes — change requests (变更申请): the unit's own, or the jurisdiction's for officers and the inspector. */
export default function ChangesPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [status, setStatus] = useState('all');
  const all = useChangeRequests();
  const isUnit = !!me?.roles.some((r) => r.role === 'applicant');
  useEffect(() => {
    document.title = `${t('changes.list.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  const rows = useMemo(() => (all.data ?? []).filter((r) => status === 'all' || r.status === status), [all.data, status]);
  const counts = useMemo(() => {
    const c: Record<string, number> = { submitted: 0, approved: 0, rejected: 0 };
    for (const r of all.data ?? []) c[r.status] = (c[r.status] ?? 0) + 1;
    return c;
  }, [all.data]);

  return (
    <div data-testid="changes-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('changes.list.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{isUnit ? t('changes.list.introUnit') : t('changes.list.introOfficer')}</Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(['submitted', 'approved', 'rejected'] as const).map((k) => (
          <Col span={8} key={k}>
            <Card size="small">
              <Statistic title={t(`changes.list.stats.${k}`)} value={all.isLoading ? '-' : counts[k]} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Segmented
          style={{ marginBottom: 16 }}
          value={status}
          onChange={(v) => setStatus(String(v))}
          options={['all', 'submitted', 'approved', 'rejected', 'withdrawn'].map((s) => ({ value: s, label: t(`changes.status.${s}`) }))}
          data-testid="changes-filter"
        />
        {all.error ? (
          <LoadError error={all.error} onRetry={() => void all.refetch()} />
        ) : all.isLoading ? (
          <Skeleton active />
        ) : (
          <Table<ChangeRequestView>
            rowKey="id"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: <Empty description={t('changes.list.empty')} /> }}
            columns={[
              {
                title: t('changes.list.col.studio'),
                render: (_: unknown, r) => (
                  <>
                    <Link to={`/app/changes/${r.id}`}>{r.studioName}</Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.unitName}
                      </Typography.Text>
                    </div>
                  </>
                ),
              },
              {
                title: t('changes.list.col.kind'),
                width: 230,
                render: (_: unknown, r) => (
                  <>
                    <div>{r.kindName}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.citation}
                    </Typography.Text>
                  </>
                ),
              },
              { title: t('changes.list.col.requested'), render: (_: unknown, r) => describeValues(r.requested, t) || t('changes.none') },
              { title: t('changes.list.col.effectiveOn'), dataIndex: 'effectiveOn', width: 110, render: (v: string | null) => v ?? t('changes.none') },
              { title: t('changes.list.col.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string) => formatShanghaiInstant(v) },
              {
                title: t('changes.list.col.status'),
                dataIndex: 'status',
                width: 90,
                render: (s: string, r) => (
                  <Tag color={STATUS_COLORS[s]} data-testid={`change-status-${r.id}`}>
                    {t(`changes.status.${s}`)}
                  </Tag>
                ),
              },
              {
                title: t('changes.list.col.action'),
                width: 70,
                render: (_: unknown, r) => (
                  <Space>
                    <Link to={`/app/changes/${r.id}`}>{t('changes.list.view')}</Link>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
