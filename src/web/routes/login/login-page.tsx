import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useLogin } from '../../features/auth/api';
import { ApiError } from '../../lib/http';
import './register-i18n';

const DEMO = ['admin', 'daxing-officer', 'etdz-officer', 'shunyi-officer', 'expert1', 'daxing-inspector', 'daxing-finance', 'unit-a', 'unit-b'];

export default function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = `${t('login.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);

  const onFinish = async (values: { username: string; password: string }) => {
    setError(null);
    try {
      await login.mutateAsync(values);
      const next = params.get('next');
      navigate(next && next.startsWith('/app') ? next : '/app', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <div className="jx-login">
      <Card style={{ width: 420 }} title={t('login.title')}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}>
            <Input data-testid="login-username" autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}>
            <Input.Password data-testid="login-password" autoComplete="current-password" size="large" />
          </Form.Item>
          <Button data-testid="login-submit" type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          {t('register.noAccount')}
          <Link to="/register" data-testid="login-register">
            {t('register.link')}
          </Link>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.demo')}：{DEMO.join('、')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
