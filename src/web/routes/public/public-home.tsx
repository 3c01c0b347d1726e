import { Button, Card, Col, Empty, Row, Steps, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCalls } from '../../features/calls/api';
import { beijingTime, CallStatusTag, Countdown } from '../../features/calls/parts';

/** Entries to the public services of issue 3 (texts in features/calls/i18n.ts, `pubCalls.home`). */
const ENTRIES = [
  { to: '/self-check', icon: '测', key: 'selfCheck' },
  { to: '/policies/compare', icon: '比', key: 'compare' },
  { to: '/policies', icon: '文', key: 'policies' },
];

/** The districts and their documents in force (seeds/README.md). */
const DISTRICTS = [
  { name: '大兴区', doc: '京兴人社发〔2025〕21号', text: '《大兴区技能大师工作室建设管理办法》：工作室每两年评选一次、每次不超过 3 家；建设项目每年不超过 10 个，补助最高 5 万元。' },
  { name: '经开区', doc: '京技管发〔2024〕1号', text: '2026年经开区技能大师工作室认定资助办事指南：首次认定一次性资助 20 万元，取得国家级、市级称号分别奖励 20 万元、10 万元。' },
  { name: '顺义区', doc: '顺义区技能大师工作室管理办法（试行）（征求意见稿）', text: '每年认定不超过 5 家，给予 10 万元资金支持；每年 8 月底前报送材料。' },
];

export default function PublicHome() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('nav.home')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  const calls = useCalls();
  const open = (calls.data ?? []).filter((c) => c.status === 'open' || c.status === 'upcoming').sort((a, b) => a.closesAt.localeCompare(b.closesAt));
  return (
    <>
      <section className="jx-hero">
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>
          <h1>{t('home.heroTitle')}</h1>
          <p>{t('home.heroText')}</p>
        </div>
      </section>
      <main className="jx-main">
        <Row gutter={16} style={{ marginBottom: 24 }}>
          {ENTRIES.map((e) => (
            <Col xs={24} md={8} key={e.to}>
              <Link to={e.to} data-testid={`home-entry-${e.to}`}>
                <Card hoverable style={{ height: '100%' }}>
                  <Card.Meta
                    avatar={
                      <span style={{ display: 'inline-block', width: 40, height: 40, borderRadius: 8, background: '#fbeeee', color: '#a61d24', font: '600 20px/40px serif', textAlign: 'center' }}>
                        {e.icon}
                      </span>
                    }
                    title={t(`pubCalls.home.${e.key}.title`)}
                    description={t(`pubCalls.home.${e.key}.text`)}
                  />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
        <Card title={t('home.process')} style={{ marginBottom: 24 }}>
          <Steps items={(t('home.steps', { returnObjects: true }) as string[]).map((title) => ({ title, status: 'process' as const }))} />
        </Card>
        <Typography.Title level={4}>{t('home.districts')}</Typography.Title>
        <Row gutter={16} style={{ marginBottom: 24 }}>
          {DISTRICTS.map((d) => (
            <Col span={8} key={d.name}>
              <Card title={d.name} extra={<Tag color="red">{d.doc.length > 16 ? '征求意见稿' : '现行'}</Tag>} style={{ height: '100%' }}>
                <Typography.Text strong>{d.doc}</Typography.Text>
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  {d.text}
                </Typography.Paragraph>
              </Card>
            </Col>
          ))}
        </Row>
        <Card
          title={t('home.openCalls')}
          extra={
            <Link to="/calls">
              <Button type="link">{t('pubCalls.title')} →</Button>
            </Link>
          }
        >
          {open.length === 0 ? (
            <Empty description={t('home.noCalls')} />
          ) : (
            // Plain rows, not antd List: List pulls pagination and Select into the first page (≤ 300 KB, issue 8).
            open.map((c, i) => (
              <div key={c.id} style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '12px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }}>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <div>
                    <Link to={`/calls/${c.id}`} style={{ fontWeight: 600, fontSize: 15 }}>
                      {c.title}
                    </Link>{' '}
                    <CallStatusTag status={c.status} />
                  </div>
                  <Typography.Text type="secondary">
                    {t(`pubCalls.jurisdictions.${c.jurisdiction}`, { defaultValue: c.jurisdiction })} · {t(`pubCalls.programs.${c.program}`, { defaultValue: c.program })}
                  </Typography.Text>
                </div>
                <div style={{ textAlign: 'right' }}>
                  <Tag color={c.status === 'open' ? 'green' : 'blue'}>
                    {t('home.closesAt')} {beijingTime(c.closesAt)}
                  </Tag>
                  <div>{c.status === 'open' ? <Countdown to={c.closesAt} /> : <Countdown to={c.opensAt} kind="open" />}</div>
                </div>
              </div>
            ))
          )}
        </Card>
      </main>
    </>
  );
}
