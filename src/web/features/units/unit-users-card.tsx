import { DeleteOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Empty, Form, Input, Modal, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMessages } from '../../i18n';
import { ApiError } from '../../lib/http';
import { useAddUnitUser, useRemoveUnitUser, useUnitUsers, type AddUnitUserRequest, type UnitUser } from './api';

const zh = {
  title: '单位账号',
  intro: '本单位可以有多个账号，共同填写和提交申报；每个账号都能添加或删除同事的账号。删除后该账号立即退出登录、不能再登录。',
  add: '添加账号',
  username: '用户名',
  usernameExtra: '3–32位字母、数字或 . _ -，用于登录',
  displayName: '姓名',
  password: '初始密码',
  passwordExtra: '10–128 位，含字母和数字；请告知同事登录后修改',
  createdAt: '创建时间',
  lastLoginAt: '最近登录',
  never: '尚未登录',
  self: '当前账号',
  remove: '删除',
  removeConfirm: '删除账号“{{name}}”？该账号将立即退出登录，不能再登录。',
  removeSelf: '不能删除当前登录的账号',
  removeLast: '这是本单位唯一的账号',
  removed: '账号已删除',
  added: '已添加账号 {{name}}',
  loadError: '单位账号加载失败',
  retry: '重试',
  empty: '暂无账号',
  required: '请填写{{field}}',
  cancel: '取消',
  save: '添加',
};
const en: typeof zh = {
  title: 'Unit accounts',
  intro: 'A unit may have several accounts that prepare and submit applications together; any of them can add or remove colleagues. A removed account is signed out at once and can no longer sign in.',
  add: 'Add account',
  username: 'Username',
  usernameExtra: '3–32 letters, digits or . _ -, used to sign in',
  displayName: 'Name',
  password: 'Initial password',
  passwordExtra: '10–128 characters with letters and digits; ask your colleague to change it after signing in',
  createdAt: 'Created',
  lastLoginAt: 'Last sign-in',
  never: 'Never',
  self: 'You',
  remove: 'Remove',
  removeConfirm: 'Remove the account “{{name}}”? It is signed out at once and can no longer sign in.',
  removeSelf: 'You cannot remove the account you are signed in with',
  removeLast: 'This is the unit’s only account',
  removed: 'Account removed',
  added: 'Account {{name}} added',
  loadError: 'Could not load the unit accounts',
  retry: 'Retry',
  empty: 'No accounts',
  required: 'Please enter the {{field}}',
  cancel: 'Cancel',
  save: 'Add',
};
addMessages('unitUsers', zh, en);

const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : null);

/** 单位账号: the unit's users (DESIGN.md: a unit has several users), on /app/unit. */
export function UnitUsersCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const users = useUnitUsers();
  const add = useAddUnitUser();
  const remove = useRemoveUnitUser();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<AddUnitUserRequest>();
  const [error, setError] = useState<string | null>(null);
  const rows = users.data ?? [];

  const onAdd = async (values: AddUnitUserRequest) => {
    setError(null);
    try {
      const created = await add.mutateAsync(values);
      message.success(t('unitUsers.added', { name: created.displayName }));
      form.resetFields();
      setOpen(false);
    } catch (e) {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, msg]) => ({ name: name as keyof AddUnitUserRequest, errors: [msg] })));
      else setError(e instanceof Error ? e.message : String(e));
    }
  };

  const onRemove = async (u: UnitUser) => {
    try {
      await remove.mutateAsync(u.id);
      message.success(t('unitUsers.removed'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card
      data-testid="unit-users"
      title={
        <span>
          <UserOutlined style={{ color: '#a61d24', marginRight: 8 }} />
          {t('unitUsers.title')}
        </span>
      }
      extra={
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setOpen(true)} data-testid="unit-users-add">
          {t('unitUsers.add')}
        </Button>
      }
      style={{ marginTop: 16 }}
    >
      <Typography.Paragraph type="secondary">{t('unitUsers.intro')}</Typography.Paragraph>
      {users.isError ? (
        <Alert type="error" showIcon message={t('unitUsers.loadError')} description={(users.error as Error).message} action={<Button onClick={() => users.refetch()}>{t('unitUsers.retry')}</Button>} />
      ) : (
        <Table<UnitUser>
          rowKey="id"
          size="middle"
          loading={users.isLoading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <Empty description={t('unitUsers.empty')} /> }}
          columns={[
            {
              title: t('unitUsers.displayName'),
              dataIndex: 'displayName',
              render: (v: string, u) => (
                <span>
                  {v} {u.isSelf && <Tag color="red">{t('unitUsers.self')}</Tag>}
                </span>
              ),
            },
            { title: t('unitUsers.username'), dataIndex: 'username', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('unitUsers.createdAt'), dataIndex: 'createdAt', render: (v: string) => time(v) },
            { title: t('unitUsers.lastLoginAt'), dataIndex: 'lastLoginAt', render: (v: string | null) => time(v) ?? <Typography.Text type="secondary">{t('unitUsers.never')}</Typography.Text> },
            {
              title: '',
              key: 'actions',
              width: 90,
              render: (_: unknown, u) => {
                const blocked = u.isSelf ? t('unitUsers.removeSelf') : rows.length <= 1 ? t('unitUsers.removeLast') : null;
                if (blocked) {
                  return (
                    <Tooltip title={blocked}>
                      <Button type="link" danger icon={<DeleteOutlined />} disabled>
                        {t('unitUsers.remove')}
                      </Button>
                    </Tooltip>
                  );
                }
                return (
                  <Popconfirm title={t('unitUsers.removeConfirm', { name: u.displayName })} okButtonProps={{ danger: true }} onConfirm={() => onRemove(u)}>
                    <Button type="link" danger icon={<DeleteOutlined />} loading={remove.isPending && remove.variables === u.id}>
                      {t('unitUsers.remove')}
                    </Button>
                  </Popconfirm>
                );
              },
            },
          ]}
        />
      )}
      <Modal
        open={open}
        title={t('unitUsers.add')}
        onCancel={() => setOpen(false)}
        okText={t('unitUsers.save')}
        cancelText={t('unitUsers.cancel')}
        confirmLoading={add.isPending}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={onAdd} requiredMark={false}>
          <Form.Item name="displayName" label={t('unitUsers.displayName')} rules={[{ required: true, whitespace: true, message: t('unitUsers.required', { field: t('unitUsers.displayName') }) }]}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
          <Form.Item name="username" label={t('unitUsers.username')} extra={t('unitUsers.usernameExtra')} rules={[{ required: true, message: t('unitUsers.required', { field: t('unitUsers.username') }) }]}>
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
          <Form.Item name="password" label={t('unitUsers.password')} extra={t('unitUsers.passwordExtra')} rules={[{ required: true, message: t('unitUsers.required', { field: t('unitUsers.password') }) }]}>
            <Input.Password maxLength={128} autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
