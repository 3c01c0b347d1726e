import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, List, Result, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useStudioWorkspace, type NextStep, type WorkspaceStudio } from '../../features/dashboards/api';
import '../../features/dashboards/i18n';
import { ChangeRequestButton } from '../../features/changes/change-request-button';
import '../../features/home/i18n';
import { useStudio } from '../../features/registry/api';

const LEVEL_COLOR: Record<string, string> = { national: 'red', municipal: 'volcano', district: 'gold' };
const STATUS_COLOR: Record<string, string> = { active: 'green', suspended: 'orange', revoked: 'red', dissolved: 'default' };
const SEVERITY: Record<NextStep['severity'], { color: string; icon: React.ReactNode }> = {
  overdue: { color: 'red', icon: <ExclamationCircleOutlined style={{ color: '#f5222d' }} /> },
  soon: { color: 'orange', icon: <ClockCircleOutlined style={{ color: '#fa8c16' }} /> },
  todo: { color: 'blue', icon: <ClockCircleOutlined style={{ color: '#1677ff' }} /> },
  info: { color: 'default', icon: <InfoCircleOutlined style={{ color: '#8c8c8c' }} /> },
};
const OBLIGATION_COLOR: Record<string, string> = { done: 'green', met: 'green', 'in-progress': 'blue', 'not-started': 'default', returned: 'orange', overdue: 'red', below: 'orange', 'not-reported': 'default', ongoing: 'default' };
const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

function NextSteps({ s }: { s: WorkspaceStudio }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('dash.workspace.nextSteps')} style={{ marginBottom: 16 }} data-testid="next-steps">
      {s.nextSteps.length === 0 ? (
        <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('dash.workspace.allDone')} />
      ) : (
        <List
          size="small"
          dataSource={s.nextSteps}
          renderItem={(n) => (
            <List.Item
              data-testid={`next-step-${n.kind}`}
              actions={
                n.link
                  ? [
                      <Link key="go" to={n.link}>
                        {t('dash.workspace.go')}
                      </Link>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                avatar={SEVERITY[n.severity].icon}
                title={
                  <Space wrap size={4}>
                    <Tag color={SEVERITY[n.severity].color}>{t(`dash.workspace.severity.${n.severity}`)}</Tag>
                    <span>{n.title}</span>
                  </Space>
                }
                description={
                  <>
                    {n.detail && <div>{n.detail}</div>}
                    {n.citation && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('dash.workspace.source')}：{n.citation}
                      </Typography.Text>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function StudioCard({ s }: { s: WorkspaceStudio }) {
  const { t } = useTranslation();
  const detail = useStudio(s.id);
  const d = detail.data;
  return (
    <Card
      data-testid="my-studio"
      title={
        <Space wrap>
          <Link to={`/studios/${s.id}`}>{s.name}</Link>
          <Tag color={LEVEL_COLOR[s.level]}>{t(`dash.level.${s.level}`)}</Tag>
          <Tag color={STATUS_COLOR[s.status]}>{t(`dash.status.${s.status}`)}</Tag>
        </Space>
      }
      extra={
        <Space wrap>
          {s.status === 'active' && (
            <Button size="small" href={`/api/studios/${s.id}/certificate.pdf`} target="_blank" data-testid="studio-certificate">
              {t('dash.workspace.certificate')}
            </Button>
          )}
          {s.status === 'active' && <ChangeRequestButton studioId={s.id} />}
          <Link to={`/studios/${s.id}`} data-testid="studio-history">
            {t('dash.workspace.history')}
          </Link>
        </Space>
      }
      size="small"
      style={{ marginBottom: 16 }}
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('dash.workspace.leader')}>{s.leader}</Descriptions.Item>
        <Descriptions.Item label={t('dash.workspace.occupation')}>{s.occupation}</Descriptions.Item>
        <Descriptions.Item label={t('dash.workspace.jurisdiction')}>{s.jurisdictionName}</Descriptions.Item>
        <Descriptions.Item label={t('dash.workspace.recognizedOn')}>{s.recognizedOn}</Descriptions.Item>
        <Descriptions.Item label={t('dash.workspace.plaque')}>{s.plaqueNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('home2.studio.teamSize')}>{d ? t('home2.studio.teamSizeValue', { count: d.teamSize }) : '…'}</Descriptions.Item>
        {s.address && (
          <Descriptions.Item label={t('dash.workspace.address')} span={3}>
            {s.address}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('dash.workspace.basis')} span={3}>
          {s.documentNumber ?? '—'}
        </Descriptions.Item>
      </Descriptions>
      {d?.summary && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 8 }}>
          {d.summary}
        </Typography.Paragraph>
      )}
      {d && d.titles.length > 0 && (
        <Table
          size="small"
          rowKey={(r) => `${r.level}-${r.awardedOn}`}
          pagination={false}
          title={() => <strong>{t('home2.studio.titles')}</strong>}
          dataSource={d.titles}
          columns={[
            { title: t('home2.studio.level'), dataIndex: 'level', width: 100, render: (v: string) => <Tag color={LEVEL_COLOR[v]}>{t(`dash.level.${v}`)}</Tag> },
            { title: t('home2.studio.recognizedOn'), dataIndex: 'awardedOn', width: 120 },
            { title: t('home2.studio.basis'), dataIndex: 'document' },
            { title: t('home2.studio.award'), dataIndex: 'award', width: 130, align: 'right', render: (v: number | null) => (v === null ? '—' : yuan(v)) },
          ]}
        />
      )}
      <Row gutter={16} style={{ marginTop: 12 }}>
        {(['scheduled', 'paid', 'awaiting'] as const).map((k) => (
          <Col span={8} key={k}>
            <Statistic title={t(`dash.workspace.money.${k}`)} value={s.money[k]} suffix="元" groupSeparator="," styles={{ content: { fontSize: 18 } }} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function Obligations({ s }: { s: WorkspaceStudio }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={`${t('dash.workspace.obligations')} · ${s.documentNumber ?? ''}`} style={{ marginBottom: 16 }} data-testid="obligations">
      {s.obligations.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home2.studio.noObligations')} />
      ) : (
        <List
          size="small"
          dataSource={s.obligations}
          renderItem={(o) => (
            <List.Item
              extra={
                <Space direction="vertical" size={2} style={{ textAlign: 'right', minWidth: 150 }}>
                  <Tag color={OBLIGATION_COLOR[o.state]} style={{ marginInlineEnd: 0 }}>
                    {o.link ? <Link to={o.link}>{o.stateText}</Link> : o.stateText}
                  </Tag>
                  {o.nextDue && o.daysLeft !== null && (
                    <Typography.Text type={o.daysLeft <= 30 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                      {o.nextDue}（{o.daysLeft >= 0 ? t('dash.workspace.daysLeft', { n: o.daysLeft }) : t('dash.workspace.overdue', { n: -o.daysLeft })}）
                    </Typography.Text>
                  )}
                </Space>
              }
            >
              <List.Item.Meta
                title={o.text}
                description={
                  <>
                    {t('dash.workspace.source')}：{o.citation}
                    {o.inferred && (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('dash.workspace.inferred', { text: o.inferred })}
                        </Typography.Text>
                      </div>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function Records({ s }: { s: WorkspaceStudio }) {
  const { t } = useTranslation();
  return (
    <>
      {s.revocationCases.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="revocation-cases"
          title={t('dash.workspace.cases')}
          description={
            <>
              <div style={{ marginBottom: 4 }}>{t('dash.workspace.casesNote')}</div>
              {s.revocationCases.map((c) => (
                <div key={c.id}>
                  <strong>{c.trigger}</strong>（{c.citation}，{c.raisedOn}）{c.summary && `：${c.summary}`}
                </div>
              ))}
            </>
          }
        />
      )}
      <Card size="small" title={t('dash.workspace.projects')} extra={<Link to="/app/projects">{t('dash.workspace.allProjects')}</Link>} style={{ marginBottom: 16 }} data-testid="studio-projects">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={s.projects}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dash.workspace.noProjects')} /> }}
          columns={[
            { title: t('dash.workspace.col.name'), dataIndex: 'name', render: (v: string, p) => <Link to={p.link}>{v}</Link> },
            {
              title: t('dash.workspace.col.closeBy'),
              dataIndex: 'closeBy',
              width: 180,
              render: (v: string | null, p) =>
                v ? (
                  <Space size={4} wrap>
                    {v}
                    {p.status === 'in-execution' && p.daysLeft !== null && (
                      <Typography.Text type={p.overdue ? 'danger' : p.daysLeft <= 30 ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                        {p.daysLeft >= 0 ? t('dash.workspace.daysLeft', { n: p.daysLeft }) : t('dash.workspace.overdue', { n: -p.daysLeft })}
                      </Typography.Text>
                    )}
                  </Space>
                ) : (
                  '—'
                ),
            },
            { title: t('dash.workspace.col.status'), dataIndex: 'status', width: 120, render: (v: string, p) => <Tag color={p.overdue ? 'red' : v === 'passed' ? 'green' : v === 'failed' ? 'red' : 'blue'}>{t(`dash.stage.${p.overdue ? 'overdue' : v}`)}</Tag> },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('dash.workspace.reports')} extra={<Link to="/app/reports">{t('dash.workspace.allReports')}</Link>} style={{ marginBottom: 16 }} data-testid="studio-reports">
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={s.reports}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dash.workspace.noReports')} /> }}
              columns={[
                { title: t('dash.workspace.col.year'), dataIndex: 'year', width: 70, render: (v: number, r) => <Link to={r.link}>{v}</Link> },
                { title: t('dash.workspace.col.dueOn'), dataIndex: 'dueOn', width: 110 },
                { title: t('dash.workspace.col.status'), dataIndex: 'status', render: (v: string, r) => <Space size={4}><Tag color={v === 'accepted' ? 'green' : v === 'returned' ? 'orange' : v === 'submitted' ? 'blue' : 'default'}>{t(`dash.report.${v}`)}</Tag>{r.late && <Tag color="red">{t('dash.workspace.late')}</Tag>}</Space> },
                ...(s.obligations.some((o) => o.minimum !== null) ? [{ title: t('dash.workspace.col.personTimes'), dataIndex: 'personTimes', width: 70, render: (v: number | null) => v ?? '—' }] : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('dash.workspace.changes')} extra={<Link to="/app/changes">{t('home2.common.more')}</Link>} style={{ marginBottom: 16 }} data-testid="studio-changes">
            <List
              size="small"
              dataSource={s.changes}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dash.workspace.noChanges')} /> }}
              renderItem={(c) => (
                <List.Item extra={<Tag color="processing">{t(`dash.change.${c.status}`)}</Tag>}>
                  <List.Item.Meta title={<Link to={c.link}>{t(`dash.changeKind.${c.kind}`, { defaultValue: c.kind })}</Link>} description={`${c.submittedAt.slice(0, 10)} · ${c.citation}`} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** 我的工作室 (/app/studio): the unit's studios, what to do next, obligations, projects, reports, changes and money. */
export default function StudioPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ws = useStudioWorkspace();
  useEffect(() => {
    document.title = `${t('dash.workspace.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  const studios = ws.data?.studios ?? [];
  return (
    <div data-testid="studio-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('dash.workspace.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('dash.workspace.intro')}</Typography.Paragraph>
      {ws.isLoading ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : ws.isError ? (
        <Alert
          type="error"
          showIcon
          title={t('dash.common.loadError')}
          description={(ws.error as Error).message}
          action={
            <Button size="small" onClick={() => ws.refetch()}>
              {t('dash.common.retry')}
            </Button>
          }
        />
      ) : studios.length === 0 ? (
        <Card>
          <Result
            status="info"
            title={t('dash.workspace.emptyTitle')}
            subTitle={<div style={{ maxWidth: 560, margin: '0 auto' }}>{t('dash.workspace.emptyBody')}</div>}
            extra={[
              <Button key="s" type="primary" onClick={() => navigate('/app/self-check')}>
                {t('dash.workspace.selfCheck')}
              </Button>,
              <Button key="c" onClick={() => navigate('/calls')}>
                {t('dash.workspace.calls')}
              </Button>,
            ]}
          />
        </Card>
      ) : (
        studios.map((s) => (
          <div key={s.id} data-testid={`workspace-${s.id}`} style={{ marginBottom: 24 }}>
            <Row gutter={16}>
              <Col xs={24} xl={14}>
                <StudioCard s={s} />
                <NextSteps s={s} />
                <Records s={s} />
              </Col>
              <Col xs={24} xl={10}>
                <Obligations s={s} />
              </Col>
            </Row>
          </div>
        ))
      )}
    </div>
  );
}
