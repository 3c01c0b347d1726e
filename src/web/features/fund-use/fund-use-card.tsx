import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Progress,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/http';
import { exportUrl, useFundUse, useRecordExpenditure, useRemoveExpenditure, yuan, type FundOwner, type FundUse } from './api';
import './i18n';

type Line = FundUse['lines'][number];
type Spending = FundUse['expenditures'][number];
type Asset = FundUse['assets'][number];

interface FormValues {
  budgetLine: string;
  category?: string;
  amount: number;
  spentOn: Dayjs;
  description: string;
  voucherNumber?: string;
  isFixedAsset: boolean;
  asset?: { assetNumber: string; name: string; model?: string; quantity: number; unitPrice: number; location?: string; custodian?: string; acquiredOn: Dayjs };
}

/** The drawer form to record one spending entry; the fixed-asset fields appear when 形成固定资产 is ticked. */
function RecordDrawer({ owner, use, open, onClose }: { owner: FundOwner; use: FundUse; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const record = useRecordExpenditure(owner);
  const isFixedAsset = Form.useWatch('isFixedAsset', form);
  const amount = Form.useWatch('amount', form);
  const quantity = Form.useWatch(['asset', 'quantity'], form);
  const unitPrice = Form.useWatch(['asset', 'unitPrice'], form);
  const budgetLine = Form.useWatch('budgetLine', form);
  const planLines = use.lines.filter((l) => l.inPlan);
  const hasPlan = use.scope === 'project';
  const categories = use.rule?.categories ?? [];
  const today = dayjs();
  const period = use.period;

  useEffect(() => {
    if (open) form.setFieldsValue({ spentOn: period?.end && dayjs(period.end).isBefore(today) ? dayjs(period.end) : today, isFixedAsset: false });
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  // The plan line's purpose suggests its category (大兴 经费计划 用途 = 第十五条 category).
  useEffect(() => {
    const line = planLines.find((l) => l.line === budgetLine);
    if (line?.category && !form.getFieldValue('category')) form.setFieldValue('category', line.category);
  }, [budgetLine]); // eslint-disable-line react-hooks/exhaustive-deps

  const outside = (d: Dayjs) => {
    const s = d.format('YYYY-MM-DD');
    return d.isAfter(today, 'day') || (!!period?.start && s < period.start) || (!!period?.end && s > period.end);
  };
  const product = typeof quantity === 'number' && typeof unitPrice === 'number' ? quantity * unitPrice : null;

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const res = await record.mutateAsync({
        budgetLine: v.budgetLine,
        category: v.category || undefined,
        amount: v.amount,
        spentOn: v.spentOn.format('YYYY-MM-DD'),
        description: v.description,
        voucherNumber: v.voucherNumber || undefined,
        isFixedAsset: !!v.isFixedAsset,
        asset: v.isFixedAsset && v.asset ? { ...v.asset, model: v.asset.model || undefined, location: v.asset.location || undefined, custodian: v.asset.custodian || undefined, acquiredOn: v.asset.acquiredOn.format('YYYY-MM-DD') } : undefined,
      });
      message.success(t('fundUse.drawer.saved'));
      for (const w of res.warnings) message.warning(w, 6);
      form.resetFields();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, errors]) => ({ name: name.split('.') as never, errors: [errors] })));
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const required = { required: true, message: t('fundUse.drawer.required') };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={600}
      title={t('fundUse.drawer.title')}
      destroyOnHidden
      data-testid="fund-use-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('fundUse.drawer.cancel')}</Button>
          <Button type="primary" onClick={submit} loading={record.isPending} data-testid="fund-use-submit">
            {t('fundUse.drawer.submit')}
          </Button>
        </Space>
      }
    >
      {period && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('fundUse.drawer.outside', { start: period.start ?? '—', end: period.end ?? '—' })} />}
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="budgetLine" label={t('fundUse.drawer.line')} rules={[{ ...required, whitespace: true }]} extra={hasPlan ? t('fundUse.drawer.linePlan') : undefined}>
          {hasPlan ? (
            <Select data-testid="fund-use-line" options={planLines.map((l) => ({ value: l.line, label: `${l.line}（${t('fundUse.col.planned')} ${yuan(l.planned)}）` }))} />
          ) : (
            <AutoComplete data-testid="fund-use-line" maxLength={200} placeholder={t('fundUse.drawer.lineFree')} options={use.lines.map((l) => ({ value: l.line }))} />
          )}
        </Form.Item>
        {categories.length > 0 && (
          <Form.Item name="category" label={t('fundUse.drawer.category')} rules={[required]} extra={use.rule?.citation}>
            <Select data-testid="fund-use-category" options={categories.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="amount" label={t('fundUse.drawer.amount')} rules={[required]}>
              <InputNumber style={{ width: '100%' }} min={1} precision={0} max={100_000_000} data-testid="fund-use-amount" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="spentOn" label={t('fundUse.drawer.spentOn')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} disabledDate={outside} data-testid="fund-use-date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('fundUse.drawer.description')} rules={[{ ...required, whitespace: true }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="fund-use-description" />
        </Form.Item>
        <Form.Item name="voucherNumber" label={t('fundUse.drawer.voucher')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="isFixedAsset"
          valuePropName="checked"
          extra={use.rule?.fixedAssetRegister ? t('fundUse.drawer.fixedAssetHelp', { citation: use.rule.citation }) : t('fundUse.drawer.fixedAssetHelpNone')}
        >
          <Checkbox
            data-testid="fund-use-fixed-asset"
            onChange={(e) => {
              if (e.target.checked) form.setFieldsValue({ asset: { quantity: 1, unitPrice: form.getFieldValue('amount'), acquiredOn: form.getFieldValue('spentOn') } as FormValues['asset'] });
            }}
          >
            {t('fundUse.drawer.fixedAsset')}
          </Checkbox>
        </Form.Item>
        {isFixedAsset && (
          <div data-testid="fund-use-asset-fields">
            <Divider titlePlacement="start" plain>
              {t('fundUse.drawer.assetSection')}
            </Divider>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name={['asset', 'assetNumber']} label={t('fundUse.drawer.assetNumber')} rules={[{ ...required, whitespace: true }]}>
                  <Input maxLength={64} data-testid="fund-use-asset-number" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['asset', 'name']} label={t('fundUse.drawer.assetName')} rules={[{ ...required, whitespace: true }]}>
                  <Input maxLength={100} data-testid="fund-use-asset-name" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['asset', 'model']} label={t('fundUse.drawer.model')}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['asset', 'acquiredOn']} label={t('fundUse.drawer.acquiredOn')} rules={[required]}>
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today, 'day')} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['asset', 'quantity']} label={t('fundUse.drawer.quantity')} rules={[required]}>
                  <InputNumber style={{ width: '100%' }} min={1} precision={0} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['asset', 'unitPrice']} label={t('fundUse.drawer.unitPrice')} rules={[required]}>
                  <InputNumber style={{ width: '100%' }} min={1} precision={0} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['asset', 'location']} label={t('fundUse.drawer.location')}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['asset', 'custodian']} label={t('fundUse.drawer.custodian')}>
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
            </Row>
            {product !== null && (
              <Typography.Text type={product === amount ? 'secondary' : 'danger'} data-testid="fund-use-product">
                {product === amount ? t('fundUse.drawer.product', { product: yuan(product) }) : t('fundUse.drawer.mismatch', { product: yuan(product), amount: yuan(amount) })}
              </Typography.Text>
            )}
          </div>
        )}
      </Form>
    </Drawer>
  );
}

const overTag = (t: (k: string, o?: Record<string, unknown>) => string, over: number) =>
  over > 0 ? (
    <Tag color="error" data-testid="fund-use-over">
      {t('fundUse.over', { amount: yuan(over) })}
    </Tag>
  ) : (
    <Tag color="success">{t('fundUse.ok')}</Tag>
  );

/** Fund use of a project or studio: spending per budget line and category, the spending list, the fixed-asset register (issue 7). */
export function FundUseCard({ projectId, studioId, canEdit }: { projectId?: string; studioId?: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const owner = useMemo<FundOwner | null>(() => (projectId ? { scope: 'project', id: projectId } : studioId ? { scope: 'studio', id: studioId } : null), [projectId, studioId]);
  const q = useFundUse(owner);
  const remove = useRemoveExpenditure(owner ?? { scope: 'studio', id: '' });
  const [drawer, setDrawer] = useState(false);
  const [tab, setTab] = useState('lines');
  if (!owner) return null;
  const title = owner.scope === 'project' ? t('fundUse.titleProject') : t('fundUse.titleStudio');
  if (q.isLoading) return <Card title={title}><Skeleton active /></Card>;
  if (q.error || !q.data)
    return (
      <Card title={title}>
        <Alert type="error" showIcon title={q.error instanceof Error ? q.error.message : String(q.error)} action={<Button onClick={() => q.refetch()}>{t('officer.common.retry', '重试')}</Button>} />
      </Card>
    );
  const use = q.data;
  const editable = canEdit && use.canRecord;
  const catName = (id: string | null) => (id ? (use.rule?.categories.find((c) => c.id === id)?.name ?? id) : '—');
  const removeOne = async (e: Spending) => {
    try {
      await remove.mutateAsync(e.id);
      message.success(t('fundUse.removed'));
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };
  const cap = use.granted.amount ?? use.planned;
  const hasPlan = use.scope === 'project';

  const lineColumns = [
    {
      title: t('fundUse.col.line'),
      dataIndex: 'line',
      render: (v: string, l: Line) => (
        <Space size={4} wrap>
          <span>{v}</span>
          {!l.inPlan && <Tag>{use.scope === 'project' ? t('fundUse.notPlanned') : t('fundUse.freeLine')}</Tag>}
        </Space>
      ),
    },
    ...(use.rule ? [{ title: t('fundUse.col.category'), dataIndex: 'category', width: 150, render: (v: string | null) => catName(v) }] : []),
    ...(hasPlan ? [{ title: t('fundUse.col.planned'), dataIndex: 'planned', align: 'right' as const, width: 110, render: (v: number | null) => yuan(v) }] : []),
    {
      title: t('fundUse.col.spent'),
      dataIndex: 'spent',
      align: 'right' as const,
      width: 150,
      render: (v: number, l: Line) => (
        <div>
          <Typography.Text type={l.over > 0 ? 'danger' : undefined} strong={l.over > 0}>
            {yuan(v)}
          </Typography.Text>
          {l.planned ? <Progress percent={Math.round((v / l.planned) * 100)} size="small" showInfo={false} status={l.over > 0 ? 'exception' : 'normal'} /> : null}
        </div>
      ),
    },
    ...(hasPlan
      ? [
          { title: t('fundUse.col.remaining'), dataIndex: 'remaining', align: 'right' as const, width: 110, render: (v: number | null) => <Typography.Text type={v !== null && v < 0 ? 'danger' : undefined}>{yuan(v)}</Typography.Text> },
          { title: t('fundUse.col.state'), key: 'state', width: 140, render: (_: unknown, l: Line) => (l.planned === null ? '—' : overTag(t, l.over)) },
        ]
      : [{ title: t('fundUse.col.share'), key: 'share', width: 200, render: (_: unknown, l: Line) => (use.spent ? <Progress percent={Math.round((l.spent / use.spent) * 100)} size="small" /> : '—') }]),
  ];

  const spendingColumns = [
    { title: t('fundUse.col.date'), dataIndex: 'spentOn', width: 110 },
    { title: t('fundUse.col.line'), dataIndex: 'budgetLine', ellipsis: true },
    ...(use.rule ? [{ title: t('fundUse.col.category'), dataIndex: 'categoryName', width: 130, render: (v: string | null) => v ?? '—' }] : []),
    { title: t('fundUse.col.amount'), dataIndex: 'amount', align: 'right' as const, width: 110, render: (v: number) => yuan(v) },
    { title: t('fundUse.col.description'), dataIndex: 'description', ellipsis: true },
    { title: t('fundUse.col.voucher'), dataIndex: 'voucherNumber', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('fundUse.col.asset'), dataIndex: 'assetNumber', width: 130, render: (v: string | null) => (v ? <Tag color="blue">{v}</Tag> : '—') },
    ...(editable
      ? [
          {
            title: t('fundUse.col.action'),
            key: 'action',
            width: 80,
            render: (_: unknown, e: Spending) => (
              <Popconfirm title={t('fundUse.removeConfirm')} okButtonProps={{ danger: true }} onConfirm={() => removeOne(e)}>
                <Button type="link" danger size="small" icon={<DeleteOutlined />} data-testid={`fund-use-remove-${e.id}`}>
                  {t('fundUse.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  const assetColumns = [
    { title: t('fundUse.col.assetNumber'), dataIndex: 'assetNumber', width: 140 },
    { title: t('fundUse.col.assetName'), dataIndex: 'name' },
    { title: t('fundUse.col.model'), dataIndex: 'model', render: (v: string | null) => v ?? '—' },
    { title: t('fundUse.col.quantity'), dataIndex: 'quantity', align: 'right' as const, width: 70 },
    { title: t('fundUse.col.unitPrice'), dataIndex: 'unitPrice', align: 'right' as const, width: 110, render: (v: number) => yuan(v) },
    { title: t('fundUse.col.amount'), dataIndex: 'amount', align: 'right' as const, width: 110, render: (v: number) => yuan(v) },
    { title: t('fundUse.col.location'), dataIndex: 'location', render: (v: string | null) => v ?? '—' },
    { title: t('fundUse.col.custodian'), dataIndex: 'custodian', width: 90, render: (v: string | null) => v ?? '—' },
    { title: t('fundUse.col.acquiredOn'), dataIndex: 'acquiredOn', width: 110 },
  ];

  return (
    <Card
      title={title}
      data-testid="fund-use-card"
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} href={exportUrl(owner)} data-testid="fund-use-export">
            {t('fundUse.export')}
          </Button>
          {editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer(true)} data-testid="fund-use-record">
              {t('fundUse.record')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('fundUse.stats.granted')} value={use.granted.amount ?? '—'} suffix={use.granted.amount !== null ? '元' : undefined} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {use.granted.basis}
          </Typography.Text>
        </Col>
        {use.planned !== null && (
          <Col xs={12} md={6}>
            <Statistic title={t('fundUse.stats.planned')} value={use.planned} suffix="元" />
          </Col>
        )}
        <Col xs={12} md={6}>
          <Statistic title={t('fundUse.stats.spent')} value={use.spent} suffix="元" styles={{ content: use.over > 0 ? { color: '#cf1322' } : undefined }} />
          {cap ? <Progress percent={Math.round((use.spent / cap) * 100)} size="small" status={use.over > 0 ? 'exception' : 'normal'} /> : null}
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('fundUse.stats.remaining')} value={use.remaining ?? '—'} suffix={use.remaining !== null ? '元' : undefined} styles={{ content: use.remaining !== null && use.remaining < 0 ? { color: '#cf1322' } : undefined }} />
        </Col>
      </Row>
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }} size={8}>
        {use.over > 0 && <Alert type="error" showIcon title={t('fundUse.overTotal', { amount: yuan(use.over) })} data-testid="fund-use-over-total" />}
        {use.lockedReason && <Alert type="warning" showIcon title={use.lockedReason} />}
        <Alert
          type="info"
          showIcon
          title={use.rule ? t('fundUse.rule', { citation: use.rule.citation }) : t('fundUse.ruleNone')}
          description={
            use.rule || use.period ? (
              <>
                {use.rule && <div>{use.rule.text}</div>}
                {use.period && <div>{t('fundUse.period', { start: use.period.start ?? '—', end: use.period.end ?? '—' })}</div>}
              </>
            ) : undefined
          }
        />
        {!canEdit && <Typography.Text type="secondary">{t('fundUse.readOnly')}</Typography.Text>}
      </Space>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'lines',
            label: t('fundUse.tabs.lines'),
            children: (
              <Table<Line>
                rowKey="line"
                size="small"
                pagination={false}
                columns={lineColumns}
                dataSource={use.lines}
                rowClassName={(l) => (l.over > 0 ? 'fund-use-over-row' : '')}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fundUse.empty.lines')} /> }}
                data-testid="fund-use-lines"
                summary={() =>
                  use.lines.length ? (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0} colSpan={use.rule ? 2 : 1}>
                        <Typography.Text strong>合计</Typography.Text>
                      </Table.Summary.Cell>
                      {hasPlan && (
                        <Table.Summary.Cell index={1} align="right">
                          {yuan(use.planned)}
                        </Table.Summary.Cell>
                      )}
                      <Table.Summary.Cell index={2} align="right">
                        <Typography.Text strong type={use.over > 0 ? 'danger' : undefined}>
                          {yuan(use.spent)}
                        </Typography.Text>
                      </Table.Summary.Cell>
                      {hasPlan ? (
                        <>
                          <Table.Summary.Cell index={3} align="right">
                            {yuan(use.remaining)}
                          </Table.Summary.Cell>
                          <Table.Summary.Cell index={4}>{cap !== null ? overTag(t, use.over) : '—'}</Table.Summary.Cell>
                        </>
                      ) : (
                        <Table.Summary.Cell index={3}>{cap !== null ? overTag(t, use.over) : '—'}</Table.Summary.Cell>
                      )}
                    </Table.Summary.Row>
                  ) : null
                }
              />
            ),
          },
          use.categories.length > 0 && {
            key: 'categories',
            label: t('fundUse.tabs.categories'),
            children: use.categories.length ? (
              <Flex vertical gap={12} data-testid="fund-use-categories">
                {use.categories.map((c) => (
                  <Row key={c.id} gutter={12} align="middle">
                    <Col flex="160px">
                      <Typography.Text>{c.name}</Typography.Text>
                    </Col>
                    <Col flex="auto">
                      <Progress
                        percent={c.planned ? Math.round((c.spent / c.planned) * 100) : use.spent ? Math.round((c.spent / use.spent) * 100) : 0}
                        status={c.over > 0 ? 'exception' : 'normal'}
                        format={() => `${yuan(c.spent)}${c.planned !== null ? ` / ${yuan(c.planned)}` : ''}`}
                      />
                    </Col>
                    <Col flex="130px">{c.planned !== null ? overTag(t, c.over) : null}</Col>
                  </Row>
                ))}
                <Typography.Text type="secondary">{use.rule?.citation}</Typography.Text>
              </Flex>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fundUse.empty.categories')} />
            ),
          },
          {
            key: 'spending',
            label: t('fundUse.tabs.spending', { n: use.expenditures.length }),
            children: (
              <Table<Spending>
                rowKey="id"
                size="small"
                columns={spendingColumns}
                dataSource={use.expenditures}
                pagination={use.expenditures.length > 20 ? { pageSize: 20 } : false}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fundUse.empty.spending')} /> }}
                data-testid="fund-use-spending"
              />
            ),
          },
          {
            key: 'assets',
            label: t('fundUse.tabs.assets', { n: use.assets.length }),
            children: (
              <Table<Asset>
                rowKey="id"
                size="small"
                columns={assetColumns}
                dataSource={use.assets}
                pagination={false}
                scroll={{ x: 900 }}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fundUse.empty.assets')} /> }}
                data-testid="fund-use-assets"
              />
            ),
          },
        ].filter((x) => !!x)}
      />
      {editable && <RecordDrawer owner={owner} use={use} open={drawer} onClose={() => setDrawer(false)} />}
    </Card>
  );
}
