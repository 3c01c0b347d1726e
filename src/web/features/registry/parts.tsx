import { Button, Result, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../lib/http';
import './i18n';

/** 50000 → '50,000'. */
export const formatAmount = (amount: number | null | undefined) => (amount === null || amount === undefined ? '—' : amount.toLocaleString('zh-CN'));

/** '2026-11-20 至 2026-11-26（5 个工作日）'. */
export function usePeriod() {
  const { t } = useTranslation();
  return (n: { startsOn: string; endsOn: string; workingDays: number }) =>
    t('registry.notices.period', { start: n.startsOn, end: n.endsOn, days: n.workingDays });
}

export function NoticeStatusTag({ status, concluded }: { status: 'running' | 'ended'; concluded?: boolean }) {
  const { t } = useTranslation();
  if (status === 'running') return <Tag color="processing">{t('registry.noticeStatus.running')}</Tag>;
  if (concluded) return <Tag color="success">{t('registry.noticeStatus.concluded')}</Tag>;
  return <Tag>{t('registry.noticeStatus.ended')}</Tag>;
}

const LEVEL_COLOR = { national: 'red', municipal: 'volcano', district: 'gold' } as const;

export function LevelTag({ level }: { level: 'district' | 'municipal' | 'national' }) {
  const { t } = useTranslation();
  return <Tag color={LEVEL_COLOR[level]}>{t(`registry.level.${level}`)}</Tag>;
}

const STATUS_COLOR = { active: 'green', suspended: 'orange', revoked: 'default', dissolved: 'default' } as const;

export function StudioStatusTag({ status }: { status: 'active' | 'suspended' | 'revoked' | 'dissolved' }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`registry.status.${status}`)}</Tag>;
}

/** Loading skeleton, or the error with a retry, or a 404 result with a way back. */
export function QueryState({ isLoading, error, retry, back }: { isLoading: boolean; error: unknown; retry: () => void; back: string }) {
  const { t } = useTranslation();
  if (isLoading) return <Skeleton active paragraph={{ rows: 8 }} style={{ padding: 24, background: '#fff' }} />;
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Result
        status="404"
        title={t('registry.common.notFound')}
        extra={
          <Link to={back}>
            <Button type="primary">{t('registry.common.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (error) {
    return (
      <Result
        status="error"
        title={t('registry.common.loadError')}
        subTitle={(error as Error).message}
        extra={<Button onClick={retry}>{t('registry.common.retry')}</Button>}
      />
    );
  }
  return null;
}
