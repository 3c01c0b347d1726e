import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Radio, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShanghaiInstant } from '../../../shared/time';
import type { ApiError } from '../../lib/http';
import { attachmentUrl, useHandleObjection, type AdminNoticeDetail, type ObjectionView } from './api';
import { OBJECTION_COLORS } from './i18n';

interface Values {
  action: 'investigate' | 'uphold' | 'dismiss';
  reply: string;
  itemId?: string;
}

/** The officer's handling drawer: the objection, its evidence and record, and the decision with the reply. */
export function HandleDrawer({ notice, objection, canHandle, onClose }: { notice: AdminNoticeDetail; objection: ObjectionView | null; canHandle: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handle = useHandleObjection(notice.id);
  const [form] = Form.useForm<Values>();
  const action = Form.useWatch('action', form);
  const decided = objection ? !['open', 'investigating'].includes(objection.status) : false;

  useEffect(() => {
    form.resetFields();
    if (objection) form.setFieldsValue({ action: objection.status === 'open' ? 'investigate' : 'uphold', itemId: objection.itemId ?? undefined });
  }, [objection, form]);

  const submit = async (values: Values) => {
    if (!objection) return;
    try {
      await handle.mutateAsync({ id: objection.id, body: { action: values.action, reply: values.reply, version: objection.version, ...(values.action === 'uphold' && !objection.itemId ? { itemId: values.itemId } : {}) } });
      message.success(t('noticesAdmin.handle.done'));
      onClose();
    } catch (e) {
      const err = e as ApiError;
      if (err.fields) form.setFields(Object.entries(err.fields).map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })));
      message.error(err.message);
    }
  };

  const listed = notice.items.filter((i) => !i.withdrawn);
  return (
    <Drawer
      open={!!objection}
      onClose={onClose}
      width={640}
      title={objection ? t('noticesAdmin.handle.title', { number: objection.trackingNumber }) : ''}
      extra={
        objection && (
          <Tag color={OBJECTION_COLORS[objection.status]} data-testid="objection-status">
            {t(`noticesAdmin.objection.status.${objection.status}`)}
          </Tag>
        )
      }
    >
      {objection && (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'target', label: t('noticesAdmin.detail.col.target'), children: objection.itemName ?? t('noticesAdmin.detail.wholeList') },
              { key: 'filer', label: t('noticesAdmin.detail.col.filer'), children: objection.anonymous ? t('noticesAdmin.detail.anonymousFiler') : `${objection.name ?? ''}　${objection.contact ?? ''}` },
              { key: 'at', label: t('noticesAdmin.detail.col.filedAt'), children: formatShanghaiInstant(objection.filedAt) },
              { key: 'body', label: t('noticesAdmin.handle.body'), children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{objection.body}</Typography.Paragraph> },
              {
                key: 'att',
                label: t('noticesAdmin.handle.attachments'),
                children: objection.attachments.length ? (
                  <Space direction="vertical" size={2}>
                    {objection.attachments.map((a) => (
                      <a key={a.id} href={attachmentUrl(objection.id, a.id)} target="_blank" rel="noreferrer">
                        <PaperClipOutlined /> {a.name}
                      </a>
                    ))}
                  </Space>
                ) : (
                  t('noticesAdmin.handle.noAttachments')
                ),
              },
            ]}
          />
          {objection.handling.length > 0 && (
            <>
              <Typography.Title level={5}>{t('noticesAdmin.handle.history')}</Typography.Title>
              <Timeline
                items={objection.handling.map((h) => ({
                  children: (
                    <>
                      <Typography.Text strong>{t(`noticesAdmin.objection.status.${h.action === 'investigate' ? 'investigating' : h.action === 'uphold' ? 'upheld' : 'dismissed'}`)}</Typography.Text>
                      <Typography.Text type="secondary">　{formatShanghaiInstant(h.at)}　{h.by}</Typography.Text>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{h.reply}</div>
                    </>
                  ),
                }))}
              />
            </>
          )}
          {decided ? (
            <Alert type="info" showIcon message={t('noticesAdmin.handle.decided')} />
          ) : (
            canHandle && (
              <Form form={form} layout="vertical" onFinish={submit} requiredMark>
                <Form.Item name="action" label={t('noticesAdmin.handle.action')} rules={[{ required: true }]}>
                  <Radio.Group>
                    <Space direction="vertical">
                      {objection.status === 'open' && <Radio value="investigate">{t('noticesAdmin.handle.investigate')}</Radio>}
                      <Radio value="uphold">{t('noticesAdmin.handle.uphold')}</Radio>
                      <Radio value="dismiss">{t('noticesAdmin.handle.dismiss')}</Radio>
                    </Space>
                  </Radio.Group>
                </Form.Item>
                {action === 'uphold' && !objection.itemId && (
                  <Form.Item name="itemId" label={t('noticesAdmin.handle.item')} rules={[{ required: true, message: t('noticesAdmin.handle.itemRequired') }]}>
                    <Select options={listed.map((i) => ({ value: i.id, label: `${i.position}. ${i.name}（${i.unit}）` }))} />
                  </Form.Item>
                )}
                {action === 'uphold' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('noticesAdmin.handle.upholdWarn')} />}
                <Form.Item name="reply" label={t('noticesAdmin.handle.reply')} rules={[{ required: true, whitespace: true, message: t('noticesAdmin.handle.replyRequired') }, { min: 2, message: t('noticesAdmin.handle.replyRequired') }]}>
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={handle.isPending} data-testid="handle-submit">
                  {t('noticesAdmin.handle.submit')}
                </Button>
              </Form>
            )
          )}
        </>
      )}
    </Drawer>
  );
}
