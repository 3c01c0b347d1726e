import { DownloadOutlined, TrophyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Alert, Button, Card, Col, DatePicker, Empty, Form, Input, List, Modal, Row, Select, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../features/auth/api';
import { barOption, groupedBarOption, pieOption } from '../../features/dashboards/charts';
import { dashboardSearch, useStudiosDashboard, type DashboardStudio, type StudiosDashboard } from '../../features/dashboards/api';
import { EChart } from '../../features/dashboards/echart';
import '../../features/dashboards/i18n';
import { useRecordTitle } from '../../features/funding/api';
import { LoadError } from '../../features/officer/components';
import '../../features/officer/i18n';
import { ApiError } from '../../lib/http';

const LEVEL_COLOR: Record<string, string> = { national: 'red', municipal: 'volcano', district: 'gold' };
const STATUS_COLOR: Record<string, string> = { active: 'green', suspended: 'orange', revoked: 'red', dissolved: 'default' };
const LEVEL_RANK: Record<string, number> = { district: 1, municipal: 2, national: 3 };
const DASHBOARD_ROLES = new Set(['program', 'intake', 'inspector']);
const yuan = (n: number) => n.toLocaleString('zh-CN');

/** 登记更高级别称号 (POST /api/studios/:id/titles): the edition's award, if any, enters the schedule by itself. */
function TitleModal({ studio, onClose }: { studio: DashboardStudio | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ level: 'municipal' | 'national'; awardedOn: Dayjs; document: string }>();
  const record = useRecordTitle();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const levels = (['municipal', 'national'] as const).filter((l) => LEVEL_RANK[l] > (LEVEL_RANK[studio?.level ?? 'district'] ?? 1));
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const res = await record.mutateAsync({ studioId: studio!.id, level: v.level, awardedOn: v.awardedOn.format('YYYY-MM-DD'), document: v.document });
      message.success(t('dash.studios.title2.ok') + (res.award ? t('dash.studios.title2.award', { amount: `${yuan(res.award)} 元` }) : ''));
      await qc.invalidateQueries({ queryKey: ['dashboards'] });
      await qc.invalidateQueries({ queryKey: ['studios'] });
      form.resetFields();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, errors]) => ({ name: name as never, errors: [errors] })));
      else message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal
      open={!!studio}
      title={t('dash.studios.title2.modal', { name: studio?.name ?? '' })}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
      okText={t('dash.studios.table.recordTitle')}
    >
      <Typography.Paragraph type="secondary">{t('dash.studios.table.titleHint')}</Typography.Paragraph>
      {studio && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          title={
            studio.awards.length
              ? t('dash.studios.table.award', { items: studio.awards.map((a) => `${t(`dash.level.${a.level}`)} ${a.amount === null ? '—' : `${yuan(a.amount)} 元`}`).join('；') }) +
                (studio.awards[0]?.citation ? `（${studio.awards[0].citation}）` : '')
              : t('dash.studios.table.noAward')
          }
        />
      )}
      <Form form={form} layout="vertical" initialValues={{ level: levels[0] ?? 'national' }}>
        <Form.Item name="level" label={t('dash.studios.title2.level')} rules={[{ required: true }]}>
          <Select options={levels.map((l) => ({ value: l, label: t(`dash.level.${l}`) }))} data-testid="title-level" />
        </Form.Item>
        <Form.Item name="awardedOn" label={t('dash.studios.title2.awardedOn')} rules={[{ required: true, message: t('dash.studios.title2.required') }]}>
          <DatePicker style={{ width: '100%' }} data-testid="title-awarded-on" />
        </Form.Item>
        <Form.Item name="document" label={t('dash.studios.title2.document')} rules={[{ required: true, whitespace: true, message: t('dash.studios.title2.required') }]}>
          <Input maxLength={100} placeholder={t('dash.studios.title2.placeholder')} data-testid="title-document" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Stat({ id, title, value, suffix, footer }: { id: string; title: string; value: string | number; suffix?: string; footer?: React.ReactNode }) {
  return (
    <Card size="small" data-testid={`stat-${id}`} style={{ height: '100%' }}>
      <Statistic title={title} value={value} suffix={suffix} groupSeparator="," />
      {footer && <div style={{ marginTop: 4, fontSize: 12 }}>{footer}</div>}
    </Card>
  );
}

function ChartCard({ id, title, note, empty, emptyText, children }: { id: string; title: string; note?: string; empty: boolean; emptyText?: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid={`chart-${id}`} style={{ height: '100%' }}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('dash.studios.chart.empty')} style={{ height: 228, paddingTop: 48 }} /> : children}
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </Card>
  );
}

function Charts({ d }: { d: StudiosDashboard }) {
  const { t } = useTranslation();
  const opts = useMemo(() => {
    const years = d.moneyByYear.map((m) => String(m.year));
    const reportKeys = ['draft', 'submitted', 'accepted', 'returned', 'missing'];
    return {
      status: pieOption(d.studiosByStatus.map((c) => ({ name: t(`dash.status.${c.key}`), value: c.count }))),
      level: pieOption(d.studiosByLevel.map((c) => ({ name: t(`dash.level.${c.key}`), value: c.count }))),
      occupation: barOption(d.studiosByOccupation.map((c) => ({ name: c.label, value: c.count })), { horizontal: true, seriesName: t('dash.studios.chart.count') }),
      stage: barOption(d.projectsByStage.map((c) => ({ name: t(`dash.stage.${c.key}`), value: c.count })), { seriesName: t('dash.studios.chart.count') }),
      money: groupedBarOption(
        years,
        [
          { name: t('dash.studios.chart.approved'), data: d.moneyByYear.map((m) => m.approved) },
          { name: t('dash.studios.chart.paid'), data: d.moneyByYear.map((m) => m.paid) },
        ],
        { money: true },
      ),
      reports: groupedBarOption(
        d.reports.map((r) => `${r.year} 年`),
        reportKeys.map((k) => ({ name: t(`dash.report.${k}`), data: d.reports.map((r) => r.byStatus.find((b) => b.key === k)?.count ?? 0), stack: 'r' })),
      ),
      cases: barOption(d.casesByTrigger.map((c) => ({ name: c.label, value: c.count })), { horizontal: true, color: '#f5222d', seriesName: t('dash.studios.chart.count') }),
    };
  }, [d, t]);
  const none = (rows: { count: number }[]) => rows.every((r) => r.count === 0);
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={8}>
          <ChartCard id="status" title={t('dash.studios.chart.status')} empty={none(d.studiosByStatus)}>
            <EChart option={opts.status} testId="echart-status" />
          </ChartCard>
        </Col>
        <Col xs={24} lg={8}>
          <ChartCard id="level" title={t('dash.studios.chart.level')} empty={none(d.studiosByLevel)}>
            <EChart option={opts.level} />
          </ChartCard>
        </Col>
        <Col xs={24} lg={8}>
          <ChartCard id="occupation" title={t('dash.studios.chart.occupation')} empty={none(d.studiosByOccupation)}>
            <EChart option={opts.occupation} />
          </ChartCard>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <ChartCard id="money" title={t('dash.studios.chart.money')} note={t('dash.studios.chart.moneyNote')} empty={d.moneyByYear.length === 0}>
            <EChart option={opts.money} />
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard id="stage" title={t('dash.studios.chart.stage')} empty={none(d.projectsByStage)}>
            <EChart option={opts.stage} />
          </ChartCard>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <ChartCard
            id="reports"
            title={t('dash.studios.chart.reports', { a: d.reports[0]?.year, b: d.reports[1]?.year })}
            note={t('dash.studios.chart.reportsNote')}
            empty={d.reports.every((r) => r.expected === 0)}
            emptyText={t('dash.studios.chart.noReportDuty')}
          >
            <EChart option={opts.reports} />
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard id="cases" title={t('dash.studios.chart.cases')} empty={d.casesByTrigger.length === 0}>
            <EChart option={opts.cases} />
          </ChartCard>
        </Col>
      </Row>
    </>
  );
}

function Lists({ d }: { d: StudiosDashboard }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={8}>
        <Card size="small" title={<Space size={6}>{t('dash.studios.lists.reports')}<Tag color={d.totals.reportsOverdue ? 'red' : 'default'}>{d.totals.reportsOverdue}</Tag></Space>} extra={<Link to="/app/reports">{t('dash.studios.lists.all')}</Link>} data-testid="list-overdue-reports" style={{ height: '100%' }}>
          <List
            size="small"
            dataSource={d.overdueReports}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dash.studios.lists.noReports')} /> }}
            renderItem={(r) => (
              <List.Item extra={<Tag color="red">{t('dash.studios.lists.overdueBy', { n: r.daysOverdue })}</Tag>}>
                <List.Item.Meta
                  title={<Link to={r.link}>{`${r.studioName}`}</Link>}
                  description={`${r.year} 年度 · ${t('dash.studios.lists.due', { date: r.dueOn })} · ${t(`dash.report.${r.status}`)}`}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={<Space size={6}>{t('dash.studios.lists.projects')}<Tag color={d.totals.projectsOverdue ? 'red' : 'default'}>{d.totals.projectsOverdue}</Tag></Space>} extra={<Link to="/app/projects">{t('dash.studios.lists.all')}</Link>} data-testid="list-overdue-projects" style={{ height: '100%' }}>
          <List
            size="small"
            dataSource={d.overdueProjects}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dash.studios.lists.noProjects')} /> }}
            renderItem={(p) => (
              <List.Item extra={<Tag color="red">{t('dash.studios.lists.overdueBy', { n: p.daysOverdue })}</Tag>}>
                <List.Item.Meta
                  title={<Link to={p.link}>{p.name}</Link>}
                  description={
                    <>
                      {p.unitName} · {t('dash.studios.lists.closeBy', { date: p.closeBy })} ·{' '}
                      <Typography.Text type={p.hasSituationReport ? 'secondary' : 'warning'}>{t(p.hasSituationReport ? 'dash.studios.lists.situation' : 'dash.studios.lists.noSituation')}</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={<Space size={6}>{t('dash.studios.lists.cases')}<Tag color={d.totals.openCases ? 'red' : 'default'}>{d.totals.openCases}</Tag></Space>} extra={<Link to="/app/revocations">{t('dash.studios.lists.all')}</Link>} data-testid="list-open-cases" style={{ height: '100%' }}>
          <List
            size="small"
            dataSource={d.openCases}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dash.studios.lists.noCases')} /> }}
            renderItem={(c) => (
              <List.Item extra={<Tag>{t(c.raisedBy === 'system' ? 'dash.studios.lists.system' : 'dash.studios.lists.officer')}</Tag>}>
                <List.Item.Meta title={<Link to={c.link}>{c.studioName}</Link>} description={`${c.trigger}（${c.citation}）· ${t('dash.studios.lists.raised', { date: c.raisedOn })}`} />
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}

function StudiosTable({ rows, canRecord }: { rows: DashboardStudio[]; canRecord: (s: DashboardStudio) => boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const [level, setLevel] = useState<string | undefined>();
  const [occupation, setOccupation] = useState<string | undefined>();
  const [titleFor, setTitleFor] = useState<DashboardStudio | null>(null);
  const occupations = useMemo(() => [...new Set(rows.map((r) => r.occupation))].sort((a, b) => a.localeCompare(b, 'zh-CN')), [rows]);
  const shown = rows.filter(
    (r) =>
      (!q || [r.name, r.unitName, r.leader].some((x) => x.includes(q.trim()))) &&
      (!status || r.status === status) &&
      (!level || r.level === level) &&
      (!occupation || r.occupation === occupation),
  );
  return (
    <Card
      title={t('dash.studios.table.title')}
      data-testid="studios-table"
      extra={
        <Space wrap>
          <Input.Search allowClear placeholder={t('dash.studios.table.search')} onChange={(e) => setQ(e.target.value)} style={{ width: 220 }} />
          <Select allowClear placeholder={t('dash.studios.table.col.status')} value={status} onChange={setStatus} style={{ width: 130 }} options={['active', 'suspended', 'revoked', 'dissolved'].map((s) => ({ value: s, label: t(`dash.status.${s}`) }))} />
          <Select allowClear placeholder={t('dash.studios.table.col.level')} value={level} onChange={setLevel} style={{ width: 110 }} options={['district', 'municipal', 'national'].map((s) => ({ value: s, label: t(`dash.level.${s}`) }))} />
          <Select allowClear showSearch placeholder={t('dash.studios.table.col.occupation')} value={occupation} onChange={setOccupation} style={{ width: 160 }} options={occupations.map((o) => ({ value: o, label: o }))} />
        </Space>
      }
    >
      <Table<DashboardStudio>
        rowKey="id"
        size="small"
        dataSource={shown}
        pagination={shown.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description={t('dash.studios.table.empty')} /> }}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('dash.studios.table.col.name'), dataIndex: 'name', render: (v: string, s) => <Link to={`/studios/${s.id}`}>{v}</Link> },
          { title: t('dash.studios.table.col.unit'), dataIndex: 'unitName', width: 200 },
          { title: t('dash.studios.table.col.leader'), dataIndex: 'leader', width: 90 },
          { title: t('dash.studios.table.col.occupation'), dataIndex: 'occupation', width: 140 },
          { title: t('dash.studios.table.col.level'), dataIndex: 'level', width: 80, render: (v: string) => <Tag color={LEVEL_COLOR[v]}>{t(`dash.level.${v}`)}</Tag> },
          { title: t('dash.studios.table.col.status'), dataIndex: 'status', width: 110, render: (v: string) => <Tag color={STATUS_COLOR[v]}>{t(`dash.status.${v}`)}</Tag> },
          { title: t('dash.studios.table.col.recognizedOn'), dataIndex: 'recognizedOn', width: 110, sorter: (a, b) => a.recognizedOn.localeCompare(b.recognizedOn) },
          {
            title: t('dash.studios.table.col.action'),
            width: 150,
            render: (_: unknown, s) =>
              canRecord(s) ? (
                <Tooltip title={t('dash.studios.table.titleHint')}>
                  <Button size="small" icon={<TrophyOutlined />} onClick={() => setTitleFor(s)} data-testid={`record-title-${s.id}`}>
                    {t('dash.studios.table.recordTitle')}
                  </Button>
                </Tooltip>
              ) : null,
          },
        ]}
      />
      <TitleModal studio={titleFor} onClose={() => setTitleFor(null)} />
    </Card>
  );
}

/** /app/studios — 工作室管理: the program officer's and the inspector's dashboard of their jurisdictions' studios. */
export default function StudiosPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { message } = AntApp.useApp();
  const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  const [jurisdiction, setJurisdiction] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const q = { jurisdiction, year };
  const dash = useStudiosDashboard(q);
  useEffect(() => {
    document.title = `${t('dash.studios.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  const myJurisdictions = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of me?.roles ?? []) if (DASHBOARD_ROLES.has(r.role) && r.jurisdiction) m.set(r.jurisdiction, r.jurisdictionName ?? r.jurisdiction);
    return [...m.entries()];
  }, [me]);
  const programIn = useMemo(() => new Set((me?.roles ?? []).filter((r) => r.role === 'program' && r.jurisdiction).map((r) => r.jurisdiction!)), [me]);
  const d = dash.data;

  return (
    <div data-testid="studios-dashboard">
      <Row justify="space-between" align="top" wrap>
        <Col>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('dash.studios.title')}
          </Typography.Title>
        </Col>
        <Col>
          <Space wrap>
            {myJurisdictions.length > 1 && (
              <Select
                allowClear
                placeholder={t('dash.studios.jurisdiction')}
                value={jurisdiction}
                onChange={setJurisdiction}
                style={{ width: 140 }}
                options={myJurisdictions.map(([id, name]) => ({ value: id, label: name }))}
              />
            )}
            <Select
              value={year ?? 0}
              onChange={(v: number) => setYear(v || undefined)}
              style={{ width: 210 }}
              data-testid="dashboard-year"
              options={[{ value: 0, label: t('dash.studios.allYears') }, ...[0, 1, 2, 3, 4].map((k) => ({ value: thisYear - k, label: t('dash.studios.yearOption', { year: thisYear - k }) }))]}
            />
            <Button icon={<DownloadOutlined />} href={`/api/dashboards/studios.xlsx${dashboardSearch(q)}`} onClick={() => message.info(t('dash.studios.exported'))} data-testid="dashboard-export">
              {t('dash.studios.export')}
            </Button>
          </Space>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">
        {t('dash.studios.intro')}
        {d && (
          <>
            {' '}
            <Tag>{d.jurisdictions.map((j) => j.name).join('、')}</Tag>
            <Tag>{t('dash.studios.asOf', { date: d.asOf })}</Tag>
          </>
        )}
      </Typography.Paragraph>
      {dash.error ? (
        <LoadError error={dash.error} onRetry={() => void dash.refetch()} />
      ) : !d ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} lg={5}>
              <Stat id="studios" title={t('dash.studios.stats.studios')} value={d.totals.active} suffix={`/ ${d.totals.studios}`} />
            </Col>
            <Col xs={12} lg={5}>
              <Stat
                id="projects"
                title={t('dash.studios.stats.projects')}
                value={d.totals.projectsRunning}
                footer={<Typography.Text type={d.totals.projectsOverdue ? 'danger' : 'secondary'}>{t('dash.studios.stats.projectsOverdue', { n: d.totals.projectsOverdue })}</Typography.Text>}
              />
            </Col>
            <Col xs={24} lg={6}>
              <Stat id="money" title={t('dash.studios.stats.money')} value={yuan(d.totals.approved)} suffix={`/ ${yuan(d.totals.paid)}`} />
            </Col>
            <Col xs={12} lg={4}>
              <Stat id="reports" title={t('dash.studios.stats.reports')} value={d.totals.reportsOverdue} />
            </Col>
            <Col xs={12} lg={4}>
              <Stat id="cases" title={t('dash.studios.stats.cases')} value={d.totals.openCases} />
            </Col>
          </Row>
          <Charts d={d} />
          <Lists d={d} />
          <StudiosTable rows={d.studios} canRecord={(s) => programIn.has(s.jurisdiction) && s.status === 'active' && s.level !== 'national'} />
        </>
      )}
    </div>
  );
}
