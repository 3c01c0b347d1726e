import { EnvironmentOutlined, FilePdfOutlined, FormOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Divider, List, Row, Space, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useNotice, type NoticeDetail } from '../../features/registry/api';
import { ObjectionForm, ObjectionLookup } from '../../features/registry/objection-form';
import { formatAmount, NoticeStatusTag, QueryState, usePeriod } from '../../features/registry/parts';
import { noticePdfUrl } from '../../features/notices-admin/api';
import '../../features/notices-admin/i18n';

function Contacts({ contacts }: { contacts: NoticeDetail['contacts'] }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={contacts}
      renderItem={(c) => (
        <List.Item style={{ display: 'block' }}>
          {c.name && <Typography.Text strong style={{ display: 'block' }}>{c.name}</Typography.Text>}
          <Space direction="vertical" size={2}>
            <Typography.Text>
              <PhoneOutlined /> {t('registry.notice.phone')}：{c.phone}
            </Typography.Text>
            {c.address && (
              <Typography.Text type="secondary">
                <EnvironmentOutlined /> {c.address}
              </Typography.Text>
            )}
            {c.hours && <Typography.Text type="secondary">{t('registry.notice.hours')}：{c.hours}</Typography.Text>}
          </Space>
        </List.Item>
      )}
    />
  );
}

export default function NoticePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const period = usePeriod();
  const q = useNotice(id);
  const n = q.data;
  useEffect(() => {
    document.title = `${n?.title ?? t('registry.notice.breadcrumb')} - 匠心 技能大师工作室服务平台`;
  }, [t, n?.title]);

  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={[
        { title: <Link to="/">{t('registry.common.home')}</Link> },
        { title: <Link to="/notices">{t('registry.notices.title')}</Link> },
        { title: n?.title ?? t('registry.notice.breadcrumb') },
      ]}
    />
  );
  if (!n) {
    return (
      <main className="jx-main">
        {crumbs}
        <QueryState isLoading={q.isLoading} error={q.error} retry={() => q.refetch()} back="/notices" />
      </main>
    );
  }

  const running = n.status === 'running';
  const accepting = n.acceptingObjections;
  const hasProject = n.items.some((i) => i.projectName);
  const hasAmount = n.items.some((i) => i.amount !== undefined);
  return (
    <main className="jx-main">
      {crumbs}
      <Row gutter={24}>
        <Col xs={24} lg={17}>
          <Card>
            <div style={{ textAlign: 'center', marginBottom: 8 }}>
              <Typography.Title level={3} style={{ marginBottom: 8 }}>
                {n.title}
              </Typography.Title>
              <Space wrap split={<Divider type="vertical" />}>
                <NoticeStatusTag status={n.status} concluded={n.concluded} />
                <Typography.Text type="secondary">
                  {t('registry.notice.publisher')}：{n.publisher}
                </Typography.Text>
                {n.publishedAt && (
                  <Typography.Text type="secondary">
                    {t('registry.notice.publishedAt')}：{n.publishedAt.slice(0, 16).replace('T', ' ')}
                  </Typography.Text>
                )}
                <Button size="small" icon={<FilePdfOutlined />} href={noticePdfUrl(n.id)} target="_blank">
                  {t('noticesAdmin.detail.pdf')}
                </Button>
              </Space>
            </div>
            <Divider />
            {running ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                message={t('registry.notice.runningAlert', { start: n.startsOn, end: n.endsOn, days: n.workingDays })}
              />
            ) : n.concluded && n.decisionDocument ? (
              <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t('registry.notice.concludedAlert', { doc: n.decisionDocument })} />
            ) : (
              <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('registry.notice.endedAlert', { end: n.endsOn })} />
            )}
            {n.body.split(/\n+/).map((p, i) => (
              <Typography.Paragraph key={i} style={{ textIndent: '2em', fontSize: 15, lineHeight: 1.9 }}>
                {p}
              </Typography.Paragraph>
            ))}
            <Typography.Title level={5} style={{ marginTop: 8 }}>
              {t('registry.notice.list')}
            </Typography.Title>
            <Table
              size="middle"
              bordered
              rowKey={(_, i) => String(i)}
              pagination={false}
              dataSource={n.items}
              scroll={{ x: 760 }}
              columns={[
                { title: t('registry.notice.col.no'), width: 60, align: 'center', render: (_, __, i) => i + 1 },
                {
                  title: t('registry.notice.col.name'),
                  dataIndex: 'name',
                  render: (name: string, item) =>
                    hasProject && item.projectName ? (
                      <>
                        <div>{name}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('registry.notice.col.project')}：{item.projectName}
                        </Typography.Text>
                      </>
                    ) : (
                      name
                    ),
                },
                { title: t('registry.notice.col.unit'), dataIndex: 'unit' },
                { title: t('registry.notice.col.leader'), dataIndex: 'leader', width: 90 },
                { title: t('registry.notice.col.occupation'), dataIndex: 'occupation', width: 120, render: (o: string | null) => o ?? '—' },
                ...(hasAmount
                  ? [{ title: t('registry.notice.col.amount'), dataIndex: 'amount', width: 120, align: 'right' as const, render: (a?: number) => formatAmount(a) }]
                  : []),
              ]}
            />
            <Typography.Paragraph style={{ textAlign: 'right', marginTop: 24, marginBottom: 0 }}>
              {n.publisher}
              {n.publishedAt && (
                <>
                  <br />
                  {n.publishedAt.slice(0, 10)}
                </>
              )}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={7}>
          <Card title={t('registry.notice.period')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'p', label: t('registry.notice.period'), children: period(n) },
                { key: 'e', label: t('registry.notice.endsAt'), children: t('registry.notice.endsAtValue', { date: n.endsOn }) },
                { key: 'b', label: t('registry.notice.basis'), children: n.documentNumber },
                { key: 'c', label: t('registry.notice.call'), children: n.callTitle },
              ]}
            />
            {n.calendarBasis.length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('registry.notice.calendarBasis', { basis: n.calendarBasis.join('；') })}
              </Typography.Text>
            )}
          </Card>
          <Card title={t('registry.notice.contacts')} size="small" style={{ marginBottom: 16 }}>
            <Contacts contacts={n.contacts} />
          </Card>
          <Card
            title={
              <span>
                <FormOutlined /> {t('registry.notice.objectionTitle')}
              </span>
            }
            size="small"
            styles={{ body: { background: '#fafafa' } }}
            data-testid="objection-area"
          >
            {accepting ? (
              <>
                <Typography.Paragraph>{t('registry.notice.objectionOpen', { start: n.startsOn, end: n.endsOn })}</Typography.Paragraph>
                {n.openObjections > 0 && <Alert type="info" style={{ marginBottom: 12 }} message={t('noticesAdmin.objection.openCount', { n: n.openObjections })} />}
                <ObjectionForm notice={n} />
              </>
            ) : (
              <Alert type="info" showIcon data-testid="objection-closed" message={t('noticesAdmin.objection.closed')} description={t('noticesAdmin.objection.closedBody', { end: n.endsOn })} />
            )}
          </Card>
          <Card title={t('noticesAdmin.objection.lookupTitle')} size="small" style={{ marginTop: 16 }}>
            <ObjectionLookup />
          </Card>
        </Col>
      </Row>
    </main>
  );
}
