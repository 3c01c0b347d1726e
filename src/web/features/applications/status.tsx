import { Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShanghaiInstant, toShanghaiIso } from '../../../shared/time';
import './i18n';

const STATUS_COLOR: Record<string, string> = { draft: 'default', submitted: 'processing', returned: 'warning', resubmitted: 'processing' };

/** The status in Chinese (the server's statusName), coloured. */
export function StatusTag({ status, name }: { status: string; name: string }) {
  return (
    <Tag color={STATUS_COLOR[status] ?? 'success'} data-testid="status-tag" style={{ marginInlineEnd: 0 }}>
      {name}
    </Tag>
  );
}

export function useNextStep() {
  const { t } = useTranslation();
  return (status: string) => t(`apps.next.${['draft', 'submitted', 'returned', 'resubmitted'].includes(status) ? status : 'other'}`);
}

/** Any ISO time as Beijing time 'YYYY-MM-DD HH:mm' (or with seconds). */
export function beijing(iso: string | null | undefined, seconds = false): string {
  return iso ? formatShanghaiInstant(iso, seconds) : '—';
}

/** 'HH:mm:ss' Beijing time. */
export const beijingClock = (iso: string) => toShanghaiIso(new Date(iso)).slice(11, 19);

/** Time left until the window closes, e.g. 10天 3小时 / 2小时 15分. */
export function Countdown({ until, closedText }: { until: string; closedText: string }) {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const ms = new Date(until).getTime() - now;
  if (ms <= 0) return <Typography.Text type="danger">{closedText}</Typography.Text>;
  const zh = i18n.language !== 'en-US';
  const d = Math.floor(ms / 86_400_000);
  const h = Math.floor((ms % 86_400_000) / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const text = d > 0 ? (zh ? `${d} 天 ${h} 小时` : `${d} d ${h} h`) : zh ? `${h} 小时 ${m} 分` : `${h} h ${m} min`;
  return (
    <Typography.Text type={d < 1 ? 'danger' : d < 3 ? 'warning' : undefined} strong data-testid="countdown">
      {text}
    </Typography.Text>
  );
}
