import { CheckCircleOutlined, SaveOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Progress,
  Result,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../features/auth/api';
import { beijing } from '../../features/officer/api';
import {
  citationText,
  useCallScores,
  useCloseReview,
  useRanking,
  useSaveProposal,
  useSubmitProposal,
  type CallScores,
  type Ranking,
  type RankingRow,
} from '../../features/review-scoring/api';
import '../../features/review-scoring/i18n';
import { ApiError } from '../../lib/http';

type Draft = Record<string, { proposed: boolean; amount: number | null; reason: string }>;

/** Departures from the ranking (each needs a reason): a row within the quota left out, or a row proposed below one left out. */
function departures(rows: RankingRow[], draft: Draft): Set<string> {
  const out = new Set<string>();
  const left = rows.filter((r) => !draft[r.applicationId]?.proposed).map((r) => r.rank);
  const bestLeftOut = left.length ? Math.min(...left) : Infinity;
  for (const r of rows) {
    const p = draft[r.applicationId]?.proposed;
    if ((!p && r.withinQuota) || (p && r.rank > bestLeftOut)) out.add(r.applicationId);
  }
  return out;
}

function initialDraft(r: Ranking): Draft {
  return Object.fromEntries(
    r.rows.map((row) => [
      row.applicationId,
      row.proposal
        ? { proposed: row.proposal.proposed, amount: row.proposal.amount ?? (row.proposal.proposed ? row.suggestedAmount : null), reason: row.proposal.reason ?? '' }
        : { proposed: row.withinQuota, amount: row.withinQuota ? row.suggestedAmount : null, reason: '' },
    ]),
  );
}

/** The scores matrix: application × expert, outliers tagged, progress, aggregate; 结束评审. */
function ScoresCard({ callId, data, canAct }: { callId: string; data: CallScores; canAct: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const close = useCloseReview(callId);
  const inReview = data.applications.filter((a) => a.status === 'expert-review');
  const rules = data.review;
  const cell = (s: CallScores['applications'][number]['scores'][number] | undefined) => {
    if (!s) return <Typography.Text type="secondary">—</Typography.Text>;
    if (s.total !== null) {
      return (
        <Space size={4}>
          <Typography.Text strong={!!s.outlier} type={s.outlier ? 'danger' : undefined}>
            {s.total.toFixed(1)}
          </Typography.Text>
          {s.outlier ? (
            <Tooltip title={t('reviewScoring.ranking.outlierTip', { median: s.outlier.otherMedian, distance: s.outlier.distance, points: rules.outlierPoints })}>
              <Tag color="red" data-testid="outlier-tag">
                {t('reviewScoring.ranking.outlier')}
              </Tag>
            </Tooltip>
          ) : null}
        </Space>
      );
    }
    if (s.status === 'conflict') return <Tag>{t('reviewScoring.ranking.conflict')}</Tag>;
    if (s.status === 'pending') return <Tag color="gold">{t('reviewScoring.ranking.pending')}</Tag>;
    return <Tag color={s.inProgress ? 'processing' : 'default'}>{s.inProgress ? t('reviewScoring.ranking.inProgress') : t('reviewScoring.ranking.accepted')}</Tag>;
  };
  const onClose = async () => {
    try {
      const res = await close.mutateAsync(undefined);
      modal.info({
        title: t('reviewScoring.ranking.closedResult', { closed: res.closed.length }),
        content: res.incomplete.length ? t('reviewScoring.ranking.incompleteList', { list: res.incomplete.map((i) => `${i.number}（${i.submitted}/${i.required}）`).join('、') }) : null,
      });
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Card
      title={t('reviewScoring.ranking.scores')}
      data-testid="scores-card"
      extra={
        canAct && inReview.length ? (
          <Popconfirm title={t('reviewScoring.ranking.closeConfirm')} description={t('reviewScoring.ranking.closeText', { n: rules.expertsPerApplication })} onConfirm={() => void onClose()} okText={t('reviewScoring.ranking.close')} cancelText={t('reviewScoring.common.back')}>
            <Button icon={<StopOutlined />} loading={close.isPending} data-testid="close-review">
              {t('reviewScoring.ranking.close')}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('reviewScoring.ranking.scoresIntro', { points: rules.outlierPoints, citation: citationText(rules.citation) })}</Typography.Paragraph>
      {data.applications.length === 0 ? (
        <Empty description={t('reviewScoring.ranking.noScores')} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={data.applications}
          columns={[
            {
              key: 'app',
              title: t('reviewScoring.ranking.application'),
              fixed: 'left',
              render: (_, a) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{a.number}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.unitName}
                  </Typography.Text>
                </Space>
              ),
            },
            ...data.experts.map((e) => ({ key: e.id, title: e.name, render: (_: unknown, a: CallScores['applications'][number]) => cell(a.scores.find((s) => s.expertId === e.id)) })),
            {
              key: 'progress',
              title: t('reviewScoring.ranking.progress'),
              render: (_, a) => <Progress size="small" style={{ width: 110 }} percent={Math.min(100, Math.round((a.submitted / a.required) * 100))} format={() => `${a.submitted}/${a.required}`} />,
            },
            {
              key: 'aggregate',
              title: t('reviewScoring.ranking.aggregate'),
              render: (_, a) =>
                a.aggregate === null ? (
                  '—'
                ) : (
                  <Space size={4}>
                    <Typography.Text strong>{a.aggregate.toFixed(1)}</Typography.Text>
                    {a.trimmed ? <Tag>{t('reviewScoring.ranking.trimmed')}</Tag> : null}
                  </Space>
                ),
            },
            { key: 'status', title: '', render: (_, a) => <Tag color={a.status === 'expert-review' ? 'processing' : 'success'}>{a.statusName}</Tag> },
          ]}
        />
      )}
    </Card>
  );
}

/** The ranking with ties and the quota line, and the proposal column (拟定名单). */
function RankingCard({ callId, data, canAct }: { callId: string; data: Ranking; canAct: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const save = useSaveProposal(callId);
  const submit = useSubmitProposal(callId);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(data));
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => setDraft(initialDraft(data)), [data]);
  const submitted = data.proposal?.status === 'submitted';
  const readOnly = submitted || !canAct;
  const need = useMemo(() => departures(data.rows, draft), [data.rows, draft]);
  const count = Object.values(draft).filter((d) => d.proposed).length;
  const quota = data.quota.value;
  const over = quota !== null && count > quota;
  const lastWithin = [...data.rows].reverse().find((r) => r.withinQuota)?.applicationId;

  const set = (id: string, patch: Partial<Draft[string]>) => setDraft((d) => ({ ...d, [id]: { ...d[id], ...patch } }));
  const doSave = async (quiet = false) => {
    setErrors({});
    const missing = [...need].filter((id) => !draft[id]?.reason.trim());
    if (missing.length) {
      setErrors(Object.fromEntries(missing.map((id) => [`items.${id}.reason`, t('reviewScoring.ranking.reasonRequired')])));
      message.error(t('reviewScoring.ranking.fixErrors'));
      return null;
    }
    try {
      const res = await save.mutateAsync({
        version: data.proposal?.version ?? 0,
        items: data.rows.map((r) => {
          const d = draft[r.applicationId];
          return { applicationId: r.applicationId, proposed: d.proposed, amount: d.proposed && data.funding.kind !== 'none' ? d.amount : null, reason: d.reason.trim() || null };
        }),
      });
      if (!quiet) message.success(t('reviewScoring.ranking.saved'));
      return res;
    } catch (err) {
      if (err instanceof ApiError && err.fields) setErrors(err.fields);
      message.error(err instanceof Error ? err.message : String(err));
      return null;
    }
  };
  const doSubmit = () =>
    Modal.confirm({
      title: t('reviewScoring.ranking.submitConfirm'),
      content: t('reviewScoring.ranking.submitText', { n: count }),
      okText: t('reviewScoring.ranking.submit'),
      cancelText: t('reviewScoring.common.back'),
      onOk: async () => {
        const saved = await doSave(true);
        if (!saved?.proposal) return;
        try {
          await submit.mutateAsync(saved.proposal.version);
          message.success(t('reviewScoring.ranking.submittedOk'));
        } catch (err) {
          message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });

  const q = data.quota;
  return (
    <Card
      title={t('reviewScoring.ranking.rankingTitle')}
      data-testid="ranking-card"
      extra={
        <Space>
          {data.proposal ? (
            <Typography.Text type="secondary">
              {submitted ? t('reviewScoring.ranking.submittedAt', { at: beijing(data.proposal.submittedAt) }) : t('reviewScoring.ranking.draftAt', { at: beijing(data.proposal.updatedAt) })}
            </Typography.Text>
          ) : null}
          {readOnly ? null : (
            <>
              <Button icon={<SaveOutlined />} loading={save.isPending} onClick={() => void doSave()} disabled={!data.rows.length} data-testid="save-proposal">
                {t('reviewScoring.ranking.save')}
              </Button>
              <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} onClick={doSubmit} disabled={!data.rows.length || data.pending > 0 || over} data-testid="submit-proposal">
                {t('reviewScoring.ranking.submit')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Flex gap={32} wrap style={{ marginBottom: 16 }}>
        <div data-testid="quota-counter">
          <Statistic
            title={t('reviewScoring.ranking.quota')}
            value={quota === null ? t('reviewScoring.ranking.quotaUnlimited', { n: count }) : t('reviewScoring.ranking.quotaCounter', { n: count, quota })}
            styles={{ content: { color: over ? '#cf1322' : undefined, fontSize: 20 } }}
          />
        </div>
        <div style={{ maxWidth: 520 }}>
          <Typography.Text type="secondary">
            {q.editionQuota !== null || q.callQuota !== null
              ? t('reviewScoring.ranking.quotaSource', { call: q.callQuota ?? '—', edition: q.editionQuota ?? '—', citation: citationText(q.citation) })
              : null}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {t('reviewScoring.ranking.funding')}：{data.funding.text}
            {data.funding.citation ? `（${citationText(data.funding.citation)}）` : ''}
          </Typography.Text>
        </div>
      </Flex>
      {submitted ? <Alert type="success" showIcon icon={<CheckCircleOutlined />} style={{ marginBottom: 16 }} title={t('reviewScoring.ranking.submittedAt', { at: beijing(data.proposal!.submittedAt) })} /> : null}
      {data.pending > 0 && !submitted ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('reviewScoring.ranking.pendingWarn', { n: data.pending })} /> : null}
      {over ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('reviewScoring.ranking.overQuota')} /> : null}
      <style>{'.jx-quota-line > td { border-bottom: 2px dashed #cf1322 !important; } .jx-within > td { background: #f6ffed; }'}</style>
      {data.rows.length === 0 ? (
        <Empty description={t('reviewScoring.ranking.empty')} />
      ) : (
        <Table<RankingRow>
          size="middle"
          rowKey="applicationId"
          pagination={false}
          dataSource={data.rows}
          rowClassName={(r) => [r.withinQuota ? 'jx-within' : '', r.applicationId === lastWithin ? 'jx-quota-line' : ''].join(' ')}
          columns={[
            {
              key: 'rank',
              title: t('reviewScoring.ranking.rank'),
              width: 120,
              render: (_, r) => (
                <Space size={4} wrap>
                  <Typography.Text strong>{r.rank}</Typography.Text>
                  {r.tied ? <Tag color="orange">{t('reviewScoring.ranking.tie')}</Tag> : null}
                  {r.straddlesQuota ? (
                    <Tooltip title={t('reviewScoring.ranking.straddlesTip')}>
                      <Tag color="red">{t('reviewScoring.ranking.straddles')}</Tag>
                    </Tooltip>
                  ) : null}
                  {r.applicationId === lastWithin ? <Tag color="red">{t('reviewScoring.ranking.quotaLine')}</Tag> : null}
                </Space>
              ),
            },
            {
              key: 'app',
              title: t('reviewScoring.ranking.application'),
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{r.number}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.unitName}
                    {r.title ? ` · ${r.title}` : ''}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: 'aggregate',
              title: t('reviewScoring.ranking.aggregate'),
              width: 110,
              onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              render: (_, r) => (
                <Space size={4}>
                  <Typography.Text strong>{r.aggregate.toFixed(1)}</Typography.Text>
                  {r.trimmed ? <Tag>{t('reviewScoring.ranking.trimmed')}</Tag> : null}
                </Space>
              ),
            },
            { key: 'status', title: '', render: (_, r) => <Tag>{r.statusName}</Tag> },
            {
              key: 'proposed',
              title: t('reviewScoring.ranking.proposed'),
              align: 'center',
              width: 72,
              onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              render: (_, r) => (
                <Checkbox
                  checked={draft[r.applicationId]?.proposed}
                  disabled={readOnly}
                  onChange={(e) => set(r.applicationId, { proposed: e.target.checked, amount: e.target.checked ? (draft[r.applicationId]?.amount ?? r.suggestedAmount) : draft[r.applicationId]?.amount })}
                  aria-label={`${t('reviewScoring.ranking.proposed')} ${r.number}`}
                  data-testid={`propose-${r.number}`}
                />
              ),
            },
            {
              key: 'amount',
              title: t('reviewScoring.ranking.amount'),
              render: (_, r) => {
                if (data.funding.kind === 'none') return <Typography.Text type="secondary">{t('reviewScoring.ranking.noAmount')}</Typography.Text>;
                const err = errors[`items.${r.applicationId}.amount`];
                return (
                  <Tooltip title={err ?? (r.maxAmount !== null ? t('reviewScoring.ranking.amountMax', { max: r.maxAmount.toLocaleString('zh-CN') }) : undefined)}>
                    <InputNumber
                      min={0}
                      max={100_000_000}
                      step={1000}
                      status={err ? 'error' : undefined}
                      disabled={readOnly || !draft[r.applicationId]?.proposed || r.amountFixed}
                      value={draft[r.applicationId]?.proposed ? draft[r.applicationId]?.amount : null}
                      onChange={(v) => set(r.applicationId, { amount: typeof v === 'number' ? v : null })}
                      style={{ width: 130 }}
                      aria-label={`${t('reviewScoring.ranking.amount')} ${r.number}`}
                    />
                  </Tooltip>
                );
              },
            },
            {
              key: 'reason',
              title: t('reviewScoring.ranking.reason'),
              width: 280,
              render: (_, r) => {
                const required = need.has(r.applicationId);
                const err = errors[`items.${r.applicationId}.reason`];
                return (
                  <Space direction="vertical" size={0} style={{ width: '100%' }}>
                    <Input
                      value={draft[r.applicationId]?.reason}
                      disabled={readOnly}
                      status={err || (required && !draft[r.applicationId]?.reason.trim()) ? 'error' : undefined}
                      placeholder={required ? t('reviewScoring.ranking.reasonRequired') : t('reviewScoring.ranking.reasonPlaceholder')}
                      onChange={(e) => set(r.applicationId, { reason: e.target.value })}
                      maxLength={1000}
                      aria-label={`${t('reviewScoring.ranking.reason')} ${r.number}`}
                    />
                    {err ? (
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {err}
                      </Typography.Text>
                    ) : null}
                  </Space>
                );
              },
            },
          ]}
        />
      )}
    </Card>
  );
}

/** /app/review/:callId/ranking — the program officer's scores matrix, 结束评审, ranking under the quota and the proposal. */
export default function RankingPage() {
  const { t } = useTranslation();
  const { callId = '' } = useParams();
  const { data: me } = useMe();
  const scores = useCallScores(callId);
  const ranking = useRanking(callId);
  useEffect(() => {
    document.title = t('reviewScoring.ranking.pageTitle');
  }, [t]);
  const error = scores.error ?? ranking.error;
  if (error) {
    return error instanceof ApiError && error.status === 404 ? (
      <Result status="404" title={t('reviewScoring.ranking.notFound')} />
    ) : (
      <Alert type="error" showIcon title={t('reviewScoring.common.loadError')} description={error.message} action={<Button onClick={() => void Promise.all([scores.refetch(), ranking.refetch()])}>{t('reviewScoring.common.retry')}</Button>} />
    );
  }
  if (!scores.data || !ranking.data) return <Card><Skeleton active paragraph={{ rows: 12 }} /></Card>;
  const jurisdiction = ranking.data.call;
  const canAct = !!me?.roles.some((r) => r.role === 'program');
  return (
    <div data-testid="ranking-page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/app/review">{t('reviewScoring.ranking.breadcrumb')}</Link> },
          { title: <Link to={`/app/review/${callId}`}>{jurisdiction.title}</Link> },
          { title: t('reviewScoring.ranking.title') },
        ]}
      />
      <Space direction="vertical" size={4} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('reviewScoring.ranking.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {jurisdiction.title} · {jurisdiction.programTitle}
        </Typography.Text>
      </Space>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <ScoresCard callId={callId} data={scores.data} canAct={canAct} />
        <RankingCard callId={callId} data={ranking.data} canAct={canAct} />
      </Space>
    </div>
  );
}
