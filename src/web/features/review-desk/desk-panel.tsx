import { CheckCircleOutlined, CheckOutlined, CloseCircleOutlined, PrinterOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/review-desk';
import { ApiError } from '../../lib/http';
import { beijing } from '../officer/api';
import { useAccept, useDesk, usePaperReceipt, usePass, useReject, useRequestPaperDossier, useSaveVerdicts, type DeskItem, type DeskView } from './api';
import './i18n';

const key = (i: { kind: string; id: string }) => `${i.kind}:${i.id}`;
const VERDICT_COLORS: Record<Verdict, string> = { ok: 'green', missing: 'red', incorrect: 'orange' };

/** The non-ok verdicts of this round, as 补正 items (the return form is prefilled from them). */
export function correctionItemsOf(desk: DeskView | undefined): { kind: 'form' | 'material'; id: string; comment: string }[] {
  if (!desk || desk.stage !== 'completeness-check') return [];
  return desk.items.filter((i) => i.verdict && i.verdict.verdict !== 'ok').map((i) => ({ kind: i.kind, id: i.id, comment: i.verdict!.comment ?? '' }));
}

/** The desk of one application at its current desk stage: stages, item verdicts, the actions the edition allows now. */
export function DeskPanel({ id, number }: { id: string; number: string }) {
  const { t } = useTranslation();
  const desk = useDesk(id);
  if (!desk.data) return null;
  const d = desk.data;
  const hint = d.stage ? t(`reviewDesk.stageHint.${d.stage}`, { defaultValue: '' }) : '';
  const current = d.stages.findIndex((s) => s.current);
  return (
    <Card
      style={{ marginBottom: 16 }}
      data-testid="review-desk"
      title={t('reviewDesk.title')}
      extra={d.stage ? <Tag color="processing" data-testid="desk-stage">{d.stages[current]?.title}</Tag> : null}
    >
      {d.stages.length > 1 && (
        <Steps
          size="small"
          style={{ marginBottom: 16 }}
          current={current >= 0 ? current : d.stages.filter((s) => s.done).length}
          items={d.stages.map((s) => ({
            title: s.title,
            description: (
              <Tooltip title={s.citation.inferred}>
                <span style={{ fontSize: 12 }}>
                  {s.citation.document.replace(/^.*（(京技管发〔\d+〕\d+号)）$/, '$1')} {s.citation.article}
                </span>
              </Tooltip>
            ),
          }))}
        />
      )}
      {hint && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={hint} data-testid="desk-citation" />}
      {!d.stage && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('reviewDesk.notAtDesk', { status: d.statusName })} />}
      {d.stage && d.lastReturnAt && d.round > 0 && d.stage === 'completeness-check' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('reviewDesk.lastReturn', { round: d.round, at: beijing(d.lastReturnAt) })} />
      )}
      <VerdictTable desk={d} />
      <ActionBar desk={d} number={number} />
      <PaperHistory desk={d} />
    </Card>
  );
}

function VerdictTable({ desk }: { desk: DeskView }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const save = useSaveVerdicts(desk.id);
  const editable = !!desk.stage && desk.actions.some((a) => a !== 'request-paper-dossier');
  const scopeRef = useRef('');
  const [drafts, setDrafts] = useState<Record<string, { verdict?: Verdict; comment: string; error?: string; saved?: boolean }>>({});
  useEffect(() => {
    // The server's verdicts, keeping what the officer is still typing (an unsaved row) on this stage and round.
    const scope = `${desk.stage}:${desk.round}`;
    const fresh = scopeRef.current !== scope;
    scopeRef.current = scope;
    setDrafts((prev) =>
      Object.fromEntries(
        desk.items.map((i) => {
          const mine = fresh ? undefined : prev[key(i)];
          return [key(i), mine && mine.saved === false ? mine : { verdict: i.verdict?.verdict, comment: i.verdict?.comment ?? '', saved: !!i.verdict }];
        }),
      ),
    );
  }, [desk.items, desk.stage, desk.round]);

  const persist = async (items: { kind: 'form' | 'material'; id: string; verdict: Verdict; comment?: string }[]) => {
    try {
      await save.mutateAsync({ stage: desk.stage as 'completeness-check', items });
      setDrafts((p) => {
        const next = { ...p };
        for (const i of items) next[key(i)] = { ...next[key(i)], verdict: i.verdict, comment: i.comment ?? '', saved: true, error: undefined };
        return next;
      });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const choose = (item: DeskItem, verdict: Verdict) => {
    const comment = drafts[key(item)]?.comment ?? '';
    setDrafts((p) => ({ ...p, [key(item)]: { verdict, comment, saved: false } }));
    if (verdict === 'ok') void persist([{ kind: item.kind, id: item.id, verdict, ...(comment.trim() ? { comment: comment.trim() } : {}) }]);
    else if (comment.trim().length >= 2) void persist([{ kind: item.kind, id: item.id, verdict, comment: comment.trim() }]);
  };
  const commit = (item: DeskItem) => {
    const dft = drafts[key(item)];
    if (!dft?.verdict) return;
    const comment = dft.comment.trim();
    if (dft.verdict !== 'ok' && comment.length < 2) {
      setDrafts((p) => ({ ...p, [key(item)]: { ...dft, error: t('reviewDesk.commentRequired') } }));
      return;
    }
    if (item.verdict?.verdict === dft.verdict && (item.verdict?.comment ?? '') === comment) return;
    void persist([{ kind: item.kind, id: item.id, verdict: dft.verdict, ...(comment ? { comment } : {}) }]);
  };
  const unjudged = desk.items.filter((i) => !drafts[key(i)]?.verdict);
  const bad = desk.items.filter((i) => i.verdict && i.verdict.verdict !== 'ok').length;

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary" data-testid="verdict-progress">
          {t('reviewDesk.progress', { done: desk.items.filter((i) => i.verdict).length, total: desk.items.length, bad })}
        </Typography.Text>
        {editable && unjudged.length > 0 && (
          <Button
            size="small"
            icon={<CheckOutlined />}
            loading={save.isPending}
            data-testid="verdict-all-ok"
            onClick={() => void persist(unjudged.map((i) => ({ kind: i.kind, id: i.id, verdict: 'ok' as const })))}
          >
            {t('reviewDesk.allOk')}
          </Button>
        )}
      </Flex>
      <Table<DeskItem>
        rowKey={key}
        size="small"
        pagination={false}
        dataSource={desk.items}
        data-testid="verdict-table"
        rowClassName={(i) => (i.changed ? 'desk-row-changed' : '')}
        onRow={(i) => ({ style: i.changed ? { background: '#fffbe6' } : undefined })}
        columns={[
          {
            title: t('reviewDesk.col.item'),
            key: 'item',
            render: (_, i) => (
              <Space size={4} wrap>
                <span>{i.title}</span>
                {!i.required && <Tag>{t('reviewDesk.optional')}</Tag>}
                {i.changed && (
                  <Tooltip title={t('reviewDesk.changedHint')}>
                    <Tag color="gold" data-testid={`changed-${i.kind}-${i.id}`}>
                      {t('reviewDesk.changed')}
                    </Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: t('reviewDesk.col.present'),
            key: 'present',
            width: 100,
            render: (_, i) =>
              i.kind === 'form' ? (
                i.present ? t('reviewDesk.filled') : <Typography.Text type="danger">{t('reviewDesk.notFilled')}</Typography.Text>
              ) : i.files ? (
                t('reviewDesk.files', { n: i.files })
              ) : (
                <Typography.Text type={i.required ? 'danger' : 'secondary'}>{t('reviewDesk.noFiles')}</Typography.Text>
              ),
          },
          {
            title: t('reviewDesk.col.previous'),
            key: 'previous',
            width: 200,
            render: (_, i) =>
              i.previous ? (
                <div data-testid={`previous-${i.kind}-${i.id}`}>
                  <Tag color={VERDICT_COLORS[i.previous.verdict]}>{t(`reviewDesk.verdict.${i.previous.verdict}`)}</Tag>
                  <span style={{ fontSize: 12, color: '#888' }}>
                    {t(`reviewDesk.previousStage.${i.previous.stage}`, { defaultValue: i.previous.stage })} · {t('reviewDesk.previousRound', { n: i.previous.round })}
                  </span>
                  {i.previous.comment && <div style={{ fontSize: 12, color: '#555' }}>{i.previous.comment}</div>}
                </div>
              ) : (
                <span style={{ color: '#bbb' }}>—</span>
              ),
          },
          {
            title: t('reviewDesk.col.verdict'),
            key: 'verdict',
            width: 250,
            render: (_, i) => {
              const dft = drafts[key(i)];
              if (!editable) return i.verdict ? <Tag color={VERDICT_COLORS[i.verdict.verdict]}>{t(`reviewDesk.verdict.${i.verdict.verdict}`)}</Tag> : <span style={{ color: '#bbb' }}>—</span>;
              return (
                <Space size={4}>
                  <Radio.Group size="small" optionType="button" buttonStyle="solid" value={dft?.verdict} onChange={(e) => choose(i, e.target.value as Verdict)} data-testid={`verdict-${i.kind}-${i.id}`}>
                    <Radio.Button value="ok">{t('reviewDesk.verdict.ok')}</Radio.Button>
                    <Radio.Button value="missing">{t('reviewDesk.verdict.missing')}</Radio.Button>
                    <Radio.Button value="incorrect">{t('reviewDesk.verdict.incorrect')}</Radio.Button>
                  </Radio.Group>
                  {dft?.saved && dft.verdict && <CheckCircleOutlined style={{ color: '#52c41a' }} title={t('reviewDesk.saved')} data-testid={`saved-${i.kind}-${i.id}`} />}
                </Space>
              );
            },
          },
          {
            title: t('reviewDesk.col.comment'),
            key: 'comment',
            render: (_, i) => {
              const dft = drafts[key(i)];
              if (!editable) return i.verdict?.comment ?? '';
              return (
                <div>
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 3 }}
                    maxLength={1000}
                    status={dft?.error ? 'error' : undefined}
                    placeholder={dft?.verdict && dft.verdict !== 'ok' ? t('reviewDesk.commentPlaceholder') : ''}
                    value={dft?.comment ?? ''}
                    data-testid={`verdict-comment-${i.kind}-${i.id}`}
                    onChange={(e) => setDrafts((p) => ({ ...p, [key(i)]: { ...p[key(i)], comment: e.target.value, error: undefined, saved: false } }))}
                    onBlur={() => commit(i)}
                  />
                  {dft?.error && <div style={{ color: '#ff4d4f', fontSize: 12 }}>{dft.error}</div>}
                </div>
              );
            },
          },
        ]}
      />
    </>
  );
}

function ActionBar({ desk, number }: { desk: DeskView; number: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const accept = useAccept(desk.id);
  const requestPaper = useRequestPaperDossier(desk.id);
  const [modal, setModal] = useState<null | 'reject' | 'pass' | 'paper'>(null);
  const [error, setError] = useState<string | null>(null);
  const has = (a: DeskView['actions'][number]) => desk.actions.includes(a);
  const notOk = desk.items.filter((i) => !i.verdict || i.verdict.verdict !== 'ok').length;

  const run = async (fn: () => Promise<{ message: string }>) => {
    setError(null);
    try {
      const r = await fn();
      message.success(r.message);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  if (!desk.stage) return null;
  const any = ['accept', 'pass', 'reject', 'receive-paper', 'request-paper-dossier'].some((a) => has(a as never));
  return (
    <div style={{ marginTop: 16 }}>
      {error && (
        <Alert type="error" showIcon closable style={{ marginBottom: 12 }} title={t('reviewDesk.conflictTitle')} description={error} data-testid="desk-error" onClose={() => setError(null)} />
      )}
      {!any && desk.actions.length === 0 && <Alert type="info" showIcon title={t('reviewDesk.readOnly')} />}
      <Flex gap={8} wrap justify="flex-end" align="center">
        {desk.paperDossier && (
          <Tag icon={<PrinterOutlined />} color="orange" data-testid="paper-dossier-pending">
            {t('reviewDesk.actions.paperPending', { deadline: desk.paperDossier.deadline })}
          </Tag>
        )}
        {has('request-paper-dossier') && (
          <Popconfirm
            title={t('reviewDesk.actions.requestPaper')}
            description={<div style={{ maxWidth: 320 }}>{t('reviewDesk.actions.requestPaperConfirm')}</div>}
            onConfirm={() => void run(async () => ({ message: (await requestPaper.mutateAsync()).notice }))}
          >
            <Button icon={<SendOutlined />} loading={requestPaper.isPending} data-testid="desk-request-paper">
              {t('reviewDesk.actions.requestPaper')}
            </Button>
          </Popconfirm>
        )}
        {has('reject') && (
          <Button danger icon={<StopOutlined />} onClick={() => setModal('reject')} data-testid="desk-reject">
            {t('reviewDesk.actions.reject')}
          </Button>
        )}
        {has('pass') && (
          <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setModal('pass')} data-testid="desk-pass">
            {t('reviewDesk.actions.pass')}
          </Button>
        )}
        {has('receive-paper') && (
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => setModal('paper')} data-testid="desk-paper">
            {t('reviewDesk.actions.receive')}
          </Button>
        )}
        {has('accept') && (
          <Popconfirm
            title={t('reviewDesk.actions.accept')}
            description={<div style={{ maxWidth: 320 }}>{t('reviewDesk.actions.acceptConfirm')}</div>}
            onConfirm={() => void run(() => accept.mutateAsync({ version: desk.version }))}
          >
            <Tooltip title={notOk ? t('reviewDesk.actions.acceptBlocked', { n: notOk }) : undefined}>
              <Button type="primary" icon={<CheckCircleOutlined />} loading={accept.isPending} data-testid="desk-accept">
                {t('reviewDesk.actions.accept')}
              </Button>
            </Tooltip>
          </Popconfirm>
        )}
      </Flex>
      {modal === 'reject' && <RejectModal desk={desk} number={number} onClose={() => setModal(null)} />}
      {modal === 'pass' && <PassModal desk={desk} number={number} onClose={() => setModal(null)} />}
      {modal === 'paper' && <PaperModal desk={desk} number={number} onClose={() => setModal(null)} />}
    </div>
  );
}

/** A modal's failure: 409s say what happened meanwhile; field errors go to their fields. */
function useFailure() {
  const [failure, setFailure] = useState<{ message: string; fields?: Record<string, string> } | null>(null);
  return {
    failure,
    clear: () => setFailure(null),
    fail: (e: unknown) => setFailure(e instanceof ApiError ? { message: e.message, fields: e.fields } : { message: e instanceof Error ? e.message : String(e) }),
  };
}

function RejectModal({ desk, number, onClose }: { desk: DeskView; number: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const reject = useReject(desk.id);
  const [reasons, setReasons] = useState('');
  const [short, setShort] = useState(false);
  const { failure, fail, clear } = useFailure();
  const submit = async () => {
    clear();
    if (reasons.trim().length < 5) return setShort(true);
    try {
      const r = await reject.mutateAsync({ version: desk.version, stage: desk.stage as 'completeness-check', reasons: reasons.trim() });
      message.success(r.message);
      onClose();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Modal
      open
      title={t('reviewDesk.rejectModal.title', { number })}
      onCancel={onClose}
      onOk={submit}
      okText={t('reviewDesk.rejectModal.confirm')}
      cancelText={t('reviewDesk.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'reject-confirm' } as never}
      confirmLoading={reject.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('reviewDesk.rejectModal.hint')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={failure.message} />}
      <Form layout="vertical">
        <Form.Item label={t('reviewDesk.rejectModal.reasons')} validateStatus={short ? 'error' : undefined} help={short ? t('reviewDesk.rejectModal.reasonsShort') : undefined} required>
          <Input.TextArea rows={4} maxLength={2000} value={reasons} data-testid="reject-reasons" onChange={(e) => (setReasons(e.target.value), setShort(false))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PassModal({ desk, number, onClose }: { desk: DeskView; number: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const pass = usePass(desk.id);
  const [comment, setComment] = useState('');
  const { failure, fail, clear } = useFailure();
  const submit = async () => {
    clear();
    try {
      const r = await pass.mutateAsync({ version: desk.version, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      message.success(r.message);
      onClose();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Modal
      open
      title={t('reviewDesk.passModal.title', { number })}
      onCancel={onClose}
      onOk={submit}
      okText={t('reviewDesk.passModal.confirm')}
      cancelText={t('reviewDesk.cancel')}
      okButtonProps={{ 'data-testid': 'pass-confirm' } as never}
      confirmLoading={pass.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('reviewDesk.stageHint.substantive-review')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={failure.message} />}
      <Form layout="vertical">
        <Form.Item label={t('reviewDesk.passModal.comment')}>
          <Input.TextArea rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="pass-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PaperModal({ desk, number, onClose }: { desk: DeskView; number: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const receipt = usePaperReceipt(desk.id);
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<'received' | 'to-correct'>('received');
  const [picked, setPicked] = useState<string[]>([]);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const { failure, fail, clear } = useFailure();
  const titles = useMemo(() => new Map(desk.items.map((i) => [i.id, i.title])), [desk.items]);
  const submit = async () => {
    clear();
    try {
      const r = await receipt.mutateAsync({
        version: desk.version,
        outcome,
        watermarkCode: code,
        ...(outcome === 'to-correct' ? { items: picked.map((id) => ({ id, comment: (comments[id] ?? '').trim() })) } : {}),
        ...(note.trim() ? { comment: note.trim() } : {}),
      });
      message.success(r.outdated ? `${r.message}。${t('reviewDesk.paperModal.outdatedNote')}` : r.message, 5);
      onClose();
    } catch (e) {
      fail(e);
    }
  };
  const codeError = failure?.fields?.watermarkCode;
  return (
    <Modal
      open
      width={720}
      title={t('reviewDesk.paperModal.title', { number })}
      onCancel={onClose}
      onOk={submit}
      okText={t('reviewDesk.paperModal.confirm')}
      cancelText={t('reviewDesk.cancel')}
      okButtonProps={{ 'data-testid': 'paper-confirm' } as never}
      confirmLoading={receipt.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('reviewDesk.stageHint.paper-intake')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={failure.message} data-testid="paper-error" />}
      <Form layout="vertical">
        <Form.Item label={t('reviewDesk.paperModal.code')} required validateStatus={codeError ? 'error' : undefined} help={codeError}>
          <Input value={code} onChange={(e) => setCode(e.target.value)} placeholder={t('reviewDesk.paperModal.codePlaceholder')} maxLength={40} data-testid="paper-code" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item label={t('reviewDesk.paperModal.outcome')} required>
          <Radio.Group value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="paper-outcome">
            <Radio value="received" data-testid="paper-outcome-received">
              <CheckCircleOutlined style={{ color: '#52c41a' }} /> {t('reviewDesk.paperModal.received')}
            </Radio>
            <Radio value="to-correct" data-testid="paper-outcome-to-correct">
              <CloseCircleOutlined style={{ color: '#fa8c16' }} /> {t('reviewDesk.paperModal.toCorrect')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {outcome === 'to-correct' && (
          <Form.Item label={t('reviewDesk.paperModal.items')}>
            <Select
              mode="multiple"
              value={picked}
              onChange={setPicked}
              placeholder={t('reviewDesk.paperModal.itemsPlaceholder')}
              options={desk.items.map((i) => ({ value: i.id, label: i.title }))}
              optionFilterProp="label"
              data-testid="paper-items"
            />
            {picked.map((id) => (
              <Input
                key={id}
                style={{ marginTop: 6 }}
                addonBefore={titles.get(id)}
                placeholder={t('reviewDesk.paperModal.itemComment')}
                value={comments[id] ?? ''}
                onChange={(e) => setComments((p) => ({ ...p, [id]: e.target.value }))}
              />
            ))}
          </Form.Item>
        )}
        <Form.Item label={t('reviewDesk.paperModal.comment')}>
          <Input.TextArea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="paper-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PaperHistory({ desk }: { desk: DeskView }) {
  const { t } = useTranslation();
  if (!desk.paperReceipts.length) return null;
  const titles = new Map(desk.items.map((i) => [i.id, i.title]));
  return (
    <div style={{ marginTop: 16 }} data-testid="paper-history">
      <Typography.Title level={5}>{t('reviewDesk.paperModal.history')}</Typography.Title>
      <List
        size="small"
        bordered
        dataSource={desk.paperReceipts}
        renderItem={(r) => (
          <List.Item>
            <div>
              <Tag color={r.outcome === 'received' ? 'green' : 'orange'}>{t(`reviewDesk.paperModal.outcomeName.${r.outcome}`, { defaultValue: r.outcome })}</Tag>
              <Typography.Text code>{r.watermarkCode}</Typography.Text>
              <span style={{ color: '#888', marginLeft: 8, fontSize: 12 }}>{t('reviewDesk.paperModal.by', { by: r.recordedBy ?? '—', at: beijing(r.recordedAt) })}</span>
              {r.items.map((i) => (
                <div key={i.id} style={{ fontSize: 13 }}>
                  <b>{titles.get(i.id) ?? i.id}</b>：{i.comment}
                </div>
              ))}
              {r.comment && <div style={{ fontSize: 13, color: '#555' }}>{r.comment}</div>}
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
