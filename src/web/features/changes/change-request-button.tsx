import { EditOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Checkbox, DatePicker, Descriptions, Drawer, Flex, Form, Input, Radio, Select, Skeleton, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../lib/http';
import { LoadError } from '../officer/components';
import { useChangeRules, useFileChange, type CreateChangeInput, type StudioChangeRules } from './api';
import './i18n';

interface FormValues {
  kind?: CreateChangeInput['kind'];
  reason?: string;
  effectiveOn?: Dayjs;
  situation?: 'retired' | 'left' | 'ill' | 'other';
  leaderName?: string;
  leaderIdNumber?: string;
  arrangement?: 'rehired' | 'deferred';
  until?: Dayjs;
  unitName?: string;
  address?: string;
  leavesJurisdiction?: boolean;
}

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

function retirementText(r: NonNullable<StudioChangeRules['retirement']>, t: ReturnType<typeof useTranslation>['t']) {
  return t('changes.drawer.retirement', {
    name: r.leaderName,
    date: r.retirementDate,
    years: r.retirementAge.years,
    months: r.retirementAge.months ? t('changes.drawer.retirementMonths', { n: r.retirementAge.months }) : '',
  });
}

function ChangeForm({ studioId, rules, onDone }: { studioId: string; rules: StudioChangeRules; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const fileChange = useFileChange();
  const { message, modal } = AntApp.useApp();
  const navigate = useNavigate();
  const rule = rules.rules.find((r) => r.kind === kind);
  const blocked = !!rule && (rule.requiresNewApplication || rule.open);

  const submit = async () => {
    const v = await form.validateFields();
    const requested: CreateChangeInput['requested'] = {};
    if (v.kind === 'leader-unable') requested.situation = v.situation;
    if (v.kind === 'leader-replaced') Object.assign(requested, { leaderName: v.leaderName, ...(v.leaderIdNumber ? { leaderIdNumber: v.leaderIdNumber } : {}) });
    if (v.kind === 'leader-retirement-extension') Object.assign(requested, { arrangement: v.arrangement, ...(v.until ? { until: v.until.format('YYYY-MM-DD') } : {}) });
    if (v.kind === 'unit-renamed') requested.unitName = v.unitName;
    if (v.kind === 'unit-moved') Object.assign(requested, { address: v.address, leavesJurisdiction: !!v.leavesJurisdiction });
    try {
      const { created, failed } = await fileChange.mutateAsync({
        studioId,
        body: { kind: v.kind!, reason: v.reason ?? '', effectiveOn: v.effectiveOn!.format('YYYY-MM-DD'), requested },
        files: fileList.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f),
      });
      if (failed.length) modal.warning({ title: t('changes.drawer.filesFailed'), content: failed.map((f) => <div key={f}>{f}</div>) });
      else message.success(t('changes.drawer.ok'));
      form.resetFields();
      setFileList([]);
      onDone();
      void navigate(`/app/changes/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.fields) {
        form.setFields(
          Object.entries(e.fields)
            .map(([name, errors]) => ({ name: (name.startsWith('requested.') ? name.slice('requested.'.length) : name) as keyof FormValues, errors: [errors] }))
            .filter((f) => !String(f.name).includes('.')),
        );
      }
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const req = [{ required: true, message: t('changes.drawer.required') }];
  return (
    <Form form={form} layout="vertical" data-testid="change-form" requiredMark>
      <Form.Item name="kind" label={t('changes.drawer.kind')} rules={[{ required: true, message: t('changes.drawer.kindRequired') }]}>
        <Radio.Group style={{ width: '100%' }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {rules.rules.map((r) => (
              <Radio key={r.kind} value={r.kind} data-testid={`change-kind-${r.kind}`} style={{ alignItems: 'flex-start' }}>
                <Space size={4} wrap>
                  <Typography.Text strong>{r.kindName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.citation}
                  </Typography.Text>
                  {r.requiresNewApplication && <Tag color="orange">{t('changes.drawer.newApplication')}</Tag>}
                  {r.open && <Tag color="blue">{t('changes.drawer.open')}</Tag>}
                </Space>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {rule && (
        <Alert
          style={{ marginBottom: 16 }}
          type={rule.requiresNewApplication ? 'warning' : 'info'}
          showIcon
          data-testid="change-rule"
          title={`${rule.citation}：${rule.text}`}
          description={
            rule.requiresNewApplication ? (
              t('changes.drawer.newApplicationText', { citation: rule.citation })
            ) : (
              <>
                {t('changes.drawer.requires')}：{rule.requires}
              </>
            )
          }
        />
      )}
      {rule && !blocked && (
        <>
          {kind === 'leader-unable' && (
            <Form.Item name="situation" label={t('changes.drawer.situation')} rules={req}>
              <Select options={(['retired', 'left', 'ill', 'other'] as const).map((s) => ({ value: s, label: t(`changes.situation.${s}`) }))} data-testid="change-situation" />
            </Form.Item>
          )}
          {kind === 'leader-replaced' && (
            <>
              <Form.Item name="leaderName" label={t('changes.drawer.leaderName')} rules={[...req, { min: 2, message: t('changes.drawer.required') }]}>
                <Input maxLength={30} data-testid="change-leader-name" />
              </Form.Item>
              <Form.Item name="leaderIdNumber" label={t('changes.drawer.leaderIdNumber')}>
                <Input maxLength={18} />
              </Form.Item>
            </>
          )}
          {kind === 'leader-retirement-extension' && (
            <>
              {rules.retirement && <Alert style={{ marginBottom: 16 }} type="info" showIcon title={retirementText(rules.retirement, t)} description={rules.retirement.basis} data-testid="change-retirement" />}
              <Form.Item name="arrangement" label={t('changes.drawer.arrangement')} rules={req}>
                <Radio.Group options={(['rehired', 'deferred'] as const).map((a) => ({ value: a, label: t(`changes.arrangement.${a}`) }))} />
              </Form.Item>
              <Form.Item name="until" label={t('changes.drawer.until')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </>
          )}
          {kind === 'unit-renamed' && (
            <Form.Item name="unitName" label={t('changes.drawer.unitName')} rules={[...req, { min: 2, message: t('changes.drawer.required') }]}>
              <Input maxLength={100} data-testid="change-unit-name" />
            </Form.Item>
          )}
          {kind === 'unit-moved' && (
            <>
              <Form.Item name="address" label={t('changes.drawer.address')} rules={[...req, { min: 5, message: t('changes.drawer.required') }]}>
                <Input maxLength={200} data-testid="change-address" />
              </Form.Item>
              <Form.Item name="leavesJurisdiction" valuePropName="checked" extra={t('changes.drawer.leavesHelp')}>
                <Checkbox>{t('changes.drawer.leaves')}</Checkbox>
              </Form.Item>
            </>
          )}
          <Form.Item name="effectiveOn" label={t('changes.drawer.effectiveOn')} extra={t('changes.drawer.effectiveHelp')} rules={req}>
            <DatePicker style={{ width: '100%' }} data-testid="change-effective-on" />
          </Form.Item>
          <Form.Item name="reason" label={t('changes.drawer.reason')} rules={[...req, { min: 5, whitespace: true, message: t('changes.drawer.reasonPlaceholder') }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('changes.drawer.reasonPlaceholder')} data-testid="change-reason" />
          </Form.Item>
          <Form.Item label={t('changes.drawer.files')} extra={`${t('changes.drawer.requires')}：${rule.requires}。${t('changes.drawer.filesHelp')}`}>
            <Upload accept={ACCEPT} multiple maxCount={10} fileList={fileList} beforeUpload={() => false} onChange={({ fileList: l }) => setFileList(l)}>
              <Button icon={<UploadOutlined />}>{t('changes.drawer.pick')}</Button>
            </Upload>
          </Form.Item>
          <Flex justify="flex-end" gap={8}>
            <Button onClick={onDone}>{t('changes.drawer.cancel')}</Button>
            <Button type="primary" onClick={() => void submit()} loading={fileChange.isPending} data-testid="change-submit">
              {t('changes.drawer.submit')}
            </Button>
          </Flex>
        </>
      )}
    </Form>
  );
}

function DrawerBody({ studioId, onDone }: { studioId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const q = useChangeRules(studioId);
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isLoading || !q.data) return <Skeleton active />;
  const rules = q.data;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('changes.drawer.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('changes.drawer.basis', { doc: rules.documentNumber, title: rules.editionTitle })}
      </Typography.Paragraph>
      <Descriptions size="small" bordered column={1} title={t('changes.drawer.current')} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('changes.field.leaderName')}>{rules.current.leaderName}</Descriptions.Item>
        <Descriptions.Item label={t('changes.field.unitName')}>{rules.current.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('changes.field.address')}>{rules.current.address ?? t('changes.none')}</Descriptions.Item>
        {rules.retirement && <Descriptions.Item label={t('changes.detail.retirement')}>{retirementText(rules.retirement, t)}</Descriptions.Item>}
      </Descriptions>
      {rules.notice ? (
        <Alert type="warning" showIcon title={rules.rules.length ? t('changes.drawer.closed') : t('changes.drawer.noRules')} description={rules.notice} data-testid="change-notice" />
      ) : (
        <ChangeForm studioId={studioId} rules={rules} onDone={onDone} />
      )}
    </>
  );
}

/** The unit's entry point to a change request of its studio (大兴 第十七条 / 顺义 第十四条), with its drawer (issue 7). */
export function ChangeRequestButton({ studioId }: { studioId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="change-request-button">
        {t('changes.button')}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} width={600} title={t('changes.button')} destroyOnHidden data-testid="change-drawer">
        {open && <DrawerBody studioId={studioId} onDone={() => setOpen(false)} />}
      </Drawer>
    </>
  );
}
