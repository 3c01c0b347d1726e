import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, PaperClipOutlined, RollbackOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Empty, Flex, Form, Input, List, Modal, Row, Skeleton, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatShanghaiInstant } from '../../../shared/time';
import { useMe } from '../../features/auth/api';
import { STATUS_COLORS, useAddChangeFile, useChangeAction, useChangeRequest, type ChangeRequestView } from '../../features/changes/api';
import '../../features/changes/i18n';
import { StudioHistoryTimeline } from '../../features/changes/studio-history';
import { fieldLabel, SHOWN_FIELDS, valueText } from '../../features/changes/values';
import { LoadError } from '../../features/officer/components';
import { ApiError } from '../../lib/http';

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** Before / after of the fields the request touches. */
function Diff({ c }: { c: ChangeRequestView }) {
  const { t } = useTranslation();
  const fields = SHOWN_FIELDS.filter((f) => f in c.requested || (f in c.before && f !== 'name'));
  const rows = fields.map((f) => ({ field: f, before: f in c.before ? valueText(f, c.before[f], t) : t('changes.none'), after: f in c.requested ? valueText(f, c.requested[f], t) : t('changes.none') }));
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      data-testid="change-diff"
      columns={[
        { title: '', dataIndex: 'field', width: 140, render: (f: string) => <Typography.Text strong>{fieldLabel(f, t)}</Typography.Text> },
        { title: t('changes.detail.before'), dataIndex: 'before', render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
        {
          title: t('changes.detail.after'),
          dataIndex: 'after',
          render: (v: string, r) => (r.before !== v && v !== t('changes.none') ? <Typography.Text mark>{v}</Typography.Text> : v),
        },
      ]}
    />
  );
}

function Decide({ c }: { c: ChangeRequestView }) {
  const { t } = useTranslation();
  const action = useChangeAction();
  const { message, modal } = AntApp.useApp();
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const [form] = Form.useForm<{ reason: string }>();
  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : String(e));
  const effect = t(`changes.detail.effect.${c.kind}`) + (c.kind === 'unit-moved' && c.requested.leavesJurisdiction === true ? t('changes.detail.leaves') : '');
  const approve = () =>
    modal.confirm({
      title: t('changes.detail.approveTitle'),
      content: t('changes.detail.approveBody', { effect }),
      okText: t('changes.detail.approve'),
      onOk: async () => {
        try {
          await action.mutateAsync({ id: c.id, action: 'approve', version: c.version, reason: note.trim() || undefined });
          message.success(t('changes.detail.approved'));
        } catch (e) {
          fail(e);
        }
      },
    });
  const reject = async () => {
    const v = await form.validateFields();
    try {
      await action.mutateAsync({ id: c.id, action: 'reject', version: c.version, reason: v.reason });
      message.success(t('changes.detail.rejected'));
      setRejecting(false);
    } catch (e) {
      if (e instanceof ApiError && e.fields?.reason) form.setFields([{ name: 'reason', errors: [e.fields.reason] }]);
      else fail(e);
    }
  };
  return (
    <Card title={t('changes.detail.decide')} size="small" style={{ marginBottom: 16 }} data-testid="change-decide">
      <Typography.Paragraph type="secondary">{t('changes.detail.decideIntro', { citation: c.citation })}</Typography.Paragraph>
      {c.kind === 'unit-moved' && c.requested.leavesJurisdiction === true && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('changes.detail.leaves')} />}
      <Input.TextArea rows={2} maxLength={2000} placeholder={t('changes.detail.note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ marginBottom: 12 }} data-testid="change-note" />
      <Flex gap={8}>
        <Button type="primary" icon={<CheckOutlined />} onClick={approve} loading={action.isPending} data-testid="change-approve">
          {t('changes.detail.approve')}
        </Button>
        <Button danger icon={<CloseOutlined />} onClick={() => setRejecting(true)} data-testid="change-reject">
          {t('changes.detail.reject')}
        </Button>
      </Flex>
      <Modal open={rejecting} title={t('changes.detail.rejectTitle')} okText={t('changes.detail.reject')} okButtonProps={{ danger: true }} onOk={() => void reject()} onCancel={() => setRejecting(false)} confirmLoading={action.isPending} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('changes.detail.rejectReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('changes.detail.rejectRequired') }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="change-reject-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** /app/changes/:id — one change request: the rule, before/after, documents, the decision; the studio's history. */
export default function ChangePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useChangeRequest(id);
  const { data: me } = useMe();
  const action = useChangeAction();
  const addFile = useAddChangeFile();
  const { message, modal } = AntApp.useApp();
  useEffect(() => {
    document.title = `${t('changes.detail.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  if (q.error) return <LoadError error={q.error} notFound={t('changes.detail.notFound')} onRetry={() => void q.refetch()} />;
  if (q.isLoading || !q.data) return <Skeleton active />;
  const c = q.data;
  const isProgram = !!me?.roles.some((r) => r.role === 'program' && r.jurisdiction === c.jurisdiction);
  const isUnit = !!me?.roles.some((r) => r.role === 'applicant');
  const open = c.status === 'submitted';
  const withdraw = () =>
    modal.confirm({
      title: t('changes.detail.withdrawTitle'),
      okText: t('changes.detail.withdraw'),
      onOk: async () => {
        try {
          await action.mutateAsync({ id: c.id, action: 'withdraw', version: c.version });
          message.success(t('changes.detail.withdrawn'));
        } catch (e) {
          message.error(e instanceof Error ? e.message : String(e));
        }
      },
    });

  return (
    <div data-testid="change-page">
      <Link to="/app/changes">
        <ArrowLeftOutlined /> {t('changes.detail.back')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '12px 0' }}>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {c.kindName}
          </Typography.Title>
          <Tag color={STATUS_COLORS[c.status]} data-testid="change-status">
            {t(`changes.status.${c.status}`)}
          </Tag>
        </Space>
        {isUnit && open && (
          <Button icon={<RollbackOutlined />} onClick={withdraw} data-testid="change-withdraw">
            {t('changes.detail.withdraw')}
          </Button>
        )}
      </Flex>
      {c.status === 'rejected' && c.decisionReason && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`${t('changes.detail.rejected')}：${c.decisionReason}`} />}
      {c.status === 'approved' && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('changes.detail.approved')} description={c.decisionReason ?? undefined} />}
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('changes.detail.studio')} span={2}>
                {c.studioName}
              </Descriptions.Item>
              <Descriptions.Item label={t('changes.detail.unit')} span={2}>
                {c.unitName}
              </Descriptions.Item>
              <Descriptions.Item label={t('changes.detail.basis')} span={2}>
                {c.citation}
              </Descriptions.Item>
              <Descriptions.Item label={t('changes.detail.effectiveOn')}>{c.effectiveOn ?? t('changes.none')}</Descriptions.Item>
              <Descriptions.Item label={t('changes.detail.submittedAt')}>
                {formatShanghaiInstant(c.submittedAt)}
                {c.submittedBy ? `（${c.submittedBy}）` : ''}
              </Descriptions.Item>
              {c.decidedAt && (
                <Descriptions.Item label={t('changes.detail.decidedAt')} span={2}>
                  {formatShanghaiInstant(c.decidedAt)}
                  {c.decidedBy ? `（${c.decidedBy}）` : ''}
                </Descriptions.Item>
              )}
              {c.retirement && (
                <Descriptions.Item label={t('changes.detail.retirement')} span={2}>
                  {t('changes.detail.retirementText', {
                    name: c.retirement.leaderName,
                    date: c.retirement.retirementDate,
                    years: c.retirement.retirementAge.years,
                    months: c.retirement.retirementAge.months ? t('changes.drawer.retirementMonths', { n: c.retirement.retirementAge.months }) : '',
                  })}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('changes.detail.reason')} span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.reason}</Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('changes.detail.diff')} style={{ marginBottom: 16 }}>
            <Diff c={c} />
          </Card>
          <Card
            size="small"
            title={t('changes.detail.files')}
            style={{ marginBottom: 16 }}
            extra={
              isUnit && open ? (
                <Upload
                  accept=".pdf,.jpg,.jpeg,.png"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    addFile.mutate(
                      { id: c.id, file },
                      { onSuccess: () => message.success(t('changes.detail.uploaded')), onError: (e) => message.error(e instanceof Error ? e.message : String(e)) },
                    );
                    return false;
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />} loading={addFile.isPending} data-testid="change-add-file">
                    {t('changes.detail.addFile')}
                  </Button>
                </Upload>
              ) : null
            }
          >
            {c.files.length ? (
              <List
                size="small"
                dataSource={c.files}
                renderItem={(f) => (
                  <List.Item>
                    <a href={f.url} target="_blank" rel="noreferrer">
                      <PaperClipOutlined /> {f.name}
                    </a>
                    <Typography.Text type="secondary">{kb(f.size)}</Typography.Text>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('changes.detail.noFiles')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          {isProgram && open && <Decide c={c} />}
          {c.ruleText && (
            <Card size="small" title={t('changes.detail.rule')} style={{ marginBottom: 16 }}>
              <Typography.Paragraph style={{ marginBottom: 8 }}>{c.ruleText}</Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.citation}
              </Typography.Text>
              {c.requires && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {t('changes.detail.requires')}：{c.requires}
                </Typography.Paragraph>
              )}
            </Card>
          )}
          <Card size="small" title={t('changes.detail.history')}>
            <StudioHistoryTimeline studioId={c.studioId} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
