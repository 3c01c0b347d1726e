import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe } from '../features/auth/api';
import { PublicLayout } from '../components/public-layout';

const PublicHome = lazy(() => import('../routes/public/public-home'));
const LoginPage = lazy(() => import('../routes/login/login-page'));
const RegisterPage = lazy(() => import('../routes/login/register-page'));
const AppShell = lazy(() => import('../routes/home/app-shell'));
const CallsPage = lazy(() => import('../routes/public/calls-page'));
const CallDetailPage = lazy(() => import('../routes/public/call-detail-page'));
const NoticesPage = lazy(() => import('../routes/public/notices-page'));
const NoticePage = lazy(() => import('../routes/public/notice-page'));
const StudiosPage = lazy(() => import('../routes/public/studios-page'));
const StudioPage = lazy(() => import('../routes/public/studio-page'));
const PoliciesPage = lazy(() => import('../routes/public/policies-page'));
const PolicyPage = lazy(() => import('../routes/public/policy-page'));
const ComparePage = lazy(() => import('../routes/public/compare-page'));
const SelfCheckPage = lazy(() => import('../routes/public/self-check-page'));
const VerifyPage = lazy(() => import('../routes/public/verify-page'));

const fallback = <Spin style={{ display: 'block', margin: '120px auto' }} />;

function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isLoading) return fallback;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  return <>{children}</>;
}

export function AppRoutes() {
  return (
    <Suspense fallback={fallback}>
      <Routes>
        <Route element={<PublicLayout />}>
          <Route index element={<PublicHome />} />
          <Route path="login" element={<LoginPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route path="calls" element={<CallsPage />} />
          <Route path="calls/:id" element={<CallDetailPage />} />
          <Route path="notices" element={<NoticesPage />} />
          <Route path="notices/:id" element={<NoticePage />} />
          <Route path="studios" element={<StudiosPage />} />
          <Route path="studios/:id" element={<StudioPage />} />
          <Route path="policies" element={<PoliciesPage />} />
          <Route path="policies/compare" element={<ComparePage />} />
          <Route path="policies/:id" element={<PolicyPage />} />
          <Route path="self-check" element={<SelfCheckPage />} />
          <Route path="verify/:code" element={<VerifyPage />} />
        </Route>
        <Route
          path="app/*"
          element={
            <RequireAuth>
              <AppShell />
            </RequireAuth>
          }
        />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}
