import { Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from './api';
import { beijing } from './status';
import './i18n';

const COLOR: Record<string, string> = { created: 'gray', submitted: 'green', resubmitted: 'green', returned: 'orange' };

/** 办理记录: every event of the application, oldest first, with receipts and correction deadlines. */
export function TimelineTab({ app }: { app: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  if (!app.timeline.length) return <Empty description={t('apps.timeline.empty')} />;
  return (
    <Timeline
      data-testid="timeline"
      items={app.timeline.map((e) => {
        const d = (e.details ?? {}) as { receipt?: { number: string }; deadline?: string; items?: { comment: string }[] };
        const name = i18n.exists(`apps.timeline.${e.action}`) ? t(`apps.timeline.${e.action}`) : e.action;
        return {
          color: COLOR[e.action] ?? 'blue',
          children: (
            <div>
              <Typography.Text strong>{name}</Typography.Text>
              {e.toStatusName && <Tag style={{ marginLeft: 8 }}>{e.toStatusName}</Tag>}
              {e.round > 0 && <Tag color="orange">第 {e.round} 轮补正</Tag>}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {beijing(e.at, true)} · {e.actor}
                </Typography.Text>
              </div>
              {d.receipt && <div>{t('apps.timeline.receipt', { number: d.receipt.number })}</div>}
              {d.deadline && <div>{t('apps.timeline.deadline', { date: d.deadline })}</div>}
              {d.items && (
                <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
                  {d.items.map((i, k) => (
                    <li key={k}>{i.comment}</li>
                  ))}
                </ul>
              )}
              {e.note && <Typography.Paragraph style={{ marginBottom: 0 }}>{e.note}</Typography.Paragraph>}
            </div>
          ),
        };
      })}
    />
  );
}
