import { Alert, Breadcrumb, Button, Card, Col, Descriptions, List, Result, Row, Segmented, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../lib/http';
import { usePolicy } from '../../features/policies/api';
import { pick, type Bilingual } from '../../features/policies/format';
import type { Citation } from '../../../policy/types';
import { ArticleLink, FundingList, MaterialsTable, RulesTable, StagesView, StatusTag } from '../../features/policies/parts';
import { PolicyText } from '../../features/policies/policy-text';

/** A card listing cited items (obligations, revocation triggers): each with its article link and text. */
function CitedList({ title, policyId, items, lang }: { title: string; policyId: string; items: { id: string; citation: Citation; text: Bilingual }[]; lang: string }) {
  return (
    <Card title={title} size="small">
      <List
        size="small"
        dataSource={items}
        renderItem={(o) => (
          <List.Item>
            <span>
              <ArticleLink policyId={policyId} article={o.citation.article} inferred={o.citation.inferred} document={o.citation.document} /> {pick(o.text, lang)}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}

const TABS = ['text', 'rules', 'materials', 'stages', 'funding'] as const;
type TabKey = (typeof TABS)[number];

/** /policies/:id — one edition: 原文 (anchored per article), 申报条件, 申报材料, 办理流程, 资金与名额. */
export default function PolicyPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const location = useLocation();
  const policy = usePolicy(id);
  const [tab, setTab] = useState<TabKey>('text');
  const [programId, setProgramId] = useState<string>();

  // `/policies/daxing-2025#第七条` opens the text at the article.
  useEffect(() => {
    if (location.hash) setTab('text');
  }, [location.hash]);
  useEffect(() => {
    if (policy.data) document.title = `${pick(policy.data.title, lang)} - 匠心 技能大师工作室服务平台`;
  }, [policy.data, lang]);

  if (policy.isLoading)
    return (
      <main className="jx-main">
        <Skeleton active paragraph={{ rows: 12 }} />
      </main>
    );
  if (policy.error || !policy.data) {
    const notFound = policy.error instanceof ApiError && policy.error.status === 404;
    return (
      <main className="jx-main">
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? t('pol.policy.notFound') : t('pol.common.loadError')}
          subTitle={(policy.error as Error | null)?.message}
          extra={
            <Link to="/policies">
              <Button type="primary">{t('pol.policy.back')}</Button>
            </Link>
          }
        />
      </main>
    );
  }
  const e = policy.data;
  const program = e.programs.find((p) => p.id === programId) ?? e.programs[0];
  const callRules = e.calls.filter((c) => c.program === program.id && c.rules.length > 0);
  const programSwitch =
    e.programs.length > 1 ? (
      <Segmented
        style={{ marginBottom: 16 }}
        value={program.id}
        onChange={(v) => setProgramId(String(v))}
        options={e.programs.map((p) => ({ value: p.id, label: pick(p.title, lang) }))}
      />
    ) : null;

  const items = [
    { key: 'text', label: t('pol.policy.tabs.text'), children: <PolicyText policyId={e.id} hash={tab === 'text' ? location.hash : ''} /> },
    {
      key: 'rules',
      label: t('pol.policy.tabs.rules'),
      children: (
        <>
          {programSwitch}
          <RulesTable rules={program.rules} policyId={e.id} />
          {callRules.map((c) => (
            <Card key={c.id} size="small" title={`${t('pol.policy.callRules')} · ${pick(c.title, lang)}`} style={{ marginTop: 16 }}>
              <RulesTable rules={c.rules} policyId={e.id} />
            </Card>
          ))}
        </>
      ),
    },
    {
      key: 'materials',
      label: t('pol.policy.tabs.materials'),
      children: (
        <>
          {programSwitch}
          <MaterialsTable materials={program.materials} policyId={e.id} />
        </>
      ),
    },
    {
      key: 'stages',
      label: t('pol.policy.tabs.stages'),
      children: (
        <>
          {programSwitch}
          <Card>
            <StagesView stages={program.stages} policyId={e.id} />
          </Card>
        </>
      ),
    },
    {
      key: 'funding',
      label: t('pol.policy.tabs.funding'),
      children: (
        <>
          {programSwitch}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={t('pol.policy.funding')} style={{ height: '100%' }}>
                <FundingList program={program} policyId={e.id} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('pol.policy.quota')} style={{ height: '100%' }}>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('pol.policy.quota')}>
                    {program.quota.current !== null ? (
                      <Space>
                        {t('pol.policy.quotaValue', { n: program.quota.current })}
                        {program.quota.values[0] && <ArticleLink policyId={e.id} article={program.quota.values[0].citation.article} document={program.quota.values[0].citation.document} />}
                      </Space>
                    ) : (
                      t('pol.policy.quotaNone')
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('pol.policy.cadence')}>
                    <Space>
                      {pick(program.cadence.description, lang)}
                      <ArticleLink policyId={e.id} article={program.cadence.citation.article} inferred={program.cadence.citation.inferred} document={program.cadence.citation.document} />
                    </Space>
                  </Descriptions.Item>
                  {program.maxDurationMonths && (
                    <Descriptions.Item label={t('pol.policy.duration')}>{t('pol.policy.durationValue', { n: program.maxDurationMonths })}</Descriptions.Item>
                  )}
                  <Descriptions.Item label={t('pol.policy.notice')}>
                    {program.noticeWorkingDays.current !== null ? t('pol.policy.noticeValue', { n: program.noticeWorkingDays.current }) : t('pol.common.notSet')}
                  </Descriptions.Item>
                  {(program.recurringDeadlines ?? []).map((d) => (
                    <Descriptions.Item key={d.id} label={t('pol.policy.deadlines')}>
                      {pick(d.text, lang)}
                    </Descriptions.Item>
                  ))}
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <CitedList title={t('pol.policy.obligations')} policyId={e.id} items={e.obligations} lang={lang} />
            </Col>
            <Col xs={24} lg={12}>
              <CitedList title={t('pol.policy.revocation')} policyId={e.id} items={e.revocationTriggers} lang={lang} />
            </Col>
          </Row>
        </>
      ),
    },
  ];

  return (
    <main className="jx-main" data-testid="policy-page">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/policies">{t('pol.policy.back')}</Link> }, { title: pick(e.jurisdictionName, lang) }]} />
      <Card style={{ marginBottom: 16 }}>
        <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <div>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 8 }}>
              {pick(e.title, lang)} <StatusTag status={e.status} />
            </Typography.Title>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('pol.list.documentNumber')}>{e.documentNumber}</Descriptions.Item>
              <Descriptions.Item label={t('pol.list.validity')}>
                {e.validFrom} ~ {e.validTo ?? t('pol.common.longTerm')}
                {e.validityCitation?.inferred && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    （{e.validityCitation.inferred}）
                  </Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('pol.policy.intake')}>{pick(e.authorities.intake, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('pol.policy.programDept')}>{pick(e.authorities.program, lang)}</Descriptions.Item>
              {e.authorities.window && <Descriptions.Item label={t('pol.policy.window')}>{pick(e.authorities.window, lang)}</Descriptions.Item>}
              {e.repeals.length > 0 && <Descriptions.Item label={t('pol.list.repeals')}>{e.repeals.join('、')}</Descriptions.Item>}
              {e.basedOn.length > 0 && <Descriptions.Item label={t('pol.policy.basedOn')}>{e.basedOn.join('、')}</Descriptions.Item>}
              <Descriptions.Item label={t('pol.list.programs')}>
                {e.programs.map((p) => (
                  <Tag key={p.id} color="red" style={{ whiteSpace: 'normal' }}>
                    {pick(p.title, lang)}
                  </Tag>
                ))}
              </Descriptions.Item>
            </Descriptions>
          </div>
          <Space direction="vertical">
            <Link to={`/self-check?policy=${e.id}`}>
              <Button type="primary" block>
                {t('pol.policy.toSelfCheck')}
              </Button>
            </Link>
            <Link to="/policies/compare">
              <Button block>{t('pol.policy.toCompare')}</Button>
            </Link>
          </Space>
        </Space>
      </Card>
      {e.status === 'draft' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`${e.documentNumber}：${t('pol.common.draft')}`} />}
      <Tabs activeKey={tab} onChange={(k) => setTab(k as TabKey)} items={items} />
    </main>
  );
}
