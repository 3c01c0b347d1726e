import { Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { SelfCheck } from '../../features/policies/self-check';

/**
 * 资格自测 (issue 3): public at /self-check, and inside the signed-in workspace at /app/self-check — it does not rely on
 * PublicLayout, only on the page around it.
 */
export default function SelfCheckPage() {
  const { t } = useTranslation();
  const embedded = useLocation().pathname.startsWith('/app');
  useEffect(() => {
    document.title = `${t('pol.selfCheck.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  const body = (
    <>
      <Typography.Title level={embedded ? 3 : 2} style={{ marginTop: 0 }}>
        {t('pol.selfCheck.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('pol.selfCheck.intro')}
      </Typography.Paragraph>
      <SelfCheck embedded={embedded} />
    </>
  );
  return embedded ? body : <main className="jx-main">{body}</main>;
}
