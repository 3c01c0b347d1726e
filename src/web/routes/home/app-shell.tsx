import { Button, Card, Descriptions, Dropdown, Form, Input, Layout, List, Menu, Modal, Select, Space, Tag, Typography, App as AntApp } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate } from 'react-router';
import type { Role } from '../../../shared/accounts';
import { Brand, LangSwitch } from '../../components/public-layout';
import { useChangePassword, useLogout, useMe, type CurrentUser } from '../../features/auth/api';
import { ApiError } from '../../lib/http';
import ComingSoon from '../public/coming-soon';

const MENU: Record<Role, [string, string][]> = {
  applicant: [['', '工作台'], ['self-check', '资格自测'], ['applications', '我的申报'], ['studio', '我的工作室'], ['unit', '单位信息']],
  intake: [['', '工作台'], ['intake', '初审受理']],
  program: [['', '工作台'], ['calls', '申报批次'], ['review', '评审'], ['notices', '公示'], ['funding', '认定与资金'], ['studios', '工作室管理']],
  expert: [['', '工作台'], ['assignments', '评审任务']],
  inspector: [['', '工作台'], ['oversight', '全程监督'], ['audit', '审计链校验']],
  finance: [['', '工作台'], ['disbursements', '资金拨付']],
  admin: [['', '工作台'], ['users', '用户管理'], ['jurisdictions', '辖区'], ['calendar', '工作日历']],
};

function RoleHome({ user, role }: { user: CurrentUser; role: Role }) {
  const { t } = useTranslation();
  const grants = user.roles.filter((r) => r.role === role);
  useEffect(() => {
    document.title = `${t(`roles.${role}`)} 工作台 - 匠心 技能大师工作室服务平台`;
  }, [t, role]);
  return (
    <div data-testid={`home-${role}`}>
      <Typography.Title level={3}>
        {t(`roles.${role}`)} · 工作台
      </Typography.Title>
      <Card title={t('homeRole.who')} style={{ marginBottom: 16 }}>
        <Descriptions column={2}>
          <Descriptions.Item label={t('homeRole.name')}>{user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('shell.role')}>{t(`roles.${role}`)}</Descriptions.Item>
          <Descriptions.Item label={t('homeRole.jurisdiction')}>
            {grants.map((g) => g.jurisdictionName ?? t('homeRole.platform')).join('、')}
          </Descriptions.Item>
          {user.unit && <Descriptions.Item label={t('homeRole.unit')}>{user.unit.name}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={t('homeRole.next')}>
        <List dataSource={t(`homeRole.${role}`, { returnObjects: true }) as string[]} renderItem={(s, i) => <List.Item>{i + 1}. {s}</List.Item>} />
      </Card>
    </div>
  );
}

function PasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await change.mutateAsync(values);
      message.success('密码已修改，其他设备上的登录已退出');
      form.resetFields();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, msg]) => ({ name, errors: [msg] })));
      else message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal open={open} title={t('shell.changePassword')} onOk={submit} onCancel={onClose} confirmLoading={change.isPending} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" extra="10–128 位，须包含字母和数字" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function AppShell() {
  const { t } = useTranslation();
  const { data: user } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const [pw, setPw] = useState(false);
  const roles = [...new Set((user?.roles ?? []).map((r) => r.role))] as Role[];
  const [role, setRole] = useState<Role>(roles[0]);
  if (!user) return null;
  const active = roles.includes(role) ? role : roles[0];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <header className="jx-header">
        <Brand />
        <div style={{ flex: 1 }} />
        <Space>
          {roles.length > 1 ? (
            <Select data-testid="current-role" value={active} onChange={(r) => { setRole(r); navigate('/app'); }} options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} style={{ width: 140 }} />
          ) : (
            <Tag data-testid="current-role" color="gold">{t(`roles.${active}`)}</Tag>
          )}
          <LangSwitch />
          <Dropdown
            menu={{
              items: [
                { key: 'pw', label: t('shell.changePassword'), onClick: () => setPw(true) },
                { key: 'out', label: t('shell.logout'), onClick: () => logout.mutate(undefined, { onSettled: () => navigate('/login') }) },
              ],
            }}
          >
            <Button type="text" style={{ color: '#fff' }} data-testid="current-user">
              {user.displayName}
            </Button>
          </Dropdown>
        </Space>
      </header>
      <Layout>
        <Layout.Sider width={200} theme="light">
          <Menu mode="inline" style={{ height: '100%' }} onClick={({ key }) => navigate(`/app/${key}`)} items={MENU[active].map(([key, label]) => ({ key, label }))} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Routes>
            <Route index element={<RoleHome user={user} role={active} />} />
            <Route path="*" element={<ComingSoon />} />
          </Routes>
        </Layout.Content>
      </Layout>
      <PasswordModal open={pw} onClose={() => setPw(false)} />
    </Layout>
  );
}
