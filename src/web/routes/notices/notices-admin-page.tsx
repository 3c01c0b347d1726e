import { NotificationOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAdminNotices, type AdminNoticeList } from '../../features/notices-admin/api';
import { STATE_COLORS } from '../../features/notices-admin/i18n';
import { PublishDrawer } from '../../features/notices-admin/publish-drawer';

type Notice = AdminNoticeList['notices'][number];

/** /app/notices — the jurisdiction's notices (公示) and the calls ready to publish, with the period the calendar gives. */
export default function NoticesAdminPage() {
  const { t } = useTranslation();
  const q = useAdminNotices();
  const [publishing, setPublishing] = useState<string | null>(null);
  useEffect(() => {
    document.title = `${t('noticesAdmin.list.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);

  const stateOf = (n: Notice) => (n.state === 'published' ? (n.running ? 'running' : 'ended') : n.state);

  return (
    <div data-testid="notices-admin">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('noticesAdmin.list.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('noticesAdmin.list.intro')}</Typography.Paragraph>
      {q.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('noticesAdmin.common.loadError')}
          description={(q.error as Error).message}
          action={<Button onClick={() => void q.refetch()}>{t('noticesAdmin.common.retry')}</Button>}
        />
      )}
      <Card title={t('noticesAdmin.list.pending')} style={{ marginBottom: 16 }} loading={q.isLoading}>
        {q.data?.pending.length ? (
          <List
            dataSource={q.data.pending}
            renderItem={(c) => (
              <List.Item
                data-testid="pending-call"
                actions={[
                  <Button key="p" type="primary" icon={<NotificationOutlined />} onClick={() => setPublishing(c.callId)}>
                    {t('noticesAdmin.list.publish')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={c.callTitle}
                  description={
                    <Space wrap>
                      <Tag>{t(`noticesAdmin.program.${c.program}`)}</Tag>
                      <span>{t('noticesAdmin.list.proposed', { n: c.proposedCount })}</span>
                      <Typography.Text type="secondary">{t('noticesAdmin.list.periodPreview', { start: c.period.startsOn, end: c.period.endsOn, days: c.period.workingDays })}</Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noticesAdmin.list.pendingEmpty')} />
        )}
      </Card>
      <Card title={t('noticesAdmin.list.published')}>
        <Table<Notice>
          rowKey="id"
          loading={q.isLoading}
          dataSource={q.data?.notices ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noticesAdmin.list.publishedEmpty')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          columns={[
            { title: t('noticesAdmin.list.col.title'), dataIndex: 'title', render: (title: string, n) => <Link to={`/app/notices/${n.id}`}>{title}</Link> },
            { title: t('noticesAdmin.list.col.period'), width: 220, render: (_, n) => t('noticesAdmin.list.periodValue', { start: n.startsOn, end: n.endsOn }) },
            {
              title: t('noticesAdmin.list.col.state'),
              width: 100,
              render: (_, n) => <Tag color={STATE_COLORS[stateOf(n)]}>{t(`noticesAdmin.state.${stateOf(n)}`)}</Tag>,
            },
            {
              title: t('noticesAdmin.list.col.items'),
              width: 140,
              render: (_, n) => (
                <>
                  {t('noticesAdmin.list.itemsValue', { n: n.itemCount - n.withdrawnCount })}
                  {n.withdrawnCount > 0 && <Typography.Text type="secondary">{t('noticesAdmin.list.withdrawnValue', { n: n.withdrawnCount })}</Typography.Text>}
                </>
              ),
            },
            {
              title: t('noticesAdmin.list.col.objections'),
              width: 170,
              render: (_, n) =>
                n.openObjections > 0 ? (
                  <Tag color="warning">{t('noticesAdmin.list.objectionsValue', { open: n.openObjections, all: n.objectionCount })}</Tag>
                ) : (
                  <Typography.Text type="secondary">{t('noticesAdmin.list.objectionsValue', { open: 0, all: n.objectionCount })}</Typography.Text>
                ),
            },
            { title: t('noticesAdmin.list.col.actions'), width: 90, render: (_, n) => <Link to={`/app/notices/${n.id}`}>{t('noticesAdmin.common.view')}</Link> },
          ]}
        />
      </Card>
      <PublishDrawer callId={publishing} onClose={() => setPublishing(null)} />
    </div>
  );
}
