import { ArrowLeftOutlined, DownloadOutlined, SafetyCertificateOutlined, TrophyOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Modal, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatShanghaiInstant } from '../../../shared/time';
import { useCallFunding, useDecide, useRecordTitle, yuan, type CallFunding, type Disbursement } from '../../features/funding/api';
import '../../features/funding/i18n';
import { useMe } from '../../features/auth/api';
import { LoadError } from '../../features/officer/components';
import '../../features/officer/i18n';
import { ApiError } from '../../lib/http';

type Item = CallFunding['decisionItems'][number];

function DecideModal({ data, open, onClose }: { data: CallFunding; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ document: string }>();
  const decide = useDecide();
  const { message } = AntApp.useApp();
  const n = data.decisionItems.filter((i) => !i.withdrawn).length;
  const submit = async () => {
    const { document } = await form.validateFields();
    try {
      const res = await decide.mutateAsync({ noticeId: data.noticeId, document });
      message.success(t('funding.call.decidedOk', { n: res.approved.length }));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, errors]) => ({ name: name as never, errors: [errors] })));
      else message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal open={open} title={t('funding.call.confirmTitle', { n })} okText={t('funding.call.confirm')} onOk={submit} onCancel={onClose} confirmLoading={decide.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('funding.call.confirmBody')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="document" label={t('funding.call.document')} rules={[{ required: true, whitespace: true, message: t('funding.call.documentRequired') }]}>
          <Input placeholder={t('funding.call.documentPlaceholder')} maxLength={100} data-testid="decision-document" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TitleModal({ studio, onClose }: { studio: { id: string; name: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ level: 'municipal' | 'national'; awardedOn: Dayjs; document: string }>();
  const record = useRecordTitle();
  const { message } = AntApp.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const res = await record.mutateAsync({ studioId: studio!.id, level: v.level, awardedOn: v.awardedOn.format('YYYY-MM-DD'), document: v.document });
      message.success(t('funding.call.titleOk') + (res.award ? t('funding.call.titleAward', { amount: yuan(res.award) }) : ''));
      form.resetFields();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, errors]) => ({ name: name as never, errors: [errors] })));
      else message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal open={!!studio} title={`${t('funding.call.recordTitle')}：${studio?.name ?? ''}`} onOk={submit} onCancel={onClose} confirmLoading={record.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ level: 'municipal' }}>
        <Form.Item name="level" label={t('funding.call.titleLevel')} rules={[{ required: true }]}>
          <Select options={[{ value: 'municipal', label: t('funding.call.municipal') }, { value: 'national', label: t('funding.call.national') }]} />
        </Form.Item>
        <Form.Item name="awardedOn" label={t('funding.call.awardedOn')} rules={[{ required: true, message: t('funding.disb.required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="document" label={t('funding.call.titleDocument')} rules={[{ required: true, whitespace: true, message: t('funding.disb.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ScheduleTable({ rows }: { rows: Disbursement[] }) {
  const { t } = useTranslation();
  return (
    <Table<Disbursement>
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={false}
      columns={[
        { title: t('funding.disb.col.unit'), dataIndex: 'unitName' },
        { title: t('funding.disb.col.purpose'), dataIndex: 'purpose' },
        { title: t('funding.disb.col.kind'), dataIndex: 'kind', width: 100, render: (k: string) => t(`funding.kind.${k}`) },
        { title: t('funding.disb.col.amount'), dataIndex: 'amount', width: 120, align: 'right', render: (n: number) => yuan(n) },
        { title: t('funding.disb.col.paid'), dataIndex: 'paidAmount', width: 120, align: 'right', render: (n: number) => yuan(n) },
        { title: t('funding.disb.col.status'), dataIndex: 'status', width: 110, render: (s: string) => <Tag color={s === 'paid' ? 'success' : s === 'awaiting-condition' ? 'warning' : 'processing'}>{t(`funding.status.${s}`)}</Tag> },
        { title: t('funding.disb.col.condition'), render: (_: unknown, d) => <Typography.Text type="secondary">{d.condition ? `${d.condition}（${d.citation}）` : d.citation}</Typography.Text> },
      ]}
    />
  );
}

/** /app/funding/:callId — the decision page of one call: the notice list, objections, 确认认定, titles and the schedule. */
export default function CallFundingPage() {
  const { t } = useTranslation();
  const { callId = '' } = useParams();
  const q = useCallFunding(callId);
  const [deciding, setDeciding] = useState(false);
  const [titleFor, setTitleFor] = useState<{ id: string; name: string } | null>(null);
  const { data: me } = useMe();
  const isProgram = !!me?.roles.some((r) => r.role === 'program');
  useEffect(() => {
    document.title = `${q.data?.callTitle ?? t('funding.list.title')} - 匠心 技能大师工作室服务平台`;
  }, [q.data, t]);
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isLoading || !q.data) return <Skeleton active />;
  const d = q.data;
  const decided = d.noticeStatus === 'concluded';
  const canDecide = !decided && d.ended && d.openObjections === 0;

  return (
    <div data-testid="call-funding-page">
      <Link to="/app/funding">
        <ArrowLeftOutlined /> {t('funding.common.back')}
      </Link>
      <Flex justify="space-between" align="flex-start" gap={16} style={{ margin: '8px 0 16px' }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {d.callTitle}
          </Typography.Title>
          <Typography.Text type="secondary">{d.noticeTitle}</Typography.Text>
        </div>
        <Space>
          {decided && (
            <Button icon={<DownloadOutlined />} href={`/api/funding/calls/${d.callId}/decided.xlsx`} data-testid="export-decided">
              {t('funding.call.exportDecided')}
            </Button>
          )}
          {!decided && isProgram && (
            <Button type="primary" disabled={!canDecide} onClick={() => setDeciding(true)} data-testid="confirm-decision">
              {t('funding.call.confirm')}
            </Button>
          )}
        </Space>
      </Flex>

      {decided ? (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('funding.call.decidedAlert', { at: d.concludedAt ? formatShanghaiInstant(d.concludedAt) : '', doc: d.decisionDocument ?? '' })} data-testid="decided-alert" />
      ) : !d.ended ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('funding.call.notEnded', { at: `${formatShanghaiInstant(d.endsAt)}（${t('funding.common.beijing')}）` })} />
      ) : d.openObjections > 0 ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('funding.call.hasObjections', { n: d.openObjections })} />
      ) : null}

      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('funding.call.period')}>{`${d.startsOn} ${t('officer.common.to')} ${d.endsOn}`}</Descriptions.Item>
          <Descriptions.Item label={t('funding.call.endsAt')}>{`${formatShanghaiInstant(d.endsAt)}（${t('funding.common.beijing')}）`}</Descriptions.Item>
          <Descriptions.Item label={t('funding.call.rule')}>{d.rule}</Descriptions.Item>
          <Descriptions.Item label={t('funding.call.nameFormat')}>{d.studioNameFormat ?? t('funding.common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('funding.call.funding')} span={2}>
            <Space direction="vertical" size={2}>
              {d.funding.map((f, i) => (
                <span key={i}>
                  <Tag>{t(`funding.kind.${f.kind}`)}</Tag>
                  {f.amount !== null ? `${yuan(f.amount)}：` : ''}
                  {f.text}
                </span>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={t('funding.call.items')} style={{ marginBottom: 16 }}>
        <Table<Item>
          rowKey="id"
          dataSource={d.decisionItems}
          pagination={false}
          columns={[
            { title: t('funding.call.col.no'), dataIndex: 'position', width: 60 },
            {
              title: t('funding.call.col.name'),
              width: 280,
              render: (_: unknown, i) => (
                <>
                  <Typography.Text delete={i.withdrawn}>{i.studioName ?? i.name}</Typography.Text>
                  {i.projectName && i.projectName !== i.name && <div><Typography.Text type="secondary">{i.projectName}</Typography.Text></div>}
                  {i.withdrawn && <div><Tag color="default">{t('funding.call.withdrawn')}</Tag> <Typography.Text type="secondary">{i.withdrawnReason}</Typography.Text></div>}
                </>
              ),
            },
            { title: t('funding.call.col.unit'), dataIndex: 'unitName', width: 200 },
            { title: t('funding.call.col.leader'), dataIndex: 'leaderName', width: 80 },
            { title: t('funding.call.col.occupation'), dataIndex: 'occupation' },
            { title: t('funding.call.col.amount'), dataIndex: 'amount', width: 110, align: 'right', render: (n: number | null) => yuan(n) },
            {
              title: t('funding.call.col.objections'),
              width: 150,
              render: (_: unknown, i) => (i.openObjections.length ? i.openObjections.map((o) => <Tag color="error" key={o.trackingNumber}>{t('funding.call.objectionOpen', { n: o.trackingNumber })}</Tag>) : t('funding.call.noObjection')),
            },
            {
              title: t('funding.call.col.result'),
              width: 250,
              render: (_: unknown, i) =>
                i.studioId ? (
                  <Space direction="vertical" size={2}>
                    <Tag color="success">{i.applicationStatusName}</Tag>
                    <Typography.Text type="secondary">{t('funding.call.plaque', { no: i.plaqueNumber ?? '—' })}</Typography.Text>
                    <Space>
                      <Button size="small" icon={<SafetyCertificateOutlined />} href={`/api/studios/${i.studioId}/certificate.pdf`} target="_blank">
                        {t('funding.call.certificate')}
                      </Button>
                      <Button size="small" icon={<TrophyOutlined />} disabled={!isProgram} onClick={() => setTitleFor({ id: i.studioId!, name: i.studioName ?? i.name })}>
                        {t('funding.call.recordTitle')}
                      </Button>
                    </Space>
                  </Space>
                ) : i.projectId ? (
                  <Space direction="vertical" size={2}>
                    <Tag color="success">{i.applicationStatusName}</Tag>
                    <Typography.Text type="secondary">{t('funding.call.project')}</Typography.Text>
                  </Space>
                ) : (
                  <Tag>{i.applicationStatusName ?? '—'}</Tag>
                ),
            },
          ]}
        />
      </Card>

      {decided && (
        <Card title={t('funding.call.schedule')}>
          <ScheduleTable rows={d.disbursements} />
        </Card>
      )}
      <DecideModal data={d} open={deciding} onClose={() => setDeciding(false)} />
      <TitleModal studio={titleFor} onClose={() => setTitleFor(null)} />
    </div>
  );
}
