import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Dropdown, Empty, List, Space, Spin, Tag, Tooltip, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { applicationLink, formatTime, useInbox, useMarkAllRead, useMarkRead, type InboxMessage } from './api';
import './i18n';

const TYPE_COLOR: Record<string, string> = {
  'application.submitted': 'green',
  'application.resubmitted': 'blue',
  'application.returned': 'orange',
};

/** The kind of message as a coloured tag (提交回执 / 退回补正 …). */
export function MessageType({ template }: { template: string }) {
  const { t } = useTranslation();
  const known = template in TYPE_COLOR;
  return <Tag color={TYPE_COLOR[template] ?? 'default'}>{t(`notifications.types.${known ? template : 'other'}`)}</Tag>;
}

/** The header's bell: unread count as a badge, the latest messages in a dropdown, a link to them all. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const inbox = useInbox({ limit: 6 });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const { token } = theme.useToken();
  const unread = inbox.data?.unread ?? 0;

  const openMessage = (m: InboxMessage) => {
    if (!m.readAt) markRead.mutate(m.id);
    setOpen(false);
    navigate(applicationLink(m) ?? '/app/notifications');
  };

  const panel = (
    <Card
      size="small"
      style={{ width: 380, boxShadow: token.boxShadowSecondary }}
      title={t('notifications.latest')}
      extra={
        <Button type="link" size="small" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="bell-mark-all">
          {t('notifications.markAllRead')}
        </Button>
      }
      actions={[
        <Link key="all" to="/app/notifications" onClick={() => setOpen(false)} data-testid="bell-view-all">
          {t('notifications.viewAll')}
        </Link>,
      ]}
      styles={{ body: { padding: 0, maxHeight: 420, overflowY: 'auto' } }}
    >
      {inbox.isLoading ? (
        <div style={{ padding: 32, textAlign: 'center' }}>
          <Spin />
        </div>
      ) : inbox.isError ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.loadError')} style={{ padding: 16 }}>
          <Button size="small" onClick={() => inbox.refetch()}>
            {t('notifications.retry')}
          </Button>
        </Empty>
      ) : !inbox.data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} style={{ padding: 16 }} />
      ) : (
        <List
          dataSource={inbox.data.items}
          renderItem={(m) => (
            <List.Item
              key={m.id}
              onClick={() => openMessage(m)}
              style={{ cursor: 'pointer', padding: '10px 16px', background: m.readAt ? undefined : '#fff8f7' }}
              data-testid="bell-item"
            >
              <List.Item.Meta
                title={
                  <Space size={6}>
                    {!m.readAt && <Badge status="error" />}
                    <Typography.Text strong={!m.readAt} ellipsis style={{ maxWidth: 250 }}>
                      {m.title}
                    </Typography.Text>
                  </Space>
                }
                description={
                  <>
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ fontSize: 12, marginBottom: 4 }}>
                      {m.body}
                    </Typography.Paragraph>
                    <Space size={8}>
                      <MessageType template={m.template} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatTime(m.createdAt)}
                      </Typography.Text>
                    </Space>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );

  return (
    <Dropdown open={open} onOpenChange={setOpen} trigger={['click']} placement="bottomRight" popupRender={() => panel}>
      <Tooltip title={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')} placement="bottom" open={open ? false : undefined}>
        <Button type="text" aria-label={t('notifications.bell')} data-testid="notification-bell" style={{ color: '#fff', height: 40 }}>
          <Badge count={unread} size="small" offset={[2, -2]} data-testid="notification-unread">
            <BellOutlined style={{ fontSize: 20, color: '#fff' }} />
          </Badge>
        </Button>
      </Tooltip>
    </Dropdown>
  );
}
