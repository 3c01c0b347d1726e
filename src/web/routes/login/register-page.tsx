import { Alert, Button, Card, Col, Divider, Form, Input, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useRegisterUnit, useRegistrationOptions, type RegisterUnitRequest } from '../../features/units/api';
import { ApiError } from '../../lib/http';
import './register-i18n';



type Values = RegisterUnitRequest & { password2: string };

/** /register — 单位注册 (issue 4: unit registration with 统一社会信用代码, validated on the server). */
export default function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useRegistrationOptions();
  const register = useRegisterUnit();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = `${t('register.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);

  const onFinish = async ({ password2: _confirm, ...values }: Values) => {
    setError(null);
    try {
      await register.mutateAsync(values);
      navigate('/app/unit', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.fields) {
        const entries = Object.entries(e.fields).map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] }));
        form.setFields(entries);
        if (entries[0]) form.scrollToField(entries[0].name, { block: 'center' });
        setError(e.status === 409 ? e.message : t('register.failed'));
      } else setError(e instanceof Error ? e.message : String(e));
    }
  };

  const req = (field: string) => [{ required: true, whitespace: true, message: t('register.required', { field: t(`register.${field}`) }) }];

  return (
    <div className="jx-login" style={{ padding: '32px 16px' }}>
      <Card style={{ width: 760, maxWidth: '100%' }} title={t('register.title')} data-testid="register-page">
        <Typography.Paragraph type="secondary">{t('register.intro')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="register-error" />}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark scrollToFirstError>
          <Divider titlePlacement="start" style={{ marginTop: 0 }}>
            {t('register.sectionUnit')}
          </Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="unitName" label={t('register.unitName')} extra={t('register.unitNameExtra')} rules={req('unitName')}>
                <Input maxLength={100} data-testid="register-unitName" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="creditCode" label={t('register.creditCode')} extra={t('register.creditCodeExtra')} rules={req('creditCode')} normalize={(v: string) => v?.toUpperCase()}>
                <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="register-creditCode" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="jurisdictionId" label={t('register.jurisdiction')} extra={t('register.jurisdictionExtra')} rules={[{ required: true, message: t('register.choose', { field: t('register.jurisdiction') }) }]}>
                <Select
                  data-testid="register-jurisdiction"
                  loading={options.isLoading}
                  options={(options.data?.jurisdictions ?? []).map((j) => ({ value: j.id, label: j.name }))}
                  placeholder={t('register.choose', { field: t('register.jurisdiction') })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="address" label={t('register.address')} rules={req('address')}>
                <Input maxLength={200} data-testid="register-address" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactName" label={t('register.contactName')} rules={req('contactName')}>
                <Input maxLength={50} data-testid="register-contactName" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactPhone" label={t('register.contactPhone')} extra={t('register.contactPhoneExtra')} rules={req('contactPhone')}>
                <Input maxLength={11} inputMode="numeric" data-testid="register-contactPhone" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('register.sectionAccount')}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="displayName" label={t('register.displayName')} rules={req('displayName')}>
                <Input maxLength={50} data-testid="register-displayName" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="username" label={t('register.username')} extra={t('register.usernameExtra')} rules={req('username')}>
                <Input maxLength={32} autoComplete="username" data-testid="register-username" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="password" label={t('register.password')} extra={t('register.passwordExtra')} rules={req('password')}>
                <Input.Password maxLength={128} autoComplete="new-password" data-testid="register-password" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="password2"
                label={t('register.password2')}
                dependencies={['password']}
                rules={[
                  ...req('password2'),
                  ({ getFieldValue }) => ({
                    validator: (_r, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('register.mismatch')))),
                  }),
                ]}
              >
                <Input.Password maxLength={128} autoComplete="new-password" data-testid="register-password2" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" size="large" block loading={register.isPending} data-testid="register-submit">
            {t('register.submit')}
          </Button>
          <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
            {t('register.haveAccount')} <Link to="/login">{t('register.login')}</Link>
          </Typography.Paragraph>
        </Form>
      </Card>
    </div>
  );
}
