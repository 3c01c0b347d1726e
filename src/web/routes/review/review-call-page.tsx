import { AuditOutlined, CalendarOutlined, FileSearchOutlined, OrderedListOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons';
import { App as AntApp, Breadcrumb, Button, Card, Col, DatePicker, Descriptions, Empty, Flex, Progress, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../../features/auth/api';
import { beijing, useReviewDashboard, useSetDeadline, type ReviewDashboard } from '../../features/review-oversight/api';
import { LoadFailure } from '../../features/review-oversight/components';
import { OVERDUE_COLORS } from '../../features/review-oversight/i18n';
import { ApiError } from '../../lib/http';

type Overdue = ReviewDashboard['overdue'][number];
type Expert = ReviewDashboard['experts'][number];

/** /app/review/:callId — the officer's review dashboard of one call: stages, overdue items, expert progress, proposal. */
export default function ReviewCallPage() {
  const { t } = useTranslation();
  const { callId = '' } = useParams();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { data: me } = useMe();
  const dashboard = useReviewDashboard(callId);
  const setDeadline = useSetDeadline(callId);
  const [due, setDue] = useState<Dayjs | null>(null);
  const isProgram = !!me?.roles.some((r) => r.role === 'program');
  const d = dashboard.data;
  useEffect(() => {
    if (d) document.title = `${d.call.title} - ${t('reviewOversight.calls.title')} - 匠心`;
    if (d?.expertReviewDeadline) setDue(dayjs(d.expertReviewDeadline.dueOn));
  }, [d, t]);

  if (dashboard.error) return <LoadFailure error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  if (!d) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  const hasExpertStage = d.stages.some((s) => s.id === 'expert-review');
  const deskLink = d.stages.some((s) => s.id === 'substantive-review' || s.id === 'paper-intake');

  const save = () => {
    if (!due) return;
    const dueOn = due.format('YYYY-MM-DD');
    setDeadline.mutate(
      { stage: 'expert-review', dueOn },
      {
        onSuccess: () => void message.success(t('reviewOversight.dashboard.deadlineSaved', { date: dueOn })),
        onError: (e) => void message.error(e instanceof ApiError ? (e.fields?.dueOn ?? e.message) : String(e)),
      },
    );
  };

  return (
    <div data-testid="review-dashboard">
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/app/review">{t('reviewOversight.calls.title')}</Link> }, { title: d.call.title }]} />
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="dashboard-title">
            {d.call.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t(`reviewOversight.program.${d.call.program}`, { defaultValue: d.call.program })} · {d.call.documentNumber}
          </Typography.Text>
        </div>
        <Space wrap>
          <Button icon={<FileSearchOutlined />} onClick={() => navigate('/app/intake')}>
            {t('reviewOversight.dashboard.goIntake')}
          </Button>
          {deskLink && <Button onClick={() => navigate('/app/desk')}>{t('reviewOversight.dashboard.goDesk')}</Button>}
          {isProgram && hasExpertStage && (
            <Button icon={<TeamOutlined />} onClick={() => navigate(`/app/review/${callId}/panel`)} data-testid="go-panel">
              {t('reviewOversight.dashboard.goPanel')}
            </Button>
          )}
          {isProgram && (
            <Button type="primary" icon={<OrderedListOutlined />} onClick={() => navigate(`/app/review/${callId}/ranking`)} data-testid="go-ranking">
              {t('reviewOversight.dashboard.goRanking')}
            </Button>
          )}
          {isProgram && (
            <Button icon={<AuditOutlined />} onClick={() => navigate(`/app/oversight/${callId}`)}>
              {t('reviewOversight.dashboard.goRecord')}
            </Button>
          )}
        </Space>
      </Flex>

      <Card
        title={t('reviewOversight.dashboard.stages')}
        extra={<Typography.Text type="secondary">{t('reviewOversight.dashboard.stagesHint', { doc: d.call.documentNumber })}</Typography.Text>}
        style={{ marginBottom: 16 }}
      >
        <Row gutter={[16, 16]} data-testid="stage-cards">
          {d.stages.map((s) => (
            <Col key={s.id} flex="1 1 160px">
              <Card size="small" data-testid={`stage-card-${s.id}`} style={{ background: s.count ? undefined : '#fafafa' }}>
                <Statistic title={s.title} value={s.count} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {Object.entries(s.byStatus)
                    .map(([st, n]) => `${t(`reviewOversight.status.${st}`, { defaultValue: st })} ${n}`)
                    .join('，') || '\u00a0'}
                </Typography.Text>
              </Card>
            </Col>
          ))}
        </Row>
      </Card>

      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          {hasExpertStage && (
            <Card title={<Space><CalendarOutlined />{t('reviewOversight.dashboard.deadline')}</Space>} style={{ height: '100%' }} data-testid="deadline-card">
              <Statistic value={d.expertReviewDeadline?.dueOn ?? t('reviewOversight.dashboard.deadlineNone')} data-testid="deadline-value" />
              {d.expertReviewDeadline && (
                <Typography.Text type="secondary">
                  {t('reviewOversight.dashboard.deadlineSetBy', { name: d.expertReviewDeadline.setByName ?? '—', at: beijing(d.expertReviewDeadline.setAt) })}
                </Typography.Text>
              )}
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('reviewOversight.dashboard.deadlineHint')}
              </Typography.Paragraph>
              {isProgram && (
                <Space>
                  <DatePicker
                    value={due}
                    onChange={setDue}
                    placeholder={t('reviewOversight.dashboard.deadlinePick')}
                    disabledDate={(day) => day.format('YYYY-MM-DD') < d.today}
                    data-testid="deadline-picker"
                  />
                  <Button type="primary" onClick={save} loading={setDeadline.isPending} disabled={!due} data-testid="deadline-save">
                    {t('reviewOversight.dashboard.deadlineSave')}
                  </Button>
                </Space>
              )}
            </Card>
          )}
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('reviewOversight.dashboard.proposal')} style={{ height: '100%' }} data-testid="proposal-card">
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'status',
                  label: t('reviewOversight.dashboard.proposal'),
                  children: <Tag color={d.proposal.status === 'submitted' ? 'green' : d.proposal.status === 'draft' ? 'blue' : 'default'}>{t(`reviewOversight.dashboard.proposalStatus.${d.proposal.status}`)}</Tag>,
                },
                { key: 'items', label: t('reviewOversight.dashboard.proposalItems'), children: d.proposal.items },
                { key: 'proposed', label: t('reviewOversight.dashboard.proposalProposed'), children: `${d.proposal.proposed} / ${d.proposal.quota ?? t('reviewOversight.calls.unlimited')}` },
                { key: 'updated', label: t('reviewOversight.dashboard.proposalUpdated'), children: beijing(d.proposal.updatedAt) },
                { key: 'submitted', label: t('reviewOversight.dashboard.proposalSubmitted'), children: beijing(d.proposal.submittedAt) },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <Card
        title={
          <Space>
            <WarningOutlined style={{ color: d.overdue.length ? '#d4380d' : undefined }} />
            {t('reviewOversight.dashboard.overdue')}
            <Tag color={d.overdue.length ? 'red' : 'default'}>{d.overdue.length}</Tag>
          </Space>
        }
        style={{ marginBottom: 16 }}
      >
        <Table<Overdue>
          rowKey={(o) => `${o.kind}:${o.applicationId}:${o.expertName ?? ''}`}
          size="middle"
          dataSource={d.overdue}
          pagination={d.overdue.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reviewOversight.dashboard.overdueNone')} /> }}
          data-testid="overdue-table"
          columns={[
            { title: t('reviewOversight.dashboard.overdueCol.kind'), dataIndex: 'kind', width: 130, render: (k: string) => <Tag color={OVERDUE_COLORS[k]}>{t(`reviewOversight.dashboard.overdueKind.${k}`)}</Tag> },
            { title: t('reviewOversight.dashboard.overdueCol.number'), dataIndex: 'applicationNumber', width: 190 },
            { title: t('reviewOversight.dashboard.overdueCol.unit'), dataIndex: 'unitName' },
            { title: t('reviewOversight.dashboard.overdueCol.expert'), dataIndex: 'expertName', width: 100, render: (v: string | null) => v ?? '—' },
            { title: t('reviewOversight.dashboard.overdueCol.dueOn'), dataIndex: 'dueOn', width: 110 },
            { title: t('reviewOversight.dashboard.overdueCol.days'), dataIndex: 'daysOverdue', width: 80, render: (n: number) => <Typography.Text type="danger">{t('reviewOversight.dashboard.daysN', { n })}</Typography.Text> },
            { title: t('reviewOversight.dashboard.overdueCol.reason'), dataIndex: 'reason' },
          ]}
        />
      </Card>

      {hasExpertStage && (
        <Card title={t('reviewOversight.dashboard.experts')}>
          <Table<Expert>
            rowKey="expertId"
            size="middle"
            dataSource={d.experts}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reviewOversight.dashboard.expertsNone')} /> }}
            data-testid="expert-progress"
            columns={[
              { title: t('reviewOversight.dashboard.expertCol.name'), dataIndex: 'name', width: 110 },
              { title: t('reviewOversight.dashboard.expertCol.employer'), dataIndex: 'employer' },
              { title: t('reviewOversight.dashboard.expertCol.assigned'), dataIndex: 'assigned', width: 80, align: 'center' },
              { title: t('reviewOversight.dashboard.expertCol.declared'), dataIndex: 'declared', width: 80, align: 'center' },
              { title: t('reviewOversight.dashboard.expertCol.conflicts'), dataIndex: 'conflicts', width: 90, align: 'center', render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
              { title: t('reviewOversight.dashboard.expertCol.submitted'), dataIndex: 'submitted', width: 80, align: 'center' },
              {
                title: t('reviewOversight.dashboard.expertCol.progress'),
                key: 'progress',
                width: 220,
                render: (_: unknown, e) => {
                  const due = e.assigned - e.conflicts;
                  const pct = due > 0 ? Math.round((e.submitted / due) * 100) : 0;
                  return <Progress percent={pct} size="small" status={pct === 100 ? 'success' : 'active'} format={() => `${e.submitted}/${due}`} />;
                },
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
