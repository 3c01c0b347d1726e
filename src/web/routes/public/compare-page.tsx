import { Alert, Button, Skeleton, Space, Tag, Typography } from 'antd';
import { Fragment, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAllPolicies, type EditionDescription, type ProgramDescription, type RuleDescription } from '../../features/policies/api';
import { clausesMatching, pick } from '../../features/policies/format';
import { ArticleLink, fundingLine, StatusTag } from '../../features/policies/parts';

/**
 * The conditions compared, in this order; the clause shown in each cell is the part of the rule's own text that
 * matches the pattern (so 顺义's long 第四条（一） shows only its retirement clause in the retirement row).
 * Rows come from the rules the editions actually have; a topic only one edition has still gets its row.
 */
const TOPICS: [string, RegExp | undefined][] = [
  ['unit.located-in', /注册或经营|范围内/],
  ['leader.employed', /在职在[聘岗]/],
  ['leader.retirement-margin', /退休/],
  ['leader.frontline', /一线/],
  ['leader.skill', /技师|高级工|实操|技能等级/],
  ['leader.direct-recognition', undefined],
  ['leader.honours', undefined],
  ['leader.achievements', undefined],
  ['leader.innovation', undefined],
  ['leader.one-studio', undefined],
  ['unit.team', /\d+名以上/],
  ['unit.one-per-occupation', undefined],
  ['unit.talent-pipeline', undefined],
  ['unit.talent-system', undefined],
  ['unit.funding-and-venue', /经费|资金|场地|场所/],
  ['unit.studio-rules', /管理制度/],
  ['unit.project-services', undefined],
  ['studio.application-path', undefined],
  ['studio.not-recognized', undefined],
];
const PATTERN = new Map(TOPICS);

/** `daxing-2025.leader.skill-level` → `leader.skill` (the same condition under each edition's id). */
function topicOf(edition: EditionDescription, rule: RuleDescription): string {
  const key = rule.id.startsWith(edition.id + '.') ? rule.id.slice(edition.id.length + 1) : rule.id;
  return key === 'leader.skill-level' ? 'leader.skill' : key;
}

function mainProgram(e: EditionDescription): ProgramDescription {
  return e.programs.find((p) => p.id === 'studio-recognition') ?? e.programs[0];
}

interface Row {
  key: string;
  label: string;
  cell: (e: EditionDescription, p: ProgramDescription) => ReactNode;
}

/** /policies/compare — the three districts side by side, every cell from the policy data (GET /api/policies/:id). */
export default function ComparePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const all = useAllPolicies();
  useEffect(() => {
    document.title = `${t('pol.compare.title')} - 匠心 技能大师工作室服务平台`;
  }, [t]);

  const editions = all.data ?? [];
  const sep = lang.startsWith('en') ? '; ' : '；';
  const none = <Typography.Text type="secondary">{t('pol.compare.notRequired')}</Typography.Text>;
  const rowLabel = (key: string) => t(`pol.compare.rows.${key}`, { defaultValue: key });

  // Conditions: union of the editions' rule topics, in TOPICS order, then any others.
  const topics: string[] = [];
  const conditionRules = (e: EditionDescription) => mainProgram(e).rules.filter((r) => r.subject !== 'project');
  for (const [k] of TOPICS) if (editions.some((e) => conditionRules(e).some((r) => topicOf(e, r) === k))) topics.push(k);
  for (const e of editions) for (const r of conditionRules(e)) if (!topics.includes(topicOf(e, r))) topics.push(topicOf(e, r));

  const conditionRows: Row[] = topics.map((key) => ({
    key,
    label: rowLabel(key),
    cell: (e, p) => {
      const rules = p.rules.filter((r) => topicOf(e, r) === key);
      if (rules.length === 0) return none;
      const seen = new Set<string>();
      return rules.map((r) => {
        const clause = clausesMatching(r.text, PATTERN.get(key))
          .split('，')
          .filter((c) => (seen.has(c.replace(/。$/, '')) ? false : (seen.add(c.replace(/。$/, '')), true)))
          .join('，');
        if (!clause) return null;
        return (
          <div key={r.id} style={{ marginBottom: 4 }}>
            <ArticleLink policyId={e.id} article={r.article} inferred={r.citation.inferred} document={r.citation.document} />
            <Typography.Paragraph style={{ margin: '2px 0 0' }} ellipsis={{ rows: 4, expandable: true }}>
              {clause}
            </Typography.Paragraph>
          </div>
        );
      });
    },
  }));

  // Project conditions (大兴 第七条（三）, 第十二条 …): one row, each rule as its article and first clause.
  conditionRows.push({
    key: 'project',
    label: rowLabel('project'),
    cell: (e, p) => {
      const rules = e.programs.flatMap((x) => x.rules).filter((r, i, all) => r.subject === 'project' && all.findIndex((y) => y.id === r.id) === i);
      if (rules.length === 0) return none;
      return rules.map((r) => (
        <div key={r.id} style={{ marginBottom: 4 }}>
          <ArticleLink policyId={e.id} article={r.article} inferred={r.citation.inferred} document={r.citation.document} />{' '}
          <Typography.Text>{r.text.length > 40 ? r.text.slice(0, 40) + '…' : r.text}</Typography.Text>
        </div>
      ));
    },
  });

  const sections: { key: string; rows: Row[] }[] = [
    {
      key: 'basics',
      rows: [
        {
          key: 'document',
          label: rowLabel('document'),
          cell: (e) => (
            <>
              <div>
                <Link to={`/policies/${e.id}`}>{pick(e.title, lang)}</Link>
              </div>
              <Space size={4} style={{ marginTop: 4 }}>
                <Typography.Text strong>{e.documentNumber}</Typography.Text>
                <StatusTag status={e.status} />
              </Space>
            </>
          ),
        },
        { key: 'validity', label: rowLabel('validity'), cell: (e) => `${e.validFrom} ~ ${e.validTo ?? t('pol.common.longTerm')}` },
        {
          key: 'programs',
          label: rowLabel('programs'),
          cell: (e) =>
            e.programs.map((p) => (
              <Tag key={p.id} color="red" style={{ marginBottom: 4, whiteSpace: 'normal' }}>
                {pick(p.title, lang)}
              </Tag>
            )),
        },
      ],
    },
    { key: 'conditions', rows: conditionRows },
    {
      key: 'money',
      rows: [
        {
          key: 'funding',
          label: rowLabel('funding'),
          cell: (e, p) =>
            p.funding.map((f, i) => {
              const line = fundingLine(f, lang, t);
              return (
                <div key={i} style={{ marginBottom: 6 }}>
                  <Tag color="red">{line.label}</Tag>
                  <Typography.Text strong style={{ color: '#a61d24' }}>
                    {line.amount}
                  </Typography.Text>{' '}
                  {line.article && <ArticleLink policyId={e.id} article={line.article} />}
                </div>
              );
            }),
        },
        {
          key: 'quota',
          label: rowLabel('quota'),
          cell: (e, p) =>
            p.quota.current !== null ? (
              <Space size={4}>
                <Typography.Text strong>{t('pol.policy.quotaValue', { n: p.quota.current })}</Typography.Text>
                {p.quota.values[0] && <ArticleLink policyId={e.id} article={p.quota.values[0].citation.article} document={p.quota.values[0].citation.document} />}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('pol.policy.quotaNone')}</Typography.Text>
            ),
        },
        {
          key: 'cadence',
          label: rowLabel('cadence'),
          cell: (e, p) => (
            <>
              {pick(p.cadence.description, lang)}{' '}
              <ArticleLink policyId={e.id} article={p.cadence.citation.article} inferred={p.cadence.citation.inferred} document={p.cadence.citation.document} />
            </>
          ),
        },
        {
          key: 'otherPrograms',
          label: rowLabel('otherPrograms'),
          cell: (e, main) => {
            const others = e.programs.filter((p) => p.id !== main.id);
            if (others.length === 0) return <Typography.Text type="secondary">{t('pol.common.none')}</Typography.Text>;
            return others.map((p) => (
              <div key={p.id}>
                <Typography.Text strong>{pick(p.title, lang)}</Typography.Text>
                <div>
                  {pick(p.cadence.description, lang)}
                  {p.quota.current !== null && `${sep}${t('pol.policy.quotaValue', { n: p.quota.current })}`}
                  {p.maxDurationMonths && `${sep}${t('pol.policy.durationValue', { n: p.maxDurationMonths })}`}
                </div>
                {p.funding.map((f, i) => {
                  const line = fundingLine(f, lang, t);
                  return (
                    <div key={i}>
                      {line.label} <Typography.Text strong style={{ color: '#a61d24' }}>{line.amount}</Typography.Text>
                    </div>
                  );
                })}
              </div>
            ));
          },
        },
      ],
    },
    {
      key: 'process',
      rows: [
        {
          key: 'materials',
          label: rowLabel('materials'),
          cell: (e, p) => (
            <>
              <Typography.Text strong>{t('pol.compare.materialsCount', { n: p.materials.length })}</Typography.Text>
              <ol style={{ paddingLeft: 18, margin: '4px 0 0', fontSize: 13, color: '#595959' }}>
                {[...p.materials]
                  .sort((a, b) => a.order - b.order)
                  .map((m) => (
                    <li key={m.id}>{pick(m.title, lang)}</li>
                  ))}
              </ol>
            </>
          ),
        },
        {
          key: 'stages',
          label: rowLabel('stages'),
          cell: (e, p) => (
            <>
              <Typography.Text strong>{t('pol.compare.stagesCount', { n: p.stages.length })}</Typography.Text>
              <div style={{ marginTop: 4, lineHeight: 2 }}>
                {p.stages.map((s, i) => (
                  <Fragment key={s.id}>
                    {i > 0 && <span style={{ color: '#bfbfbf' }}> → </span>}
                    <Tag style={{ marginInlineEnd: 0 }}>{pick(s.title, lang)}</Tag>
                  </Fragment>
                ))}
              </div>
            </>
          ),
        },
        {
          key: 'notice',
          label: rowLabel('notice'),
          cell: (e, p) => {
            const c = p.noticeWorkingDays.values[0]?.citation;
            return p.noticeWorkingDays.current !== null ? (
              <Space size={4}>
                <Typography.Text strong>{t('pol.policy.noticeValue', { n: p.noticeWorkingDays.current })}</Typography.Text>
                {c && <ArticleLink policyId={e.id} article={c.article} inferred={c.inferred} document={c.document} />}
              </Space>
            ) : (
              none
            );
          },
        },
        {
          key: 'deadlines',
          label: rowLabel('deadlines'),
          cell: (e, p) => {
            const items = [
              ...(p.recurringDeadlines ?? []).map((d) => ({ id: d.id, text: pick(d.text, lang), c: d.citation })),
              ...p.stages.filter((s) => s.limit).map((s) => ({ id: s.id, text: `${pick(s.title, lang)}${t('pol.common.colon')}${pick(s.limit!.description, lang)}`, c: s.citation })),
            ];
            if (items.length === 0) return <Typography.Text type="secondary">{t('pol.common.none')}</Typography.Text>;
            return items.map((d) => (
              <div key={d.id} style={{ marginBottom: 4 }}>
                {d.text} <ArticleLink policyId={e.id} article={d.c.article} inferred={d.c.inferred} document={d.c.document} />
              </div>
            ));
          },
        },
        {
          key: 'obligations',
          label: rowLabel('obligations'),
          cell: (e) =>
            e.obligations.length === 0 ? (
              <Typography.Text type="secondary">{t('pol.common.none')}</Typography.Text>
            ) : (
              <ul style={{ paddingLeft: 18, margin: 0, fontSize: 13 }}>
                {e.obligations.map((o) => (
                  <li key={o.id}>{pick(o.text, lang)}</li>
                ))}
              </ul>
            ),
        },
      ],
    },
  ];

  return (
    <main className="jx-main" style={{ maxWidth: 1400 }}>
      <style>{`
        .jx-compare { width: 100%; border-collapse: separate; border-spacing: 0; background: #fff; border: 1px solid #f0f0f0; border-radius: 6px; }
        .jx-compare th, .jx-compare td { padding: 12px 14px; vertical-align: top; border-bottom: 1px solid #f0f0f0; text-align: left; font-size: 14px; }
        .jx-compare thead th { position: sticky; top: 0; z-index: 2; background: #fbeeee; color: #a61d24; font-size: 16px; }
        .jx-compare td.topic { width: 170px; background: #fafafa; font-weight: 600; color: #434343; }
        .jx-compare tr.section td { background: #a61d24; color: #fff; font-weight: 600; letter-spacing: 1px; padding: 8px 14px; }
        .jx-compare td + td { border-left: 1px solid #f5f5f5; }
      `}</style>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <div>
          <Typography.Title level={2} style={{ marginTop: 0 }}>
            {t('pol.compare.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('pol.compare.intro')}</Typography.Paragraph>
        </div>
        <Link to="/self-check">
          <Button type="primary">{t('pol.list.selfCheck')}</Button>
        </Link>
      </Space>
      {all.error ? (
        <Alert type="error" showIcon message={t('pol.common.loadError')} description={(all.error as Error).message} />
      ) : all.isLoading || !all.data ? (
        <Skeleton active paragraph={{ rows: 16 }} />
      ) : (
        <table className="jx-compare" data-testid="compare-table">
          <thead>
            <tr>
              <th>{t('pol.compare.topic')}</th>
              {editions.map((e) => (
                <th key={e.id} data-edition={e.id}>
                  {pick(e.jurisdictionName, lang)}
                  <div style={{ fontSize: 12, fontWeight: 400, color: '#8c8c8c' }}>{pick(mainProgram(e).title, lang)}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sections.map((s) => (
              <Fragment key={s.key}>
                <tr className="section">
                  <td colSpan={editions.length + 1}>{t(`pol.compare.sections.${s.key}`)}</td>
                </tr>
                {s.rows.map((r) => (
                  <tr key={r.key} data-testid={`compare-row-${r.key}`}>
                    <td className="topic">{r.label}</td>
                    {editions.map((e) => (
                      <td key={e.id} data-edition={e.id}>
                        {r.cell(e, mainProgram(e))}
                      </td>
                    ))}
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
