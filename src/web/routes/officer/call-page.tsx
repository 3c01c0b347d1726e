import { DownloadOutlined, LinkOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Empty, Flex, Input, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { beijing, exportUrl, useApplicationList, useCall, useCallStats, type ApplicationRow } from '../../features/officer/api';
import { CallStatusTag, LoadError, StatusTag } from '../../features/officer/components';
import { STATUS_COLORS } from '../../features/officer/i18n';
import '../../features/officer/i18n';

const CHIP_ORDER = ['submitted', 'resubmitted', 'returned', 'draft'];

/** /app/calls/:id — one call: its summary and its applications by status, searchable, paginated, exportable. */
export default function OfficerCallPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const [search, setSearch] = useState(q);
  const call = useCall(id);
  const stats = useCallStats(id);
  const list = useApplicationList({ callId: id, status: status ? status.split(',') : undefined, q, page, pageSize, sort: '-submittedAt' });
  useEffect(() => {
    if (call.data) document.title = `${call.data.title} - 匠心 技能大师工作室服务平台`;
  }, [call.data]);

  const update = (next: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '' || (k === 'page' && v === 1)) p.delete(k);
      else p.set(k, String(v));
    }
    setParams(p, { replace: true });
  };

  if (call.error) return <LoadError error={call.error} notFound={t('officer.call.notFound')} onRetry={() => void call.refetch()} />;
  if (!call.data) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  const c = call.data;
  const byStatus = stats.data?.byStatus ?? {};
  const chips = [...CHIP_ORDER, ...Object.keys(byStatus).filter((s) => !CHIP_ORDER.includes(s))];

  return (
    <div data-testid="officer-call">
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/app/calls">{t('officer.calls.title')}</Link> }, { title: c.title }]} />
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Space align="center">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="call-title">
            {c.title}
          </Typography.Title>
          <CallStatusTag status={c.status} />
        </Space>
        <Button icon={<LinkOutlined />} href={`/calls/${c.id}`} target="_blank">
          {t('officer.call.publicPage')}
        </Button>
      </Flex>

      <Card title={t('officer.call.summary')} style={{ marginBottom: 16 }}>
        <Descriptions
          column={3}
          size="small"
          items={[
            { key: 'edition', label: t('officer.call.edition'), children: c.documentNumber },
            { key: 'program', label: t('officer.calls.col.program'), children: t(`officer.program.${c.program}`) },
            { key: 'year', label: t('officer.newCall.year'), children: c.year },
            { key: 'window', label: t('officer.common.windowBeijing'), span: 2, children: `${beijing(c.opensAt)} ${t('officer.common.to')} ${beijing(c.closesAt)}` },
            { key: 'quota', label: t('officer.call.quota'), children: c.quota ?? t('officer.common.unlimited') },
            ...(c.projectsCloseBy ? [{ key: 'close', label: t('officer.call.projectsCloseBy'), children: c.projectsCloseBy }] : []),
            {
              key: 'contacts',
              label: t('officer.call.contacts'),
              span: 3,
              children: (
                <div>
                  {c.contacts.map((x, i) => (
                    <div key={i}>{[x.name, x.phone, x.address, x.hours].filter(Boolean).join('，')}</div>
                  ))}
                </div>
              ),
            },
            {
              key: 'notice',
              label: t('officer.call.notice'),
              span: 3,
              children: (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 3, expandable: 'collapsible' }}>
                  {c.noticeText}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
      </Card>

      <Card
        title={t('officer.call.applications')}
        extra={
          <Tooltip title={t('officer.call.exportHint')}>
            <Button icon={<DownloadOutlined />} href={exportUrl(id, { status: status ? status.split(',') : undefined, q })} data-testid="export-xlsx">
              {t('officer.call.export')}
            </Button>
          </Tooltip>
        }
      >
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
          <Space size={[8, 8]} wrap data-testid="status-chips">
            <Tag.CheckableTag checked={!status} onChange={() => update({ status: undefined, page: 1 })}>
              {t('officer.status.all')}（{stats.data?.total ?? 0}）
            </Tag.CheckableTag>
            {chips.map((s) => (
              <Tag.CheckableTag key={s} checked={status === s} onChange={(on) => update({ status: on ? s : undefined, page: 1 })} data-testid={`chip-${s}`}>
                <span style={{ color: status === s ? undefined : STATUS_COLORS[s] === 'warning' ? '#d46b08' : undefined }}>
                  {t(`officer.status.${s}`, { defaultValue: stats.data?.statusNames[s] ?? s })}（{byStatus[s] ?? 0}）
                </span>
              </Tag.CheckableTag>
            ))}
          </Space>
          <Input.Search
            allowClear
            style={{ width: 340 }}
            placeholder={t('officer.call.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || undefined, page: 1 })}
            data-testid="call-search"
          />
        </Flex>
        {list.error ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<ApplicationRow>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty description={status || q ? t('officer.call.empty') : t('officer.call.emptyAll')} /> }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (n) => t('officer.call.total', { n }),
              onChange: (p, ps) => update({ page: p, pageSize: ps === 20 ? undefined : ps }),
            }}
            onRow={(a) => ({ onClick: () => navigate(`/app/intake/${a.id}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('officer.call.col.number'), dataIndex: 'number', width: 170, render: (n: string, a) => <Link to={`/app/intake/${a.id}`} onClick={(e) => e.stopPropagation()}>{n}</Link> },
              { title: t('officer.call.col.unit'), dataIndex: 'unitName' },
              { title: t('officer.call.col.title'), dataIndex: 'title', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('officer.call.none')}</Typography.Text> },
              { title: t('officer.call.col.leader'), dataIndex: 'leaderName', width: 100, render: (v: string | null) => v ?? t('officer.call.none') },
              { title: t('officer.call.col.status'), dataIndex: 'status', width: 140, render: (s: string, a) => <StatusTag status={s} name={a.statusName} /> },
              { title: t('officer.call.col.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string | null) => beijing(v) },
              { title: t('officer.call.col.round'), dataIndex: 'round', width: 90, align: 'center', render: (r: number) => (r ? t('officer.call.roundN', { n: r }) : t('officer.call.none')) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
