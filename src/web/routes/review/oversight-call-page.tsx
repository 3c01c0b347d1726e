import { CheckCircleOutlined, CloseCircleOutlined, DownloadOutlined, EyeOutlined, LinkOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Space, Statistic, Table, Tabs, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../features/auth/api';
import { beijing, recordXlsxUrl, useReviewRecord, useVerifyAudit, type ReviewRecord } from '../../features/review-oversight/api';
import { LoadFailure } from '../../features/review-oversight/components';
import { ASSIGNMENT_COLORS } from '../../features/review-oversight/i18n';

type RecordApp = ReviewRecord['applications'][number];
type Score = ReviewRecord['scores'][number];
type Assignment = ReviewRecord['assignments'][number];
type Access = ReviewRecord['accessLog'][number];
type AuditRow = ReviewRecord['audit'][number];
type ProposalItem = NonNullable<ReviewRecord['proposal']>['items'][number];

const P = 'reviewOversight.oversight';

/** /app/oversight/:callId — the inspector's read-only record of one call's whole review. */
export default function OversightCallPage() {
  const { t } = useTranslation();
  const { callId = '' } = useParams();
  const { data: me } = useMe();
  const record = useReviewRecord(callId);
  const verify = useVerifyAudit();
  const isInspector = !!me?.roles.some((r) => r.role === 'inspector');
  const r = record.data;
  useEffect(() => {
    if (r) document.title = `${r.call.title} - ${t(`${P}.title`)} - 匠心`;
  }, [r, t]);

  if (record.error) return <LoadFailure error={record.error} onRetry={() => void record.refetch()} />;
  if (!r) return <Card><Skeleton active paragraph={{ rows: 12 }} /></Card>;

  return (
    <div data-testid="oversight-record">
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to={isInspector ? '/app/oversight' : `/app/review/${callId}`}>{isInspector ? t(`${P}.title`) : t('reviewOversight.calls.title')}</Link> }, { title: r.call.title }]} />
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 12 }}>
        <div>
          <Space align="center">
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="record-title">
              {r.call.title}
            </Typography.Title>
            <Tag icon={<EyeOutlined />} color="blue" data-testid="read-only">
              {t('reviewOversight.readOnly')}
            </Tag>
          </Space>
          <div>
            <Typography.Text type="secondary">
              {t(`reviewOversight.program.${r.call.program}`, { defaultValue: r.call.program })} · {r.call.documentNumber} · {t(`${P}.generatedAt`, { at: beijing(r.generatedAt) })}
            </Typography.Text>
          </div>
        </div>
        <Space wrap>
          {isInspector && (
            <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="verify-chain">
              {verify.isPending ? t(`${P}.verifying`) : t(`${P}.verify`)}
            </Button>
          )}
          <Tooltip title={t(`${P}.exportHint`)}>
            <Button type="primary" icon={<DownloadOutlined />} href={recordXlsxUrl(callId)} data-testid="export-record">
              {t(`${P}.export`)}
            </Button>
          </Tooltip>
        </Space>
      </Flex>
      <Alert type="info" showIcon title={t('reviewOversight.readOnlyHint')} style={{ marginBottom: 12 }} />
      {verify.data && (
        <Alert
          type={verify.data.ok ? 'success' : 'error'}
          showIcon
          icon={verify.data.ok ? <CheckCircleOutlined /> : <CloseCircleOutlined />}
          title={verify.data.message}
          closable
          style={{ marginBottom: 12 }}
          data-testid="verify-result"
        />
      )}
      {verify.error && <Alert type="error" showIcon title={verify.error.message} style={{ marginBottom: 12 }} />}

      <Card>
        <Tabs
          defaultActiveKey="process"
          items={[
            { key: 'process', label: `${t(`${P}.tabs.process`)}（${r.applications.length}）`, children: <ProcessTab r={r} /> },
            { key: 'scores', label: `${t(`${P}.tabs.scores`)}（${r.scores.length}）`, children: <ScoresTab r={r} /> },
            { key: 'panel', label: t(`${P}.tabs.panel`), children: <PanelTab r={r} /> },
            { key: 'access', label: `${t(`${P}.tabs.access`)}（${r.accessLog.length}）`, children: <AccessTab r={r} /> },
            { key: 'audit', label: `${t(`${P}.tabs.audit`)}（${r.audit.length}）`, children: <AuditTab r={r} /> },
          ]}
        />
      </Card>
    </div>
  );
}

function ProcessTab({ r }: { r: ReviewRecord }) {
  const { t } = useTranslation();
  return (
    <div data-testid="tab-process">
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {r.call.stages.map((s) => (
          <Col key={s.id} flex="1 1 140px">
            <Card size="small">
              <Statistic title={s.title} value={s.count} />
            </Card>
          </Col>
        ))}
      </Row>
      <Table<RecordApp>
        rowKey="id"
        size="middle"
        dataSource={r.applications}
        pagination={r.applications.length > 20 ? { pageSize: 20 } : false}
        expandable={{ expandedRowRender: (a) => <ApplicationDetail a={a} stageTitles={new Map(r.call.stages.map((x) => [x.id, x.title]))} />, expandRowByClick: true }}
        columns={[
          { title: t(`${P}.appCol.number`), dataIndex: 'number', width: 190 },
          { title: t(`${P}.appCol.unit`), dataIndex: 'unitName' },
          { title: t(`${P}.appCol.title`), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
          { title: t(`${P}.appCol.status`), dataIndex: 'statusName', width: 150, render: (v: string, a) => <Tag>{t(`reviewOversight.status.${a.status}`, { defaultValue: v })}</Tag> },
          { title: t(`${P}.appCol.round`), dataIndex: 'round', width: 90, align: 'center', render: (n: number) => (n ? t(`${P}.roundN`, { n }) : '—') },
          { title: t(`${P}.appCol.submittedAt`), dataIndex: 'submittedAt', width: 150, render: (v: string | null) => beijing(v) },
          { title: t(`${P}.appCol.events`), key: 'events', width: 90, align: 'center', render: (_: unknown, a) => a.timeline.length },
        ]}
      />
    </div>
  );
}

function ApplicationDetail({ a, stageTitles }: { a: RecordApp; stageTitles: Map<string, string> }) {
  const { t } = useTranslation();
  const status = (s: string | null) => (s ? t(`reviewOversight.status.${s}`, { defaultValue: s === 'draft' ? '草稿' : s }) : '');
  return (
    <Row gutter={24}>
      <Col xs={24} lg={9}>
        <Typography.Title level={5}>{t(`${P}.timeline`)}</Typography.Title>
        <Timeline
          items={a.timeline.map((e) => ({
            color: e.action === 'returned' || e.action === 'rejected' ? 'orange' : 'blue',
            content: (
              <div>
                <Typography.Text strong>{t(`${P}.action.${e.action}`, { defaultValue: e.action })}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {beijing(e.at, true)} · {e.actorName ?? '—'}
                </Typography.Text>
                {e.toStatus && (
                  <div style={{ fontSize: 12 }}>
                    {status(e.fromStatus)} → {status(e.toStatus)}
                  </div>
                )}
                {e.note && <div style={{ fontSize: 12 }}>{e.note}</div>}
              </div>
            ),
          }))}
        />
        {a.corrections.length > 0 && (
          <>
            <Typography.Title level={5}>{t(`${P}.corrections`)}</Typography.Title>
            {a.corrections.map((c) => (
              <Typography.Paragraph key={c.round} style={{ fontSize: 13 }}>
                {t(`${P}.correctionLine`, { round: c.round, deadline: c.deadline ?? '—', items: c.items.map((i) => i.comment).join('；') })}
                <br />
                <Typography.Text type={c.answeredAt ? 'success' : 'warning'}>{c.answeredAt ? t(`${P}.answered`, { at: beijing(c.answeredAt) }) : t(`${P}.unanswered`)}</Typography.Text>
              </Typography.Paragraph>
            ))}
          </>
        )}
      </Col>
      <Col xs={24} lg={15}>
        <Typography.Title level={5}>{t(`${P}.verdicts`)}</Typography.Title>
        <Table
          rowKey={(v) => `${v.stage}:${v.round}:${v.itemKind}:${v.itemId}`}
          size="small"
          dataSource={a.verdicts}
          pagination={false}
          locale={{ emptyText: t(`${P}.noDetails`) }}
          columns={[
            { title: t(`${P}.verdictCol.stage`), dataIndex: 'stage', width: 110, render: (v: string) => stageTitles.get(v) ?? v },
            { title: t(`${P}.verdictCol.round`), dataIndex: 'round', width: 60, align: 'center' },
            { title: t(`${P}.verdictCol.item`), dataIndex: 'itemId' },
            {
              title: t(`${P}.verdictCol.verdict`),
              dataIndex: 'verdict',
              width: 70,
              render: (v: string) => <Tag color={v === 'ok' ? 'green' : 'orange'}>{t(`${P}.verdict.${v}`, { defaultValue: v })}</Tag>,
            },
            { title: t(`${P}.verdictCol.comment`), dataIndex: 'comment', render: (v: string | null) => v ?? '—' },
            { title: t(`${P}.verdictCol.by`), dataIndex: 'checkedByName', width: 150, render: (v: string | null) => v ?? '—' },
            { title: t(`${P}.verdictCol.at`), dataIndex: 'checkedAt', width: 140, render: (v: string) => beijing(v) },
          ]}
        />
        {a.paperReceipts.length > 0 && (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t(`${P}.receipts`)}
            </Typography.Title>
            {a.paperReceipts.map((p, i) => (
              <Descriptions
                key={i}
                size="small"
                bordered
                column={2}
                style={{ marginBottom: 8 }}
                items={[
                  { key: 'outcome', label: t(`${P}.verdictCol.verdict`), children: t(`${P}.receiptOutcome.${p.outcome}`, { defaultValue: p.outcome }) },
                  { key: 'code', label: t(`${P}.watermark`), children: p.watermarkCode ?? '—' },
                  { key: 'by', label: t(`${P}.verdictCol.by`), children: p.recordedByName ?? '—' },
                  { key: 'at', label: t(`${P}.verdictCol.at`), children: beijing(p.recordedAt) },
                  { key: 'items', label: t(`${P}.verdictCol.comment`), span: 2, children: [p.comment, ...p.items.map((x) => `${x.id}：${x.comment}`)].filter(Boolean).join('；') || '—' },
                ]}
              />
            ))}
          </>
        )}
      </Col>
    </Row>
  );
}

function ScoresTab({ r }: { r: ReviewRecord }) {
  const { t } = useTranslation();
  const byApp = useMemo(() => {
    const groups = new Map<string, Score[]>();
    for (const s of r.scores) groups.set(s.applicationId, [...(groups.get(s.applicationId) ?? []), s]);
    return [...groups.entries()];
  }, [r.scores]);
  const unitOf = new Map(r.applications.map((a) => [a.id, a.unitName]));
  return (
    <div data-testid="tab-scores">
      <Descriptions
        size="small"
        column={3}
        title={t(`${P}.rubric`)}
        style={{ marginBottom: 16 }}
        items={r.rubric.map((c) => ({ key: c.id, label: c.title, children: `满分 ${c.max} · 权重 ${Math.round(c.weight * 1000) / 10}%` }))}
      />
      {byApp.length === 0 && <Empty description={t(`${P}.scoresNone`)} />}
      {byApp.map(([appId, sheets]) => (
        <Card key={appId} size="small" title={t(`${P}.scoresOf`, { number: sheets[0].applicationNumber, unit: unitOf.get(appId) ?? '', n: sheets.length })} style={{ marginBottom: 12 }}>
          <Table<Score>
            rowKey="assignmentId"
            size="small"
            dataSource={sheets}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t(`${P}.scoreCol.expert`), dataIndex: 'expertName', fixed: 'left', width: 90 },
              ...r.rubric.map((c) => ({
                title: <Tooltip title={c.article}>{c.title}</Tooltip>,
                key: c.id,
                width: 130,
                render: (_: unknown, s: Score) => {
                  const x = s.criteria.find((k) => k.id === c.id);
                  return (
                    <div>
                      <Typography.Text strong>{x?.points ?? '—'}</Typography.Text>
                      {x?.comment && (
                        <div style={{ fontSize: 12, color: '#8c8c8c', whiteSpace: 'normal' }} data-testid="criterion-comment">
                          {x.comment}
                        </div>
                      )}
                    </div>
                  );
                },
              })),
              { title: t(`${P}.scoreCol.total`), dataIndex: 'total', width: 90, render: (v: number | null) => <Typography.Text strong>{v ?? '—'}</Typography.Text> },
              { title: t(`${P}.scoreCol.overall`), dataIndex: 'overallComment', width: 200, render: (v: string | null) => v ?? '—' },
              { title: t(`${P}.scoreCol.submittedAt`), dataIndex: 'submittedAt', width: 140, render: (v: string | null) => beijing(v) },
            ]}
          />
        </Card>
      ))}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t(`${P}.proposal`)}
        {r.proposal && <Tag style={{ marginLeft: 8 }} color={r.proposal.status === 'submitted' ? 'green' : 'blue'}>{t(`reviewOversight.dashboard.proposalStatus.${r.proposal.status}`, { defaultValue: r.proposal.status })}</Tag>}
      </Typography.Title>
      {r.proposal ? (
        <Table<ProposalItem>
          rowKey="applicationId"
          size="small"
          dataSource={r.proposal.items}
          pagination={false}
          columns={[
            { title: t(`${P}.proposalCol.rank`), dataIndex: 'rank', width: 60, align: 'center' },
            { title: t(`${P}.proposalCol.number`), dataIndex: 'applicationNumber', width: 190 },
            { title: t(`${P}.proposalCol.unit`), dataIndex: 'unitName' },
            { title: t(`${P}.proposalCol.aggregate`), dataIndex: 'aggregate', width: 90 },
            { title: t(`${P}.proposalCol.proposed`), dataIndex: 'proposed', width: 80, render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{v ? t(`${P}.yes`) : t(`${P}.no`)}</Tag> },
            { title: t(`${P}.proposalCol.amount`), dataIndex: 'amount', width: 110, render: (v: number | null) => (v == null ? '—' : v.toLocaleString('zh-CN')) },
            { title: t(`${P}.proposalCol.reason`), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${P}.proposalNone`)} />
      )}
    </div>
  );
}

function PanelTab({ r }: { r: ReviewRecord }) {
  const { t } = useTranslation();
  return (
    <div data-testid="tab-panel">
      <Typography.Title level={5}>{t(`${P}.draws`)}</Typography.Title>
      {r.draws.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${P}.drawsNone`)} />}
      {r.draws.map((d) => (
        <Card key={d.id} size="small" style={{ marginBottom: 12 }} data-testid="draw-card">
          <Descriptions
            size="small"
            bordered
            column={3}
            items={[
              { key: 'at', label: t(`${P}.draw.at`), children: beijing(d.drawnAt, true) },
              { key: 'by', label: t(`${P}.draw.by`), children: d.drawnByName ?? '—' },
              { key: 'alg', label: t(`${P}.draw.algorithm`), children: d.algorithm },
              { key: 'seed', label: t(`${P}.draw.seed`), span: 2, children: <Typography.Text code copyable>{d.seed}</Typography.Text> },
              { key: 'size', label: t(`${P}.draw.size`), children: d.size },
              { key: 'fields', label: t(`${P}.draw.fields`), span: 3, children: d.fields.length ? d.fields.join('、') : t(`${P}.anyField`) },
              { key: 'cand', label: t(`${P}.draw.candidates`), span: 3, children: d.candidates.map((c, i) => `${i + 1}. ${c.name}`).join('  ') },
              {
                key: 'excl',
                label: t(`${P}.draw.excluded`),
                span: 3,
                children: d.excluded.length ? (
                  <Space orientation="vertical" size={2}>
                    {d.excluded.map((e) => (
                      <span key={e.expertId}>
                        <Tag color="red">{e.name}</Tag>
                        {e.reason}
                      </span>
                    ))}
                  </Space>
                ) : (
                  '—'
                ),
              },
              {
                key: 'drawn',
                label: t(`${P}.draw.drawn`),
                span: 3,
                children: d.drawn.map((c) => (
                  <Tag key={c.expertId} color="green">
                    {c.name}
                  </Tag>
                )),
              },
              {
                key: 'verify',
                label: t(`${P}.draw.verify`),
                span: 3,
                children: (
                  <a href={d.verifyUrl} target="_blank" rel="noreferrer" data-testid="draw-verify">
                    <LinkOutlined /> {d.verifyUrl}
                  </a>
                ),
              },
            ]}
          />
        </Card>
      ))}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t(`${P}.panel`)}
      </Typography.Title>
      <Table
        rowKey="expertId"
        size="small"
        dataSource={r.panel}
        pagination={false}
        columns={[
          { title: t(`${P}.panelCol.name`), dataIndex: 'name', width: 120 },
          { title: t(`${P}.panelCol.employer`), dataIndex: 'employer' },
          { title: t(`${P}.panelCol.status`), dataIndex: 'status', width: 90, render: (s: string) => t(`${P}.panelStatus.${s}`, { defaultValue: s }) },
          { title: t(`${P}.panelCol.addedAt`), dataIndex: 'addedAt', width: 150, render: (v: string) => beijing(v) },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t(`${P}.assignments`)}
      </Typography.Title>
      <Table<Assignment>
        rowKey="id"
        size="small"
        dataSource={r.assignments}
        pagination={r.assignments.length > 30 ? { pageSize: 30 } : false}
        data-testid="assignments-table"
        columns={[
          { title: t(`${P}.assignmentCol.number`), dataIndex: 'applicationNumber', width: 190 },
          { title: t(`${P}.assignmentCol.expert`), dataIndex: 'expertName', width: 90 },
          { title: t(`${P}.assignmentCol.status`), dataIndex: 'status', width: 130, render: (s: string) => <Tag color={ASSIGNMENT_COLORS[s]}>{t(`${P}.assignmentStatus.${s}`, { defaultValue: s })}</Tag> },
          { title: t(`${P}.assignmentCol.by`), dataIndex: 'assignedByName', width: 150, render: (v: string | null) => v ?? '—' },
          { title: t(`${P}.assignmentCol.assignedAt`), dataIndex: 'assignedAt', width: 140, render: (v: string) => beijing(v) },
          { title: t(`${P}.assignmentCol.declaredAt`), dataIndex: 'declaredAt', width: 140, render: (v: string | null) => beijing(v) },
          {
            title: t(`${P}.assignmentCol.conflict`),
            dataIndex: 'conflict',
            render: (c: Assignment['conflict']) => (c ? `${t(`${P}.conflictKind.${c.kind}`, { defaultValue: c.kind })}${c.note ? `：${c.note}` : ''}` : '—'),
          },
          { title: t(`${P}.assignmentCol.submittedAt`), dataIndex: 'submittedAt', width: 140, render: (v: string | null) => beijing(v) },
        ]}
      />
    </div>
  );
}

function AccessTab({ r }: { r: ReviewRecord }) {
  const { t } = useTranslation();
  return (
    <Table<Access>
      rowKey="id"
      size="small"
      dataSource={[...r.accessLog].reverse()}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t(`${P}.accessNone`) }}
      data-testid="tab-access"
      columns={[
        { title: t(`${P}.accessCol.at`), dataIndex: 'at', width: 180, render: (v: string) => beijing(v, true) },
        { title: t(`${P}.accessCol.user`), dataIndex: 'userName', width: 160, render: (v: string | null) => v ?? '—' },
        { title: t(`${P}.accessCol.role`), dataIndex: 'role', width: 100, render: (v: string | null) => (v ? t(`${P}.role.${v}`, { defaultValue: v }) : '—') },
        { title: t(`${P}.accessCol.number`), dataIndex: 'applicationNumber', width: 190, render: (v: string | null) => v ?? '—' },
        { title: t(`${P}.accessCol.what`), dataIndex: 'what', width: 140, render: (v: string) => t(`${P}.what.${v}`, { defaultValue: v }) },
        { title: t(`${P}.accessCol.detail`), dataIndex: 'detail', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

function AuditTab({ r }: { r: ReviewRecord }) {
  const { t } = useTranslation();
  return (
    <Table<AuditRow>
      rowKey="id"
      size="small"
      dataSource={r.audit}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t(`${P}.auditNone`) }}
      data-testid="tab-audit"
      columns={[
        { title: t(`${P}.auditCol.id`), dataIndex: 'id', width: 70 },
        { title: t(`${P}.auditCol.at`), dataIndex: 'occurredAt', width: 180, render: (v: string) => beijing(v, true) },
        { title: t(`${P}.auditCol.actor`), dataIndex: 'actorUsername', width: 140, render: (v: string | null) => v ?? '—' },
        { title: t(`${P}.auditCol.role`), dataIndex: 'actorRole', width: 100, render: (v: string | null) => (v ? t(`${P}.role.${v}`, { defaultValue: v }) : '—') },
        { title: t(`${P}.auditCol.action`), dataIndex: 'actionName', width: 170 },
        { title: t(`${P}.auditCol.entity`), key: 'entity', render: (_: unknown, e) => <Typography.Text style={{ fontSize: 12 }}>{e.entityType} · {e.entityId ?? '—'}</Typography.Text> },
        {
          title: t(`${P}.auditCol.hash`),
          dataIndex: 'hash',
          width: 180,
          render: (v: string | null) =>
            v ? (
              <Tooltip title={v}>
                <Typography.Text code>{v.slice(0, 16)}…</Typography.Text>
              </Tooltip>
            ) : (
              <Typography.Text type="secondary">{t(`${P}.unchained`)}</Typography.Text>
            ),
        },
      ]}
    />
  );
}
