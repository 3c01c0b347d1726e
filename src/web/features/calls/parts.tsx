import { Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n';
import { formatShanghaiInstant } from '../../../shared/time';

const STATUS_COLOR = { upcoming: 'blue', open: 'green', closed: 'default' } as const;

export function CallStatusTag({ status }: { status: 'upcoming' | 'open' | 'closed' }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="call-status">
      {t(`pubCalls.status.${status}`)}
    </Tag>
  );
}

/** '2026-06-26T18:00:00+08:00' → '2026-06-26 18:00' (the API already speaks Beijing time). */
export function beijingTime(iso: string): string {
  return formatShanghaiInstant(iso);
}

function useNow(everyMs: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(h);
  }, [everyMs]);
  return now;
}

/** 「距截止还有 3 天 4 小时」, ticking; seconds only in the last hour. */
export function Countdown({ to, kind = 'close' }: { to: string; kind?: 'close' | 'open' }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const ms = new Date(to).getTime() - now;
  if (!(ms > 0)) return null;
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts = d > 0 ? [t('pubCalls.days', { n: d }), t('pubCalls.hours', { n: h })] : h > 0 ? [t('pubCalls.hours', { n: h }), t('pubCalls.minutes', { n: m })] : [t('pubCalls.minutes', { n: m }), t('pubCalls.seconds', { n: s % 60 })];
  return (
    <Typography.Text type={kind === 'close' && d < 3 ? 'danger' : 'warning'} data-testid="call-countdown">
      {t(kind === 'close' ? 'pubCalls.countdown' : 'pubCalls.untilOpen', { text: parts.join(' ') })}
    </Typography.Text>
  );
}
