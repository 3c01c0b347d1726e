import { Button, Card, Empty, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { beijing } from '../../features/officer/api';
import { LoadError } from '../../features/officer/components';
import { useDeskQueue, type DeskQueueItem } from '../../features/review-desk/api';
import '../../features/review-desk/i18n';

const TABS = [
  { stage: 'substantive-review', label: 'reviewDesk.queue.substantive' },
  { stage: 'paper-intake', label: 'reviewDesk.queue.paper' },
] as const;

/**
 * /app/desk — the queues of the desk stages after 初审: 待实质审核 (经开区 京技管发〔2024〕1号 办事指南 六（三）) and 待线下受理
 * (六（四）、五（二）), longest waiting first; each row opens the application's desk.
 */
export default function DeskPage() {
  const { t } = useTranslation();
  const [stage, setStage] = useState<string>(TABS[0].stage);
  useEffect(() => {
    document.title = `${t('reviewDesk.queue.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  return (
    <div data-testid="review-desk-queues">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('reviewDesk.queue.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('reviewDesk.queue.intro')}</Typography.Paragraph>
      <Card>
        <Tabs
          activeKey={stage}
          onChange={setStage}
          items={TABS.map((tab) => ({ key: tab.stage, label: <QueueLabel stage={tab.stage} label={t(tab.label)} />, children: <Queue stage={tab.stage} /> }))}
        />
      </Card>
    </div>
  );
}

function QueueLabel({ stage, label }: { stage: string; label: string }) {
  const count = useDeskQueue(stage, 1, 1);
  return (
    <span data-testid={`queue-tab-${stage}`}>
      {label}
      {count.data ? <Tag style={{ marginLeft: 6 }}>{count.data.total}</Tag> : null}
    </span>
  );
}

function Queue({ stage }: { stage: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useDeskQueue(stage, page, pageSize);
  if (list.error) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<DeskQueueItem>
      rowKey="id"
      size="middle"
      loading={list.isLoading}
      data-testid={`queue-${stage}`}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reviewDesk.queue.empty')} /> }}
      pagination={{
        current: page,
        pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: true,
        onChange: (p, s) => {
          setPage(p);
          setPageSize(s);
        },
      }}
      columns={[
        { title: t('reviewDesk.queue.col.number'), dataIndex: 'number', width: 170, render: (n: string, r) => <Link to={`/app/intake/${r.id}`}>{n}</Link> },
        { title: t('reviewDesk.queue.col.unit'), dataIndex: 'unitName' },
        { title: t('reviewDesk.queue.col.title'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
        { title: t('reviewDesk.queue.col.call'), dataIndex: 'callTitle', ellipsis: true },
        { title: t('reviewDesk.queue.col.since'), dataIndex: 'waitingSince', width: 170, render: (v: string | null) => beijing(v) },
        ...(stage === 'paper-intake'
          ? [
              {
                title: t('reviewDesk.queue.col.paper'),
                dataIndex: 'paperDeadline',
                width: 140,
                render: (v: string | null) => (v ? <Tag color="orange">{v}</Tag> : <Typography.Text type="secondary">{t('reviewDesk.queue.paperNotRequested')}</Typography.Text>),
              },
            ]
          : []),
        {
          title: '',
          key: 'open',
          width: 80,
          render: (_: unknown, r: DeskQueueItem) => (
            <Link to={`/app/intake/${r.id}`}>
              <Button size="small" type="link">
                {t('reviewDesk.queue.open')}
              </Button>
            </Link>
          ),
        },
      ]}
    />
  );
}
