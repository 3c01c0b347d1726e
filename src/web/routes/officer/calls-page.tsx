import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Segmented, Skeleton, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../features/auth/api';
import { beijing, useManagedCalls, type ManagedCall } from '../../features/officer/api';
import { CallStatusTag, LoadError } from '../../features/officer/components';
import '../../features/officer/i18n';

/** /app/calls — the jurisdiction's calls (申报批次) with their applications by status. */
export default function OfficerCallsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const calls = useManagedCalls();
  const [filter, setFilter] = useState<'all' | 'upcoming' | 'open' | 'closed'>('all');
  const canOpen = !!me?.roles.some((r) => r.role === 'program');
  useEffect(() => {
    document.title = `${t('officer.calls.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);

  const rows = useMemo(() => (calls.data ?? []).filter((c) => filter === 'all' || c.status === filter), [calls.data, filter]);
  const totals = useMemo(() => {
    const all = calls.data ?? [];
    const sum = (k: 'submitted' | 'resubmitted' | 'returned' | 'draft') => all.reduce((n, c) => n + c.counts[k], 0);
    return { open: all.filter((c) => c.status === 'open').length, waiting: sum('submitted') + sum('resubmitted'), returned: sum('returned'), drafts: sum('draft') };
  }, [calls.data]);
  const countOf = (s: string) => (calls.data ?? []).filter((c) => s === 'all' || c.status === s).length;

  return (
    <div data-testid="officer-calls">
      <Flex justify="space-between" align="flex-start" gap={16} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('officer.calls.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('officer.calls.intro')}</Typography.Text>
        </div>
        {canOpen && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/app/calls/new')} data-testid="new-call">
            {t('officer.calls.new')}
          </Button>
        )}
      </Flex>

      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(['open', 'waiting', 'returned', 'drafts'] as const).map((k) => (
          <Col span={6} key={k}>
            <Card size="small" hoverable={k === 'waiting'} onClick={k === 'waiting' ? () => navigate('/app/intake') : undefined} data-testid={`calls-stat-${k}`}>
              <Statistic title={t(`officer.calls.stats.${k}`)} value={calls.isLoading ? '-' : totals[k]} />
            </Card>
          </Col>
        ))}
      </Row>

      <Card>
        <Segmented
          style={{ marginBottom: 16 }}
          value={filter}
          onChange={(v) => setFilter(v as typeof filter)}
          options={(['all', 'open', 'upcoming', 'closed'] as const).map((s) => ({
            value: s,
            label: `${s === 'all' ? t('officer.calls.filterAll') : t(`officer.callStatus.${s}`)}（${countOf(s)}）`,
          }))}
        />
        {calls.error ? (
          <LoadError error={calls.error} onRetry={() => void calls.refetch()} />
        ) : calls.isLoading ? (
          <Skeleton active />
        ) : (
          <Table<ManagedCall>
            rowKey="id"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            locale={{
              emptyText: (
                <Empty description={t('officer.calls.empty')}>
                  <Typography.Paragraph type="secondary">{t('officer.calls.emptyHint')}</Typography.Paragraph>
                  {canOpen && (
                    <Button type="primary" onClick={() => navigate('/app/calls/new')}>
                      {t('officer.calls.new')}
                    </Button>
                  )}
                </Empty>
              ),
            }}
            columns={[
              {
                title: t('officer.calls.col.title'),
                dataIndex: 'title',
                render: (title: string, c) => (
                  <div>
                    <Link to={`/app/calls/${c.id}`} data-testid="call-link">
                      {title}
                    </Link>
                    <div style={{ color: '#888', fontSize: 12 }}>
                      {t(`officer.program.${c.program}`, { defaultValue: c.programName })} · {c.documentNumber}
                    </div>
                  </div>
                ),
              },
              {
                title: t('officer.calls.col.window'),
                key: 'window',
                width: 190,
                render: (_, c) => (
                  <div style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
                    <div>{beijing(c.opensAt)}</div>
                    <div>{t('officer.common.to')} {beijing(c.closesAt)}</div>
                  </div>
                ),
              },
              { title: t('officer.calls.col.status'), dataIndex: 'status', width: 90, render: (s: string) => <CallStatusTag status={s} /> },
              { title: t('officer.calls.col.quota'), dataIndex: 'quota', width: 70, align: 'right', render: (q: number | null) => q ?? t('officer.common.unlimited') },
              { title: t('officer.calls.col.submitted'), key: 'waiting', width: 80, align: 'right', render: (_, c) => <b>{c.counts.submitted + c.counts.resubmitted}</b> },
              { title: t('officer.calls.col.returned'), key: 'returned', width: 80, align: 'right', render: (_, c) => c.counts.returned },
              { title: t('officer.calls.col.drafts'), key: 'drafts', width: 70, align: 'right', render: (_, c) => c.counts.draft },
              { title: t('officer.calls.col.total'), key: 'total', width: 70, align: 'right', render: (_, c) => c.counts.total },
            ]}
            onRow={(c) => ({ onDoubleClick: () => navigate(`/app/calls/${c.id}`) })}
          />
        )}
      </Card>
    </div>
  );
}
