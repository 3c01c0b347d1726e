import { Space, Steps, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProgramDescription, RuleDescription } from './api';
import { articleHref, money, pick } from './format';
import './i18n';

type Material = ProgramDescription['materials'][number];
type Stage = ProgramDescription['stages'][number];
type Funding = ProgramDescription['funding'][number];

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  if (status === 'draft') return <Tag color="orange">{t('pol.common.draft')}</Tag>;
  if (status === 'repealed') return <Tag>{t('pol.common.repealed')}</Tag>;
  return <Tag color="green">{t('pol.common.inForce')}</Tag>;
}

/** An article that links to its place in the policy text; the platform's inferences show as a tooltip. */
export function ArticleLink({ policyId, article, inferred, document }: { policyId: string; article: string; inferred?: string; document?: string }) {
  const { t } = useTranslation();
  const link = (
    <Link to={articleHref(policyId, article, document)} style={{ whiteSpace: 'nowrap' }}>
      {article}
    </Link>
  );
  return inferred ? (
    <Tooltip title={t('pol.common.inferred') + inferred}>
      <span>
        {link}
        <Typography.Text type="warning"> *</Typography.Text>
      </span>
    </Tooltip>
  ) : (
    link
  );
}

/** One funding line: 一次性资助 20万元 / 最高补助 5万元 / 国家级奖励 20万元, with the text's own words. */
export function fundingLine(f: Funding, lang: string, t: (k: string, o?: Record<string, unknown>) => string) {
  switch (f.kind) {
    case 'fixed':
      return { label: t('pol.policy.fundingFixed'), amount: money(f.amount.current, lang), when: pick(f.when, lang), article: f.amount.values[0]?.citation.article };
    case 'capped':
      return {
        label: t('pol.policy.fundingCapped'),
        amount: money(f.cap.current, lang),
        when: `${pick(f.when, lang)}。${pick(f.paidAfter, lang)}`,
        article: f.cap.values[0]?.citation.article,
      };
    case 'award':
      return {
        label: t('pol.policy.fundingAward', { title: t(`pol.policy.${f.title}`) }),
        amount: money(f.amount.current, lang),
        when: pick(f.when, lang),
        article: f.amount.values[0]?.citation.article,
      };
  }
}

export function FundingList({ program, policyId }: { program: ProgramDescription; policyId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      {program.funding.map((f, i) => {
        const line = fundingLine(f, i18n.language, t);
        return (
          <div key={i}>
            <Space size={8} wrap>
              <Tag color="red">{line.label}</Tag>
              <Typography.Text strong style={{ fontSize: 16, color: '#a61d24' }}>
                {line.amount}
              </Typography.Text>
              {line.article && <ArticleLink policyId={policyId} article={line.article} />}
            </Space>
            <div>
              <Typography.Text type="secondary">{line.when}</Typography.Text>
            </div>
          </div>
        );
      })}
    </Space>
  );
}

export function RulesTable({ rules, policyId }: { rules: RuleDescription[]; policyId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<RuleDescription>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={rules}
      columns={[
        {
          title: t('pol.policy.ruleArticle'),
          dataIndex: 'article',
          width: 150,
          render: (_, r) => <ArticleLink policyId={policyId} article={r.article} inferred={r.citation.inferred} document={r.citation.document} />,
        },
        {
          title: t('pol.policy.ruleText'),
          dataIndex: 'text',
          render: (_, r) => (
            <>
              <Typography.Paragraph style={{ marginBottom: r.appliesWhen ? 4 : 0 }} ellipsis={{ rows: 3, expandable: true }}>
                {r.text}
              </Typography.Paragraph>
              {r.appliesWhen && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('pol.policy.ruleWhen')}{t('pol.common.colon')}{pick(r.appliesWhen, i18n.language)}
                </Typography.Text>
              )}
            </>
          ),
        },
        {
          title: t('pol.policy.ruleChecks'),
          dataIndex: 'needs',
          width: 240,
          render: (_, r) =>
            r.needs.length === 0 ? (
              <Tag color="processing">{t('pol.policy.reviewOnly')}</Tag>
            ) : (
              <Space size={[4, 4]} wrap>
                {r.needs.map((n) => (
                  <Tag key={n}>{t(`pol.selfCheck.short.${n}`, { defaultValue: n })}</Tag>
                ))}
              </Space>
            ),
        },
      ]}
    />
  );
}

export function MaterialsTable({ materials, policyId }: { materials: Material[]; policyId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table<Material>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={materials}
      columns={[
        { title: '#', key: 'n', width: 48, render: (_, _m, i) => i + 1 },
        {
          title: t('pol.policy.materialTitle'),
          dataIndex: 'title',
          render: (_, m) => (
            <>
              <Typography.Text strong>{pick(m.title, lang)}</Typography.Text>
              {m.condition && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {pick(m.condition, lang)}
                  </Typography.Text>
                </div>
              )}
              {m.notes && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {pick(m.notes, lang)}
                  </Typography.Text>
                </div>
              )}
            </>
          ),
        },
        {
          title: t('pol.policy.materialReq'),
          width: 300,
          render: (_, m) => (
            <Space size={[4, 4]} wrap>
              {m.required === true ? (
                <Tag color="red">{t('pol.policy.required')}</Tag>
              ) : m.required === 'new-studio-only' ? (
                <Tag color="volcano">{t('pol.policy.newStudioOnly')}</Tag>
              ) : (
                <Tag>{t('pol.policy.optional')}</Tag>
              )}
              <Tag color="blue">{t(`pol.policy.${m.supply === 'online-form' ? 'onlineForm' : m.supply === 'e-licence' ? 'eLicence' : 'upload'}`)}</Tag>
              {m.stamped && <Tag color="gold">{t('pol.policy.stamped')}</Tag>}
              {m.signed && <Tag color="gold">{t('pol.policy.signed')}</Tag>}
              {m.colourScan && <Tag color="purple">{t('pol.policy.colourScan')}</Tag>}
              {m.original && <Tag color="purple">{t('pol.policy.original')}</Tag>}
              {m.template && <Tag color="cyan">{t('pol.policy.template', { name: pick(m.template, lang) })}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.formats.map((f) => f.toUpperCase()).join(' / ')}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t('pol.policy.ruleArticle'),
          width: 130,
          render: (_, m) => <ArticleLink policyId={policyId} article={m.citation.article} inferred={m.citation.inferred} document={m.citation.document} />,
        },
      ]}
    />
  );
}

export function StagesView({ stages, policyId, compact = false }: { stages: Stage[]; policyId: string; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Steps
      direction="vertical"
      size={compact ? 'small' : 'default'}
      current={-1}
      items={stages.map((s) => ({
        status: 'process' as const,
        title: (
          <Space size={8} wrap>
            <span>{pick(s.title, lang)}</span>
            <Tag>{t(`pol.policy.actor.${s.actor}`)}</Tag>
            {!compact && <ArticleLink policyId={policyId} article={s.citation.article} inferred={s.citation.inferred} document={s.citation.document} />}
          </Space>
        ),
        description: compact ? undefined : (
          <>
            {s.description && <div>{pick(s.description, lang)}</div>}
            {s.limit && (
              <Typography.Text type="warning">
                {t('pol.policy.limit')}{t('pol.common.colon')}{pick(s.limit.description, lang)}
              </Typography.Text>
            )}
          </>
        ),
      }))}
    />
  );
}
