import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe } from '../features/auth/api';
import { PublicLayout } from '../components/public-layout';

const PublicHome = lazy(() => import('../routes/public/public-home'));
const LoginPage = lazy(() => import('../routes/login/login-page'));
const AppShell = lazy(() => import('../routes/home/app-shell'));
const ComingSoon = lazy(() => import('../routes/public/coming-soon'));

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
          <Route path="calls" element={<ComingSoon />} />
          <Route path="notices" element={<ComingSoon />} />
          <Route path="studios" element={<ComingSoon />} />
          <Route path="policies" element={<ComingSoon />} />
          <Route path="self-check" element={<ComingSoon />} />
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
