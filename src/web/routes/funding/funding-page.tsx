import { Card, Col, Empty, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFundingCalls, yuan, type FundingCall } from '../../features/funding/api';
import '../../features/funding/i18n';
import { LoadError } from '../../features/officer/components';
import '../../features/officer/i18n';

type State = 'running' | 'ready' | 'blocked' | 'decided';
const stateOf = (c: FundingCall): State => (c.noticeStatus === 'concluded' ? 'decided' : !c.ended ? 'running' : c.openObjections > 0 ? 'blocked' : 'ready');
const STATE_COLORS: Record<State, string> = { running: 'processing', ready: 'success', blocked: 'error', decided: 'default' };

/** /app/funding — the program officer's calls after their public notice: confirm the decision, see the amounts. */
export default function FundingPage() {
  const { t } = useTranslation();
  const calls = useFundingCalls();
  useEffect(() => {
    document.title = `${t('funding.list.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  const rows = calls.data ?? [];
  const stats = useMemo(
    () => ({
      ready: rows.filter((c) => stateOf(c) === 'ready').length,
      running: rows.filter((c) => stateOf(c) === 'running').length,
      decided: rows.filter((c) => stateOf(c) === 'decided').length,
      scheduled: rows.reduce((n, c) => n + c.scheduledTotal, 0),
    }),
    [rows],
  );

  return (
    <div data-testid="funding-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('funding.list.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('funding.list.intro')}</Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(['ready', 'running', 'decided', 'scheduled'] as const).map((k) => (
          <Col span={6} key={k}>
            <Card size="small">
              <Statistic title={t(`funding.list.stats.${k}`)} value={calls.isLoading ? '-' : stats[k]} groupSeparator="," />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        {calls.error ? (
          <LoadError error={calls.error} onRetry={() => void calls.refetch()} />
        ) : calls.isLoading ? (
          <Skeleton active />
        ) : (
          <Table<FundingCall>
            rowKey="noticeId"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: <Empty description={t('funding.list.empty')} /> }}
            columns={[
              { title: t('funding.list.col.call'), dataIndex: 'callTitle', render: (v: string, c) => <Link to={`/app/funding/${c.callId}`}>{v}</Link> },
              { title: t('funding.list.col.program'), dataIndex: 'program', width: 150, render: (p: string) => t(`funding.program.${p}`) },
              { title: t('funding.list.col.period'), width: 210, render: (_: unknown, c) => `${c.startsOn} ${t('officer.common.to')} ${c.endsOn}` },
              { title: t('funding.list.col.items'), dataIndex: 'items', width: 90, align: 'right' },
              { title: t('funding.list.col.objections'), dataIndex: 'openObjections', width: 110, align: 'right', render: (n: number) => (n ? <Tag color="error">{n}</Tag> : '0') },
              {
                title: t('funding.list.col.state'),
                width: 130,
                render: (_: unknown, c) => (
                  <Tag color={STATE_COLORS[stateOf(c)]} data-testid={`funding-state-${c.callId}`}>
                    {t(`funding.list.${stateOf(c)}`)}
                  </Tag>
                ),
              },
              { title: t('funding.list.col.amount'), dataIndex: 'scheduledTotal', width: 150, align: 'right', render: (n: number) => yuan(n) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
