import { Button, Card, Col, Empty, Flex, Input, Row, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { beijing, useApplicationList, WAITING_STATUSES, type ApplicationRow } from '../../features/officer/api';
import { LoadError } from '../../features/officer/components';
import '../../features/officer/i18n';

/** Working days after which a waiting application is highlighted. */
const LONG_WAIT = 5;

/** /app/intake — the desk's queue (初审受理): submitted and resubmitted applications, longest waiting first. */
export default function IntakePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useApplicationList({ status: [...WAITING_STATUSES], q, page, pageSize, sort: 'updatedAt' });
  // Counts per kind, whatever the search: two small queries of one row each.
  const firsts = useApplicationList({ status: ['submitted'], pageSize: 1, sort: 'updatedAt' });
  const resubs = useApplicationList({ status: ['resubmitted'], pageSize: 1, sort: 'updatedAt' });
  useEffect(() => {
    document.title = `${t('officer.intake.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  const oldest = [firsts.data?.items[0], resubs.data?.items[0]].reduce((m, a) => Math.max(m, a?.waitingWorkingDays ?? 0), 0);

  return (
    <div data-testid="intake-queue">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('officer.intake.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('officer.intake.intro')}</Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('officer.intake.waiting')} value={firsts.data?.total ?? '-'} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('officer.intake.resubmitted')} value={resubs.data?.total ?? '-'} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('officer.intake.oldest')} value={oldest} suffix={t('officer.intake.wdUnit')} styles={{ content: { color: oldest > LONG_WAIT ? '#cf1322' : undefined } }} />
          </Card>
        </Col>
      </Row>
      <Card>
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            style={{ width: 340 }}
            placeholder={t('officer.intake.search')}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            data-testid="intake-search"
          />
        </Flex>
        {list.error ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<ApplicationRow>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{
              emptyText: (
                <Empty description={t('officer.intake.empty')}>
                  <Typography.Text type="secondary">{t('officer.intake.emptyHint')}</Typography.Text>
                </Empty>
              ),
            }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (n) => t('officer.call.total', { n }),
              onChange: (p, ps) => {
                setPage(p);
                setPageSize(ps);
              },
            }}
            onRow={(a) => ({ onClick: () => navigate(`/app/intake/${a.id}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('officer.intake.col.number'), dataIndex: 'number', width: 170, render: (n: string, a) => <Link to={`/app/intake/${a.id}`} onClick={(e) => e.stopPropagation()} data-testid="intake-link">{n}</Link> },
              {
                title: t('officer.intake.col.unit'),
                dataIndex: 'unitName',
                render: (u: string, a) => (
                  <div>
                    <div>{u}</div>
                    <div style={{ color: '#888', fontSize: 12 }}>{a.title ?? ''}</div>
                  </div>
                ),
              },
              { title: t('officer.intake.col.call'), dataIndex: 'callTitle', width: 240, render: (v: string) => <span style={{ fontSize: 13 }}>{v}</span> },
              {
                title: t('officer.intake.col.kind'),
                dataIndex: 'status',
                width: 130,
                render: (s: string, a) => (s === 'resubmitted' ? <Tag color="cyan">{t('officer.intake.resubmission', { n: a.round })}</Tag> : <Tag color="processing">{t('officer.intake.first')}</Tag>),
              },
              { title: t('officer.intake.col.since'), dataIndex: 'waitingSince', width: 150, render: (v: string | null) => beijing(v) },
              {
                title: t('officer.intake.col.waiting'),
                dataIndex: 'waitingWorkingDays',
                width: 120,
                align: 'right',
                render: (n: number | null) =>
                  n !== null && n > LONG_WAIT ? (
                    <Tooltip title={t('officer.intake.overdueHint')}>
                      <Typography.Text type="danger" strong>
                        {t('officer.intake.workingDays', { n })}
                      </Typography.Text>
                    </Tooltip>
                  ) : (
                    t('officer.intake.workingDays', { n: n ?? 0 })
                  ),
              },
              {
                title: t('officer.intake.col.action'),
                key: 'action',
                width: 90,
                render: (_, a) => (
                  <Button type="link" size="small" onClick={(e) => { e.stopPropagation(); navigate(`/app/intake/${a.id}`); }}>
                    {t('officer.intake.review')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
