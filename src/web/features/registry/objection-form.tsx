import { SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Result, Select, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lookupObjection, uploadObjectionAttachment, useFileObjection, type PublicObjectionStatus } from '../notices-admin/api';
import { OBJECTION_COLORS } from '../notices-admin/i18n';
import type { ApiError } from '../../lib/http';
import type { NoticeDetail } from './api';

interface Values {
  itemId?: string;
  anonymous?: boolean;
  name?: string;
  contact?: string;
  body: string;
}

const CONTACT = /^(\+?\d[\d\s-]{5,19}|[^\s@]+@[^\s@]+\.[^\s@]+)$/;

/**
 * The public objection form (异议) of a running notice: no login; name and contact required unless the officer
 * allowed anonymous objections (京兴人社发〔2025〕21号 第十一条; 顺义 第六条 接受社会监督); evidence optional. After filing, the
 * tracking number and query code are shown.
 */
export function ObjectionForm({ notice }: { notice: NoticeDetail }) {
  const { t } = useTranslation();
  const file = useFileObjection(notice.id);
  const [form] = Form.useForm<Values>();
  const anonymous = Form.useWatch('anonymous', form);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [filed, setFiled] = useState<{ trackingNumber: string; queryCode: string; attached: number; failures: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setError(null);
    try {
      const res = await file.mutateAsync({ ...values, anonymous: !!values.anonymous });
      const failures: string[] = [];
      let attached = 0;
      for (const f of files) {
        try {
          await uploadObjectionAttachment(res.trackingNumber, res.queryCode, f.originFileObj as File);
          attached++;
        } catch (e) {
          failures.push(t('noticesAdmin.objection.attachmentFailed', { name: f.name, message: (e as Error).message }));
        }
      }
      setFiled({ trackingNumber: res.trackingNumber, queryCode: res.queryCode, attached, failures });
      form.resetFields();
      setFiles([]);
    } catch (e) {
      const err = e as ApiError;
      if (err.fields) form.setFields(Object.entries(err.fields).map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })));
      setError(err.message);
    }
  };

  if (filed) {
    return (
      <Result
        status="success"
        style={{ padding: '16px 0' }}
        title={t('noticesAdmin.objection.filedTitle')}
        subTitle={
          <Space direction="vertical" size={4}>
            <Typography.Text strong copyable={{ text: filed.trackingNumber }} data-testid="tracking-number">
              {filed.trackingNumber}
            </Typography.Text>
            <Typography.Text>
              {t('noticesAdmin.objection.filedBody', { number: filed.trackingNumber, code: filed.queryCode })}
            </Typography.Text>
            <Typography.Text type="secondary">{t('noticesAdmin.objection.filedHint')}</Typography.Text>
            {filed.attached > 0 && <Typography.Text type="secondary">{t('noticesAdmin.objection.attached', { n: filed.attached })}</Typography.Text>}
            {filed.failures.map((f) => (
              <Typography.Text key={f} type="danger">
                {f}
              </Typography.Text>
            ))}
          </Space>
        }
        extra={<Button onClick={() => setFiled(null)}>{t('noticesAdmin.objection.another')}</Button>}
      />
    );
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark data-testid="objection-form" initialValues={{ anonymous: false }}>
      {!notice.allowAnonymousObjections && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('noticesAdmin.objection.realName')} />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} />}
      <Form.Item name="itemId" label={t('noticesAdmin.objection.target')}>
        <Select allowClear placeholder={t('noticesAdmin.objection.wholeList')} options={notice.items.map((i, k) => ({ value: i.id, label: `${k + 1}. ${i.name}` }))} />
      </Form.Item>
      {notice.allowAnonymousObjections && (
        <Form.Item name="anonymous" valuePropName="checked">
          <Checkbox>{t('noticesAdmin.objection.anonymous')}</Checkbox>
        </Form.Item>
      )}
      {!anonymous && (
        <>
          <Form.Item name="name" label={t('noticesAdmin.objection.name')} rules={[{ required: true, whitespace: true, message: t('noticesAdmin.objection.nameRequired') }]}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="contact"
            label={t('noticesAdmin.objection.contact')}
            rules={[
              { required: true, whitespace: true, message: t('noticesAdmin.objection.contactRequired') },
              { pattern: CONTACT, message: t('noticesAdmin.objection.contactInvalid') },
            ]}
          >
            <Input maxLength={100} autoComplete="tel" />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="body"
        label={t('noticesAdmin.objection.body')}
        rules={[
          { required: true, whitespace: true, message: t('noticesAdmin.objection.bodyRequired') },
          { min: 10, message: t('noticesAdmin.objection.bodyMin') },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} showCount placeholder={t('noticesAdmin.objection.bodyPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('noticesAdmin.objection.attachments')}>
        <Upload
          multiple
          accept=".pdf,.jpg,.jpeg,.png"
          fileList={files}
          beforeUpload={() => false}
          maxCount={5}
          onChange={({ fileList }) => setFiles(fileList.slice(0, 5))}
        >
          <Button icon={<UploadOutlined />}>{t('noticesAdmin.objection.selectFile')}</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={file.isPending} data-testid="objection-submit">
        {t('noticesAdmin.objection.submit')}
      </Button>
    </Form>
  );
}

/** Look up an objection's outcome with the tracking number and the contact (or the query code). */
export function ObjectionLookup() {
  const { t } = useTranslation();
  const [result, setResult] = useState<PublicObjectionStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: { number: string; proof: string }) => {
    setBusy(true);
    setError(null);
    setResult(null);
    const proof = v.proof.trim();
    try {
      // The server accepts either proof: the contact given at filing or the query code.
      setResult(await lookupObjection(v.number.trim(), { contact: proof, code: proof }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Form layout="vertical" onFinish={onFinish} size="small">
        <Form.Item name="number" label={t('noticesAdmin.objection.lookupNumber')} rules={[{ required: true, message: t('noticesAdmin.objection.lookupNumber') }]}>
          <Input placeholder="YY-DX-2026-0001" />
        </Form.Item>
        <Form.Item name="proof" label={t('noticesAdmin.objection.lookupProof')} rules={[{ required: true, message: t('noticesAdmin.objection.lookupProof') }]}>
          <Input />
        </Form.Item>
        <Button htmlType="submit" icon={<SearchOutlined />} loading={busy} block>
          {t('noticesAdmin.objection.lookup')}
        </Button>
      </Form>
      {error && <Alert style={{ marginTop: 12 }} type="warning" showIcon message={error} />}
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type={result.status === 'upheld' || result.status === 'dismissed' ? 'success' : 'info'}
          message={
            <Space>
              {result.trackingNumber}
              <Tag color={OBJECTION_COLORS[result.status]}>{t(`noticesAdmin.objection.status.${result.status}`)}</Tag>
            </Space>
          }
          description={`${t('noticesAdmin.objection.reply')}：${result.reply ?? t('noticesAdmin.objection.noReply')}`}
        />
      )}
    </>
  );
}
