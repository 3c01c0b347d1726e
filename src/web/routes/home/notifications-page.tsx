import { Alert, App as AntApp, Badge, Breadcrumb, Button, Card, Empty, List, Segmented, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { applicationLink, formatTime, useInbox, useMarkAllRead, useMarkRead, type InboxMessage } from '../../features/notifications/api';
import { MessageType } from '../../features/notifications/bell';
import '../../features/notifications/i18n';

/** The signed-in user's in-app messages: all or unread, mark read, open the application a message is about. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const inbox = useInbox({ limit: 200, unreadOnly: filter === 'unread' });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  useEffect(() => {
    document.title = `${t('notifications.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);

  const readAll = async () => {
    try {
      const { updated } = await markAll.mutateAsync();
      message.success(updated ? t('notifications.markedAll', { count: updated }) : t('notifications.nothingToMark'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const open = (m: InboxMessage) => {
    if (!m.readAt) markRead.mutate(m.id);
    const link = applicationLink(m);
    if (link) navigate(link);
  };

  const details = (m: InboxMessage) => {
    const p = m.payload ?? {};
    const receipt = (p.receipt as { number?: string } | undefined)?.number;
    return [
      typeof p.deadline === 'string' ? t('notifications.deadline', { date: p.deadline }) : null,
      receipt ? t('notifications.receipt', { number: receipt }) : null,
    ].filter(Boolean) as string[];
  };

  const unread = inbox.data?.unread ?? 0;
  return (
    <div data-testid="notifications-page">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/app">{t('notifications.workspace')}</Link> }, { title: t('notifications.title') }]} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('notifications.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('notifications.intro')}</Typography.Paragraph>
      <Card
        title={
          <Space size={16}>
            <Segmented
              value={filter}
              onChange={(v) => setFilter(v as 'all' | 'unread')}
              options={[
                { value: 'all', label: t('notifications.all') },
                { value: 'unread', label: unread ? t('notifications.unreadWithCount', { count: unread }) : t('notifications.unread') },
              ]}
            />
            {inbox.data && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {t('notifications.unreadCount', { count: unread })} · {t('notifications.total', { count: inbox.data.total })}
              </Typography.Text>
            )}
          </Space>
        }
        extra={
          <Button onClick={readAll} disabled={!unread} loading={markAll.isPending} data-testid="mark-all-read">
            {t('notifications.markAllRead')}
          </Button>
        }
      >
        {inbox.isLoading ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : inbox.isError ? (
          <Alert
            type="error"
            showIcon
            message={t('notifications.loadError')}
            description={inbox.error instanceof Error ? inbox.error.message : undefined}
            action={<Button onClick={() => inbox.refetch()}>{t('notifications.retry')}</Button>}
          />
        ) : !inbox.data?.items.length ? (
          <Empty description={filter === 'unread' ? t('notifications.unreadEmpty') : t('notifications.empty')}>
            {filter === 'all' && <Typography.Text type="secondary">{t('notifications.emptyHint')}</Typography.Text>}
          </Empty>
        ) : (
          <List
            itemLayout="vertical"
            dataSource={inbox.data.items}
            renderItem={(m) => (
              <List.Item
                key={m.id}
                data-testid="notification-item"
                style={{ paddingLeft: 12, borderLeft: `3px solid ${m.readAt ? 'transparent' : '#a61d24'}` }}
                actions={[
                  applicationLink(m) && (
                    <Button key="open" type="link" size="small" style={{ padding: 0 }} onClick={() => open(m)} data-testid="open-application">
                      {t('notifications.openApplication')}
                    </Button>
                  ),
                  !m.readAt && (
                    <Button key="read" type="link" size="small" style={{ padding: 0 }} loading={markRead.isPending && markRead.variables === m.id} onClick={() => markRead.mutate(m.id)} data-testid="mark-read">
                      {t('notifications.markRead')}
                    </Button>
                  ),
                ].filter(Boolean)}
                extra={
                  <Space direction="vertical" align="end" size={2}>
                    <Typography.Text type="secondary">{formatTime(m.createdAt)}</Typography.Text>
                    {m.readAt ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('notifications.readAt', { time: formatTime(m.readAt) })}
                      </Typography.Text>
                    ) : (
                      <Badge status="error" text={t('notifications.unread')} />
                    )}
                  </Space>
                }
              >
                <List.Item.Meta
                  title={
                    <Space size={8} wrap>
                      <MessageType template={m.template} />
                      <Typography.Text strong={!m.readAt}>{m.title}</Typography.Text>
                    </Space>
                  }
                  description={details(m).join('　')}
                />
                <Typography.Paragraph style={{ marginBottom: 0 }}>{m.body}</Typography.Paragraph>
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
