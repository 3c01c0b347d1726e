import { Alert, Button, Empty, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../lib/http';
import type { ReviewCallSummary } from './api';
import './i18n';

/** A failed load: a 404 says the call is not in the caller's jurisdiction; anything else offers a retry. */
export function LoadFailure({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) return <Result status="404" title={t('reviewOversight.notFound')} />;
  if (error instanceof ApiError && error.status === 403) return <Result status="403" title={error.message} />;
  return (
    <Alert
      type="error"
      showIcon
      title={t('reviewOversight.loadError')}
      description={error instanceof Error ? error.message : String(error)}
      action={onRetry && <Button onClick={onRetry}>↻</Button>}
    />
  );
}

/** The stage counts of a call as compact tags, in the edition's order. */
export function StageTags({ stages }: { stages: ReviewCallSummary['stages'] }) {
  return (
    <Space size={[4, 4]} wrap>
      {stages.map((s) => (
        <Tag key={s.id} color={s.count ? (s.id === 'rejected' ? 'red' : s.id === 'proposed' ? 'green' : 'blue') : 'default'} data-testid={`stage-${s.id}`}>
          {s.title} {s.count}
        </Tag>
      ))}
    </Space>
  );
}

/** The calls in review, each linking to `${base}/:id` (the officer's dashboard or the inspector's record). */
export function ReviewCallsTable({ calls, loading, base }: { calls: ReviewCallSummary[]; loading: boolean; base: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table<ReviewCallSummary>
      rowKey="id"
      loading={loading}
      dataSource={calls}
      pagination={false}
      locale={{ emptyText: <Empty description={t('reviewOversight.calls.empty')} /> }}
      onRow={(c) => ({ onClick: () => navigate(`${base}/${c.id}`), style: { cursor: 'pointer' } })}
      columns={[
        {
          title: t('reviewOversight.calls.col.title'),
          dataIndex: 'title',
          render: (v: string, c) => (
            <Link to={`${base}/${c.id}`} onClick={(e) => e.stopPropagation()} data-testid={`review-call-${c.id}`}>
              {v}
            </Link>
          ),
        },
        { title: t('reviewOversight.calls.col.program'), dataIndex: 'program', width: 170, render: (p: string) => t(`reviewOversight.program.${p}`, { defaultValue: p }) },
        {
          title: t('reviewOversight.calls.col.edition'),
          dataIndex: 'documentNumber',
          width: 200,
          render: (v: string) => (
            <Tooltip title={v}>
              <Typography.Text ellipsis style={{ maxWidth: 190 }}>
                {v}
              </Typography.Text>
            </Tooltip>
          ),
        },
        { title: t('reviewOversight.calls.col.stages'), dataIndex: 'stages', render: (s: ReviewCallSummary['stages']) => <StageTags stages={s} /> },
        { title: t('reviewOversight.calls.col.total'), dataIndex: 'total', width: 90, align: 'center' },
        { title: t('reviewOversight.calls.col.quota'), dataIndex: 'quota', width: 80, align: 'center', render: (q: number | null) => q ?? t('reviewOversight.calls.unlimited') },
      ]}
    />
  );
}
