import { CheckCircleOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Col, Divider, Form, Input, InputNumber, Modal, Result, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { beijing } from '../../features/officer/api';
import { ApplicationView } from '../../features/review-scoring/application-view';
import { citationText, liveTotal, useSaveScore, useScoreSheet, useSubmitScore, type ScoreSheet } from '../../features/review-scoring/api';
import '../../features/review-scoring/i18n';
import { ApiError } from '../../lib/http';

interface Values {
  criteria: Record<string, number | null>;
  comments: Record<string, string>;
  overallComment?: string;
}

/** Maps the API's `criteria.x` / `comments.x` / `overallComment` field errors onto the form. */
function fieldErrors(err: unknown) {
  if (!(err instanceof ApiError) || !err.fields) return [];
  return Object.entries(err.fields).map(([k, msg]) => ({ name: k.split('.'), errors: [msg] }));
}

/** The rubric form: points per criterion with max and weight, comments required for extreme scores, live total. */
function ScoreForm({ sheet }: { sheet: ScoreSheet }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveScore(sheet.assignment.id);
  const submit = useSubmitScore(sheet.assignment.id);
  const score = sheet.score;
  const readOnly = score?.status === 'submitted' || !sheet.application.open;
  const { below, atLeast } = sheet.review.extremeScore;
  const criteria = Form.useWatch('criteria', form) ?? {};
  const total = liveTotal(sheet.rubric, criteria);
  const extreme = (id: string) => {
    const c = sheet.rubric.find((r) => r.id === id)!;
    const v = criteria[id];
    return typeof v === 'number' && (v < below * c.max || v >= atLeast * c.max);
  };

  const initial = useMemo<Values>(
    () => ({
      criteria: Object.fromEntries(sheet.rubric.map((c) => [c.id, score?.criteria[c.id] ?? null])),
      comments: Object.fromEntries(sheet.rubric.map((c) => [c.id, score?.comments[c.id] ?? ''])),
      overallComment: score?.overallComment ?? '',
    }),
    [sheet.rubric, score],
  );
  useEffect(() => form.setFieldsValue(initial), [form, initial]);

  const doSave = async (quiet = false) => {
    const v = form.getFieldsValue(true) as Values;
    try {
      const res = await save.mutateAsync({ criteria: v.criteria, comments: v.comments ?? {}, overallComment: v.overallComment ?? '', version: score?.version ?? 0 });
      if (!quiet) message.success(t('reviewScoring.sheet.saved'));
      return res;
    } catch (err) {
      form.setFields(fieldErrors(err) as never);
      message.error(err instanceof Error ? err.message : String(err));
      return null;
    }
  };

  const doSubmit = async () => {
    try {
      await form.validateFields();
    } catch {
      message.error(t('reviewScoring.sheet.fixErrors'));
      return;
    }
    Modal.confirm({
      title: t('reviewScoring.sheet.confirmSubmitTitle'),
      content: t('reviewScoring.sheet.confirmSubmitText', { total: total ?? '—' }),
      okText: t('reviewScoring.sheet.submit'),
      cancelText: t('reviewScoring.common.back'),
      onOk: async () => {
        const saved = await doSave(true);
        if (!saved?.score) return;
        try {
          await submit.mutateAsync(saved.score.version);
          message.success(t('reviewScoring.sheet.submittedOk'));
        } catch (err) {
          form.setFields(fieldErrors(err) as never);
          message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  };

  return (
    <Card
      title={
        <Space>
          {t('reviewScoring.sheet.rubric')}
          {score ? (
            <Tag color={score.status === 'submitted' ? 'success' : 'processing'} data-testid="score-status">
              {t(`reviewScoring.sheet.${score.status}`)}
            </Tag>
          ) : null}
        </Space>
      }
      style={{ position: 'sticky', top: 16 }}
      data-testid="score-form"
    >
      {score?.status === 'submitted' ? (
        <Alert type="success" showIcon icon={<CheckCircleOutlined />} style={{ marginBottom: 16 }} title={t('reviewScoring.sheet.submittedAt', { at: beijing(score.submittedAt) })} />
      ) : !sheet.application.open ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('reviewScoring.sheet.closed')} />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('reviewScoring.sheet.rubricIntro')}
          description={t('reviewScoring.sheet.extremeRule', { below: Math.round(below * 100), atLeast: Math.round(atLeast * 100), citation: citationText(sheet.review.citation) })}
        />
      )}
      <Form form={form} layout="vertical" disabled={readOnly} initialValues={initial} requiredMark>
        {sheet.rubric.map((c, i) => (
          <div key={c.id} data-testid={`criterion-${c.id}`}>
            <Form.Item
              name={['criteria', c.id]}
              label={
                <Space wrap size={4}>
                  <Typography.Text strong>
                    {i + 1}. {c.title}
                  </Typography.Text>
                  <Tag>{t('reviewScoring.sheet.max', { max: c.max })}</Tag>
                  <Tag>{t('reviewScoring.sheet.weight', { w: Math.round(c.weight * 1000) / 10 })}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {citationText(c.citation)}
                  </Typography.Text>
                </Space>
              }
              rules={[{ required: true, message: t('reviewScoring.sheet.pointsRequired') }]}
              style={{ marginBottom: 8 }}
            >
              <InputNumber min={0} max={c.max} step={0.5} precision={1} style={{ width: 160 }} suffix={`/ ${c.max}`} aria-label={c.title} />
            </Form.Item>
            <Form.Item
              name={['comments', c.id]}
              rules={[{ required: extreme(c.id), whitespace: true, message: t('reviewScoring.sheet.commentRequired') }]}
              style={{ marginBottom: 16 }}
            >
              <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} placeholder={extreme(c.id) ? t('reviewScoring.sheet.commentPlaceholderRequired') : t('reviewScoring.sheet.commentOptional')} aria-label={`${c.title} ${t('reviewScoring.sheet.commentFor')}`} />
            </Form.Item>
          </div>
        ))}
        <Form.Item name="overallComment" label={t('reviewScoring.sheet.overall')} rules={[{ required: true, whitespace: true, message: t('reviewScoring.sheet.overallRequired') }]}>
          <Input.TextArea rows={3} maxLength={4000} showCount aria-label={t('reviewScoring.sheet.overall')} />
        </Form.Item>
      </Form>
      <Divider style={{ margin: '8px 0 16px' }} />
      <Row align="middle" justify="space-between" gutter={16}>
        <Col>
          <div data-testid="live-total">
            <Statistic title={t('reviewScoring.sheet.total')} value={total ?? '—'} precision={total === null ? undefined : 1} suffix={total === null ? undefined : '/ 100'} />
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {score ? t('reviewScoring.sheet.lastSaved', { at: beijing(score.updatedAt) }) : t('reviewScoring.sheet.notSaved')}
          </Typography.Text>
        </Col>
        {readOnly ? null : (
          <Col>
            <Space>
              <Button icon={<SaveOutlined />} loading={save.isPending} onClick={() => void doSave()}>
                {t('reviewScoring.sheet.save')}
              </Button>
              <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} onClick={() => void doSubmit()}>
                {t('reviewScoring.sheet.submit')}
              </Button>
            </Space>
          </Col>
        )}
      </Row>
    </Card>
  );
}

/** /app/assignments/:id — the expert reads the application (left) and scores it against the rubric (right). */
export default function AssignmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const sheet = useScoreSheet(id);
  useEffect(() => {
    if (sheet.data) document.title = t('reviewScoring.sheet.pageTitle', { number: sheet.data.application.number });
  }, [sheet.data, t]);

  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 8 }}
      items={[{ title: <Link to="/app/assignments">{t('reviewScoring.sheet.breadcrumb')}</Link> }, { title: sheet.data?.application.number ?? t('reviewScoring.sheet.title') }]}
    />
  );
  if (sheet.error) {
    const e = sheet.error;
    const body =
      e instanceof ApiError && e.code === 'DECLARATION_REQUIRED' ? (
        <div data-testid="declare-first">
          <Result
            status="warning"
            title={t('reviewScoring.sheet.declareFirstTitle')}
            subTitle={t('reviewScoring.sheet.declareFirstText')}
            extra={
              <Link to="/app/assignments">
                <Button type="primary">{t('reviewScoring.sheet.goDeclare')}</Button>
              </Link>
            }
          />
        </div>
      ) : e instanceof ApiError && e.status === 403 ? (
        <Result status="403" title={t('reviewScoring.sheet.conflictTitle')} subTitle={t('reviewScoring.sheet.conflictText')} />
      ) : e instanceof ApiError && e.status === 404 ? (
        <Result status="404" title={t('reviewScoring.sheet.notFound')} />
      ) : (
        <Alert type="error" showIcon title={t('reviewScoring.common.loadError')} description={e.message} action={<Button onClick={() => void sheet.refetch()}>{t('reviewScoring.common.retry')}</Button>} />
      );
    return (
      <div>
        {crumbs}
        <Card>{body}</Card>
      </div>
    );
  }
  if (!sheet.data) return <Card><Skeleton active paragraph={{ rows: 12 }} /></Card>;
  const s = sheet.data;
  return (
    <div data-testid="assignment-page">
      {crumbs}
      <Space align="center" style={{ marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {s.application.number} {s.application.title ?? ''}
        </Typography.Title>
        <Typography.Text type="secondary">{citationText(s.review.citation)}</Typography.Text>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <ApplicationView sheet={s} />
        </Col>
        <Col xs={24} lg={10}>
          <ScoreForm sheet={s} />
        </Col>
      </Row>
    </div>
  );
}
