import { ExportOutlined, FilePdfOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatShanghaiInstant } from '../../../shared/time';
import { useMe } from '../../features/auth/api';
import { itemsXlsxUrl, noticePdfUrl, useAdminNotice, type AdminNoticeDetail, type ObjectionView } from '../../features/notices-admin/api';
import { HandleDrawer } from '../../features/notices-admin/handle-drawer';
import { OBJECTION_COLORS, STATE_COLORS } from '../../features/notices-admin/i18n';

type Item = AdminNoticeDetail['items'][number];

/** /app/notices/:id — a notice's list (withdrawn items too), its objections and the handling drawer. */
export default function NoticeAdminPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const q = useAdminNotice(id);
  const { data: me } = useMe();
  const [open, setOpen] = useState<string | null>(null);
  const n = q.data;
  useEffect(() => {
    document.title = `${n?.title ?? t('noticesAdmin.detail.breadcrumb')} - 匠心 技能大师工作室服务平台`;
  }, [t, n?.title]);

  const crumbs = (
    <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/app/notices">{t('noticesAdmin.detail.breadcrumb')}</Link> }, { title: n?.title ?? '…' }]} />
  );
  if (!n) {
    return (
      <div>
        {crumbs}
        {q.isLoading ? (
          <Skeleton active />
        ) : (q.error as { status?: number } | null)?.status === 404 ? (
          <Result status="404" title={t('noticesAdmin.detail.notFound')} extra={<Link to="/app/notices">{t('noticesAdmin.common.back')}</Link>} />
        ) : (
          <Alert type="error" showIcon message={t('noticesAdmin.common.loadError')} description={(q.error as Error | null)?.message} action={<Button onClick={() => void q.refetch()}>{t('noticesAdmin.common.retry')}</Button>} />
        )}
      </div>
    );
  }

  const canHandle = !!me?.roles.some((r) => r.role === 'program' && r.jurisdiction === n.jurisdiction);
  const state = n.state === 'published' ? (n.running ? 'running' : 'ended') : n.state;
  const objection = n.objections.find((o) => o.id === open) ?? null;

  return (
    <div data-testid="notice-admin">
      {crumbs}
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <div>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {n.title}
          </Typography.Title>
          <Space wrap>
            <Tag color={STATE_COLORS[state]}>{t(`noticesAdmin.state.${state}`)}</Tag>
            <Typography.Text type="secondary">{n.callTitle}</Typography.Text>
            {n.openObjections > 0 && <Tag color="warning">{t('noticesAdmin.detail.openObjections', { n: n.openObjections })}</Tag>}
          </Space>
        </div>
        <Space wrap>
          <Button icon={<FileExcelOutlined />} href={itemsXlsxUrl(n.id)}>
            {t('noticesAdmin.detail.exportXlsx')}
          </Button>
          <Button icon={<FilePdfOutlined />} href={noticePdfUrl(n.id)} target="_blank">
            {t('noticesAdmin.detail.pdf')}
          </Button>
          <Button icon={<ExportOutlined />} href={`/notices/${n.id}`} target="_blank">
            {t('noticesAdmin.detail.publicPage')}
          </Button>
        </Space>
      </Space>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'p', label: t('noticesAdmin.detail.period'), children: <span data-testid="admin-period">{t('noticesAdmin.detail.periodValue', { start: n.startsOn, end: n.endsOn, days: n.workingDays })}</span> },
            { key: 'at', label: t('noticesAdmin.detail.publishedAt'), children: n.publishedAt ? formatShanghaiInstant(n.publishedAt) : '—' },
            { key: 'a', label: t('noticesAdmin.detail.anonymous'), children: n.allowAnonymousObjections ? t('noticesAdmin.detail.anonymousYes') : t('noticesAdmin.detail.anonymousNo') },
            { key: 'b', label: t('noticesAdmin.detail.calendarBasis'), children: n.calendarBasis.join('；') || '—' },
          ]}
        />
      </Card>
      <Card title={t('noticesAdmin.detail.items')} style={{ marginBottom: 16 }}>
        <Table<Item>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={n.items}
          scroll={{ x: 900 }}
          columns={[
            { title: t('noticesAdmin.detail.col.no'), dataIndex: 'position', width: 60, align: 'center' },
            { title: t('noticesAdmin.detail.col.number'), dataIndex: 'applicationNumber', width: 160, render: (v: string | null) => v ?? '—' },
            {
              title: t('noticesAdmin.detail.col.name'),
              dataIndex: 'name',
              render: (name: string, i) => (
                <>
                  <Typography.Text delete={i.withdrawn}>{name}</Typography.Text>
                  {i.projectName && (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {i.projectName}
                      </Typography.Text>
                    </div>
                  )}
                  {i.withdrawnReason && (
                    <div>
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {i.withdrawnReason}
                      </Typography.Text>
                    </div>
                  )}
                </>
              ),
            },
            { title: t('noticesAdmin.detail.col.unit'), dataIndex: 'unit' },
            { title: t('noticesAdmin.detail.col.leader'), dataIndex: 'leader', width: 90 },
            { title: t('noticesAdmin.detail.col.amount'), dataIndex: 'amount', width: 110, align: 'right', render: (a: number | null) => (a === null ? '—' : a.toLocaleString('zh-CN')) },
            {
              title: t('noticesAdmin.detail.col.status'),
              width: 150,
              render: (_, i) => (
                <Space direction="vertical" size={2}>
                  {i.withdrawn ? <Tag color="error">{t('noticesAdmin.detail.itemWithdrawn')}</Tag> : <Tag color="processing">{t('noticesAdmin.detail.itemListed')}</Tag>}
                  {i.openObjections > 0 && <Tag color="warning">{t('noticesAdmin.detail.openObjections', { n: i.openObjections })}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('noticesAdmin.detail.objections')}>
        <Table<ObjectionView>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={n.objections}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noticesAdmin.detail.objectionsEmpty')} /> }}
          onRow={(o) => ({ 'data-testid': `objection-${o.trackingNumber}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('noticesAdmin.detail.col.tracking'), dataIndex: 'trackingNumber', width: 150 },
            { title: t('noticesAdmin.detail.col.target'), dataIndex: 'itemName', render: (v: string | null) => v ?? t('noticesAdmin.detail.wholeList') },
            { title: t('noticesAdmin.detail.col.filer'), width: 150, render: (_, o) => (o.anonymous ? t('noticesAdmin.detail.anonymousFiler') : o.name) },
            { title: t('noticesAdmin.detail.col.filedAt'), dataIndex: 'filedAt', width: 150, render: (v: string) => formatShanghaiInstant(v) },
            { title: t('noticesAdmin.detail.col.body'), dataIndex: 'body', ellipsis: true },
            { title: t('noticesAdmin.detail.col.status'), dataIndex: 'status', width: 110, render: (s: string) => <Tag color={OBJECTION_COLORS[s]}>{t(`noticesAdmin.objection.status.${s}`)}</Tag> },
            {
              title: t('noticesAdmin.detail.col.actions'),
              width: 90,
              render: (_, o) => (
                <Button type="link" size="small" onClick={() => setOpen(o.id)}>
                  {canHandle && ['open', 'investigating'].includes(o.status) ? t('noticesAdmin.detail.handle') : t('noticesAdmin.detail.viewObjection')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <HandleDrawer notice={n} objection={objection} canHandle={canHandle && n.state === 'published'} onClose={() => setOpen(null)} />
    </div>
  );
}
