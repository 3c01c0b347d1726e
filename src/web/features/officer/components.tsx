import { Alert, Button, Result, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/http';
import { CALL_STATUS_COLORS, STATUS_COLORS } from './i18n';

export function StatusTag({ status, name }: { status: string; name?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={`status-${status}`}>
      {t(`officer.status.${status}`, { defaultValue: name ?? status })}
    </Tag>
  );
}

export function CallStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={CALL_STATUS_COLORS[status] ?? 'default'}>{t(`officer.callStatus.${status}`)}</Tag>;
}

/** A failed load: a 404 says what is missing; anything else offers a retry. */
export function LoadError({ error, notFound, onRetry }: { error: unknown; notFound?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) return <Result status="404" title={notFound ?? error.message} />;
  return (
    <Alert
      type="error"
      showIcon
      title={t('officer.common.loadError')}
      description={error instanceof Error ? error.message : String(error)}
      action={onRetry && <Button onClick={onRetry}>{t('officer.common.retry')}</Button>}
    />
  );
}
