import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AuditVerifyCard } from './role-home';

/** 审计链校验 (纪检监察, platform admin): verifies the SM3 (GB/T 32905) chain of every write. */
export default function AuditPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="audit-page" style={{ maxWidth: 880 }}>
      <Typography.Title level={3}>{t('home2.menu.audit')}</Typography.Title>
      <AuditVerifyCard />
    </div>
  );
}
