import { DownloadOutlined, FilePdfOutlined, FileImageOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Flex,
  Input,
  InputNumber,
  List,
  Modal,
  Row,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { dossierUrl, materialUrl, useApplication, useEditionForms, type ApplicationDetail, type ChecklistEntry } from '../../features/applications/api';
import { correctionItemsOf, DeskPanel } from '../../features/review-desk/desk-panel';
import { useDesk } from '../../features/review-desk/api';
import { FormRenderer } from '../../features/forms/form-renderer';
import { useMe } from '../../features/auth/api';
import { beijing, fileSize, useReturnForCorrection, useWorkingDayDeadline, WAITING_STATUSES } from '../../features/officer/api';
import { LoadError, StatusTag } from '../../features/officer/components';
import '../../features/officer/i18n';
import { ApiError } from '../../lib/http';

type Kind = 'form' | 'material';
const keyOf = (kind: Kind, id: string) => `${kind}:${id}`;

/** Titles of the forms and checklist items of an application, by `kind:id`. */
function itemTitles(app: ApplicationDetail) {
  const m = new Map<string, string>();
  for (const f of app.forms) m.set(keyOf('form', f.id), `《${f.title}》`);
  for (const c of app.checklist) m.set(keyOf('material', c.id), `${c.order}. ${c.title}`);
  return m;
}

/** /app/intake/:id — the desk's read-only view of a whole application, with 退回补正. */
export default function IntakeApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const app = useApplication(id);
  const edition = useEditionForms(app.data?.editionId, app.data?.program);
  // The review desk of the application (issue 5): its stage, item verdicts and the actions allowed now.
  const desk = useDesk(id, !!app.data && app.data.status !== 'draft');
  const [returning, setReturning] = useState(false);
  useEffect(() => {
    if (app.data) document.title = `${app.data.number} 初审 - 匠心 技能大师工作室服务平台`;
  }, [app.data]);

  if (app.error) return <LoadError error={app.error} notFound={t('officer.review.notFound')} onRetry={() => void app.refetch()} />;
  if (!app.data) return <Card><Skeleton active paragraph={{ rows: 12 }} /></Card>;
  const a = app.data;
  const titles = itemTitles(a);
  const isDesk = !!me?.roles.some((r) => r.role === 'intake' && r.jurisdiction === a.jurisdiction);
  const waiting = (WAITING_STATUSES as readonly string[]).includes(a.status);
  const open = a.status === 'returned' ? a.corrections.find((c) => c.round === a.round) : undefined;

  return (
    <div data-testid="intake-application">
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/app/intake">{t('officer.intake.title')}</Link> }, { title: a.number }]} />
      <Flex justify="space-between" align="flex-start" gap={16} style={{ marginBottom: 16 }}>
        <div>
          <Space align="center">
            <Typography.Title level={3} style={{ margin: 0 }}>
              {a.number}
            </Typography.Title>
            <span data-testid="app-status">
              <StatusTag status={a.status} name={a.statusName} />
            </span>
          </Space>
          <div style={{ marginTop: 4, color: '#555' }}>
            {a.unitName}
            {a.title ? ` · ${a.title}` : ''}
          </div>
        </div>
        <Space>
          <Button icon={<DownloadOutlined />} href={dossierUrl(a.id)} target="_blank">
            {t('officer.review.dossier')}
          </Button>
          {isDesk && waiting && (
            <Button type="primary" danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="return-open">
              {t('officer.review.returnBtn')}
            </Button>
          )}
        </Space>
      </Flex>

      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={3}
          size="small"
          items={[
            { key: 'unit', label: t('officer.review.unit'), children: a.unitName },
            { key: 'code', label: t('officer.review.creditCode'), children: a.unitCreditCode },
            { key: 'call', label: t('officer.review.call'), children: <Link to={`/app/calls/${a.callId}`}>{a.callTitle}</Link> },
            { key: 'program', label: t('officer.review.program'), children: t(`officer.program.${a.program}`) },
            { key: 'title', label: t('officer.call.col.title'), children: a.title ?? '—' },
            { key: 'leader', label: t('officer.review.leader'), children: a.leaderName ?? '—' },
            { key: 'submitted', label: t('officer.review.submittedAt'), children: beijing(a.submittedAt) },
            { key: 'round', label: t('officer.review.round'), children: a.round ? t('officer.call.roundN', { n: a.round }) : '—' },
            { key: 'recognized', label: t('officer.review.studioRecognized'), children: a.studioRecognized ? t('officer.review.yes') : t('officer.review.no') },
          ]}
        />
      </Card>

      {open && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t('officer.review.correctionRound', { n: open.round })} · ${t('officer.review.deadline', { date: open.deadline })} · ${t('officer.review.pending')}`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {open.items.map((i) => (
                <li key={keyOf(i.kind, i.id)}>
                  <b>{titles.get(keyOf(i.kind, i.id)) ?? i.id}</b>：{i.comment}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {isDesk && !waiting && a.status !== 'returned' && a.status !== 'draft' && !desk.data?.actions.length && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('officer.review.notActionable', { status: a.statusName })} />
      )}

      {a.status !== 'draft' && <DeskPanel id={a.id} number={a.number} />}

      <Card>
        <Tabs
          items={[
            {
              key: 'forms',
              label: `${t('officer.review.forms')}（${a.forms.length}）`,
              children: (
                <Collapse
                  defaultActiveKey={a.forms.map((f) => f.id)}
                  items={a.forms.map((f) => {
                    const schema = edition.data?.forms.find((s) => s.id === f.id);
                    return {
                      key: f.id,
                      label: (
                        <Space>
                          <b>{f.title}</b>
                          {!f.data && <Tag>{t('officer.review.notFilled')}</Tag>}
                        </Space>
                      ),
                      children: !f.data ? (
                        <Empty description={t('officer.review.notFilled')} />
                      ) : schema ? (
                        <FormRenderer schema={schema} value={f.data} readOnly />
                      ) : (
                        <Skeleton active />
                      ),
                    };
                  })}
                />
              ),
            },
            {
              key: 'materials',
              label: `${t('officer.review.materials')}（${a.checklist.length}）`,
              children: <MaterialsTable app={a} />,
            },
            {
              key: 'timeline',
              label: t('officer.review.timeline'),
              children: <History app={a} titles={titles} />,
            },
          ]}
        />
      </Card>
      {returning && (
        <ReturnModal app={a} titles={titles} initial={correctionItemsOf(desk.data)} onClose={() => setReturning(false)} onRefresh={() => void app.refetch()} />
      )}
    </div>
  );
}

function MaterialsTable({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  return (
    <Table<ChecklistEntry>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={app.checklist}
      columns={[
        { title: t('officer.review.col.order'), dataIndex: 'order', width: 60, align: 'center' },
        {
          title: t('officer.review.col.item'),
          dataIndex: 'title',
          render: (title: string, m) => (
            <div>
              <Space size={4} wrap>
                <span>{title}</span>
                <Tag color={m.required ? 'red' : 'default'}>{m.required ? t('officer.review.requiredTag') : t('officer.review.optionalTag')}</Tag>
              </Space>
              {m.condition && <div style={{ color: '#888', fontSize: 12 }}>{m.condition}</div>}
            </div>
          ),
        },
        { title: t('officer.review.col.requirements'), dataIndex: 'requirements', width: 160, render: (r: string) => r || '—' },
        {
          title: t('officer.review.col.files'),
          key: 'files',
          width: 340,
          render: (_, m) =>
            m.supply === 'online-form' ? (
              <Tag color="blue">{t('officer.review.onlineForm')}</Tag>
            ) : m.files.length === 0 ? (
              <Typography.Text type={m.required ? 'danger' : 'secondary'}>{t('officer.review.noFiles')}</Typography.Text>
            ) : (
              <Space orientation="vertical" size={2}>
                {m.files.map((f) => (
                  <a key={f.id} href={materialUrl(app.id, f.id)} data-testid="material-file">
                    {f.mimeType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />} {f.name}
                    <span style={{ color: '#888', marginLeft: 6 }}>{fileSize(f.size)}</span>
                  </a>
                ))}
              </Space>
            ),
        },
      ]}
    />
  );
}

function History({ app, titles }: { app: ApplicationDetail; titles: Map<string, string> }) {
  const { t } = useTranslation();
  const colors: Record<string, string> = { created: 'gray', submitted: 'blue', returned: 'orange', resubmitted: 'cyan' };
  return (
    <Row gutter={24}>
      <Col span={13}>
        <Timeline
          data-testid="timeline"
          items={app.timeline.map((e, i) => ({
            key: i,
            color: colors[e.action] ?? 'blue',
            title: beijing(e.at),
            content: (
              <div>
                <b>{t(`officer.review.action.${e.action}`, { defaultValue: e.action })}</b>
                {e.round > 0 && e.action !== 'created' ? <Tag style={{ marginLeft: 8 }}>{t('officer.call.roundN', { n: e.round })}</Tag> : null}
                <span style={{ color: '#888', marginLeft: 8 }}>{e.actor}</span>
                {e.toStatus && <div style={{ color: '#666', fontSize: 12 }}>→ {t(`officer.status.${e.toStatus}`, { defaultValue: e.toStatusName ?? e.toStatus })}</div>}
                {e.note && <div style={{ color: '#444' }}>{e.note}</div>}
              </div>
            ),
          }))}
        />
      </Col>
      <Col span={11}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('officer.review.corrections')}
        </Typography.Title>
        {app.corrections.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="—" />
        ) : (
          app.corrections.map((c) => (
            <Card key={c.round} size="small" style={{ marginBottom: 12 }} title={t('officer.review.correctionRound', { n: c.round })} extra={<span style={{ fontSize: 12, color: '#888' }}>{beijing(c.requestedAt)}</span>}>
              <List
                size="small"
                dataSource={c.items}
                renderItem={(i) => (
                  <List.Item style={{ padding: '4px 0' }}>
                    <div>
                      <b>{titles.get(keyOf(i.kind, i.id)) ?? i.id}</b>：{i.comment}
                    </div>
                  </List.Item>
                )}
              />
              <div style={{ marginTop: 6, fontSize: 12 }}>
                <Tag color="orange">{t('officer.review.deadline', { date: c.deadline })}</Tag>
                {c.answeredAt ? <Tag color="green">{t('officer.review.answered', { at: beijing(c.answeredAt) })}</Tag> : <Tag>{t('officer.review.pending')}</Tag>}
              </div>
            </Card>
          ))
        )}
      </Col>
    </Row>
  );
}

function ReturnModal({
  app,
  titles,
  initial = [],
  onClose,
  onRefresh,
}: {
  app: ApplicationDetail;
  titles: Map<string, string>;
  /** Prefilled from the desk's non-ok verdicts of this round (one click from the item table). */
  initial?: { kind: Kind; id: string; comment: string }[];
  onClose: () => void;
  onRefresh: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const ret = useReturnForCorrection(app.id);
  const [picked, setPicked] = useState<Record<string, string>>(() => Object.fromEntries(initial.map((i) => [keyOf(i.kind, i.id), i.comment])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [days, setDays] = useState<number>(5);
  const [note, setNote] = useState('');
  const [conflict, setConflict] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const deadline = useWorkingDayDeadline(days);

  const groups = useMemo(
    () => [
      { kind: 'form' as Kind, label: t('officer.review.formsGroup'), items: app.forms.map((f) => ({ id: f.id, title: titles.get(keyOf('form', f.id))! })) },
      {
        kind: 'material' as Kind,
        label: t('officer.review.materialsGroup'),
        items: app.checklist.filter((m) => m.supply !== 'online-form').map((m) => ({ id: m.id, title: titles.get(keyOf('material', m.id))!, files: m.files.length })),
      },
    ],
    [app, titles, t],
  );

  const confirm = async () => {
    const keys = Object.keys(picked);
    const errs: Record<string, string> = {};
    for (const k of keys) if ((picked[k] ?? '').trim().length < 2) errs[k] = t('officer.review.commentRequired');
    setErrors(errs);
    setFormError(keys.length ? null : t('officer.review.noItems'));
    if (!keys.length || Object.keys(errs).length) return;
    const items = keys.map((k) => {
      const [kind, ...rest] = k.split(':');
      return { kind: kind as Kind, id: rest.join(':'), comment: picked[k].trim() };
    });
    try {
      await ret.mutateAsync({ items, deadlineWorkingDays: days, ...(note.trim() ? { note: note.trim() } : {}) });
      message.success(t('officer.review.done'));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setConflict(e.message);
      else if (e instanceof ApiError && e.fields) {
        const mapped: Record<string, string> = {};
        for (const [k, v] of Object.entries(e.fields)) {
          const m = /^(form|material)\.(.+)$/.exec(k);
          if (m) mapped[keyOf(m[1] as Kind, m[2])] = v;
        }
        setErrors(mapped);
        setFormError(e.message);
      } else setFormError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal
      open
      width={820}
      title={t('officer.review.modalTitle', { number: app.number })}
      onCancel={onClose}
      okText={t('officer.review.confirm')}
      cancelText={t('officer.review.cancel')}
      okButtonProps={{ danger: true, disabled: !!conflict, 'data-testid': 'return-confirm' } as never}
      confirmLoading={ret.isPending}
      onOk={confirm}
      destroyOnHidden
    >
      {conflict && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="return-conflict"
          title={t('officer.review.conflictTitle')}
          description={conflict}
          action={
            <Button
              size="small"
              onClick={() => {
                onRefresh();
                onClose();
              }}
            >
              {t('officer.review.conflictRefresh')}
            </Button>
          }
        />
      )}
      <Typography.Paragraph type="secondary">{t('officer.review.returnHint')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} />}
      <div style={{ maxHeight: 420, overflowY: 'auto', paddingRight: 8 }}>
        <Typography.Text strong>{t('officer.review.pickItems')}</Typography.Text>
        {groups.map((g) => (
          <div key={g.kind} style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{g.label}</Typography.Text>
            {g.items.map((i) => {
              const k = keyOf(g.kind, i.id);
              const on = k in picked;
              return (
                <div key={k} style={{ padding: '6px 8px', borderRadius: 4, background: on ? '#fff7e6' : undefined }}>
                  <Checkbox
                    checked={on}
                    data-testid={`pick-${g.kind}-${i.id}`}
                    onChange={(e) =>
                      setPicked((p) => {
                        const next = { ...p };
                        if (e.target.checked) next[k] = '';
                        else delete next[k];
                        return next;
                      })
                    }
                  >
                    {i.title}
                    {'files' in i && <span style={{ color: '#999', marginLeft: 6, fontSize: 12 }}>{t('officer.common.files', { n: i.files })}</span>}
                  </Checkbox>
                  {on && (
                    <div style={{ marginTop: 6, marginLeft: 24 }}>
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        maxLength={1000}
                        status={errors[k] ? 'error' : undefined}
                        placeholder={t('officer.review.commentPlaceholder')}
                        value={picked[k]}
                        data-testid={`comment-${g.kind}-${i.id}`}
                        onChange={(e) => setPicked((p) => ({ ...p, [k]: e.target.value }))}
                      />
                      {errors[k] && <div style={{ color: '#ff4d4f', fontSize: 12 }}>{errors[k]}</div>}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div style={{ marginTop: 16, padding: 12, background: '#fafafa', borderRadius: 4 }}>
        <Space align="center" wrap>
          <Typography.Text strong>{t('officer.review.deadlineDays')}</Typography.Text>
          <InputNumber min={1} max={30} value={days} onChange={(v) => setDays(v ?? 5)} data-testid="return-days" />
          <span>{t('officer.review.deadlineUnit')}</span>
        </Space>
        <div style={{ marginTop: 6 }} data-testid="return-deadline">
          {deadline.data ? (
            <Typography.Text type="warning">{t('officer.review.deadlineIs', { date: deadline.data.date, n: days })}</Typography.Text>
          ) : deadline.error ? (
            <Typography.Text type="danger">{(deadline.error as Error).message}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">…</Typography.Text>
          )}
          {(deadline.data as { provisional?: boolean } | undefined)?.provisional && <div style={{ fontSize: 12, color: '#888' }}>{t('officer.review.deadlineProvisional')}</div>}
        </div>
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('officer.review.note')}</Typography.Text>
          <Input.TextArea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('officer.review.notePlaceholder')} style={{ marginTop: 4 }} />
        </div>
      </div>
    </Modal>
  );
}
