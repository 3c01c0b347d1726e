import { PrinterOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { addMessages } from '../../i18n';
import type { ApplicationDetail } from './api';

/**
 * 经开区 paper dossier (京技管发〔2024〕1号 2026 办事指南 五（二）: 收到打印纸质材料短信通知后，在3个工作日内…递交至受理窗口):
 * the unit's banner with the deadline (the desk's request button is in features/review-desk).
 */

const zh = {
  request: '通知报送纸质材料',
  confirm: '通知单位在规定的工作日内报送纸质申报材料？将发送短信和站内消息，截止日期按法定工作日计算。',
  sent: '已通知，截止 {{deadline}}。{{notice}}',
  pending: '已通知报送纸质材料，截止 {{deadline}}',
  bannerTitle: '请报送纸质申报材料（截止 {{deadline}}）',
  bannerText: '您单位的申报已通过网上审核。请于 {{deadline}} 前点击“{{button}}”下载带水印的全套申报材料打印，一式一份有序胶装（整本首页、骑缝盖章），递交政务服务大厅“政策申报”窗口。',
};
const en: typeof zh = {
  request: 'Ask for the paper dossier',
  confirm: 'Ask the unit to bring the paper dossier within the set working days? An SMS and an in-app message are sent; the deadline counts statutory working days.',
  sent: 'Notified; deadline {{deadline}}. {{notice}}',
  pending: 'Paper dossier requested; deadline {{deadline}}',
  bannerTitle: 'Bring your paper dossier (by {{deadline}})',
  bannerText: 'Your application passed the online review. By {{deadline}}, download the watermarked dossier ("{{button}}"), print one bound copy (stamped on the first page and across the binding) and hand it in at the Government Service Hall "policy application" window.',
};
addMessages('paperDossier', zh, en);

/** The fields the application detail adds for the paper dossier (additive to ApplicationDetail). */
type WithPaper = ApplicationDetail & { paperIntake?: boolean; paperDossier?: { deadline: string; requestedAt: string; round: number } | null };
export const paperOf = (app: ApplicationDetail) => ({ paperIntake: !!(app as WithPaper).paperIntake, pending: (app as WithPaper).paperDossier ?? null });

/** The unit's banner: print and bring the dossier by the deadline. */
export function PaperDossierBanner({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const { pending } = paperOf(app);
  if (!pending) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<PrinterOutlined />}
      data-testid="paper-dossier-banner"
      style={{ marginBottom: 16 }}
      message={t('paperDossier.bannerTitle', { deadline: pending.deadline })}
      description={t('paperDossier.bannerText', { deadline: pending.deadline, button: t('apps.ws.dossier') })}
    />
  );
}

// The timeline's name for the event, on the unit's and the desk's timelines (merged into their message trees).
addMessages('apps', { timeline: { paper_dossier_requested: '通知报送纸质材料' } }, { timeline: { paper_dossier_requested: 'Paper dossier requested' } });
addMessages('officer', { review: { action: { paper_dossier_requested: '通知报送纸质材料' } } }, { review: { action: { paper_dossier_requested: 'Paper dossier requested' } } });
