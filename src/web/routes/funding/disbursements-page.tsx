import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Col, DatePicker, Empty, Flex, Form, Input, InputNumber, Modal, Row, Segmented, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisbursements, useRecordPayment, yuan, type Disbursement } from '../../features/funding/api';
import '../../features/funding/i18n';
import { LoadError } from '../../features/officer/components';
import { useMe } from '../../features/auth/api';
import { ApiError } from '../../lib/http';

const STATUS_COLORS: Record<string, string> = { 'awaiting-condition': 'warning', due: 'processing', 'partially-paid': 'cyan', paid: 'success' };

function PayModal({ line, onClose }: { line: Disbursement | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ paidOn: Dayjs; amount: number; voucherNumber: string }>();
  const pay = useRecordPayment();
  const { message } = AntApp.useApp();
  const left = line ? line.amount - line.paidAmount : 0;
  useEffect(() => {
    if (line) form.setFieldsValue({ paidOn: dayjs(), amount: left, voucherNumber: '' });
  }, [line, left, form]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await pay.mutateAsync({ id: line!.id, paidOn: v.paidOn.format('YYYY-MM-DD'), amount: v.amount, voucherNumber: v.voucherNumber });
      message.success(t('funding.disb.paidOk'));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, errors]) => ({ name: name as never, errors: [errors] })));
      else message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal open={!!line} title={t('funding.disb.payTitle', { purpose: line?.purpose ?? '' })} okText={t('funding.disb.pay')} onOk={submit} onCancel={onClose} confirmLoading={pay.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {line?.unitName} · {t('funding.disb.left', { amount: yuan(left) })} · {line?.citation}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="paidOn" label={t('funding.disb.paidOn')} rules={[{ required: true, message: t('funding.disb.required') }]}>
          <DatePicker style={{ width: '100%' }} data-testid="pay-date" />
        </Form.Item>
        <Form.Item name="amount" label={t('funding.disb.amount')} rules={[{ required: true, message: t('funding.disb.required') }]}>
          <InputNumber style={{ width: '100%' }} min={1} precision={0} data-testid="pay-amount" />
        </Form.Item>
        <Form.Item name="voucherNumber" label={t('funding.disb.voucher')} rules={[{ required: true, whitespace: true, message: t('funding.disb.required') }]}>
          <Input maxLength={64} data-testid="pay-voucher" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** /app/disbursements — finance: the payment schedule with its status, 登记拨付, export. */
export default function DisbursementsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [status, setStatus] = useState<string>('all');
  const q = useDisbursements(status === 'all' ? undefined : status);
  const all = useDisbursements();
  const [paying, setPaying] = useState<Disbursement | null>(null);
  const isFinance = !!me?.roles.some((r) => r.role === 'finance');
  useEffect(() => {
    document.title = `${t('funding.disb.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  const stats = useMemo(() => {
    const rows = all.data ?? [];
    return {
      due: rows.filter((r) => r.status === 'due' || r.status === 'partially-paid').reduce((n, r) => n + r.amount - r.paidAmount, 0),
      awaiting: rows.filter((r) => r.status === 'awaiting-condition').reduce((n, r) => n + r.amount, 0),
      paid: rows.reduce((n, r) => n + r.paidAmount, 0),
    };
  }, [all.data]);
  const rows = q.data ?? [];

  return (
    <div data-testid="disbursements-page">
      <Flex justify="space-between" align="flex-start" gap={16}>
        <div>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('funding.disb.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('funding.disb.intro')}</Typography.Paragraph>
        </div>
        <Button icon={<DownloadOutlined />} href={`/api/disbursements.xlsx${status === 'all' ? '' : `?status=${status}`}`} data-testid="export-disbursements">
          {t('funding.common.export')}
        </Button>
      </Flex>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(['due', 'awaiting', 'paid'] as const).map((k) => (
          <Col span={8} key={k}>
            <Card size="small">
              <Statistic title={t(`funding.disb.stats.${k}`)} value={all.isLoading ? '-' : stats[k]} groupSeparator="," />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Segmented
          style={{ marginBottom: 16 }}
          value={status}
          onChange={(v) => setStatus(String(v))}
          options={['all', 'due', 'awaiting-condition', 'partially-paid', 'paid'].map((s) => ({ value: s, label: s === 'all' ? t('funding.disb.filterAll') : t(`funding.status.${s}`) }))}
        />
        {q.error ? (
          <LoadError error={q.error} onRetry={() => void q.refetch()} />
        ) : q.isLoading ? (
          <Skeleton active />
        ) : (
          <Table<Disbursement>
            rowKey="id"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: <Empty description={t('funding.disb.empty')} /> }}
            expandable={{
              rowExpandable: (r) => r.payments.length > 0,
              expandedRowRender: (r) => (
                <Space direction="vertical" size={2}>
                  <Typography.Text strong>{t('funding.disb.payments')}</Typography.Text>
                  {r.payments.map((p) => (
                    <span key={p.id}>
                      {p.paidOn} · {yuan(p.amount)} · {p.voucherNumber}
                    </span>
                  ))}
                </Space>
              ),
            }}
            columns={[
              { title: t('funding.disb.col.unit'), dataIndex: 'unitName', width: 170 },
              {
                title: t('funding.disb.col.purpose'),
                render: (_: unknown, r) => (
                  <>
                    <div>{r.purpose}</div>
                    <Space size={4} wrap>
                      <Tag>{t(`funding.kind.${r.kind}`)}</Tag>
                      {r.applicationNumber && <Typography.Text type="secondary">{r.applicationNumber}</Typography.Text>}
                    </Space>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.condition ? `${t('funding.disb.col.condition')}：${r.condition}（${r.citation}）` : r.citation}
                      </Typography.Text>
                    </div>
                  </>
                ),
              },
              { title: t('funding.disb.col.amount'), dataIndex: 'amount', width: 120, align: 'right', render: (n: number, r) => <>{yuan(n)}{r.cap ? <div><Typography.Text type="secondary">≤ {yuan(r.cap)}</Typography.Text></div> : null}</> },
              { title: t('funding.disb.col.paid'), dataIndex: 'paidAmount', width: 110, align: 'right', render: (n: number) => yuan(n) },
              { title: t('funding.disb.col.status'), dataIndex: 'status', width: 100, render: (s: string, r) => <Tag color={STATUS_COLORS[s]} data-testid={`disb-status-${r.id}`}>{t(`funding.status.${s}`)}</Tag> },
              {
                title: t('funding.disb.col.bank'),
                width: 190,
                render: (_: unknown, r) => (
                  <>
                    {r.bank.bankName || r.bank.accountNumber ? (
                      <div>
                        {r.bank.bankName}
                        <div>
                          <Typography.Text copyable>{r.bank.accountNumber}</Typography.Text>
                        </div>
                      </div>
                    ) : (
                      <Typography.Text type="warning">{t('funding.disb.bankMissing')}</Typography.Text>
                    )}
                    {r.bank.materials.map((m) => (
                      <div key={m.materialId}>
                        <a href={m.url}>
                          <PaperClipOutlined /> {t('funding.disb.permit')}
                        </a>
                      </div>
                    ))}
                  </>
                ),
              },
              ...(isFinance
                ? [
                    {
                      title: t('funding.disb.col.action'),
                      width: 100,
                      render: (_: unknown, r: Disbursement) => (
                        <Button size="small" type="primary" disabled={r.status === 'paid' || r.status === 'awaiting-condition'} onClick={() => setPaying(r)} data-testid={`pay-${r.id}`}>
                          {t('funding.disb.pay')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <PayModal line={paying} onClose={() => setPaying(null)} />
    </div>
  );
}
