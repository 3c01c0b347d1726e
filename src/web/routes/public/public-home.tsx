import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Steps, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/http';

interface CallItem {
  id: string;
  title: string;
  policyId: string;
  closesAt: string;
  status: 'upcoming' | 'open' | 'closed';
}

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
  const calls = useQuery({ queryKey: ['calls'], queryFn: () => api<CallItem[]>('GET', '/api/calls') });
  const open = (calls.data ?? []).filter((c) => c.status === 'open');
  return (
    <>
      <section className="jx-hero">
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>
          <h1>{t('home.heroTitle')}</h1>
          <p>{t('home.heroText')}</p>
        </div>
      </section>
      <main className="jx-main">
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
        <Card title={t('home.openCalls')}>
          {open.length === 0 ? (
            <Empty description={t('home.noCalls')} />
          ) : (
            <List
              dataSource={open}
              renderItem={(c) => (
                <List.Item extra={<Tag color="green">{t('home.closesAt')} {c.closesAt.slice(0, 16).replace('T', ' ')}</Tag>}>
                  <List.Item.Meta title={c.title} description={c.policyId} />
                </List.Item>
              )}
            />
          )}
        </Card>
      </main>
    </>
  );
}
