import { Alert, Card, Empty, Segmented, Skeleton, Space, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCalls, type Call } from '../../features/calls/api';
import { beijingTime, CallStatusTag, Countdown } from '../../features/calls/parts';
import { usePolicies } from '../../features/policies/api';

const ORDER = { open: 0, upcoming: 1, closed: 2 } as const;

/** /calls — every call, public: status 未开始/申报中/已截止, filter by district, close time and a countdown. */
export default function CallsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const calls = useCalls();
  const policies = usePolicies();
  const jurisdiction = params.get('jurisdiction') ?? 'all';
  useEffect(() => {
    document.title = `${t('pubCalls.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);

  const docOf = (policyId: string) => policies.data?.find((p) => p.id === policyId)?.documentNumber ?? policyId;
  const rows = (calls.data ?? [])
    .filter((c) => jurisdiction === 'all' || c.jurisdiction === jurisdiction)
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.status === 'closed' ? b.closesAt.localeCompare(a.closesAt) : a.closesAt.localeCompare(b.closesAt)));

  return (
    <main className="jx-main">
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('pubCalls.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('pubCalls.intro')}</Typography.Paragraph>
      <Card>
        <Segmented
          data-testid="calls-filter"
          style={{ marginBottom: 16 }}
          value={jurisdiction}
          onChange={(v) => {
            const p = new URLSearchParams(params);
            if (v === 'all') p.delete('jurisdiction');
            else p.set('jurisdiction', String(v));
            setParams(p, { replace: true });
          }}
          options={[
            { value: 'all', label: t('pubCalls.all') },
            ...(['daxing', 'etdz', 'shunyi'] as const).map((j) => ({ value: j, label: t(`pubCalls.jurisdictions.${j}`) })),
          ]}
        />
        {calls.error ? (
          <Alert type="error" showIcon message={(calls.error as Error).message} />
        ) : calls.isLoading ? (
          <Skeleton active />
        ) : (
          <Table<Call>
            rowKey="id"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: <Empty description={jurisdiction === 'all' ? t('pubCalls.empty') : t('pubCalls.emptyFiltered')} /> }}
            columns={[
              {
                title: t('pubCalls.columns.title'),
                dataIndex: 'title',
                render: (_, c) => (
                  <>
                    <Link to={`/calls/${c.id}`} style={{ fontWeight: 600 }} data-testid="call-link">
                      {c.title}
                    </Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {docOf(c.policyId)} · {t(`pubCalls.programs.${c.program}`, { defaultValue: c.program })}
                      </Typography.Text>
                    </div>
                  </>
                ),
              },
              {
                title: t('pubCalls.columns.jurisdiction'),
                dataIndex: 'jurisdiction',
                width: 100,
                render: (j: string) => t(`pubCalls.jurisdictions.${j}`, { defaultValue: j }),
              },
              {
                title: t('pubCalls.columns.window'),
                width: 330,
                render: (_, c) => (
                  <Space direction="vertical" size={0}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('pubCalls.opensAt', { time: beijingTime(c.opensAt) })}
                    </Typography.Text>
                    <Typography.Text strong>{t('pubCalls.closesAt', { time: beijingTime(c.closesAt) })}</Typography.Text>
                    {c.status === 'open' && <Countdown to={c.closesAt} />}
                    {c.status === 'upcoming' && <Countdown to={c.opensAt} kind="open" />}
                  </Space>
                ),
              },
              {
                title: t('pubCalls.columns.quota'),
                dataIndex: 'quota',
                width: 96,
                render: (q: number | null) => (q === null ? t('pubCalls.quotaNone') : t('pubCalls.quotaValue', { n: q })),
              },
              {
                title: t('pubCalls.columns.status'),
                dataIndex: 'status',
                width: 90,
                render: (s: Call['status']) => <CallStatusTag status={s} />,
              },
            ]}
            key={i18n.language}
          />
        )}
      </Card>
    </main>
  );
}
