import { SafetyCertificateOutlined, ThunderboltOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Collapse,
  Descriptions,
  Empty,
  Flex,
  Form,
  InputNumber,
  Popconfirm,
  Result,
  Select,
  Skeleton,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../features/auth/api';
import {
  useAssign,
  useAutoAssign,
  useDraw,
  useMatrix,
  usePanel,
  useRemoveMember,
  useVerifyDraw,
  useWithdraw,
  type DrawRecord,
  type Matrix,
  type PanelMember,
  type VerifyResult,
} from '../../features/review-panels/api';
import '../../features/review-panels/i18n';
import { ApiError } from '../../lib/http';

const STATUS_COLOR: Record<string, string> = { pending: 'gold', accepted: 'blue', submitted: 'green', conflict: 'red', withdrawn: 'default' };
const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** /app/review/:callId/panel — draw the call's panel (with avoidance), see the draw record, assign applications. */
export default function PanelPage() {
  const { t } = useTranslation();
  const { callId = '' } = useParams();
  const me = useMe();
  const canEdit = !!me.data?.roles.some((r) => r.role === 'program');
  const panel = usePanel(callId);
  const matrix = useMatrix(callId);
  useEffect(() => {
    if (panel.data) document.title = `${t('reviewPanels.panel.title')} · ${panel.data.call.title} - 匠心`;
  }, [panel.data, t]);

  if (panel.error) {
    if (panel.error instanceof ApiError && panel.error.status === 404) return <Result status="404" title={t('reviewPanels.panel.notFound')} />;
    return <Alert type="error" showIcon title={t('reviewPanels.common.loadError')} description={(panel.error as Error).message} action={<Button onClick={() => void panel.refetch()}>{t('reviewPanels.common.retry')}</Button>} />;
  }
  if (!panel.data) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  const p = panel.data;
  const active = p.members.filter((m) => m.status === 'active');
  const cite = p.rules.citation;

  return (
    <div data-testid="panel-page">
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/app/review">{t('home2.menu.review')}</Link> }, { title: <Link to={`/app/review/${callId}`}>{p.call.title}</Link> }, { title: t('reviewPanels.panel.title') }]} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('reviewPanels.panel.title')} · {p.call.title}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('reviewPanels.panel.rules', { per: p.rules.expertsPerApplication, size: p.rules.panelSize, years: p.rules.formerEmployerAvoidanceYears })}
        description={`${cite.document} ${cite.article}${cite.inferred ? `：${cite.inferred}` : ''}`}
      />
      {canEdit && <DrawCard callId={callId} defaultSize={Math.max(p.rules.panelSize - active.length, 0)} />}
      <MembersCard callId={callId} members={p.members} canEdit={canEdit} />
      <MatrixCard callId={callId} matrix={matrix.data} loading={matrix.isLoading} error={matrix.error} canEdit={canEdit} members={active} />
      <DrawsCard draws={p.draws} />
    </div>
  );
}

function errorText(e: unknown) {
  return e instanceof Error ? e.message : String(e);
}

function DrawCard({ callId, defaultSize }: { callId: string; defaultSize: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const draw = useDraw(callId);
  const [form] = Form.useForm<{ size?: number; fields?: string[] }>();
  const submit = async () => {
    const v = form.getFieldsValue();
    try {
      const res = await draw.mutateAsync({ ...(v.size ? { size: v.size } : {}), fields: v.fields ?? [] });
      const last = res.draws[res.draws.length - 1];
      message.success(t('reviewPanels.panel.drawn', { n: last?.drawn.length ?? 0 }));
      form.resetFields();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card title={t('reviewPanels.panel.drawTitle')} style={{ marginBottom: 16 }} data-testid="draw-card">
      <Typography.Paragraph type="secondary">{t('reviewPanels.panel.drawIntro')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={() => void submit()}>
        <Form.Item name="size" label={t('reviewPanels.panel.size')}>
          <InputNumber min={1} max={50} placeholder={t('reviewPanels.panel.sizePlaceholder', { n: defaultSize })} style={{ width: 160 }} data-testid="draw-size" />
        </Form.Item>
        <Form.Item name="fields" label={t('reviewPanels.panel.fields')}>
          <Select mode="tags" style={{ minWidth: 240 }} tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<ThunderboltOutlined />} loading={draw.isPending} data-testid="draw-submit">
            {t('reviewPanels.panel.draw')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function MembersCard({ callId, members, canEdit }: { callId: string; members: PanelMember[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const remove = useRemoveMember(callId);
  return (
    <Card title={`${t('reviewPanels.panel.members')}（${members.filter((m) => m.status === 'active').length}）`} style={{ marginBottom: 16 }} data-testid="members-card">
      <Table<PanelMember>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={members}
        locale={{ emptyText: t('reviewPanels.panel.noMembers') }}
        columns={[
          { title: t('reviewPanels.experts.col.name'), dataIndex: 'name', render: (v: string, m) => <span data-testid="member-name">{v}{m.status === 'removed' && <Tag style={{ marginInlineStart: 8 }}>{t('reviewPanels.panel.removed')}</Tag>}</span> },
          { title: t('reviewPanels.experts.col.employer'), dataIndex: 'employer' },
          { title: t('reviewPanels.experts.col.title'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
          { title: t('reviewPanels.experts.col.fields'), dataIndex: 'fields', render: (v: string[]) => v.map((f) => <Tag key={f}>{f}</Tag>) },
          {
            title: t('reviewPanels.panel.load'),
            key: 'load',
            render: (_: unknown, m) => (
              <Tooltip title={t('reviewPanels.panel.loadText', { ...m.load })}>
                <Tag color={m.load.active ? 'blue' : 'default'}>{m.load.active}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reviewPanels.panel.loadText', { ...m.load })}</Typography.Text>
              </Tooltip>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: t('reviewPanels.experts.col.action'),
                  key: 'a',
                  width: 80,
                  render: (_: unknown, m: PanelMember) =>
                    m.status === 'active' && (
                      <Popconfirm
                        title={t('reviewPanels.panel.removeConfirm')}
                        onConfirm={() => remove.mutateAsync(m.id).catch((e) => message.error(errorText(e)))}
                      >
                        <Button size="small" danger disabled={m.load.submitted > 0}>
                          {t('reviewPanels.panel.remove')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function MatrixCard({ callId, matrix, loading, error, canEdit, members }: { callId: string; matrix?: Matrix; loading: boolean; error: unknown; canEdit: boolean; members: PanelMember[] }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const auto = useAutoAssign(callId);
  const assign = useAssign(callId);
  const withdraw = useWithdraw();
  const [appIds, setAppIds] = useState<string[]>([]);
  const [expertIds, setExpertIds] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (error) return <Alert type="error" showIcon title={t('reviewPanels.common.loadError')} description={errorText(error)} style={{ marginBottom: 16 }} />;
  if (loading || !matrix) return <Card style={{ marginBottom: 16 }}><Skeleton active /></Card>;
  const per = matrix.expertsPerApplication;

  const runAuto = async () => {
    try {
      message.success((await auto.mutateAsync()).message);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const runAssign = async () => {
    setRefusal(null);
    try {
      message.success((await assign.mutateAsync({ applicationIds: appIds, expertIds })).message);
      setAppIds([]);
      setExpertIds([]);
    } catch (e) {
      setRefusal(errorText(e));
    }
  };

  return (
    <Card
      title={t('reviewPanels.panel.matrix')}
      style={{ marginBottom: 16 }}
      data-testid="matrix-card"
      extra={
        canEdit && (
          <Tooltip title={t('reviewPanels.panel.autoHelp', { per })}>
            <Button type="primary" icon={<ThunderboltOutlined />} loading={auto.isPending} onClick={() => void runAuto()} disabled={!matrix.applications.length} data-testid="auto-assign">
              {t('reviewPanels.panel.auto')}
            </Button>
          </Tooltip>
        )
      }
    >
      {canEdit && matrix.applications.length > 0 && (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <Typography.Text strong>{t('reviewPanels.panel.manual')}</Typography.Text>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 320, flex: 1 }}
            placeholder={t('reviewPanels.panel.pickApps')}
            value={appIds}
            onChange={setAppIds}
            options={matrix.applications.map((a) => ({ value: a.id, label: `${a.number} ${a.unitName}${a.title ? ` · ${a.title}` : ''}` }))}
            data-testid="pick-apps"
          />
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 240, flex: 1 }}
            placeholder={t('reviewPanels.panel.pickExperts')}
            value={expertIds}
            onChange={setExpertIds}
            options={members.map((m) => ({ value: m.id, label: `${m.name}（${m.fields.join('、') || m.employer}，${m.load.active}）` }))}
            data-testid="pick-experts"
          />
          <Button onClick={() => void runAssign()} disabled={!appIds.length || !expertIds.length} loading={assign.isPending} data-testid="assign-submit">
            {t('reviewPanels.panel.assign')}
          </Button>
        </Flex>
      )}
      {refusal && <Alert type="warning" showIcon closable onClose={() => setRefusal(null)} title={refusal} style={{ marginBottom: 16 }} />}
      {matrix.applications.length === 0 ? (
        <Empty description={t('reviewPanels.panel.noApps')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          bordered
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={matrix.applications}
          data-testid="matrix"
          columns={[
            {
              title: t('reviewPanels.panel.app'),
              key: 'app',
              fixed: 'left',
              width: 260,
              render: (_: unknown, a) => (
                <div>
                  <Typography.Text strong>{a.number}</Typography.Text>
                  <div style={{ fontSize: 12 }}>{a.unitName}</div>
                  {a.title && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.title}</Typography.Text>}
                </div>
              ),
            },
            {
              title: t('reviewPanels.panel.count'),
              key: 'count',
              width: 80,
              render: (_: unknown, a) => <Tag color={a.activeCount >= per ? 'green' : 'orange'} data-testid="active-count">{a.activeCount}/{per}</Tag>,
            },
            ...matrix.experts.map((e, i) => ({
              title: (
                <Tooltip title={`${e.employer} · ${e.fields.join('、')}`}>
                  <div style={{ whiteSpace: 'nowrap' }}>{e.name}{!e.onPanel && '（已移出）'}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>{t('reviewPanels.panel.load')} {e.load.active}</Typography.Text>
                </Tooltip>
              ),
              key: e.id,
              render: (_: unknown, a: Matrix['applications'][number]) => {
                const c = a.cells[i];
                if (c.status && c.status !== 'withdrawn') {
                  const tag = (
                    <Tag color={STATUS_COLOR[c.status]} data-testid={`cell-${c.status}`}>
                      {c.statusName}
                      {c.conflict ? `（${t(`reviewPanels.mine.kinds.${c.conflict.kind}`)}）` : ''}
                    </Tag>
                  );
                  return canEdit && (c.status === 'pending' || c.status === 'accepted') ? (
                    <Popconfirm title={t('reviewPanels.panel.withdrawConfirm')} okText={t('reviewPanels.panel.withdraw')} onConfirm={() => withdraw.mutateAsync(c.assignmentId!).catch((err) => message.error(errorText(err)))}>
                      <span style={{ cursor: 'pointer' }}>{tag}</span>
                    </Popconfirm>
                  ) : (
                    tag
                  );
                }
                if (c.avoidance) return <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reviewPanels.panel.avoid', { why: c.avoidance })}</Typography.Text>;
                return <Typography.Text type="secondary">—</Typography.Text>;
              },
            })),
          ]}
        />
      )}
    </Card>
  );
}

function DrawsCard({ draws }: { draws: DrawRecord[] }) {
  const { t } = useTranslation();
  const verify = useVerifyDraw();
  const [results, setResults] = useState<Record<string, VerifyResult | string>>({});
  if (!draws.length) return null;
  const check = async (id: string) => {
    try {
      const r = await verify.mutateAsync(id);
      setResults((x) => ({ ...x, [id]: r }));
    } catch (e) {
      setResults((x) => ({ ...x, [id]: errorText(e) }));
    }
  };
  return (
    <Card title={t('reviewPanels.panel.draws')} data-testid="draws-card">
      <Collapse
        defaultActiveKey={[draws[draws.length - 1].id]}
        items={draws.map((d, i) => {
          const r = results[d.id];
          return {
            key: d.id,
            label: `#${i + 1} · ${time(d.drawnAt)} · ${t('reviewPanels.panel.drawnList')} ${d.drawn.map((x) => x.name).join('、')}`,
            children: (
              <>
                <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
                  <Descriptions.Item label={t('reviewPanels.panel.drawAt')}>{time(d.drawnAt)}</Descriptions.Item>
                  <Descriptions.Item label={t('reviewPanels.panel.drawBy')}>{d.drawnBy ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('reviewPanels.panel.algorithm')}>{d.algorithm}</Descriptions.Item>
                  <Descriptions.Item label={t('reviewPanels.panel.seed')}>
                    <Typography.Text code copyable data-testid="draw-seed">{d.seed}</Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('reviewPanels.panel.size')}>{d.size}</Descriptions.Item>
                  <Descriptions.Item label={t('reviewPanels.panel.fields')}>{d.fields.length ? d.fields.join('、') : t('reviewPanels.common.none')}</Descriptions.Item>
                  <Descriptions.Item label={t('reviewPanels.panel.drawnList')} span={2}>
                    {d.drawn.map((x, k) => <Tag key={x.id} color="red">{k + 1}. {x.name}</Tag>)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('reviewPanels.panel.candidates')} span={2}>
                    {d.candidates.map((x, k) => <Tag key={x.id}>{k + 1}. {x.name}</Tag>)}
                  </Descriptions.Item>
                </Descriptions>
                <Typography.Text strong>{t('reviewPanels.panel.excluded')}</Typography.Text>
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  style={{ margin: '8px 0 12px' }}
                  dataSource={d.excluded}
                  data-testid="excluded"
                  columns={[
                    { title: t('reviewPanels.experts.col.name'), dataIndex: 'name', width: 140 },
                    { title: t('reviewPanels.experts.col.employer'), dataIndex: 'employer' },
                    { title: '原因', dataIndex: 'reason', render: (v: string) => <Tag color={/同单位|原单位/.test(v) ? 'red' : 'default'}>{v}</Tag> },
                  ]}
                />
                <Flex gap={12} align="center">
                  <Button icon={<SafetyCertificateOutlined />} onClick={() => void check(d.id)} loading={verify.isPending && verify.variables === d.id} data-testid="verify-draw">
                    {t('reviewPanels.panel.verify')}
                  </Button>
                  {r && (typeof r === 'string' ? <Alert type="error" showIcon title={r} /> : <Alert type={r.matches ? 'success' : 'error'} showIcon title={r.message} data-testid="verify-result" />)}
                </Flex>
              </>
            ),
          };
        })}
      />
    </Card>
  );
}
