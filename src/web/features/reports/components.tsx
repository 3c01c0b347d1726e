import { PaperClipOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Descriptions, Drawer, Flex, Form, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIGURE_KEYS, FIGURE_NAMES } from '../../../shared/reports';
import { ApiError } from '../../lib/http';
import { STATE_COLORS, useReviewReport, type AnnualReport } from './api';
import './i18n';

/** The status tag: 未提交 / 已提交 / 逾期 / 已退回 / 已通过, with 逾期报送 when filed late. */
export function StateTag({ report }: { report: AnnualReport }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={STATE_COLORS[report.state]} data-testid={`state-${report.state}`}>
        {t(`reports.state.${report.state}`)}
      </Tag>
      {report.status === 'returned' && report.overdue && <Tag color="error">{t('reports.state.overdue')}</Tag>}
      {report.late && <Tag color="orange">{t('reports.late')}</Tag>}
    </Space>
  );
}

/** Days left until the due date, or days overdue, for a report not yet filed. */
export function Countdown({ report }: { report: AnnualReport }) {
  const { t } = useTranslation();
  if (report.status === 'submitted' || report.status === 'accepted') return <Typography.Text type="secondary">{report.dueOn}</Typography.Text>;
  const n = report.daysLeft;
  const text = n > 0 ? t('reports.daysLeft', { n }) : n === 0 ? t('reports.dueToday') : t('reports.overdueDays', { n: -n });
  return (
    <Space size={4} direction="vertical">
      <span>{report.dueOn}</span>
      <Typography.Text type={n < 0 ? 'danger' : n <= 30 ? 'warning' : 'secondary'} strong={n <= 7}>
        {text}
      </Typography.Text>
    </Space>
  );
}

export function Flags({ report }: { report: AnnualReport }) {
  if (!report.flags.length) return null;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      {report.flags.map((f) => (
        <Alert key={f.code} type={f.code === 'PERSON_TIMES_BELOW_MINIMUM' ? 'warning' : 'info'} showIcon message={f.message} data-testid={`flag-${f.code}`} />
      ))}
    </Space>
  );
}

/** The report's text and figures, read-only. */
export function ReportBody({ report }: { report: AnnualReport }) {
  const { t } = useTranslation();
  const figures = FIGURE_KEYS.filter((k) => report.figures[k] !== undefined);
  const para = (s: string) => (s.trim() ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s}</Typography.Paragraph> : <Typography.Text type="secondary">{t('reports.detail.empty')}</Typography.Text>);
  return (
    <Descriptions column={1} bordered size="small" labelStyle={{ width: 180 }}>
      <Descriptions.Item label={t('reports.form.summary')}>{para(report.summary)}</Descriptions.Item>
      <Descriptions.Item label={t('reports.form.plan')}>{para(report.nextYearPlan)}</Descriptions.Item>
      <Descriptions.Item label={t('reports.form.personTimes')}>
        {report.personTimes ?? '—'}
        {report.requirements.personTimes && (
          <Typography.Text type="secondary"> （{t('reports.form.personTimesRequired', { min: report.requirements.personTimes.minimum, citation: report.requirements.personTimes.citation })}）</Typography.Text>
        )}
      </Descriptions.Item>
      {figures.map((k) => (
        <Descriptions.Item key={k} label={FIGURE_NAMES[k].zh}>
          {report.figures[k]}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={t('reports.files.title')}>
        {report.files.length ? (
          <Space direction="vertical" size={2}>
            {report.files.map((f) => (
              <a key={f.id} href={f.url} data-testid="report-file">
                <PaperClipOutlined /> {f.name}
              </a>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('reports.files.none')}</Typography.Text>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The program officer's drawer: the report, its flags, accept or return with a comment. */
export function ReviewDrawer({ report, onClose }: { report: AnnualReport | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment?: string }>();
  const review = useReviewReport();
  const { message } = AntApp.useApp();
  const decide = async (decision: 'accept' | 'return') => {
    const v = form.getFieldsValue();
    if (decision === 'return' && !(v.comment ?? '').trim()) {
      form.setFields([{ name: 'comment', errors: [t('reports.drawer.required')] }]);
      return;
    }
    try {
      await review.mutateAsync({ id: report!.id, version: report!.version, decision, comment: v.comment?.trim() || undefined });
      message.success(t(decision === 'accept' ? 'reports.drawer.accepted' : 'reports.drawer.returned'));
      form.resetFields();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, errors]) => ({ name: name as never, errors: [errors] })));
      else message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Drawer open={!!report} width={720} title={report ? `${t('reports.drawer.title')}：${report.studioName} ${report.year} 年度` : ''} onClose={onClose} destroyOnHidden data-testid="review-drawer">
      {report && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={2} size="small">
            <Descriptions.Item label={t('reports.col.unit')}>{report.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('reports.detail.dueOn')}>{report.dueOn}</Descriptions.Item>
            <Descriptions.Item label={t('reports.detail.status')}>
              <StateTag report={report} />
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.detail.submittedAt')}>{report.submittedAt?.replace('T', ' ').slice(0, 16) ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('reports.detail.obligation')} span={2}>
              {report.requirements.citation}：{report.requirements.text}
            </Descriptions.Item>
          </Descriptions>
          <Flags report={report} />
          <ReportBody report={report} />
          {report.canReview && (
            <Form form={form} layout="vertical">
              <Form.Item name="comment" label={t('reports.drawer.comment')} extra={t('reports.drawer.returnComment')}>
                <Input.TextArea rows={3} maxLength={2000} showCount data-testid="review-comment" />
              </Form.Item>
              <Flex gap={8} justify="flex-end">
                <Button danger onClick={() => void decide('return')} loading={review.isPending} data-testid="review-return">
                  {t('reports.drawer.return')}
                </Button>
                <Button type="primary" onClick={() => void decide('accept')} loading={review.isPending} data-testid="review-accept">
                  {t('reports.drawer.accept')}
                </Button>
              </Flex>
            </Form>
          )}
        </Space>
      )}
    </Drawer>
  );
}
