import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Card, Checkbox, Col, Empty, Flex, Result, Row, Segmented, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../features/auth/api';
import { LoadError } from '../../features/officer/components';
import { exportUrl, useOpenReport, useReportObligations, useReports, type AnnualReport } from '../../features/reports/api';
import { Countdown, ReviewDrawer, StateTag } from '../../features/reports/components';
import '../../features/reports/i18n';

/** The unit's view: its studios' reports with due dates and countdowns, and the years it may still open. */
function UnitReports() {
  const { t } = useTranslation();
  const reports = useReports();
  const obligations = useReportObligations();
  const open = useOpenReport();
  const { message } = AntApp.useApp();
  if (reports.error) return <LoadError error={reports.error} onRetry={() => void reports.refetch()} />;
  if (reports.isLoading || obligations.isLoading) return <Skeleton active />;
  const rows = reports.data ?? [];
  const duties = obligations.data ?? [];
  if (!rows.length && !duties.length) return <Result status="info" title={t('reports.empty')} subTitle={t('reports.noDuty')} data-testid="reports-no-duty" />;
  const openable = duties.flatMap((d) => d.openableYears.map((year) => ({ ...d, year })));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {duties.map((d) => (
        <Alert
          key={d.studioId}
          type="info"
          showIcon
          message={d.studioName}
          description={
            <>
              {d.requirements.citation}：{d.requirements.text}
              {d.requirements.personTimes && (
                <div>
                  {d.requirements.personTimes.citation}：{d.requirements.personTimes.text}
                </div>
              )}
              {d.requirements.inferred && <Typography.Text type="secondary"> {d.requirements.inferred}</Typography.Text>}
            </>
          }
        />
      ))}
      {openable.map((o) => (
        <Button
          key={`${o.studioId}-${o.year}`}
          icon={<PlusOutlined />}
          loading={open.isPending}
          onClick={async () => {
            try {
              await open.mutateAsync({ studioId: o.studioId, year: o.year });
              message.success(t('reports.opened', { year: o.year }));
            } catch (e) {
              message.error(e instanceof Error ? e.message : String(e));
            }
          }}
        >
          {o.studioName} · {t('reports.open', { year: o.year })}
        </Button>
      ))}
      <Card>
        <Table<AnnualReport>
          rowKey="id"
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <Empty description={t('reports.empty')} /> }}
          rowClassName={(r) => (r.overdue ? 'jx-row-overdue' : '')}
          columns={[
            { title: t('reports.col.year'), dataIndex: 'year', width: 80 },
            { title: t('reports.col.studio'), dataIndex: 'studioName' },
            { title: t('reports.col.due'), key: 'due', width: 150, render: (_, r) => <Countdown report={r} /> },
            { title: t('reports.col.state'), key: 'state', width: 150, render: (_, r) => <StateTag report={r} /> },
            { title: t('reports.col.personTimes'), dataIndex: 'personTimes', width: 100, render: (v: number | null) => v ?? '—' },
            {
              title: t('reports.col.action'),
              key: 'action',
              width: 100,
              render: (_, r) => (
                <Link to={`/app/reports/${r.id}`} data-testid={`report-link-${r.year}`}>
                  {r.canEdit ? t('reports.edit') : t('reports.view')}
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

const STATES = ['all', 'open', 'submitted', 'overdue', 'returned', 'accepted'] as const;

/** The officer's (and inspector's) view: every studio × year with status, filters, overdue highlighted, review drawer, export. */
function OfficerReports() {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [state, setState] = useState<(typeof STATES)[number]>('all');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const all = useReports();
  const [reviewing, setReviewing] = useState<AnnualReport | null>(null);
  const years = useMemo(() => [...new Set((all.data ?? []).map((r) => r.year))].sort((a, b) => b - a), [all.data]);
  const rows = useMemo(
    () => (all.data ?? []).filter((r) => (!year || r.year === year) && (state === 'all' || r.state === state) && (!overdueOnly || r.overdue)),
    [all.data, year, state, overdueOnly],
  );
  // Keep the drawer on the latest version of the report after a refresh.
  const current = reviewing ? ((all.data ?? []).find((r) => r.id === reviewing.id) ?? reviewing) : null;
  if (all.error) return <LoadError error={all.error} onRetry={() => void all.refetch()} />;
  const data = all.data ?? [];
  const stats = { total: data.length, submitted: data.filter((r) => r.status === 'submitted').length, overdue: data.filter((r) => r.overdue).length, accepted: data.filter((r) => r.status === 'accepted').length };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        {(['total', 'submitted', 'overdue', 'accepted'] as const).map((k) => (
          <Col span={6} key={k}>
            <Card size="small">
              <Statistic title={t(`reports.stats.${k}`)} value={all.isLoading ? '-' : stats[k]} valueStyle={k === 'overdue' && stats.overdue ? { color: '#cf1322' } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }} justify="space-between">
          <Space wrap>
            <Select<number | undefined>
              style={{ width: 140 }}
              value={year}
              onChange={setYear}
              allowClear
              placeholder={t('reports.filters.year')}
              options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
              data-testid="filter-year"
            />
            <Segmented value={state} onChange={(v) => setState(v as (typeof STATES)[number])} options={STATES.map((s) => ({ value: s, label: s === 'all' ? t('reports.filters.all') : t(`reports.state.${s}`) }))} />
            <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} data-testid="filter-overdue">
              {t('reports.filters.overdueOnly')}
            </Checkbox>
          </Space>
          <Button icon={<DownloadOutlined />} href={exportUrl({ year, overdue: overdueOnly, state: state === 'all' ? undefined : state })} data-testid="export-reports">
            {t('reports.export')}
          </Button>
        </Flex>
        {all.isLoading ? (
          <Skeleton active />
        ) : (
          <Table<AnnualReport>
            rowKey="id"
            dataSource={rows}
            size="middle"
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: <Empty description={t('reports.empty')} /> }}
            rowClassName={(r) => (r.overdue ? 'jx-row-overdue' : '')}
            onRow={(r) => ({ style: r.overdue ? { background: '#fff1f0' } : undefined })}
            columns={[
              { title: t('reports.col.year'), dataIndex: 'year', width: 80, sorter: (a, b) => a.year - b.year },
              { title: t('reports.col.studio'), dataIndex: 'studioName', render: (v: string, r) => <Link to={`/app/reports/${r.id}`}>{v}</Link> },
              { title: t('reports.col.unit'), dataIndex: 'unitName', ellipsis: true },
              { title: t('reports.col.due'), key: 'due', width: 140, render: (_, r) => <Countdown report={r} /> },
              { title: t('reports.col.state'), key: 'state', width: 150, render: (_, r) => <StateTag report={r} /> },
              { title: t('reports.col.personTimes'), dataIndex: 'personTimes', width: 100, render: (v: number | null) => v ?? '—' },
              {
                title: t('reports.col.flags'),
                key: 'flags',
                render: (_, r) =>
                  r.flags.length ? (
                    <Space direction="vertical" size={0}>
                      {r.flags.map((f) => (
                        <Typography.Text key={f.code} type={f.code === 'PERSON_TIMES_BELOW_MINIMUM' ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                          {f.message}
                        </Typography.Text>
                      ))}
                    </Space>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('reports.col.action'),
                key: 'action',
                width: 90,
                render: (_, r) =>
                  r.canReview ? (
                    <Button type="link" size="small" onClick={() => setReviewing(r)} data-testid={`review-${r.id}`}>
                      {t('reports.review')}
                    </Button>
                  ) : (
                    <Link to={`/app/reports/${r.id}`}>{t('reports.view')}</Link>
                  ),
              },
            ]}
          />
        )}
      </Card>
      <ReviewDrawer report={current} onClose={() => setReviewing(null)} />
    </Space>
  );
}

/** /app/reports — annual reports: the unit fills its own; the officer tracks, reviews and exports the jurisdiction's. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const isUnit = !!me?.roles.some((r) => r.role === 'applicant');
  useEffect(() => {
    document.title = `${t('reports.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  return (
    <div data-testid="reports-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('reports.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{isUnit ? t('reports.unitIntro') : t('reports.officerIntro')}</Typography.Paragraph>
      {me === undefined ? <Skeleton active /> : isUnit ? <UnitReports /> : <OfficerReports />}
    </div>
  );
}
