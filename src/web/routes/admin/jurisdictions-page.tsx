import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Card, Drawer, Flex, Form, Input, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateJurisdiction, useJurisdictions, useUpdateJurisdiction, type AdminJurisdiction } from '../../features/admin/api';
import '../../features/admin/i18n';
import { ApiError } from '../../lib/http';

const fmt = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });

/** /app/jurisdictions — the platform admin's jurisdictions (辖区): create and rename. */
export default function JurisdictionsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const list = useJurisdictions();
  const create = useCreateJurisdiction();
  const update = useUpdateJurisdiction();
  const [editing, setEditing] = useState<AdminJurisdiction | 'new' | null>(null);
  const [form] = Form.useForm();
  useEffect(() => {
    document.title = `${t('admin.jurisdictions.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing !== 'new') form.setFieldsValue({ id: editing.id, nameZh: editing.nameZh, nameEn: editing.nameEn });
  }, [editing, form]);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      if (editing === 'new') {
        await create.mutateAsync({ id: values.id, nameZh: values.nameZh, ...(values.nameEn ? { nameEn: values.nameEn } : {}) });
        message.success(t('admin.jurisdictions.created'));
      } else if (editing) {
        await update.mutateAsync({ id: editing.id, nameZh: values.nameZh, nameEn: values.nameEn });
        message.success(t('admin.common.saved'));
      }
      setEditing(null);
    } catch (e) {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, msg]) => ({ name, errors: [msg] })));
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div data-testid="admin-jurisdictions">
      <Flex justify="space-between" align="flex-start" gap={16} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('admin.jurisdictions.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ maxWidth: 820, marginBottom: 0 }}>
            {t('admin.jurisdictions.intro')}
          </Typography.Paragraph>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-jurisdiction">
          {t('admin.jurisdictions.new')}
        </Button>
      </Flex>
      <Card>
        {list.error && <Alert type="error" showIcon message={t('admin.common.loadError')} description={(list.error as Error).message} style={{ marginBottom: 16 }} />}
        <Table<AdminJurisdiction>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          pagination={false}
          columns={[
            { title: t('admin.jurisdictions.col.id'), dataIndex: 'id', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('admin.jurisdictions.col.nameZh'), dataIndex: 'nameZh', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            { title: t('admin.jurisdictions.col.nameEn'), dataIndex: 'nameEn' },
            { title: t('admin.jurisdictions.col.users'), dataIndex: 'userCount', align: 'right', width: 130 },
            { title: t('admin.jurisdictions.col.units'), dataIndex: 'unitCount', align: 'right', width: 110 },
            { title: t('admin.jurisdictions.col.createdAt'), dataIndex: 'createdAt', width: 120, render: fmt },
            {
              title: t('admin.common.actions'),
              key: 'actions',
              width: 90,
              render: (_, j) => (
                <Button type="link" size="small" onClick={() => setEditing(j)} data-testid={`edit-${j.id}`}>
                  {t('admin.common.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Drawer
        open={!!editing}
        onClose={() => setEditing(null)}
        width={480}
        destroyOnHidden
        title={editing === 'new' ? t('admin.jurisdictions.drawerNew') : editing ? t('admin.jurisdictions.drawerEdit', { name: editing.nameZh }) : ''}
        extra={
          <Space>
            <Button onClick={() => setEditing(null)}>{t('admin.common.cancel')}</Button>
            <Button type="primary" onClick={submit} loading={create.isPending || update.isPending} data-testid="jurisdiction-save">
              {editing === 'new' ? t('admin.common.create') : t('admin.common.save')}
            </Button>
          </Space>
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="id"
            label={t('admin.jurisdictions.col.id')}
            extra={t('admin.jurisdictions.idExtra')}
            rules={[
              { required: true, message: '请输入辖区 ID' },
              { pattern: /^[a-z]+$/, message: '辖区 ID 只能由小写字母组成' },
            ]}
          >
            <Input disabled={editing !== 'new'} data-testid="jurisdiction-id" />
          </Form.Item>
          <Form.Item name="nameZh" label={t('admin.jurisdictions.col.nameZh')} rules={[{ required: true, message: '请输入中文名称' }]}>
            <Input placeholder="如 昌平区" data-testid="jurisdiction-nameZh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('admin.jurisdictions.col.nameEn')}>
            <Input placeholder="Changping District" />
          </Form.Item>
        </Form>
      </Drawer>
    </div>
  );
}
