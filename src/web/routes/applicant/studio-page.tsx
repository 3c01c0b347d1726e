import { Alert, Button, Card, Col, Descriptions, Empty, List, Result, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Obligation } from '../../../policy/types';
import { toShanghaiIso } from '../../../shared/time';
import { useMe } from '../../features/auth/api';
import { useEdition, useEditions } from '../../features/home/api';
import '../../features/home/i18n';
import { useStudio, useStudios, type StudioSummary } from '../../features/registry/api';
import '../../features/funding/i18n';

const LEVEL_COLOR: Record<string, string> = { national: 'red', municipal: 'volcano', district: 'gold' };
const STATUS_COLOR: Record<string, string> = { active: 'green', suspended: 'orange', revoked: 'red', dissolved: 'default' };

/** The next due date of an obligation and the days left, from today in Beijing. */
function nextDue(o: Obligation, today: string): { date: string; days: number } | null {
  if (!o.due) return null;
  let date: string;
  if ('yearly' in o.due) {
    date = `${today.slice(0, 4)}-${o.due.yearly}`;
    if (date < today) date = `${Number(today.slice(0, 4)) + 1}-${o.due.yearly}`;
  } else date = o.due.date;
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return { date, days };
}

function StudioCard({ summary }: { summary: StudioSummary }) {
  const { t } = useTranslation();
  const detail = useStudio(summary.id);
  const d = detail.data;
  return (
    <Card
      data-testid="my-studio"
      title={
        <Space wrap>
          <Link to={`/studios/${summary.id}`}>{summary.name}</Link>
          <Tag color={LEVEL_COLOR[summary.level]}>{t(`home2.level.${summary.level}`)}</Tag>
          <Tag color={STATUS_COLOR[summary.status]}>{t(`home2.studioStatus.${summary.status}`)}</Tag>
        </Space>
      }
      extra={
        summary.status === 'active' && (
          <Button size="small" href={`/api/studios/${summary.id}/certificate.pdf`} target="_blank" data-testid="studio-certificate">
            {t('funding.call.certificate')}（PDF）
          </Button>
        )
      }
      size="small"
      style={{ marginBottom: 16 }}
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('home2.studio.leader')}>{summary.leader}</Descriptions.Item>
        <Descriptions.Item label={t('home2.studio.occupation')}>{summary.occupation}</Descriptions.Item>
        <Descriptions.Item label={t('homeRole.jurisdiction')}>{summary.jurisdictionName}</Descriptions.Item>
        <Descriptions.Item label={t('home2.studio.recognizedOn')}>{summary.recognizedOn}</Descriptions.Item>
        <Descriptions.Item label={t('home2.studio.teamSize')}>{d ? t('home2.studio.teamSizeValue', { count: d.teamSize }) : '…'}</Descriptions.Item>
        <Descriptions.Item label={t('home2.studio.plaque')}>{d?.plaqueNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('home2.studio.basis')} span={3}>
          {d?.documentNumber ?? '—'}
        </Descriptions.Item>
      </Descriptions>
      {d?.summary && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {d.summary}
        </Typography.Paragraph>
      )}
      {detail.isLoading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : detail.isError ? (
        <Alert type="error" showIcon message={t('home2.common.loadError')} description={(detail.error as Error).message} />
      ) : (
        d &&
        d.titles.length > 0 && (
          <Table
            size="small"
            rowKey={(r) => `${r.level}-${r.awardedOn}`}
            pagination={false}
            title={() => <strong>{t('home2.studio.titles')}</strong>}
            dataSource={d.titles}
            columns={[
              { title: t('home2.studio.level'), dataIndex: 'level', width: 100, render: (v: string) => <Tag color={LEVEL_COLOR[v]}>{t(`home2.level.${v}`)}</Tag> },
              { title: t('home2.studio.recognizedOn'), dataIndex: 'awardedOn', width: 120 },
              { title: t('home2.studio.basis'), dataIndex: 'document' },
              { title: t('home2.studio.award'), dataIndex: 'award', width: 150, align: 'right', render: (v: number | null) => (v === null ? '—' : t('home2.common.yuan', { amount: v.toLocaleString('zh-CN') })) },
            ]}
          />
        )
      )}
    </Card>
  );
}

function Obligations({ editionId, title }: { editionId: string; title: string }) {
  const { t, i18n } = useTranslation();
  const edition = useEdition(editionId);
  const zh = i18n.language !== 'en-US';
  const today = toShanghaiIso(new Date()).slice(0, 10);
  const list = [...(edition.data?.obligations ?? [])].sort((a, b) => Number(!a.due) - Number(!b.due));
  return (
    <Card title={`${t('home2.studio.obligations')} · ${title}`} size="small" style={{ marginBottom: 16 }} data-testid="obligations">
      {edition.isLoading ? (
        <Skeleton active />
      ) : edition.isError ? (
        <Alert type="error" showIcon message={t('home2.common.loadError')} description={(edition.error as Error).message} />
      ) : list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home2.studio.noObligations')} />
      ) : (
        <List
          size="small"
          dataSource={list}
          renderItem={(o) => {
            const due = nextDue(o, today);
            return (
              <List.Item
                extra={
                  due ? (
                    <Space direction="vertical" size={0} style={{ textAlign: 'right', minWidth: 180 }}>
                      <Tag color={due.days <= 30 ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
                        {o.due && 'yearly' in o.due ? t('home2.studio.dueYearly', { date: o.due.yearly.replace('-', '月') + (zh ? '日' : '') }) : due.date}
                      </Tag>
                      <Typography.Text type={due.days <= 30 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                        {t('home2.studio.nextDue', { date: due.date, days: due.days })}
                      </Typography.Text>
                    </Space>
                  ) : (
                    <Tag style={{ marginInlineEnd: 0 }}>{t('home2.studio.ongoing')}</Tag>
                  )
                }
              >
                <List.Item.Meta
                  title={zh ? o.text.zh : o.text.en}
                  description={`${t('home2.studio.source')}：${o.citation.document} ${o.citation.article ?? ''}`}
                />
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

/** 我的工作室: the unit's recognised studios in the registry and the obligations recognition brings. */
export default function StudioPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: user } = useMe();
  const unitName = user?.unit?.name ?? '';
  const studios = useStudios(unitName ? { q: unitName } : {});
  const mine = (studios.data ?? []).filter((s) => s.unit === unitName);
  const editions = [...new Map(mine.map((s) => [s.jurisdiction, s])).values()];
  useEffect(() => {
    document.title = `${t('home2.studio.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  return (
    <div data-testid="studio-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home2.studio.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home2.studio.intro')}</Typography.Paragraph>
      {studios.isLoading || !user ? (
        <Skeleton active />
      ) : studios.isError ? (
        <Alert type="error" showIcon message={t('home2.common.loadError')} description={(studios.error as Error).message} action={<Button size="small" onClick={() => studios.refetch()}>{t('home2.common.retry')}</Button>} />
      ) : mine.length === 0 ? (
        <Card>
          <Result
            status="info"
            title={t('home2.studio.empty')}
            subTitle={<div style={{ maxWidth: 560, margin: '0 auto' }}>{t('home2.studio.emptyBody')}</div>}
            extra={[
              <Button key="s" type="primary" onClick={() => navigate('/app/self-check')}>
                {t('home2.studio.selfCheck')}
              </Button>,
              <Button key="c" onClick={() => navigate('/app/applications')}>
                {t('home2.studio.calls')}
              </Button>,
            ]}
          />
        </Card>
      ) : (
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            {mine.map((s) => (
              <StudioCard key={s.id} summary={s} />
            ))}
          </Col>
          <Col xs={24} xl={10}>
            {editions.map((s) => (
              <EditionObligations key={s.jurisdiction} jurisdiction={s.jurisdiction} name={s.jurisdictionName} />
            ))}
          </Col>
        </Row>
      )}
    </div>
  );
}

/** The edition in force for the studio's jurisdiction (GET /api/policies), then its obligations. */
function EditionObligations({ jurisdiction, name }: { jurisdiction: string; name: string }) {
  const { data } = useEditions();
  const edition = data?.find((e) => e.jurisdiction === jurisdiction && e.status === 'in-force') ?? data?.find((e) => e.jurisdiction === jurisdiction);
  if (!data) return <Skeleton active />;
  if (!edition) return null;
  return <Obligations editionId={edition.id} title={`${name} ${edition.documentNumber}`} />;
}
