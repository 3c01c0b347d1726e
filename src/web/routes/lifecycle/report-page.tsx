import { ArrowLeftOutlined, DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Card, Col, Descriptions, Flex, Form, Input, InputNumber, Popconfirm, Row, Skeleton, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FIGURE_KEYS, FIGURE_MAX, FIGURE_NAMES, PERSON_TIMES_MAX, type FigureKey } from '../../../shared/reports';
import { LoadError } from '../../features/officer/components';
import { useReport, useSaveReport, useSubmitReport, useUploadReportFile, type AnnualReport } from '../../features/reports/api';
import { Countdown, Flags, ReportBody, ReviewDrawer, StateTag } from '../../features/reports/components';
import '../../features/reports/i18n';
import { ApiError } from '../../lib/http';

type Values = { summary: string; nextYearPlan: string; personTimes: number | null; figures: Partial<Record<FigureKey, number | null>> };

const toBody = (v: Values) => ({
  summary: v.summary ?? '',
  nextYearPlan: v.nextYearPlan ?? '',
  personTimes: v.personTimes ?? null,
  figures: Object.fromEntries(FIGURE_KEYS.filter((k) => typeof v.figures?.[k] === 'number').map((k) => [k, v.figures[k] as number])),
});

/** The unit's form: summary, plan, person-times (required where the edition sets a minimum), other figures. */
function ReportForm({ report }: { report: AnnualReport }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveReport();
  const submit = useSubmitReport();
  const upload = useUploadReportFile();
  const { message } = AntApp.useApp();
  const min = report.requirements.personTimes;
  const personTimes = Form.useWatch('personTimes', form);
  useEffect(() => {
    form.setFieldsValue({ summary: report.summary, nextYearPlan: report.nextYearPlan, personTimes: report.personTimes, figures: report.figures });
    // Only when another report or state arrives: saving a file or a draft keeps what is being typed.
  }, [report.id, report.status]); // eslint-disable-line react-hooks/exhaustive-deps

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, errors]) => ({ name: (name.includes('.') ? name.split('.') : name) as never, errors: [errors] })));
    if (e instanceof ApiError && e.code === 'REPORT_VERSION_CONFLICT') message.warning(t('reports.stale'));
    else message.error(e instanceof Error ? e.message : String(e));
  };
  const doSave = async () => {
    try {
      const saved = await save.mutateAsync({ id: report.id, version: report.version, ...toBody(form.getFieldsValue(true)) });
      message.success(t('reports.form.saved'));
      return saved;
    } catch (e) {
      fail(e);
      return null;
    }
  };
  const doSubmit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const saved = await doSave();
    if (!saved) return;
    try {
      await submit.mutateAsync({ id: report.id, version: saved.version });
      message.success(t('reports.form.submitted'));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Form form={form} layout="vertical" data-testid="report-form">
      <Form.Item name="summary" label={t('reports.form.summary')} extra={t('reports.form.summaryHelp')} rules={[{ required: true, whitespace: true, message: `请填写${t('reports.form.summary')}` }]}>
        <Input.TextArea rows={8} maxLength={10000} showCount data-testid="report-summary" />
      </Form.Item>
      <Form.Item name="nextYearPlan" label={t('reports.form.plan')} rules={[{ required: true, whitespace: true, message: `请填写${t('reports.form.plan')}` }]}>
        <Input.TextArea rows={6} maxLength={10000} showCount data-testid="report-plan" />
      </Form.Item>
      <Form.Item
        name="personTimes"
        label={t('reports.form.personTimes')}
        extra={min ? t('reports.form.personTimesRequired', { min: min.minimum, citation: min.citation }) : t('reports.form.personTimesOptional')}
        rules={[{ required: !!min, message: `请填写${t('reports.form.personTimes')}` }]}
      >
        <InputNumber min={0} max={PERSON_TIMES_MAX} precision={0} style={{ width: 220 }} addonAfter="人次" data-testid="report-person-times" />
      </Form.Item>
      {min && typeof personTimes === 'number' && personTimes < min.minimum && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('reports.form.below', { min: min.minimum, citation: min.citation })} data-testid="below-minimum" />
      )}
      <Typography.Text strong>{t('reports.form.figures')}</Typography.Text>
      <Row gutter={16} style={{ marginTop: 8 }}>
        {FIGURE_KEYS.map((k) => (
          <Col span={8} key={k}>
            <Form.Item name={['figures', k]} label={FIGURE_NAMES[k].zh}>
              <InputNumber min={0} max={FIGURE_MAX} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item label={t('reports.files.title')} extra={t('reports.files.help')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {report.files.map((f) => (
            <Flex key={f.id} gap={8} align="center">
              <a href={f.url} data-testid="report-file">
                <PaperClipOutlined /> {f.name}
              </a>
              <Button
                size="small"
                type="link"
                danger
                icon={<DeleteOutlined />}
                onClick={async () => {
                  try {
                    await save.mutateAsync({ id: report.id, version: report.version, fileIds: report.files.filter((x) => x.id !== f.id).map((x) => x.id) });
                    message.success(t('reports.files.removed'));
                  } catch (e) {
                    fail(e);
                  }
                }}
              >
                {t('reports.files.remove')}
              </Button>
            </Flex>
          ))}
          <Upload
            accept=".pdf,.jpg,.jpeg,.png"
            showUploadList={false}
            customRequest={async ({ file }) => {
              try {
                await upload.mutateAsync({ id: report.id, file: file as File });
                message.success(t('reports.files.uploaded', { name: (file as File).name }));
              } catch (e) {
                fail(e);
              }
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="report-upload">
              {t('reports.files.upload')}
            </Button>
          </Upload>
        </Space>
      </Form.Item>
      <Flex gap={8} justify="flex-end">
        <Button onClick={() => void doSave()} loading={save.isPending} data-testid="report-save">
          {t('reports.form.save')}
        </Button>
        <Popconfirm title={t('reports.form.submitConfirm')} onConfirm={() => void doSubmit()}>
          <Button type="primary" loading={submit.isPending} data-testid="report-submit">
            {t('reports.form.submit')}
          </Button>
        </Popconfirm>
      </Flex>
    </Form>
  );
}

/** /app/reports/:id — one annual report: the unit's form while it is a draft or returned, else read-only; the officer may review it. */
export default function ReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useReport(id);
  const [reviewing, setReviewing] = useState(false);
  const r = q.data;
  useEffect(() => {
    if (r) document.title = `${r.studioName} ${r.year} 年度报告 - 匠心 技能大师工作室服务平台`;
  }, [r]);
  return (
    <div data-testid="report-page">
      <Link to="/app/reports">
        <ArrowLeftOutlined /> {t('reports.detail.back')}
      </Link>
      {q.error ? (
        <LoadError error={q.error} notFound="年度报告不存在或无权访问" onRetry={() => void q.refetch()} />
      ) : !r ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%', marginTop: 12 }}>
          <Flex justify="space-between" align="flex-start">
            <Typography.Title level={3} style={{ margin: 0 }}>
              {r.studioName} · {r.year} 年度报告
            </Typography.Title>
            {r.canReview && (
              <Button type="primary" onClick={() => setReviewing(true)} data-testid="open-review">
                {t('reports.review')}
              </Button>
            )}
          </Flex>
          <Card size="small">
            <Descriptions column={3} size="small">
              <Descriptions.Item label={t('reports.col.unit')}>{r.unitName}</Descriptions.Item>
              <Descriptions.Item label={t('reports.detail.dueOn')}>
                <Countdown report={r} />
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.detail.status')}>
                <StateTag report={r} />
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.detail.obligation')} span={3}>
                {r.requirements.citation}：{r.requirements.text}
              </Descriptions.Item>
              {r.requirements.personTimes && (
                <Descriptions.Item label="人次要求" span={3}>
                  {r.requirements.personTimes.citation}：{r.requirements.personTimes.text}
                </Descriptions.Item>
              )}
              {r.requirements.inferred && (
                <Descriptions.Item label={t('reports.detail.inferred')} span={3}>
                  <Typography.Text type="secondary">{r.requirements.inferred}</Typography.Text>
                </Descriptions.Item>
              )}
              {r.submittedAt && <Descriptions.Item label={t('reports.detail.submittedAt')}>{r.submittedAt.replace('T', ' ').slice(0, 16)}</Descriptions.Item>}
              {r.reviewComment && r.status === 'accepted' && (
                <Descriptions.Item label={t('reports.detail.reviewComment')} span={2}>
                  {r.reviewComment}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          {r.status === 'returned' && r.reviewComment && <Alert type="warning" showIcon message={t('reports.detail.returned', { comment: r.reviewComment })} data-testid="returned-alert" />}
          {r.overdue && <Alert type="error" showIcon message={`${t('reports.overdueDays', { n: -r.daysLeft })}（${r.requirements.citation}）`} />}
          <Flags report={r} />
          <Card>{r.canEdit ? <ReportForm report={r} /> : <ReportBody report={r} />}</Card>
          <ReviewDrawer report={reviewing ? r : null} onClose={() => setReviewing(false)} />
        </Space>
      )}
    </div>
  );
}
