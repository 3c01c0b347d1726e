import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAllPolicies } from '../../features/policies/api';
import { pick } from '../../features/policies/format';
import { StatusTag } from '../../features/policies/parts';

/** /policies — the three editions as cards (issue 3: a policy page per edition). */
export default function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const all = useAllPolicies();
  useEffect(() => {
    document.title = `${t('pol.list.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);
  return (
    <main className="jx-main">
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('pol.list.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('pol.list.intro')}</Typography.Paragraph>
      {all.error ? (
        <Alert type="error" showIcon message={t('pol.common.loadError')} description={(all.error as Error).message} />
      ) : all.isLoading || !all.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Row gutter={[16, 16]}>
          {all.data.map((e) => (
            <Col xs={24} md={12} xl={8} key={e.id}>
              <Card
                data-testid={`policy-card-${e.id}`}
                title={
                  <Space>
                    <span>{t(`pol.selfCheck.districts.${e.jurisdiction}`, { defaultValue: pick(e.jurisdictionName, lang) })}</span>
                    <StatusTag status={e.status} />
                  </Space>
                }
                style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
                styles={{ body: { flex: 1, display: 'flex', flexDirection: 'column' } }}
              >
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  <Link to={`/policies/${e.id}`}>{pick(e.title, lang)}</Link>
                </Typography.Title>
                <Descriptions column={1} size="small" style={{ flex: 1 }} styles={{ content: { wordBreak: 'break-word', minWidth: 0 } }}>
                  <Descriptions.Item label={t('pol.list.documentNumber')}>{e.documentNumber}</Descriptions.Item>
                  <Descriptions.Item label={t('pol.list.issuer')}>
                    {[e.authorities.program, e.authorities.finance].filter(Boolean).map((a) => pick(a, lang)).join(lang.startsWith('en') ? '; ' : '、')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('pol.list.validity')}>
                    {e.validFrom} ~ {e.validTo ?? t('pol.common.longTerm')}
                  </Descriptions.Item>
                  {e.repeals.length > 0 && <Descriptions.Item label={t('pol.list.repeals')}>{e.repeals.join('、')}</Descriptions.Item>}
                  <Descriptions.Item label={t('pol.list.programs')}>
                    <Space size={[4, 4]} wrap>
                      {e.programs.map((p) => (
                        <Tag key={p.id} color="red" style={{ whiteSpace: 'normal' }}>
                          {pick(p.title, lang)}
                        </Tag>
                      ))}
                    </Space>
                  </Descriptions.Item>
                </Descriptions>
                <Space style={{ marginTop: 12 }}>
                  <Link to={`/policies/${e.id}`}>
                    <Button type="primary">{t('pol.list.open')}</Button>
                  </Link>
                  <Link to={`/self-check?policy=${e.id}`}>
                    <Button>{t('pol.list.selfCheck')}</Button>
                  </Link>
                </Space>
              </Card>
            </Col>
          ))}
          <Col span={24}>
            <Card>
              <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
                <div>
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    {t('pol.list.compare')}
                  </Typography.Title>
                  <Typography.Text type="secondary">{t('pol.list.compareText')}</Typography.Text>
                </div>
                <Link to="/policies/compare">
                  <Button type="primary" ghost>
                    {t('pol.list.compare')}
                  </Button>
                </Link>
              </Space>
            </Card>
          </Col>
        </Row>
      )}
    </main>
  );
}
