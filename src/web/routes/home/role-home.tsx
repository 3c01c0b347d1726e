import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Progress,
  Result,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Role } from '../../../shared/accounts';
import { toShanghaiIso } from '../../../shared/time';
import type { CurrentUser } from '../../features/auth/api';
import { beijing, Countdown, StatusTag } from '../../features/applications/status';
import { useCalls, type Call } from '../../features/calls/api';
import { useApplicationDetail, useApplicationPage, useCalendarOverrides, useEditions, useVerifyAudit } from '../../features/home/api';
import '../../features/home/i18n';
import { useInbox, formatTime } from '../../features/notifications/api';
import { useManagedCalls, type ManagedCall } from '../../features/officer/api';
import { useMyAssignments } from '../../features/review-panels/api';
import '../../features/review-panels/i18n';
import { useNotices, useStudios, type NoticeSummary, type StudioSummary } from '../../features/registry/api';
import { useUnitProfile } from '../../features/units/api';

const GOV_RED = '#a61d24';

/** The calendar date in Beijing, 'YYYY-MM-DD'. */
const beijingToday = () => toShanghaiIso(new Date()).slice(0, 10);
const money = (n: number) => n.toLocaleString('zh-CN');

interface QueryLike {
  isLoading: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** Loading skeleton, a Chinese error with 重试, or the content. */
function Loaded({ q, children, rows = 3 }: { q: QueryLike | QueryLike[]; children: () => ReactNode; rows?: number }) {
  const { t } = useTranslation();
  const qs = Array.isArray(q) ? q : [q];
  if (qs.some((x) => x.isLoading)) return <Skeleton active paragraph={{ rows }} />;
  const failed = qs.find((x) => x.isError);
  if (failed)
    return (
      <Alert
        type="error"
        showIcon
        message={t('home2.common.loadError')}
        description={failed.error instanceof Error ? failed.error.message : String(failed.error)}
        action={<Button size="small" onClick={() => qs.forEach((x) => x.isError && x.refetch())}>{t('home2.common.retry')}</Button>}
      />
    );
  return <>{children()}</>;
}

function DeskHeader({ title, sub, extra }: { title: ReactNode; sub?: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', gap: 16, marginBottom: 16, flexWrap: 'wrap' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {sub && <Typography.Text type="secondary">{sub}</Typography.Text>}
      </div>
      {extra}
    </div>
  );
}

function StatCard({ title, value, suffix, hint, color, testId, onClick }: { title: string; value: number | string; suffix?: string; hint?: ReactNode; color?: string; testId?: string; onClick?: () => void }) {
  return (
    <Card size="small" hoverable={!!onClick} onClick={onClick} style={{ height: '100%', borderTop: `3px solid ${color ?? GOV_RED}` }}>
      <Statistic title={title} value={value} suffix={suffix} valueStyle={{ color: color ?? undefined }} data-testid={testId} />
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </Card>
  );
}

function NextSteps({ steps }: { steps: { text: string; to?: string; action?: string; danger?: boolean }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card title={t('home2.common.next')} size="small" data-testid="next-steps">
      {steps.length === 0 ? (
        <Typography.Text type="secondary">{t('home2.common.allDone')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={steps}
          renderItem={(s, i) => (
            <List.Item>
              <Space align="start">
                <Tag color={s.danger ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
                  {i + 1}
                </Tag>
                <div>
                  <div>{s.text}</div>
                  {s.to && (
                    <Button size="small" style={{ marginTop: 6 }} type={s.danger ? 'primary' : 'default'} danger={s.danger} onClick={() => navigate(s.to!)}>
                      {s.action ?? t('home2.common.view')}
                    </Button>
                  )}
                </div>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

const jurisdictionsOf = (user: CurrentUser, role: Role) =>
  user.roles.filter((r) => r.role === role && r.jurisdiction).map((r) => ({ code: r.jurisdiction!, name: r.jurisdictionName ?? r.jurisdiction! }));

function callStatusTag(status: string, t: (k: string) => string) {
  const color = status === 'open' ? 'green' : status === 'upcoming' ? 'blue' : 'default';
  return <Tag color={color}>{t(`home2.callStatus.${status}`)}</Tag>;
}

function greetingKey() {
  const h = Number(toShanghaiIso(new Date()).slice(11, 13));
  return h < 12 ? 'morning' : h < 18 ? 'afternoon' : 'evening';
}

// ───────────────────────────── 申报单位 ─────────────────────────────

const PROFILE_FIELDS = ['creditCode', 'address', 'legalRepresentative', 'contactName', 'contactPhone', 'industry', 'bankName', 'bankAccount'] as const;

function ApplicantDesk({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const apps = useApplicationPage(null);
  const calls = useCalls();
  const unit = useUnitProfile();
  const inbox = useInbox({ limit: 5, unreadOnly: true });
  const jurisdictions = jurisdictionsOf(user, 'applicant');
  const codes = new Set(jurisdictions.map((j) => j.code));
  const items = apps.data?.items ?? [];
  const returned = items.filter((a) => a.status === 'returned');
  const firstReturned = returned[0];
  const detail = useApplicationDetail(firstReturned?.id);
  const openRound = detail.data?.corrections?.filter((c) => !c.answeredAt).at(-1);
  const count = (s: string) => items.filter((a) => a.status === s).length;
  const submitted = count('submitted') + count('resubmitted');
  const later = items.length - count('draft') - submitted - returned.length;
  const myCalls = (calls.data ?? []).filter((c) => codes.has(c.jurisdiction) && c.status !== 'closed');
  const byCall = new Map(items.map((a) => [a.callId, a]));
  const profile = unit.data as Record<string, unknown> | undefined;
  const filled = PROFILE_FIELDS.filter((f) => profile && profile[f] !== null && profile[f] !== undefined && String(profile[f]).trim() !== '');
  const missing = PROFILE_FIELDS.filter((f) => !filled.includes(f));
  const persons = unit.data?.personCount ?? 0;

  const steps: { text: string; to?: string; action?: string; danger?: boolean }[] = [];
  for (const a of returned) {
    const deadline = a.id === firstReturned?.id && openRound ? openRound.deadline : '—';
    steps.push({ text: t('home2.applicant.stepFix', { number: a.number, deadline }), to: `/app/applications/${a.id}`, action: t('home2.applicant.goFix'), danger: true });
  }
  for (const a of items.filter((x) => x.status === 'draft')) {
    const call = calls.data?.find((c) => c.id === a.callId);
    steps.push({ text: t('home2.applicant.stepDraft', { number: a.number, closes: call ? beijing(call.closesAt) : '—' }), to: `/app/applications/${a.id}`, action: t('home2.applicant.continue') });
  }
  if (unit.data && missing.length) steps.push({ text: t('home2.applicant.stepProfile'), to: '/app/unit', action: t('home2.applicant.editUnit') });
  if (unit.data && persons === 0) steps.push({ text: t('home2.applicant.stepPersons'), to: '/app/unit', action: t('home2.applicant.editUnit') });
  for (const c of myCalls.filter((c) => c.status === 'open' && !byCall.has(c.id))) steps.push({ text: t('home2.applicant.stepStart', { title: c.title }), to: '/app/self-check', action: t('home2.menu.selfCheck') });
  for (const a of items.filter((x) => x.status === 'submitted' || x.status === 'resubmitted')) steps.push({ text: t('home2.applicant.stepWait', { number: a.number }), to: `/app/applications/${a.id}` });
  if (apps.data && items.length === 0 && myCalls.length === 0) steps.push({ text: t('home2.applicant.stepSelfCheck'), to: '/app/self-check', action: t('home2.menu.selfCheck') });

  return (
    <>
      <DeskHeader
        title={t('home2.applicant.greeting', { greeting: t(`home2.greeting.${greetingKey()}`), unit: user.unit?.name ?? user.displayName })}
        sub={
          <>
            {t('home2.applicant.sub', { jurisdiction: jurisdictions.map((j) => j.name).join('、') })} · {t('home2.common.today', { date: beijingToday() })}
          </>
        }
      />
      {firstReturned && (
        <Alert
          data-testid="returned-alert"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={<strong>{t('home2.applicant.returnedAlert', { number: firstReturned.number, title: firstReturned.title ?? firstReturned.callTitle })}</strong>}
          description={
            <div>
              {openRound ? (
                <>
                  <div data-testid="returned-deadline">{t('home2.applicant.returnedDeadline', { deadline: openRound.deadline, round: openRound.round })}</div>
                  <div style={{ marginTop: 4 }}>{t('home2.applicant.returnedItems', { count: openRound.items.length })}</div>
                  <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                    {openRound.items.map((it) => (
                      <li key={it.kind + it.id}>{it.comment}</li>
                    ))}
                  </ol>
                </>
              ) : detail.isLoading ? (
                <Skeleton active paragraph={{ rows: 1 }} title={false} />
              ) : null}
            </div>
          }
          action={
            <Button type="primary" danger data-testid="go-fix" onClick={() => navigate(`/app/applications/${firstReturned.id}`)}>
              {t('home2.applicant.goFix')}
            </Button>
          }
        />
      )}
      <Loaded q={apps} rows={1}>
        {() => (
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <StatCard title={t('home2.applicant.draft')} value={count('draft')} suffix={t('home2.common.unitPiece')} color="#595959" testId="apps-draft" onClick={() => navigate('/app/applications')} />
            </Col>
            <Col xs={12} md={6}>
              <StatCard title={t('home2.applicant.submitted')} value={submitted} suffix={t('home2.common.unitPiece')} color="#1677ff" testId="apps-submitted" onClick={() => navigate('/app/applications')} />
            </Col>
            <Col xs={12} md={6}>
              <StatCard title={t('home2.applicant.returned')} value={returned.length} suffix={t('home2.common.unitPiece')} color={returned.length ? '#cf1322' : '#595959'} testId="apps-returned" onClick={() => navigate('/app/applications')} />
            </Col>
            <Col xs={12} md={6}>
              <StatCard title={t('home2.applicant.later')} value={later} suffix={t('home2.common.unitPiece')} color="#389e0d" testId="apps-later" onClick={() => navigate('/app/applications')} />
            </Col>
          </Row>
        )}
      </Loaded>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('home2.applicant.openCalls')} size="small" extra={<Link to="/calls">{t('home2.common.more')}</Link>}>
              <Loaded q={[calls, apps]}>
                {() =>
                  myCalls.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home2.applicant.noCalls')} />
                  ) : (
                    <Table<Call>
                      data-testid="open-calls"
                      size="small"
                      rowKey="id"
                      pagination={false}
                      dataSource={myCalls}
                      columns={[
                        { title: t('home2.program.calls'), dataIndex: 'title', render: (v: string, c) => <Link to={`/calls/${c.id}`}>{v}</Link> },
                        { title: t('home2.common.closesAt'), dataIndex: 'closesAt', width: 150, render: (v: string) => beijing(v) },
                        { title: t('home2.common.countdown'), width: 130, render: (_, c) => (c.status === 'open' ? <Countdown until={c.closesAt} closedText={t('home2.common.closed')} /> : callStatusTag(c.status, t)) },
                        {
                          title: '',
                          width: 110,
                          align: 'right',
                          render: (_, c) => {
                            const a = byCall.get(c.id);
                            if (a)
                              return (
                                <Button size="small" type={a.status === 'draft' || a.status === 'returned' ? 'primary' : 'default'} onClick={() => navigate(`/app/applications/${a.id}`)}>
                                  {a.status === 'draft' ? t('home2.applicant.continue') : a.status === 'returned' ? t('home2.applicant.goFix') : t('home2.applicant.open')}
                                </Button>
                              );
                            return c.status === 'open' ? (
                              <Button size="small" type="primary" onClick={() => navigate('/app/applications')}>
                                {t('home2.applicant.start')}
                              </Button>
                            ) : null;
                          },
                        },
                      ]}
                    />
                  )
                }
              </Loaded>
            </Card>
            <Card title={t('home2.applicant.myApps')} size="small" extra={<Link to="/app/applications">{t('home2.common.more')}</Link>}>
              <Loaded q={apps}>
                {() =>
                  items.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home2.applicant.noApps')} />
                  ) : (
                    <List
                      size="small"
                      dataSource={[...items].sort((a, b) => Number(b.status === 'returned') - Number(a.status === 'returned'))}
                      renderItem={(a) => (
                        <List.Item data-testid="my-app" actions={[<Link key="o" to={`/app/applications/${a.id}`}>{a.status === 'returned' ? t('home2.applicant.goFix') : t('home2.common.view')}</Link>]}>
                          <List.Item.Meta
                            title={
                              <Space wrap>
                                <span>{a.title ?? a.callTitle}</span>
                                <StatusTag status={a.status} name={a.statusName} />
                              </Space>
                            }
                            description={`${a.number} · ${a.callTitle} · ${beijing(a.updatedAt)}`}
                          />
                        </List.Item>
                      )}
                    />
                  )
                }
              </Loaded>
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Loaded q={[apps, calls, unit]}>{() => <NextSteps steps={steps} />}</Loaded>
            <Card title={t('home2.applicant.unitProfile')} size="small" extra={<Link to="/app/unit">{t('home2.applicant.editUnit')}</Link>}>
              <Loaded q={unit}>
                {() => (
                  <>
                    <Progress percent={Math.round((filled.length / PROFILE_FIELDS.length) * 100)} status={missing.length ? 'active' : 'success'} strokeColor={missing.length ? '#faad14' : undefined} />
                    <Typography.Text type="secondary">{t('home2.applicant.profileFields', { filled: filled.length, total: PROFILE_FIELDS.length })}</Typography.Text>
                    {missing.length > 0 && (
                      <div>
                        <Typography.Text type="warning">{t('home2.applicant.missing', { fields: missing.map((f) => t(`home2.applicant.fields.${f}`)).join('、') })}</Typography.Text>
                      </div>
                    )}
                    <Statistic style={{ marginTop: 12 }} title={t('home2.applicant.persons')} value={persons} suffix={t('home2.common.unitPerson')} data-testid="unit-persons" />
                  </>
                )}
              </Loaded>
            </Card>
            <Card title={t('home2.applicant.inbox')} size="small" extra={<Link to="/app/notifications">{t('home2.applicant.inboxAll')}</Link>}>
              <Loaded q={inbox}>
                {() =>
                  (inbox.data?.items.length ?? 0) === 0 ? (
                    <Typography.Text type="secondary">{t('home2.applicant.inboxEmpty')}</Typography.Text>
                  ) : (
                    <>
                      <Statistic value={inbox.data!.unread} suffix={t('home2.common.unitItem')} valueStyle={{ color: GOV_RED }} />
                      <List
                        size="small"
                        dataSource={inbox.data!.items}
                        renderItem={(m) => (
                          <List.Item>
                            <List.Item.Meta
                              title={m.applicationId ? <Link to={`/app/applications/${m.applicationId}`}>{m.title}</Link> : m.title}
                              description={formatTime(m.createdAt)}
                            />
                          </List.Item>
                        )}
                      />
                    </>
                  )
                }
              </Loaded>
            </Card>
          </Space>
        </Col>
      </Row>
    </>
  );
}

// ───────────────────────────── 受理初审 ─────────────────────────────

function IntakeQueue({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queue = useApplicationPage(['submitted', 'resubmitted']);
  const returned = useApplicationPage(['returned'], 1);
  const rows = [...(queue.data?.items ?? [])].sort((a, b) => (b.waitingWorkingDays ?? 0) - (a.waitingWorkingDays ?? 0));
  const oldest = rows[0]?.waitingWorkingDays ?? 0;
  const resub = rows.filter((a) => a.status === 'resubmitted').length;
  return (
    <Card
      title={t('home2.menu.intake')}
      size="small"
      extra={
        <Button type="primary" size="small" onClick={() => navigate('/app/intake')} data-testid="go-intake">
          {t('home2.intake.go')}
        </Button>
      }
    >
      <Loaded q={[queue, returned]}>
        {() => (
          <>
            <Row gutter={[16, 16]} style={{ marginBottom: 12 }}>
              <Col xs={8}>
                <Statistic title={t('home2.intake.queue')} value={queue.data!.total} suffix={t('home2.common.unitPiece')} valueStyle={{ color: queue.data!.total ? GOV_RED : undefined }} data-testid="intake-queue" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('home2.intake.queueHint', { submitted: rows.length - resub, resubmitted: resub })}
                </Typography.Text>
              </Col>
              <Col xs={8}>
                <Statistic title={t('home2.intake.oldest')} value={oldest} suffix={t('home2.common.unitDay')} valueStyle={{ color: oldest >= 5 ? '#cf1322' : undefined }} data-testid="intake-oldest" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('home2.intake.oldestHint')}
                </Typography.Text>
              </Col>
              <Col xs={8}>
                <Statistic title={t('home2.intake.returned')} value={returned.data!.total} suffix={t('home2.common.unitPiece')} data-testid="intake-returned" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('home2.intake.returnedHint')}
                </Typography.Text>
              </Col>
            </Row>
            {rows.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home2.intake.empty')} />
            ) : (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={rows.slice(0, compact ? 3 : 5)}
                onRow={(a) => ({ onClick: () => navigate(`/app/intake/${a.id}`), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('home2.intake.list'), dataIndex: 'number', render: (v: string, a) => <Space direction="vertical" size={0}><Typography.Text strong>{v}</Typography.Text><Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.unitName}</Typography.Text></Space> },
                  { title: '', dataIndex: 'status', width: 130, render: (_: string, a) => <StatusTag status={a.status} name={a.statusName} /> },
                  { title: t('home2.intake.waiting'), dataIndex: 'waitingWorkingDays', width: 110, align: 'right', render: (v: number | null) => <Typography.Text type={(v ?? 0) >= 5 ? 'danger' : undefined}>{v ?? 0} {t('home2.common.unitDay')}</Typography.Text> },
                ]}
              />
            )}
          </>
        )}
      </Loaded>
    </Card>
  );
}

function IntakeDesk({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const queue = useApplicationPage(['submitted', 'resubmitted']);
  const returned = useApplicationPage(['returned'], 1);
  const oldest = Math.max(0, ...(queue.data?.items ?? []).map((a) => a.waitingWorkingDays ?? 0));
  const steps: { text: string; to?: string; action?: string; danger?: boolean }[] = [];
  if (queue.data?.total) steps.push({ text: t('home2.intake.stepQueue', { count: queue.data.total, days: oldest }), to: '/app/intake', action: t('home2.intake.go'), danger: oldest >= 5 });
  if (returned.data?.total) steps.push({ text: t('home2.intake.stepReturned', { count: returned.data.total }), to: '/app/intake' });
  return (
    <>
      <DeskHeader title={t('home2.intake.title')} sub={`${jurisdictionsOf(user, 'intake').map((j) => j.name).join('、')} · ${t('home2.common.today', { date: beijingToday() })}`} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <IntakeQueue />
        </Col>
        <Col xs={24} lg={8}>
          <Loaded q={[queue, returned]}>{() => <NextSteps steps={steps} />}</Loaded>
        </Col>
      </Row>
    </>
  );
}

// ───────────────────────────── 业务主管 ─────────────────────────────

function ManagedCallsTable({ calls }: { calls: ManagedCall[] }) {
  const { t } = useTranslation();
  const order = { open: 0, upcoming: 1, closed: 2 } as Record<string, number>;
  return (
    <Table<ManagedCall>
      data-testid="managed-calls"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...calls].sort((a, b) => order[a.status] - order[b.status] || b.opensAt.localeCompare(a.opensAt))}
      columns={[
        {
          title: t('home2.program.calls'),
          dataIndex: 'title',
          render: (v: string, c) => (
            <Space direction="vertical" size={0}>
              <Link to={`/app/calls/${c.id}`}>{v}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.documentNumber} · {t('home2.common.closesAt')} {beijing(c.closesAt)}
              </Typography.Text>
            </Space>
          ),
        },
        { title: '', dataIndex: 'status', width: 90, render: (s: string) => callStatusTag(s, t) },
        { title: t('home2.program.total'), width: 70, align: 'right', render: (_, c) => c.counts.total },
        { title: t('home2.program.waiting'), width: 80, align: 'right', render: (_, c) => <Typography.Text strong={c.counts.submitted + c.counts.resubmitted > 0} type={c.counts.submitted + c.counts.resubmitted > 0 ? 'danger' : undefined}>{c.counts.submitted + c.counts.resubmitted}</Typography.Text> },
        { title: t('home2.program.returned'), width: 80, align: 'right', render: (_, c) => c.counts.returned },
        { title: t('home2.program.quota'), width: 60, align: 'right', render: (_, c) => c.quota ?? t('home2.program.noQuota') },
      ]}
    />
  );
}

function StudioBreakdown({ studios }: { studios: StudioSummary[] }) {
  const { t } = useTranslation();
  const by = <K extends keyof StudioSummary>(k: K) => studios.reduce<Record<string, number>>((m, s) => ({ ...m, [String(s[k])]: (m[String(s[k])] ?? 0) + 1 }), {});
  const status = by('status');
  const level = by('level');
  const colors: Record<string, string> = { active: 'green', suspended: 'orange', revoked: 'red', dissolved: 'default' };
  return (
    <>
      <Statistic value={studios.length} suffix={t('home2.common.unitItem')} data-testid="studio-count" />
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('home2.program.studiosByStatus')}>
          <Space wrap size={4}>
            {(['active', 'suspended', 'revoked', 'dissolved'] as const).filter((s) => status[s]).map((s) => (
              <Tag key={s} color={colors[s]}>
                {t(`home2.studioStatus.${s}`)} {status[s]}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('home2.program.byLevel')}>
          <Space wrap size={4}>
            {(['national', 'municipal', 'district'] as const).filter((s) => level[s]).map((s) => (
              <Tag key={s}>
                {t(`home2.level.${s}`)} {level[s]}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}

function NoticeList({ notices }: { notices: NoticeSummary[] }) {
  const { t } = useTranslation();
  if (notices.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home2.program.noNotices')} />;
  return (
    <List
      size="small"
      dataSource={notices}
      renderItem={(n) => (
        <List.Item>
          <List.Item.Meta
            title={<Link to={`/notices/${n.id}`}>{n.title}</Link>}
            description={
              <Space wrap size={4}>
                <Tag color={n.status === 'running' ? 'red' : 'default'}>{n.status === 'running' ? t('home2.program.running') : n.concluded ? t('home2.noticeStatus.concluded') : t('home2.noticeStatus.ended')}</Tag>
                <span>{n.startsOn} – {t('home2.program.endsOn', { date: n.endsOn })}</span>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}

function ProgramDesk({ user, holdsIntake }: { user: CurrentUser; holdsIntake: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const calls = useManagedCalls();
  const notices = useNotices();
  const studios = useStudios();
  const codes = new Set(jurisdictionsOf(user, 'program').map((j) => j.code));
  const mine = (notices.data ?? []).filter((n) => codes.has(n.jurisdiction));
  const myStudios = (studios.data ?? []).filter((s) => codes.has(s.jurisdiction));
  const list = calls.data ?? [];
  const open = list.filter((c) => c.status === 'open');
  const sum = (f: (c: ManagedCall) => number) => list.reduce((n, c) => n + f(c), 0);
  const steps: { text: string; to?: string; action?: string; danger?: boolean }[] = [];
  for (const c of open) steps.push({ text: t('home2.program.stepOpen', { title: c.title, waiting: c.counts.submitted + c.counts.resubmitted }), to: holdsIntake ? '/app/intake' : `/app/calls/${c.id}`, action: holdsIntake ? t('home2.intake.go') : undefined });
  for (const n of mine.filter((n) => n.status === 'running')) steps.push({ text: t('home2.program.stepNotice', { title: n.title, date: n.endsOn }), to: `/notices/${n.id}` });
  if (calls.data && open.length === 0) steps.push({ text: t('home2.program.stepNoCall'), to: '/app/calls/new', action: t('home2.program.newCall') });
  return (
    <>
      <DeskHeader
        title={t('home2.program.title')}
        sub={`${jurisdictionsOf(user, 'program').map((j) => j.name).join('、')} · ${t('home2.common.today', { date: beijingToday() })}`}
        extra={
          <Button type="primary" onClick={() => navigate('/app/calls/new')} data-testid="new-call">
            {t('home2.program.newCall')}
          </Button>
        }
      />
      <Loaded q={[calls, notices, studios]} rows={1}>
        {() => (
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <StatCard title={t('home2.callStatus.open')} value={open.length} suffix={t('home2.common.unitItem')} hint={`${t('home2.callStatus.upcoming')} ${list.filter((c) => c.status === 'upcoming').length} · ${t('home2.callStatus.closed')} ${list.filter((c) => c.status === 'closed').length}`} testId="calls-open" onClick={() => navigate('/app/calls')} />
            </Col>
            <Col xs={12} md={6}>
              <StatCard title={t('home2.program.waiting')} value={sum((c) => c.counts.submitted + c.counts.resubmitted)} suffix={t('home2.common.unitPiece')} color="#1677ff" hint={`${t('home2.program.total')} ${sum((c) => c.counts.total)} · ${t('home2.program.draft')} ${sum((c) => c.counts.draft)}`} testId="calls-waiting" onClick={holdsIntake ? () => navigate('/app/intake') : undefined} />
            </Col>
            <Col xs={12} md={6}>
              <StatCard title={t('home2.program.returned')} value={sum((c) => c.counts.returned)} suffix={t('home2.common.unitPiece')} color="#d48806" testId="calls-returned" />
            </Col>
            <Col xs={12} md={6}>
              <StatCard title={t('home2.program.running')} value={mine.filter((n) => n.status === 'running').length} suffix={t('home2.common.unitItem')} color="#389e0d" hint={`${t('home2.program.studios')} ${myStudios.length}`} testId="notices-running" />
            </Col>
          </Row>
        )}
      </Loaded>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('home2.program.calls')} size="small" extra={<Link to="/app/calls">{t('home2.common.more')}</Link>}>
              <Loaded q={calls}>{() => (list.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home2.program.noCalls')}><Button type="primary" onClick={() => navigate('/app/calls/new')}>{t('home2.program.newCall')}</Button></Empty> : <ManagedCallsTable calls={list} />)}</Loaded>
            </Card>
            {holdsIntake && <IntakeQueue compact />}
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Loaded q={[calls, notices]}>{() => <NextSteps steps={steps} />}</Loaded>
            <Card title={t('home2.program.notices')} size="small" extra={<Link to="/notices">{t('home2.common.more')}</Link>}>
              <Loaded q={notices}>{() => <NoticeList notices={mine.slice(0, 4)} />}</Loaded>
            </Card>
            <Card title={t('home2.program.studios')} size="small" extra={<Link to="/studios">{t('home2.common.more')}</Link>}>
              <Loaded q={studios}>{() => <StudioBreakdown studios={myStudios} />}</Loaded>
            </Card>
          </Space>
        </Col>
      </Row>
    </>
  );
}

// ───────────────────────────── 评审专家 ─────────────────────────────

/** The expert's assignments at a glance: pending (to declare, to score) and done, with a link to the list. */
function ExpertAssignmentsCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useMyAssignments();
  const c = mine.data?.counts;
  const todo = (mine.data?.items ?? []).filter((a) => a.status === 'pending' || a.status === 'accepted');
  return (
    <Card
      title={t('home2.expert.assignments')}
      size="small"
      extra={<Link to="/app/assignments" data-testid="expert-assignments-link">{t('reviewPanels.mine.title')}</Link>}
    >
      <Loaded q={mine}>
        {() =>
          !c || c.pending + c.done === 0 ? (
            <Result status="info" title={t('home2.expert.emptyTitle')} subTitle={<div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="expert-empty">{t('home2.expert.emptyBody')}</div>} />
          ) : (
            <>
              <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
                <Col span={8}>
                  <StatCard title={t('reviewPanels.mine.toDeclare')} value={c.toDeclare} color="#faad14" testId="expert-to-declare" onClick={() => navigate('/app/assignments')} />
                </Col>
                <Col span={8}>
                  <StatCard title={t('reviewPanels.mine.toScore')} value={c.toScore} color="#1677ff" testId="expert-to-score" onClick={() => navigate('/app/assignments')} />
                </Col>
                <Col span={8}>
                  <StatCard title={t('reviewPanels.mine.done')} value={c.done} color="#52c41a" testId="expert-done" onClick={() => navigate('/app/assignments')} />
                </Col>
              </Row>
              {todo.length > 0 && (
                <List
                  size="small"
                  dataSource={todo.slice(0, 5)}
                  renderItem={(a) => (
                    <List.Item actions={[<Link key="go" to={a.status === 'pending' ? '/app/assignments' : `/app/assignments/${a.id}`}>{a.status === 'pending' ? t('reviewPanels.mine.declare') : t('reviewPanels.mine.score')}</Link>]}>
                      <List.Item.Meta title={`${a.number} · ${a.unitName}`} description={`${a.callTitle} · ${a.statusName}`} />
                    </List.Item>
                  )}
                />
              )}
            </>
          )
        }
      </Loaded>
    </Card>
  );
}

function ExpertDesk({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const calls = useCalls();
  const js = jurisdictionsOf(user, 'expert');
  const codes = new Set(js.map((j) => j.code));
  const open = (calls.data ?? []).filter((c) => codes.has(c.jurisdiction) && c.status === 'open');
  return (
    <>
      <DeskHeader title={t('home2.expert.title')} sub={t('home2.common.today', { date: beijingToday() })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <ExpertAssignmentsCard />
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('home2.expert.serves')} size="small">
              <Space wrap>
                {js.map((j) => (
                  <Tag key={j.code} color="red" style={{ fontSize: 14, padding: '4px 10px' }}>
                    {j.name}
                  </Tag>
                ))}
              </Space>
            </Card>
            <Card title={t('home2.expert.calls')} size="small">
              <Loaded q={calls}>
                {() =>
                  open.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                  ) : (
                    <List size="small" dataSource={open} renderItem={(c) => <List.Item><List.Item.Meta title={<Link to={`/calls/${c.id}`}>{c.title}</Link>} description={`${t('home2.common.closesAt')} ${beijing(c.closesAt)}`} /></List.Item>} />
                  )
                }
              </Loaded>
            </Card>
          </Space>
        </Col>
      </Row>
    </>
  );
}

// ───────────────────────────── 纪检监察 ─────────────────────────────

export function AuditVerifyCard() {
  const { t } = useTranslation();
  const verify = useVerifyAudit();
  const r = verify.data;
  return (
    <Card
      title={t('home2.menu.audit')}
      size="small"
      extra={
        <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()} data-testid="verify-audit">
          {verify.isPending ? t('home2.inspector.verifying') : t('home2.inspector.verify')}
        </Button>
      }
    >
      {verify.isError ? (
        <Alert type="error" showIcon message={t('home2.common.loadError')} description={(verify.error as Error).message} />
      ) : r ? (
        <div data-testid="audit-result">
          <Alert type={r.ok ? 'success' : 'error'} showIcon message={<strong>{r.ok ? t('home2.inspector.ok') : t('home2.inspector.broken')}</strong>} description={r.message} />
          <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('home2.inspector.checked', { count: r.checked })}>{r.ok ? '✓' : r.firstBroken ? t('home2.inspector.firstBroken', { id: r.firstBroken.id }) : '—'}</Descriptions.Item>
            {r.lastHash && (
              <Descriptions.Item label={t('home2.inspector.lastHash')}>
                <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>
                  {r.lastHash}
                </Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
        </div>
      ) : (
        <Typography.Text type="secondary">{t('home2.inspector.notVerified')}</Typography.Text>
      )}
    </Card>
  );
}

function InspectorDesk({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const calls = useManagedCalls();
  const apps = useApplicationPage(null, 1);
  const notices = useNotices();
  const studios = useStudios();
  const js = jurisdictionsOf(user, 'inspector');
  const codes = new Set(js.map((j) => j.code));
  const myNotices = (notices.data ?? []).filter((n) => codes.has(n.jurisdiction));
  const myStudios = (studios.data ?? []).filter((s) => codes.has(s.jurisdiction));
  const list = calls.data ?? [];
  const sum = (f: (c: ManagedCall) => number) => list.reduce((n, c) => n + f(c), 0);
  return (
    <>
      <DeskHeader title={t('home2.inspector.title')} sub={`${js.map((j) => j.name).join('、')} · ${t('home2.common.today', { date: beijingToday() })}`} />
      <Alert type="info" showIcon message={t('home2.inspector.readOnly')} style={{ marginBottom: 16 }} />
      <Loaded q={[calls, apps, notices, studios]} rows={1}>
        {() => (
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <StatCard title={t('home2.inspector.calls')} value={list.length} suffix={t('home2.common.unitItem')} hint={`${t('home2.callStatus.open')} ${list.filter((c) => c.status === 'open').length}`} testId="insp-calls" />
            </Col>
            <Col xs={12} md={6}>
              <StatCard title={t('home2.inspector.applications')} value={apps.data!.total} suffix={t('home2.common.unitPiece')} color="#1677ff" hint={`${t('home2.program.waiting')} ${sum((c) => c.counts.submitted + c.counts.resubmitted)} · ${t('home2.program.returned')} ${sum((c) => c.counts.returned)}`} testId="insp-apps" />
            </Col>
            <Col xs={12} md={6}>
              <StatCard title={t('home2.inspector.notices')} value={myNotices.length} suffix={t('home2.common.unitItem')} color="#389e0d" hint={`${t('home2.program.running')} ${myNotices.filter((n) => n.status === 'running').length}`} testId="insp-notices" />
            </Col>
            <Col xs={12} md={6}>
              <StatCard title={t('home2.inspector.studios')} value={myStudios.length} suffix={t('home2.common.unitItem')} color="#d48806" hint={`${t('home2.studioStatus.active')} ${myStudios.filter((s) => s.status === 'active').length}`} testId="insp-studios" />
            </Col>
          </Row>
        )}
      </Loaded>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('home2.program.calls')} size="small">
            <Loaded q={calls}>{() => (list.length ? <ManagedCallsTable calls={list} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home2.program.noCalls')} />)}</Loaded>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <AuditVerifyCard />
            <Card title={t('home2.program.notices')} size="small">
              <Loaded q={notices}>{() => <NoticeList notices={myNotices.slice(0, 4)} />}</Loaded>
            </Card>
          </Space>
        </Col>
      </Row>
    </>
  );
}

// ───────────────────────────── 财政 ─────────────────────────────

function FinanceDesk({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const notices = useNotices();
  const js = jurisdictionsOf(user, 'finance');
  const codes = new Set(js.map((j) => j.code));
  const mine = (notices.data ?? []).filter((n) => codes.has(n.jurisdiction));
  const concluded = mine.filter((n) => n.concluded);
  const pending = mine.filter((n) => !n.concluded);
  const total = (ns: NoticeSummary[]) => ns.reduce((s, n) => s + n.items.reduce((x, i) => x + (i.amount ?? 0), 0), 0);
  const itemsTable = (n: NoticeSummary) => (
    <Table
      size="small"
      rowKey={(i) => i.name}
      pagination={false}
      dataSource={n.items}
      columns={[
        { title: t('home2.finance.name'), dataIndex: 'name' },
        { title: t('home2.finance.unit'), dataIndex: 'unit' },
        { title: t('home2.finance.amount'), dataIndex: 'amount', align: 'right', width: 130, render: (v?: number) => (v === undefined ? '—' : money(v)) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <strong>{t('home2.finance.sum')}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <strong>{money(total([n]))}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
  return (
    <>
      <DeskHeader title={t('home2.finance.title')} sub={`${js.map((j) => j.name).join('、')} · ${t('home2.common.today', { date: beijingToday() })}`} />
      <Alert type="info" showIcon message={t('home2.finance.note')} style={{ marginBottom: 16 }} />
      <Loaded q={notices}>
        {() => (
          <>
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={12} md={8}>
                <StatCard title={t('home2.finance.concluded')} value={concluded.length} suffix={t('home2.common.unitItem')} testId="fin-concluded" />
              </Col>
              <Col xs={12} md={8}>
                <StatCard title={t('home2.finance.sum')} value={money(total(concluded))} suffix="元" color="#389e0d" testId="fin-sum" />
              </Col>
              <Col xs={24} md={8}>
                <StatCard title={t('home2.finance.running')} value={pending.length} suffix={t('home2.common.unitItem')} color="#d48806" hint={pending.length ? `${t('home2.finance.sum')} ${money(total(pending))} 元` : undefined} />
              </Col>
            </Row>
            <Card title={t('home2.finance.concluded')} size="small" style={{ marginBottom: 16 }}>
              {concluded.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home2.finance.noConcluded')} />
              ) : (
                <Space direction="vertical" size={16} style={{ width: '100%' }}>
                  {concluded.map((n) => (
                    <div key={n.id}>
                      <Typography.Title level={5}>
                        <Link to={`/notices/${n.id}`}>{n.title}</Link>
                      </Typography.Title>
                      {itemsTable(n)}
                    </div>
                  ))}
                </Space>
              )}
            </Card>
            {pending.length > 0 && (
              <Card title={t('home2.finance.running')} size="small">
                <Space direction="vertical" size={16} style={{ width: '100%' }}>
                  {pending.map((n) => (
                    <div key={n.id}>
                      <Typography.Title level={5}>
                        <Link to={`/notices/${n.id}`}>{n.title}</Link> <Tag color="red">{t('home2.program.endsOn', { date: n.endsOn })}</Tag>
                      </Typography.Title>
                      {itemsTable(n)}
                    </div>
                  ))}
                </Space>
              </Card>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}

// ───────────────────────────── 平台管理员 ─────────────────────────────

function AdminDesk() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const editions = useEditions();
  const calendar = useCalendarOverrides();
  const calls = useCalls();
  const zh = i18n.language !== 'en-US';
  const txt = (x: { zh: string; en: string } | string) => (typeof x === 'string' ? x : zh ? x.zh : x.en);
  const year = Number(beijingToday().slice(0, 4));
  return (
    <>
      <DeskHeader
        title={t('home2.admin.title')}
        sub={t('home2.common.today', { date: beijingToday() })}
        extra={
          <Space>
            <Button onClick={() => navigate('/app/users')}>{t('home2.admin.users')}</Button>
            <Button type="primary" onClick={() => navigate('/app/calendar')}>
              {t('home2.admin.manage')}
            </Button>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title={t('home2.admin.jurisdictions')} size="small" extra={<Link to="/app/jurisdictions">{t('home2.common.more')}</Link>}>
            <Loaded q={[editions, calls]}>
              {() => (
                <Table
                  data-testid="admin-editions"
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={editions.data ?? []}
                  columns={[
                    { title: t('homeRole.jurisdiction'), render: (_, e) => <strong>{txt(e.jurisdictionName)}</strong>, width: 180 },
                    { title: t('home2.admin.edition'), render: (_, e) => <Space direction="vertical" size={0}><Link to={`/policies/${e.id}`}>{txt(e.title)}</Link><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.documentNumber}</Typography.Text></Space> },
                    { title: t('home2.admin.status'), width: 110, render: (_, e) => <Tag color={e.status === 'in-force' ? 'green' : e.status === 'draft' ? 'orange' : 'default'}>{t(`home2.admin.editionStatus.${e.status}`)}</Tag> },
                    { title: t('home2.callStatus.open'), width: 80, align: 'right', render: (_, e) => (calls.data ?? []).filter((c) => c.jurisdiction === e.jurisdiction && c.status === 'open').length },
                  ]}
                />
              )}
            </Loaded>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('home2.admin.calendar')} size="small" extra={<Link to="/app/calendar">{t('home2.admin.manage')}</Link>}>
            <Loaded q={calendar}>
              {() =>
                (calendar.data ?? []).length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home2.admin.calendarEmpty')} data-testid="calendar-empty" />
                ) : (
                  <List
                    size="small"
                    dataSource={calendar.data}
                    renderItem={(c) => (
                      <List.Item>
                        <List.Item.Meta
                          title={
                            <Space>
                              <strong>{c.year}</strong>
                              {c.year === year && <Tag color="red">{zh ? '本年' : 'This year'}</Tag>}
                            </Space>
                          }
                          description={
                            <>
                              {t('home2.admin.holidays', { count: c.holidays.length })} · {t('home2.admin.workdays', { count: c.workdays.length })}
                              <br />
                              {t('home2.admin.source')}：{c.source}
                            </>
                          }
                        />
                      </List.Item>
                    )}
                  />
                )
              }
            </Loaded>
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** The role's work desk at /app: live numbers and next actions (issue 2: a home page per role). */
export default function RoleHome({ user, role }: { user: CurrentUser; role: Role }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('home2.common.docTitle', { role: t(`roles.${role}`) });
  }, [t, role]);
  const held = new Set(user.roles.map((r) => r.role));
  return (
    <div data-testid={`home-${role}`}>
      {role === 'applicant' && <ApplicantDesk user={user} />}
      {role === 'intake' && <IntakeDesk user={user} />}
      {role === 'program' && <ProgramDesk user={user} holdsIntake={held.has('intake')} />}
      {role === 'expert' && <ExpertDesk user={user} />}
      {role === 'inspector' && <InspectorDesk user={user} />}
      {role === 'finance' && <FinanceDesk user={user} />}
      {role === 'admin' && <AdminDesk />}
    </div>
  );
}
