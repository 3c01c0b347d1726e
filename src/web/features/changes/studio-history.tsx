import { Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../officer/components';
import { useStudioHistory } from './api';
import { describeValues } from './values';
import './i18n';

const COLORS: Record<string, string> = {
  recognised: 'green',
  title: 'gold',
  'leader-stopped': 'red',
  'unit-left-jurisdiction': 'red',
  revoked: 'red',
  'revocation-raised': 'orange',
};

/** The studio's history (沿革): recognition, titles, every approved change and revocation entries, oldest first. */
export function StudioHistoryTimeline({ studioId }: { studioId: string }) {
  const { t } = useTranslation();
  const q = useStudioHistory(studioId);
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isLoading || !q.data) return <Skeleton active />;
  if (!q.data.entries.length) return <Empty description={t('changes.history.empty')} />;
  return (
    <Timeline
      data-testid="studio-history"
      items={q.data.entries.map((e) => {
        const before = e.before ? describeValues(e.before, t) : '';
        const after = e.after ? describeValues(e.after, t) : '';
        return {
          color: COLORS[e.kind] ?? 'blue',
          children: (
            <div data-testid={`history-${e.kind}`}>
              <Space size={6} wrap>
                <Typography.Text strong>{e.happenedOn}</Typography.Text>
                <Tag color={COLORS[e.kind]}>{e.kindName}</Tag>
                {e.changeRequestId && <Link to={`/app/changes/${e.changeRequestId}`}>{t('changes.history.request')}</Link>}
              </Space>
              {e.note && <div>{e.note}</div>}
              {(before || after) && e.kind !== 'recognised' && e.kind !== 'title' && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {before && `${before} → `}
                  {after}
                </Typography.Text>
              )}
              {e.citation && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('changes.history.citation')}：{e.citation}
                  </Typography.Text>
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
