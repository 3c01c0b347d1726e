import { KeyOutlined, MinusCircleOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Card, Drawer, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../shared/accounts';
import { useMe } from '../../features/auth/api';
import { useAdminUsers, useCreateUser, useJurisdictions, useResetPassword, useUpdateUser, type AdminUser } from '../../features/admin/api';
import '../../features/admin/i18n';
import { ApiError } from '../../lib/http';

const STAFF = ROLES.filter((r) => r !== 'applicant');
const ROLE_COLORS: Record<string, string> = { admin: 'red', program: 'blue', intake: 'cyan', expert: 'purple', inspector: 'orange', finance: 'green', applicant: 'default' };
const fmt = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });

type Editing = { mode: 'new' } | { mode: 'edit'; user: AdminUser } | null;

function showError(e: unknown, form: ReturnType<typeof Form.useForm>[0], message: ReturnType<typeof AntApp.useApp>['message']) {
  if (e instanceof ApiError && e.fields && Object.keys(e.fields).length) {
    const known = Object.entries(e.fields).filter(([name]) => ['username', 'displayName', 'password', 'roles'].includes(name));
    if (known.length) form.setFields(known.map(([name, msg]) => ({ name: name === 'roles' ? 'username' : name, errors: name === 'roles' ? [] : [msg] })));
  }
  message.error(e instanceof Error ? e.message : String(e));
}

function UserDrawer({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const jurisdictions = useJurisdictions();
  const create = useCreateUser();
  const update = useUpdateUser();
  const user = editing?.mode === 'edit' ? editing.user : undefined;
  const unitUser = !!user?.unit;
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (user) form.setFieldsValue({ displayName: user.displayName, roles: user.roles.map((r) => ({ role: r.role, jurisdiction: r.jurisdiction ?? undefined })) });
    else form.setFieldsValue({ roles: [{ role: 'intake' }] });
  }, [editing, user, form]);
  const submit = async () => {
    const values = await form.validateFields();
    const roles = (values.roles ?? []).map((r: { role: string; jurisdiction?: string }) => ({ role: r.role, jurisdiction: r.role === 'admin' ? null : (r.jurisdiction ?? null) }));
    try {
      if (user) {
        await update.mutateAsync({ id: user.id, displayName: values.displayName, ...(unitUser ? {} : { roles }) });
        message.success(t('admin.common.saved'));
      } else {
        await create.mutateAsync({ username: values.username, displayName: values.displayName, password: values.password, roles });
        message.success(t('admin.users.created'));
      }
      onClose();
    } catch (e) {
      showError(e, form, message);
    }
  };
  const jurisdictionOptions = (jurisdictions.data ?? []).map((j) => ({ value: j.id, label: j.nameZh }));
  return (
    <Drawer
      open={!!editing}
      onClose={onClose}
      width={560}
      title={user ? t('admin.users.drawerEdit', { name: user.displayName }) : t('admin.users.drawerNew')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('admin.common.cancel')}</Button>
          <Button type="primary" onClick={submit} loading={create.isPending || update.isPending} data-testid="user-save">
            {user ? t('admin.common.save') : t('admin.common.create')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" data-testid="user-form">
        {!user && (
          <Form.Item name="username" label={t('admin.users.col.username')} extra="字母、数字、点、下划线或连字符，如 shunyi-intake2" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="off" data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('admin.users.col.displayName')} rules={[{ required: true, message: '请输入姓名' }]}>
          <Input data-testid="user-displayName" />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label={t('admin.users.password')} extra={t('admin.users.passwordExtra')} rules={[{ required: true, message: '请输入初始密码' }]}>
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
        {unitUser ? (
          <Alert type="info" showIcon message={t('admin.users.unitUser')} />
        ) : (
          <Form.Item label={t('admin.users.roles')} extra={t('admin.users.rolesExtra')} required>
            <Form.List name="roles" rules={[{ validator: async (_, v) => (v?.length ? undefined : Promise.reject(new Error('至少授予一个角色'))) }]}>
              {(fields, { add, remove }, { errors }) => (
                <>
                  {fields.map((field, i) => (
                    <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                      <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: '请选择角色' }]}>
                        <Select style={{ width: 160 }} placeholder={t('admin.users.role')} options={STAFF.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid={`role-${i}`} />
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate>
                        {() =>
                          form.getFieldValue(['roles', field.name, 'role']) === 'admin' ? (
                            <Form.Item>
                              <Tag color="red">{t('admin.users.platform')}</Tag>
                            </Form.Item>
                          ) : (
                            <Form.Item name={[field.name, 'jurisdiction']} rules={[{ required: true, message: '请选择辖区' }]}>
                              <Select style={{ width: 220 }} placeholder={t('admin.users.jurisdiction')} options={jurisdictionOptions} data-testid={`jurisdiction-${i}`} />
                            </Form.Item>
                          )
                        }
                      </Form.Item>
                      {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                    </Space>
                  ))}
                  <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />}>
                    {t('admin.users.addRole')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </>
              )}
            </Form.List>
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}

function ResetPasswordModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const reset = useResetPassword();
  const { message } = AntApp.useApp();
  const submit = async () => {
    const { password } = await form.validateFields();
    try {
      await reset.mutateAsync({ id: user!.id, password });
      message.success(t('admin.users.resetDone'));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields?.password) form.setFields([{ name: 'password', errors: [e.fields.password] }]);
      else message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal open={!!user} title={user ? t('admin.users.resetTitle', { name: user.displayName }) : ''} onOk={submit} onCancel={onClose} confirmLoading={reset.isPending} destroyOnHidden okText={t('admin.users.resetPassword')}>
      <Alert type="warning" showIcon message={t('admin.users.resetHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="password" label="新密码" extra={t('admin.users.passwordExtra')} rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" data-testid="reset-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** /app/users — the platform admin's accounts (DESIGN.md “Who uses it”: platform admin → users). */
export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { data: me } = useMe();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<string | undefined>();
  const users = useAdminUsers({ search: search.trim() || undefined, role });
  const update = useUpdateUser();
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<AdminUser | null>(null);
  useEffect(() => {
    document.title = `${t('admin.users.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);

  const toggle = async (u: AdminUser) => {
    try {
      await update.mutateAsync({ id: u.id, disabled: !u.disabled });
      message.success(u.disabled ? t('admin.users.enabledDone') : t('admin.users.disabledDone'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div data-testid="admin-users">
      <Flex justify="space-between" align="flex-start" gap={16} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('admin.users.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ maxWidth: 820, marginBottom: 0 }}>
            {t('admin.users.intro')}
          </Typography.Paragraph>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'new' })} data-testid="new-user">
          {t('admin.users.new')}
        </Button>
      </Flex>
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input allowClear prefix={<SearchOutlined />} placeholder={t('admin.users.search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 280 }} data-testid="user-search" />
          <Select allowClear placeholder={t('admin.users.allRoles')} value={role} onChange={setRole} style={{ width: 160 }} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          <Typography.Text type="secondary">{t('admin.users.total', { n: users.data?.length ?? 0 })}</Typography.Text>
        </Space>
        {users.error && <Alert type="error" showIcon message={t('admin.common.loadError')} description={(users.error as Error).message} style={{ marginBottom: 16 }} />}
        <Table<AdminUser>
          rowKey="id"
          size="middle"
          loading={users.isLoading}
          dataSource={users.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('admin.users.col.username'), dataIndex: 'username', width: 170, render: (v: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{v}</Typography.Text> },
            { title: t('admin.users.col.displayName'), dataIndex: 'displayName' },
            {
              title: t('admin.users.col.roles'),
              key: 'roles',
              render: (_, u) => (
                <Space size={[4, 4]} wrap>
                  {u.roles.map((r) => (
                    <Tag key={`${r.role}@${r.jurisdiction}`} color={ROLE_COLORS[r.role]}>
                      {t(`roles.${r.role}`)} · {r.jurisdictionName ?? (r.jurisdiction ?? t('admin.users.platform'))}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('admin.users.col.unit'), key: 'unit', render: (_, u) => u.unit?.name ?? <Typography.Text type="secondary">—</Typography.Text> },
            {
              title: t('admin.users.col.status'),
              key: 'status',
              width: 90,
              render: (_, u) => (u.disabled ? <Tag>{t('admin.users.disabled')}</Tag> : <Tag color="success">{t('admin.users.active')}</Tag>),
            },
            { title: t('admin.users.col.createdAt'), dataIndex: 'createdAt', width: 110, render: fmt },
            {
              title: t('admin.common.actions'),
              key: 'actions',
              width: 220,
              render: (_, u) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', user: u })} data-testid={`edit-${u.username}`}>
                    {t('admin.common.edit')}
                  </Button>
                  <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(u)}>
                    {t('admin.users.resetPassword')}
                  </Button>
                  {u.id !== me?.id && (
                    <Popconfirm
                      title={u.disabled ? t('admin.users.enableConfirm', { name: u.displayName }) : t('admin.users.disableConfirm', { name: u.displayName })}
                      onConfirm={() => toggle(u)}
                      okText={t('admin.common.confirm')}
                      cancelText={t('admin.common.cancel')}
                      okButtonProps={{ danger: !u.disabled }}
                    >
                      <Button type="link" size="small" danger={!u.disabled} data-testid={`toggle-${u.username}`}>
                        {u.disabled ? t('admin.users.enable') : t('admin.users.disable')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <UserDrawer editing={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}
