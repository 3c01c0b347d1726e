import { CalendarOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Empty, Segmented, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNotices, type NoticeSummary } from '../../features/registry/api';
import { formatAmount, NoticeStatusTag, usePeriod } from '../../features/registry/parts';

const PREVIEW = 5;

function NoticeCard({ notice }: { notice: NoticeSummary }) {
  const { t } = useTranslation();
  const period = usePeriod();
  const withAmount = notice.items.some((i) => i.amount !== undefined);
  const total = notice.items.reduce((s, i) => s + (i.amount ?? 0), 0);
  return (
    <Card
      style={{ marginBottom: 16, borderTop: notice.status === 'running' ? '3px solid #a61d24' : undefined }}
      title={
        <Space wrap>
          <NoticeStatusTag status={notice.status} concluded={notice.concluded} />
          <Tag>{notice.jurisdictionName}</Tag>
          <Link to={`/notices/${notice.id}`} style={{ color: 'inherit' }}>
            {notice.title}
          </Link>
        </Space>
      }
      extra={
        <Link to={`/notices/${notice.id}`}>
          {t('registry.notices.view')} <RightOutlined />
        </Link>
      }
    >
      <Space size="large" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>
          <CalendarOutlined /> {t('registry.notices.periodLabel')}：{period(notice)}
        </Typography.Text>
        <Typography.Text type="secondary">{t('registry.notices.items', { count: notice.items.length })}</Typography.Text>
      </Space>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={notice.items.slice(0, PREVIEW)}
        columns={[
          { title: t('registry.notice.col.no'), width: 60, render: (_, __, i) => i + 1 },
          { title: t('registry.notice.col.name'), dataIndex: 'name' },
          { title: t('registry.notice.col.unit'), dataIndex: 'unit' },
          ...(withAmount
            ? [{ title: t('registry.notice.col.amount'), dataIndex: 'amount', align: 'right' as const, width: 140, render: (a?: number) => formatAmount(a) }]
            : []),
        ]}
        summary={() =>
          withAmount && notice.items.length > 1 && notice.items.length <= PREVIEW ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text strong>{t('registry.notices.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>{formatAmount(total)}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      {notice.items.length > PREVIEW && (
        <div style={{ marginTop: 8 }}>
          <Link to={`/notices/${notice.id}`}>{t('registry.notices.more', { count: notice.items.length - PREVIEW })}</Link>
        </div>
      )}
    </Card>
  );
}

export default function NoticesPage() {
  const { t } = useTranslation();
  const notices = useNotices();
  const [jurisdiction, setJurisdiction] = useState<string>('all');
  useEffect(() => {
    document.title = `${t('registry.notices.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  const list = (notices.data ?? []).filter((n) => jurisdiction === 'all' || n.jurisdiction === jurisdiction);
  const running = list.filter((n) => n.status === 'running');
  const past = list.filter((n) => n.status === 'ended');
  return (
    <main className="jx-main">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/">{t('registry.common.home')}</Link> }, { title: t('registry.notices.title') }]} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('registry.notices.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('registry.notices.intro')}
      </Typography.Paragraph>
      <Segmented
        style={{ marginBottom: 20 }}
        value={jurisdiction}
        onChange={(v) => setJurisdiction(String(v))}
        options={['all', 'daxing', 'etdz', 'shunyi'].map((j) => ({ value: j, label: t(`registry.jurisdictions.${j}`) }))}
      />
      {notices.isLoading ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : notices.error ? (
        <Alert
          type="error"
          showIcon
          message={t('registry.common.loadError')}
          description={(notices.error as Error).message}
          action={<Button onClick={() => notices.refetch()}>{t('registry.common.retry')}</Button>}
        />
      ) : (
        <>
          <Typography.Title level={4}>{t('registry.notices.running')}</Typography.Title>
          {running.length === 0 ? (
            <Card style={{ marginBottom: 24 }}>
              <Empty description={t('registry.notices.noRunning')} />
            </Card>
          ) : (
            running.map((n) => <NoticeCard key={n.id} notice={n} />)
          )}
          <Typography.Title level={4} style={{ marginTop: 24 }}>
            {t('registry.notices.past')}
          </Typography.Title>
          {past.length === 0 ? (
            <Card>
              <Empty description={t('registry.notices.noPast')} />
            </Card>
          ) : (
            past.map((n) => <NoticeCard key={n.id} notice={n} />)
          )}
        </>
      )}
    </main>
  );
}
