import { Alert, App, Button, Drawer, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../lib/http';
import { useOfficerStudios, useRecordFinding, useStudioTriggers } from './api';
import './i18n';

/**
 * 记录取消称号情形: the program officer picks a studio of the jurisdiction and one trigger of the studio's edition
 * (京兴人社发〔2025〕21号 第十八条), and writes the facts and evidence found. Editions without triggers say so.
 */
export function FindingDrawer({ open, onClose, studioId: fixedStudio }: { open: boolean; onClose: () => void; studioId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ studioId: string; triggerId: string; facts: string; evidence: string }>();
  const [studioId, setStudioId] = useState<string | undefined>(fixedStudio);
  const studios = useOfficerStudios(open && !fixedStudio);
  const triggers = useStudioTriggers(studioId);
  const record = useRecordFinding();
  const active = (studios.data ?? []).filter((s) => s.status === 'active');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const created = await record.mutateAsync({ studioId: v.studioId ?? fixedStudio!, triggerId: v.triggerId, facts: v.facts, evidence: v.evidence });
      message.success(t('revocation.finding.ok'));
      form.resetFields();
      onClose();
      navigate(`/app/revocations/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, err]) => ({ name: name as 'facts', errors: [err] })));
      else message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const data = triggers.data;
  return (
    <Drawer
      title={t('revocation.finding.title')}
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      extra={
        <Button type="primary" onClick={() => void submit()} loading={record.isPending} disabled={!!data && !data.triggers.length} data-testid="finding-submit">
          {t('revocation.finding.submit')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" data-testid="finding-form" initialValues={{ studioId: fixedStudio }}>
        {!fixedStudio && (
          <Form.Item name="studioId" label={t('revocation.finding.studio')} rules={[{ required: true, message: t('revocation.finding.required') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={studios.isLoading}
              placeholder={t('revocation.finding.studioPlaceholder')}
              options={active.map((s) => ({ value: s.id, label: `${s.name}（${s.unit ?? ''}）` }))}
              onChange={(v: string) => {
                setStudioId(v);
                form.setFieldValue('triggerId', undefined);
              }}
              data-testid="finding-studio"
            />
          </Form.Item>
        )}
        {data && !data.triggers.length && <Alert type="warning" showIcon title={t('revocation.finding.noTriggers', { doc: data.document })} style={{ marginBottom: 16 }} />}
        {data && data.triggers.length > 0 && (
          <Form.Item
            name="triggerId"
            label={t('revocation.finding.trigger')}
            extra={t('revocation.finding.triggerHint', { doc: data.document })}
            rules={[{ required: true, message: t('revocation.finding.required') }]}
          >
            <Radio.Group style={{ width: '100%' }}>
              <Space orientation="vertical" style={{ width: "100%" }}>
                {data.triggers.map((tr) => (
                  <Radio key={tr.id} value={tr.id} disabled={!!tr.openCaseId} data-testid={`trigger-${tr.id}`}>
                    <Typography.Text>{tr.text}</Typography.Text> <Typography.Text type="secondary">（{tr.citation}）</Typography.Text>
                    {tr.detection === 'automatic' && <Tag style={{ marginLeft: 6 }}>{t('revocation.finding.auto')}</Tag>}
                    {tr.openCaseId && <Tag color="error">{t('revocation.finding.openCase')}</Tag>}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item name="facts" label={t('revocation.finding.facts')} rules={[{ required: true, min: 10, message: t('revocation.finding.factsPlaceholder') }]}>
          <Input.TextArea rows={5} maxLength={4000} showCount placeholder={t('revocation.finding.factsPlaceholder')} data-testid="finding-facts" />
        </Form.Item>
        <Form.Item name="evidence" label={t('revocation.finding.evidence')} rules={[{ required: true, min: 2, message: t('revocation.finding.evidencePlaceholder') }]}>
          <Input.TextArea rows={3} maxLength={4000} placeholder={t('revocation.finding.evidencePlaceholder')} data-testid="finding-evidence" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
