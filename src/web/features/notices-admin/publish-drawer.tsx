import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../lib/http';
import { useNoticePreview, usePublishNotice } from './api';
import './i18n';

interface Values {
  title: string;
  body: string;
  contacts: { name?: string; phone: string; address?: string; hours?: string }[];
  allowAnonymousObjections: boolean;
}

/** The 发布公示 drawer: the list and the period the calendar gives, the text, the contacts, the anonymous setting. */
export function PublishDrawer({ callId, onClose }: { callId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [startsOn, setStartsOn] = useState<string | undefined>(undefined);
  const preview = useNoticePreview(callId ?? undefined, startsOn);
  const filledFor = useRef<string | null>(null);
  const publish = usePublishNotice();
  const [form] = Form.useForm<Values>();
  const p = preview.data;

  useEffect(() => {
    if (!p || p.callId !== callId) return;
    if (filledFor.current !== p.callId) {
      filledFor.current = p.callId;
      form.setFieldsValue({ title: p.defaultTitle, body: p.defaultBody, contacts: p.contacts.length ? p.contacts : [{ phone: '' }], allowAnonymousObjections: false });
    } else if (!form.isFieldTouched('body')) {
      // Another first day: the default text follows the new period unless the officer has edited it.
      form.setFieldsValue({ body: p.defaultBody });
    }
  }, [p, callId, form]);
  useEffect(() => {
    if (!callId) {
      filledFor.current = null;
      setStartsOn(undefined);
    }
  }, [callId]);

  const submit = (values: Values) => {
    if (!callId) return;
    modal.confirm({
      title: t('noticesAdmin.publish.confirmTitle'),
      content: t('noticesAdmin.publish.confirmBody'),
      okText: t('noticesAdmin.publish.confirm'),
      cancelText: t('noticesAdmin.publish.cancel'),
      onOk: async () => {
        try {
          const clean = values.contacts.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => typeof v === 'string' && v.trim() !== ''))) as Values['contacts'];
          const n = await publish.mutateAsync({ callId, body: { ...values, contacts: clean, ...(startsOn ? { startsOn } : {}) } });
          message.success(t('noticesAdmin.publish.done'));
          onClose();
          navigate(`/app/notices/${n.id}`);
        } catch (e) {
          const err = e as ApiError;
          if (err.fields) form.setFields(Object.entries(err.fields).map(([name, errors]) => ({ name: name.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)) as never, errors: [errors] })));
          message.error(err.message);
        }
      },
    });
  };

  return (
    <Drawer
      open={!!callId}
      onClose={onClose}
      width={860}
      destroyOnHidden
      title={p ? t('noticesAdmin.publish.title', { call: p.callTitle }) : t('noticesAdmin.list.publish')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('noticesAdmin.publish.cancel')}</Button>
          <Button type="primary" disabled={!p?.ready} loading={publish.isPending} onClick={() => form.submit()} data-testid="publish-confirm">
            {t('noticesAdmin.publish.confirm')}
          </Button>
        </Space>
      }
    >
      {!p ? (
        <Skeleton active />
      ) : (
        <>
          {!p.ready && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('noticesAdmin.publish.notReady')} description={p.reason} />}
          <Descriptions
            bordered
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              {
                key: 'period',
                label: t('noticesAdmin.publish.period'),
                children: (
                  <Space direction="vertical" size={2}>
                    <Space wrap>
                      <Typography.Text type="secondary">{t('noticesAdmin.publish.startsOn')}</Typography.Text>
                      <DatePicker
                        allowClear
                        size="small"
                        placeholder={t('noticesAdmin.publish.startsOnToday')}
                        value={startsOn ? dayjs(startsOn) : null}
                        disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
                        onChange={(d) => setStartsOn(d ? d.format('YYYY-MM-DD') : undefined)}
                      />
                    </Space>
                    <Typography.Text strong data-testid="publish-period">
                      {t('noticesAdmin.publish.periodValue', { start: p.period.startsOn, end: p.period.endsOn, days: p.period.workingDays })}
                    </Typography.Text>
                    <Typography.Text type="secondary">{t('noticesAdmin.publish.citation', { citation: p.period.citation })}</Typography.Text>
                    <Typography.Text type="secondary">{t('noticesAdmin.publish.basis', { basis: p.period.basis.join('；') })}</Typography.Text>
                    {p.period.provisional && <Typography.Text type="warning">{t('noticesAdmin.publish.provisional')}</Typography.Text>}
                  </Space>
                ),
              },
            ]}
          />
          <Typography.Title level={5}>{t('noticesAdmin.publish.list')}</Typography.Title>
          <Table
            size="small"
            bordered
            rowKey="applicationId"
            pagination={false}
            style={{ marginBottom: 16 }}
            dataSource={p.items}
            columns={[
              { title: t('noticesAdmin.detail.col.number'), dataIndex: 'number', width: 150 },
              {
                title: t('noticesAdmin.detail.col.name'),
                dataIndex: 'name',
                render: (name: string, r) => (
                  <>
                    <div>{name}</div>
                    {r.projectName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.projectName}</Typography.Text>}
                  </>
                ),
              },
              { title: t('noticesAdmin.detail.col.unit'), dataIndex: 'unit' },
              { title: t('noticesAdmin.detail.col.leader'), dataIndex: 'leader', width: 80 },
              { title: t('noticesAdmin.detail.col.amount'), dataIndex: 'amount', width: 100, align: 'right', render: (a: number | null) => (a === null ? '—' : a.toLocaleString('zh-CN')) },
              {
                title: t('noticesAdmin.detail.col.status'),
                dataIndex: 'proposed',
                width: 130,
                render: (proposed: boolean) => (proposed ? <Tag color="processing">{t('noticesAdmin.publish.proposedTag')}</Tag> : <Tag>{t('noticesAdmin.publish.notProposedTag')}</Tag>),
              },
            ]}
          />
          <Form form={form} layout="vertical" onFinish={submit} disabled={!p.ready} requiredMark>
            <Form.Item name="title" label={t('noticesAdmin.publish.fieldTitle')} rules={[{ required: true, min: 4, max: 200 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="body" label={t('noticesAdmin.publish.fieldBody')} rules={[{ required: true, message: t('noticesAdmin.publish.bodyRequired') }, { min: 10 }]}>
              <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} />
            </Form.Item>
            <Typography.Text strong>{t('noticesAdmin.publish.contacts')}</Typography.Text>
            <Form.List name="contacts">
              {(fields, { add, remove }) => (
                <div style={{ marginTop: 8 }}>
                  {fields.map((f) => (
                    <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
                      <Form.Item name={[f.name, 'name']} style={{ width: 150, marginBottom: 8 }}>
                        <Input placeholder={t('noticesAdmin.publish.contactName')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'phone']} rules={[{ required: true, message: t('noticesAdmin.publish.phoneRequired') }]} style={{ width: 140, marginBottom: 8 }}>
                        <Input placeholder={t('noticesAdmin.publish.contactPhone')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'address']} style={{ width: 240, marginBottom: 8 }}>
                        <Input placeholder={t('noticesAdmin.publish.contactAddress')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'hours']} style={{ width: 170, marginBottom: 8 }}>
                        <Input placeholder={t('noticesAdmin.publish.contactHours')} />
                      </Form.Item>
                      {fields.length > 1 && <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />}
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ phone: '' })} style={{ marginBottom: 16 }}>
                    {t('noticesAdmin.publish.addContact')}
                  </Button>
                </div>
              )}
            </Form.List>
            <Form.Item name="allowAnonymousObjections" label={t('noticesAdmin.publish.anonymous')} valuePropName="checked" extra={t('noticesAdmin.publish.anonymousHelp')}>
              <Switch />
            </Form.Item>
          </Form>
        </>
      )}
    </Drawer>
  );
}
