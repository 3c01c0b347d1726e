import { TrophyOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Card, Col, Descriptions, Empty, Row, Space, Table, Timeline, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useStudio } from '../../features/registry/api';
import { formatAmount, LevelTag, QueryState, StudioStatusTag } from '../../features/registry/parts';

const LEVEL_DOT = { national: '#a61d24', municipal: '#d4380d', district: '#d48806' } as const;

export default function StudioPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const q = useStudio(id);
  const s = q.data;
  useEffect(() => {
    document.title = `${s?.name ?? t('registry.studio.breadcrumb')} - 匠心 技能大师工作室服务平台`;
  }, [t, s?.name]);

  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={[
        { title: <Link to="/">{t('registry.common.home')}</Link> },
        { title: <Link to="/studios">{t('registry.studios.title')}</Link> },
        { title: s?.name ?? t('registry.studio.breadcrumb') },
      ]}
    />
  );
  if (!s) {
    return (
      <main className="jx-main">
        {crumbs}
        <QueryState isLoading={q.isLoading} error={q.error} retry={() => q.refetch()} back="/studios" />
      </main>
    );
  }

  return (
    <main className="jx-main">
      {crumbs}
      <Card style={{ marginBottom: 16, borderTop: '3px solid #a61d24' }}>
        <Space align="start" size={16}>
          <div
            style={{ width: 56, height: 56, borderRadius: 8, background: '#fbeeee', color: '#a61d24', fontSize: 28, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
          >
            <TrophyOutlined />
          </div>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {s.name}
            </Typography.Title>
            <Space wrap style={{ marginTop: 8 }}>
              <LevelTag level={s.level} />
              <StudioStatusTag status={s.status} />
              <Typography.Text type="secondary">
                {s.jurisdictionName} · {s.unit}
              </Typography.Text>
            </Space>
          </div>
        </Space>
      </Card>
      {s.status === 'revoked' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('registry.studio.revoked', { date: s.revokedOn ?? '' })}
          description={s.revocationReason ? t('registry.studio.revokedReason', { reason: s.revocationReason, article: s.revocationArticle ?? '' }) : undefined}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card title={t('registry.studio.info')} style={{ marginBottom: 16 }}>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              bordered
              size="middle"
              items={[
                { key: 'leader', label: t('registry.studio.leader'), children: s.leader },
                { key: 'occupation', label: t('registry.studio.occupation'), children: s.occupation },
                { key: 'unit', label: t('registry.studio.unit'), children: s.unit, span: 2 },
                { key: 'jurisdiction', label: t('registry.studio.jurisdiction'), children: s.jurisdictionName },
                { key: 'team', label: t('registry.studio.teamSize'), children: t('registry.studio.teamValue', { count: s.teamSize }) },
                { key: 'recognizedOn', label: t('registry.studio.recognizedOn'), children: s.recognizedOn },
                { key: 'plaque', label: t('registry.studio.plaque'), children: s.plaqueNumber ?? '—' },
                { key: 'basis', label: t('registry.studio.basis'), children: s.documentNumber, span: 2 },
                ...(s.sourceNoticeId
                  ? [{ key: 'source', label: t('registry.studio.source'), children: <Link to={`/notices/${s.sourceNoticeId}`}>{t('registry.studio.sourceLink')}</Link>, span: 2 }]
                  : []),
              ]}
            />
            {s.summary && (
              <>
                <Typography.Title level={5} style={{ marginTop: 20 }}>
                  {t('registry.studio.summary')}
                </Typography.Title>
                <Typography.Paragraph style={{ lineHeight: 1.9 }}>{s.summary}</Typography.Paragraph>
              </>
            )}
          </Card>
          <Card title={t('registry.studio.projects')} data-testid="studio-projects">
            {s.projects?.length ? (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={s.projects}
                columns={[
                  { title: t('registry.studio.projectName'), dataIndex: 'name' },
                  { title: t('registry.studio.projectPeriod'), render: (_, p) => (p.periodStart && p.periodEnd ? `${p.periodStart} 至 ${p.periodEnd}` : '—') },
                  { title: t('registry.studio.projectAmount'), render: (_, p) => (p.approvedAmount !== null ? formatAmount(p.approvedAmount) : '—') },
                  { title: t('registry.studio.projectStatus'), render: (_, p) => t(`registry.studio.projectStatuses.${p.status}`, { defaultValue: p.status }) },
                ]}
              />
            ) : (
              <Empty description={t('registry.studio.noProjects')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('registry.studio.titles')}>
            <Timeline
              items={s.titles.map((title) => ({
                color: LEVEL_DOT[title.level],
                children: (
                  <>
                    <Space>
                      <Typography.Text strong>{title.awardedOn}</Typography.Text>
                      <LevelTag level={title.level} />
                    </Space>
                    <div>
                      <Typography.Text type="secondary">{title.document}</Typography.Text>
                    </div>
                    {title.award !== null && <div>{t('registry.studio.award', { amount: formatAmount(title.award) })}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </main>
  );
}
