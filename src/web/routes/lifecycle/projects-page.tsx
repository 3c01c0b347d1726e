import { Card, Col, Empty, Flex, Progress, Row, Segmented, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../features/auth/api';
import { LoadError } from '../../features/officer/components';
import '../../features/officer/i18n';
import { useProjects, yuan, type ProjectSummary } from '../../features/projects/api';
import '../../features/projects/i18n';

export const PROJECT_STATUS_COLORS: Record<string, string> = { 'in-execution': 'processing', 'closure-submitted': 'gold', passed: 'success', 'partly-passed': 'cyan', failed: 'error' };
export const FLAG_COLORS: Record<string, string> = { overdue: 'error', late: 'warning', failed: 'error' };

const FILTERS = ['all', 'in-execution', 'closure-submitted', 'passed', 'partly-passed', 'failed', 'overdue'] as const;

/** /app/projects — construction projects: a unit's own, or the jurisdiction's for officers and the inspector. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const isUnit = !!me?.roles.some((r) => r.role === 'applicant');
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const [year, setYear] = useState<number | undefined>();
  const q = useProjects({ status: filter !== 'all' && filter !== 'overdue' ? filter : undefined, flag: filter === 'overdue' ? 'overdue' : undefined, year });
  const all = useProjects({});
  useEffect(() => {
    document.title = `${t('projects.list.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  const everything = all.data ?? [];
  const stats = useMemo(
    () => ({
      total: everything.length,
      running: everything.filter((p) => p.status === 'in-execution').length,
      closing: everything.filter((p) => p.status === 'closure-submitted').length,
      overdue: everything.filter((p) => p.flags.includes('overdue')).length,
    }),
    [everything],
  );
  const years = [...new Set(everything.map((p) => p.year))].sort((a, b) => b - a);
  const rows = q.data ?? [];

  return (
    <div data-testid="projects-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('projects.list.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{isUnit ? t('projects.list.introUnit') : t('projects.list.introOfficer')}</Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(['total', 'running', 'closing', 'overdue'] as const).map((k) => (
          <Col xs={12} md={6} key={k}>
            <Card size="small">
              <Statistic title={t(`projects.list.stats.${k}`)} value={all.isLoading ? '-' : stats[k]} valueStyle={k === 'overdue' && stats.overdue ? { color: '#cf1322' } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Flex wrap gap={12} justify="space-between" style={{ marginBottom: 16 }}>
          <Segmented
            value={filter}
            onChange={(v) => setFilter(v as (typeof FILTERS)[number])}
            options={FILTERS.map((s) => ({ value: s, label: s === 'all' ? t('projects.list.all') : s === 'overdue' ? t('projects.flag.overdue') : t(`projects.status.${s}`) }))}
          />
          <Select
            style={{ width: 160 }}
            value={year ?? 0}
            onChange={(v) => setYear(v || undefined)}
            options={[{ value: 0, label: t('projects.list.allYears') }, ...years.map((y) => ({ value: y, label: `${y} 年` }))]}
            aria-label={t('projects.list.year')}
          />
        </Flex>
        {q.error ? (
          <LoadError error={q.error} onRetry={() => void q.refetch()} />
        ) : q.isLoading ? (
          <Skeleton active />
        ) : (
          <Table<ProjectSummary>
            rowKey="id"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: <Empty description={t('projects.list.empty')} /> }}
            columns={[
              {
                title: t('projects.list.col.name'),
                render: (_: unknown, p) => (
                  <>
                    <Link to={`/app/projects/${p.id}`} data-testid={`project-link-${p.id}`}>
                      {p.name}
                    </Link>
                    <div>
                      <Space size={4} wrap>
                        {p.category && <Tag>{p.category}</Tag>}
                        {p.applicationNumber && <Typography.Text type="secondary">{p.applicationNumber}</Typography.Text>}
                      </Space>
                    </div>
                  </>
                ),
              },
              {
                title: t('projects.list.col.unit'),
                width: 240,
                render: (_: unknown, p) => (
                  <>
                    <div>{p.unitName}</div>
                    {p.studioName && <Typography.Text type="secondary">{p.studioName}</Typography.Text>}
                  </>
                ),
              },
              {
                title: t('projects.list.col.status'),
                width: 170,
                render: (_: unknown, p) => (
                  <Space size={4} wrap data-testid={`project-status-${p.id}`}>
                    <Tag color={PROJECT_STATUS_COLORS[p.status]}>{t(`projects.status.${p.status}`)}</Tag>
                    {p.flags.map((f) => (
                      <Tag key={f} color={FLAG_COLORS[f]} data-testid={`project-flag-${f}`}>
                        {t(`projects.flag.${f}`)}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('projects.list.col.progress'),
                width: 140,
                render: (_: unknown, p) => (p.milestonesTotal ? <Progress size="small" percent={Math.round((p.milestonesDone / p.milestonesTotal) * 100)} format={() => `${p.milestonesDone}/${p.milestonesTotal}`} /> : '—'),
              },
              { title: t('projects.list.col.closeBy'), dataIndex: 'closeBy', width: 110, render: (d: string | null) => d ?? '—' },
              {
                title: t('projects.list.col.amount'),
                width: 150,
                align: 'right',
                render: (_: unknown, p) => (
                  <>
                    <div>{yuan(p.approvedAmount)}</div>
                    <Typography.Text type={p.paidAmount ? 'success' : 'secondary'}>{yuan(p.paidAmount)}</Typography.Text>
                  </>
                ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
