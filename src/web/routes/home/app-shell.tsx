import { Button, Dropdown, Form, Input, Layout, Menu, Modal, Select, Space, Tag, App as AntApp } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import type { Role } from '../../../shared/accounts';
import { Brand, LangSwitch } from '../../components/public-layout';
import { useChangePassword, useLogout, useMe } from '../../features/auth/api';
import { ApiError } from '../../lib/http';
import { NotificationBell } from '../../features/notifications/bell';
import ComingSoon from '../public/coming-soon';
import i18n from '../../i18n';
import '../../features/home/i18n';

// One lazy chunk per screen (issue 8: first page ≤ 300 KB of JavaScript).
const SelfCheckPage = lazy(() => import('../public/self-check-page'));
const ApplicationsPage = lazy(() => import('../applicant/applications-page'));
const ApplicationPage = lazy(() => import('../applicant/application-page'));
const UnitPage = lazy(() => import('../applicant/unit-page'));
const OfficerCallsPage = lazy(() => import('../officer/calls-page'));
const NewCallPage = lazy(() => import('../officer/new-call-page'));
const OfficerCallPage = lazy(() => import('../officer/call-page'));
const IntakePage = lazy(() => import('../officer/intake-page'));
const IntakeApplicationPage = lazy(() => import('../officer/intake-application-page'));
const NotificationsPage = lazy(() => import('./notifications-page'));
const RoleHome = lazy(() => import('./role-home'));
const AuditPage = lazy(() => import('./audit-page'));
const StudioPage = lazy(() => import('../applicant/studio-page'));
// Notices, decisions and funding (issue 6)
const NoticesAdminPage = lazy(() => import('../notices/notices-admin-page'));
const NoticeAdminPage = lazy(() => import('../notices/notice-admin-page'));
const FundingPage = lazy(() => import('../funding/funding-page'));
const CallFundingPage = lazy(() => import('../funding/call-funding-page'));
const DisbursementsPage = lazy(() => import('../funding/disbursements-page'));
// Review (issue 5)
const DeskPage = lazy(() => import('../review/desk-page'));
const ExpertsPage = lazy(() => import('../review/experts-page'));
const ReviewCallsPage = lazy(() => import('../review/review-calls-page'));
const ReviewCallPage = lazy(() => import('../review/review-call-page'));
const PanelPage = lazy(() => import('../review/panel-page'));
const RankingPage = lazy(() => import('../review/ranking-page'));
const AssignmentsPage = lazy(() => import('../review/assignments-page'));
const AssignmentPage = lazy(() => import('../review/assignment-page'));
const OversightPage = lazy(() => import('../review/oversight-page'));
const OversightCallPage = lazy(() => import('../review/oversight-call-page'));
// Platform admin: users, jurisdictions, working-day calendar (DESIGN.md "Who uses it")
const AdminUsersPage = lazy(() => import('../admin/users-page'));
const AdminJurisdictionsPage = lazy(() => import('../admin/jurisdictions-page'));
const AdminCalendarPage = lazy(() => import('../admin/calendar-page'));
// The studio lifecycle (issue 7)
const LifecycleStudiosPage = lazy(() => import('../lifecycle/studios-page'));
const ProjectsPage = lazy(() => import('../lifecycle/projects-page'));
const ProjectPage = lazy(() => import('../lifecycle/project-page'));
const ReportsPage = lazy(() => import('../lifecycle/reports-page'));
const ReportPage = lazy(() => import('../lifecycle/report-page'));
const ChangesPage = lazy(() => import('../lifecycle/changes-page'));
const ChangePage = lazy(() => import('../lifecycle/change-page'));
const RevocationsPage = lazy(() => import('../lifecycle/revocations-page'));
const RevocationPage = lazy(() => import('../lifecycle/revocation-page'));

const MENU: Record<Role, [string, string][]> = {
  applicant: [['', 'home'], ['self-check', 'selfCheck'], ['applications', 'applications'], ['studio', 'studio'], ['projects', 'projects'], ['reports', 'reports'], ['changes', 'changes'], ['unit', 'unit']],
  intake: [['', 'home'], ['intake', 'intake'], ['desk', 'desk']],
  program: [['', 'home'], ['calls', 'calls'], ['desk', 'desk'], ['review', 'review'], ['experts', 'experts'], ['notices', 'notices'], ['funding', 'funding'], ['studios', 'studios'], ['projects', 'projects'], ['reports', 'reports'], ['changes', 'changes'], ['revocations', 'revocations']],
  expert: [['', 'home'], ['assignments', 'assignments']],
  inspector: [['', 'home'], ['oversight', 'oversight'], ['notices', 'notices'], ['funding', 'funding'], ['studios', 'studios'], ['projects', 'projects'], ['revocations', 'revocations'], ['audit', 'audit']],
  finance: [['', 'home'], ['disbursements', 'disbursements']],
  admin: [['', 'home'], ['users', 'users'], ['jurisdictions', 'jurisdictions'], ['calendar', 'calendar']],
};

/**
 * The active role's menu, plus the desks of the other roles the user holds in the same office (a 大兴 officer is
 * both 业务主管 and 受理初审: 2026 通知 三（二）–（六)), so no screen hides behind the role switch.
 */
function menuFor(active: Role, held: Role[]) {
  const items = [...MENU[active]];
  for (const role of held) {
    if (role === active || role === 'applicant' || active === 'applicant') continue;
    for (const entry of MENU[role]) if (!items.some(([k]) => k === entry[0])) items.push(entry);
  }
  return items.map(([key, label]) => ({ key, label: i18n.t(`home2.menu.${label}`) }));
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
  const location = useLocation();
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
          <NotificationBell />
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
          <Menu mode="inline" style={{ height: '100%' }} selectedKeys={[location.pathname.split('/')[2] ?? '']} onClick={({ key }) => navigate(`/app/${key}`)} items={menuFor(active, roles)} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={null}>
            <Routes>
              <Route index element={<RoleHome user={user} role={active} />} />
              <Route path="self-check" element={<SelfCheckPage />} />
              <Route path="applications" element={<ApplicationsPage />} />
              <Route path="applications/:id" element={<ApplicationPage />} />
              <Route path="unit" element={<UnitPage />} />
              <Route path="studio" element={<StudioPage />} />
              <Route path="calls" element={<OfficerCallsPage />} />
              <Route path="calls/new" element={<NewCallPage />} />
              <Route path="calls/:id" element={<OfficerCallPage />} />
              <Route path="intake" element={<IntakePage />} />
              <Route path="intake/:id" element={<IntakeApplicationPage />} />
              <Route path="notifications" element={<NotificationsPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="desk" element={<DeskPage />} />
              <Route path="experts" element={<ExpertsPage />} />
              <Route path="review" element={<ReviewCallsPage />} />
              <Route path="review/:callId" element={<ReviewCallPage />} />
              <Route path="review/:callId/panel" element={<PanelPage />} />
              <Route path="review/:callId/ranking" element={<RankingPage />} />
              <Route path="assignments" element={<AssignmentsPage />} />
              <Route path="assignments/:id" element={<AssignmentPage />} />
              <Route path="oversight" element={<OversightPage />} />
              <Route path="oversight/:callId" element={<OversightCallPage />} />
              <Route path="notices" element={<NoticesAdminPage />} />
              <Route path="notices/:id" element={<NoticeAdminPage />} />
              <Route path="funding" element={<FundingPage />} />
              <Route path="funding/:callId" element={<CallFundingPage />} />
              <Route path="disbursements" element={<DisbursementsPage />} />
              <Route path="users" element={<AdminUsersPage />} />
              <Route path="jurisdictions" element={<AdminJurisdictionsPage />} />
              <Route path="calendar" element={<AdminCalendarPage />} />
              <Route path="studios" element={<LifecycleStudiosPage />} />
              <Route path="projects" element={<ProjectsPage />} />
              <Route path="projects/:id" element={<ProjectPage />} />
              <Route path="reports" element={<ReportsPage />} />
              <Route path="reports/:id" element={<ReportPage />} />
              <Route path="changes" element={<ChangesPage />} />
              <Route path="changes/:id" element={<ChangePage />} />
              <Route path="revocations" element={<RevocationsPage />} />
              <Route path="revocations/:id" element={<RevocationPage />} />
              <Route path="*" element={<ComingSoon />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
      <PasswordModal open={pw} onClose={() => setPw(false)} />
    </Layout>
  );
}
