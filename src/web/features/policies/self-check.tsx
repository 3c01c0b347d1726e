import { Alert, Button, Card, Checkbox, Col, DatePicker, Empty, Form, InputNumber, Radio, Row, Select, Skeleton, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/http';
import { useEligibility, usePolicies, usePolicy, useRetirement, type EditionDescription, type Facts, type Finding, type RuleDescription } from './api';
import { articleHref, pick, plainMessage, quotedTitles, todayBeijing } from './format';
import './i18n';

/** Every fact the eligibility check reads (DESIGN.md contract), in the order the questionnaire asks them. */
const FACT_ORDER = [
  'leader.birthDate',
  'leader.sex',
  'leader.category',
  'leader.employed',
  'leader.frontlineYears',
  'leader.occupationListed',
  'leader.hasNationalStandard',
  'leader.skillLevel',
  'leader.honours',
  'leader.leadsAnotherStudio',
  'unit.locatedIn',
  'unit.industry',
  'unit.teamFormalEmployees',
  'unit.hasTalentSystem',
  'unit.providesFundingAndVenue',
  'unit.hasStudioRules',
  'unit.sameOccupationStudioExists',
  'studio.recognized',
  'studio.applyingTogether',
  'project.stage',
  'project.category',
  'project.startDate',
  'project.endDate',
  'project.onProhibitedCatalog',
  'project.outsourced',
] as const;
type FactPath = (typeof FACT_ORDER)[number];
const GROUPS = ['leader', 'unit', 'studio', 'project'] as const;

const SKILLS = ['junior', 'intermediate', 'senior', 'technician', 'senior-technician', 'special-technician', 'chief-technician'] as const;
const NONE = '__none__';
const OUTCOME_COLOR = { pass: 'success', fail: 'error', unknown: 'warning', review: 'processing' } as const;

type Values = Record<string, Record<string, unknown> | undefined>;

/** Form answers → the contract's `facts` (dates as YYYY-MM-DD; an empty answer is left out, so it stays `unknown`). */
function toFacts(values: Values, asked: readonly string[]): Facts {
  const facts: Record<string, Record<string, unknown>> = {};
  for (const path of asked) {
    const [g, k] = path.split('.');
    let v = values?.[g]?.[k];
    if (v === undefined || v === null || v === '') continue;
    if (dayjs.isDayjs(v)) v = (v as Dayjs).format('YYYY-MM-DD');
    if (path === 'leader.honours') {
      const list = v as string[];
      if (list.length === 0) continue;
      v = list.includes(NONE) ? [] : list;
    }
    (facts[g] ??= {})[k] = v;
  }
  return facts as Facts;
}

function rulesOf(edition: EditionDescription | undefined, programId: string | undefined, asOf: string): RuleDescription[] {
  const program = edition?.programs.find((p) => p.id === programId);
  if (!edition || !program) return [];
  // A call's own conditions apply while its window contains asOf (policy/engine callOn).
  const call = edition.calls.find((c) => c.program === programId && c.opensAt.slice(0, 10) <= asOf && asOf <= c.closesAt.slice(0, 10));
  return [...program.rules, ...(call?.rules ?? [])];
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/**
 * 资格自测: the questionnaire is generated from the facts the chosen program's rules need; the answers are checked
 * by the policy engine (POST /api/eligibility/check) as they change. Used on /self-check and inside /app/self-check.
 */
export function SelfCheck({ embedded = false }: { embedded?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const policies = usePolicies();
  const policyId = params.get('policy') ?? policies.data?.[0]?.id;
  const edition = usePolicy(policyId);
  const programId = params.get('program') ?? edition.data?.programs[0]?.id;
  const [asOf, setAsOf] = useState(todayBeijing());
  const [form] = Form.useForm();
  const [values, setValues] = useState<Values>({});

  const program = edition.data?.programs.find((p) => p.id === programId);
  const rules = useMemo(() => rulesOf(edition.data, programId, asOf), [edition.data, programId, asOf]);
  const asked = useMemo(() => {
    const needed = new Set(rules.flatMap((r) => r.needs));
    return FACT_ORDER.filter((f) => needed.has(f));
  }, [rules]);

  const facts = useDebounced(useMemo(() => toFacts(values, asked), [values, asked]), 250);
  const check = useEligibility({ policyId: edition.data?.id, program: program?.id, asOf, facts });
  const findings = check.data?.findings;

  // Questions whose only rules do not apply to these answers (大兴 第十条: a recognised studio's project) are hidden.
  const visible = useMemo(() => {
    if (!findings) return asked;
    const present = new Set(findings.map((f) => f.ruleId));
    const used = new Set(rules.filter((r) => present.has(r.id) || !r.appliesWhen).flatMap((r) => r.needs));
    return asked.filter((f) => used.has(f));
  }, [asked, findings, rules]);

  const leader = values.leader ?? {};
  const birth = leader.birthDate as Dayjs | undefined;
  const retirement = useRetirement({
    birthDate: birth && dayjs.isDayjs(birth) ? birth.format('YYYY-MM-DD') : undefined,
    sex: leader.sex as string | undefined,
    category: (leader.category as string | undefined) ?? (leader.sex === 'male' ? 'worker' : undefined),
  });

  const select = (next: { policy?: string; program?: string }) => {
    const p = new URLSearchParams(params);
    if (next.policy) {
      p.set('policy', next.policy);
      p.delete('program');
    }
    if (next.program) p.set('program', next.program);
    setParams(p, { replace: true });
  };

  const honourOptions = useMemo(() => {
    if (!program) return [];
    const field = program.forms.flatMap((f) => f.sections.flatMap((s) => s.fields)).find((f) => f.key === 'honours' && f.options?.length);
    if (field?.options) return field.options.map((o) => ({ value: o.value, label: pick(o.label, lang) }));
    const titles = [...new Set(rules.filter((r) => r.needs.includes('leader.honours')).flatMap((r) => quotedTitles(r.text)))];
    return titles.map((v) => ({ value: v, label: v }));
  }, [program, rules, lang]);

  const categoryOptions = useMemo(() => {
    const field = edition.data?.programs
      .flatMap((p) => p.forms.flatMap((f) => f.sections.flatMap((s) => s.fields)))
      .find((f) => f.key === 'category' && f.options?.length);
    return (field?.options ?? []).map((o) => ({ value: o.label.zh, label: pick(o.label, lang) }));
  }, [edition.data, lang]);

  if (policies.isLoading) return <Skeleton active />;
  if (policies.error) return <Alert type="error" showIcon message={t('pol.common.loadError')} description={(policies.error as Error).message} />;

  const yesNo = (
    <Radio.Group
      optionType="button"
      options={[
        { value: true, label: t('pol.common.yes') },
        { value: false, label: t('pol.common.no') },
      ]}
    />
  );

  const input = (path: FactPath) => {
    switch (path) {
      case 'leader.birthDate':
      case 'project.startDate':
      case 'project.endDate':
        return <DatePicker style={{ width: 200 }} placeholder="YYYY-MM-DD" />;
      case 'leader.sex':
        return <Radio.Group optionType="button" options={['male', 'female'].map((v) => ({ value: v, label: t(`pol.selfCheck.options.${v}`) }))} />;
      case 'leader.category':
        return <Radio.Group optionType="button" options={['worker', 'cadre'].map((v) => ({ value: v, label: t(`pol.selfCheck.options.${v}`) }))} />;
      case 'leader.skillLevel':
        return <Select allowClear style={{ maxWidth: 280 }} placeholder={t('pol.selfCheck.short.leader.skillLevel')} options={SKILLS.map((s) => ({ value: s, label: t(`pol.selfCheck.skill.${s}`) }))} />;
      case 'leader.frontlineYears':
        return <InputNumber min={0} max={80} addonAfter={t('pol.selfCheck.options.years')} style={{ width: 160 }} />;
      case 'unit.teamFormalEmployees':
        return <InputNumber min={0} max={100000} precision={0} addonAfter={t('pol.selfCheck.options.people')} style={{ width: 160 }} />;
      case 'leader.honours':
        return (
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 6 }}
            options={[...honourOptions, { value: NONE, label: t('pol.selfCheck.options.noneOfThese') }]}
          />
        );
      case 'unit.locatedIn':
        return (
          <Select
            allowClear
            style={{ maxWidth: 280 }}
            options={[
              ...(['daxing', 'etdz', 'shunyi'] as const).map((d) => ({ value: d, label: t(`pol.selfCheck.districts.${d}`) })),
              { value: 'other', label: t('pol.selfCheck.options.otherDistrict') },
            ]}
          />
        );
      case 'unit.industry':
        return (
          <Radio.Group
            optionType="button"
            options={[
              { value: 'high-tech', label: t('pol.selfCheck.options.high') },
              { value: 'emerging', label: t('pol.selfCheck.options.emerging') },
              { value: 'other', label: t('pol.selfCheck.options.otherIndustry') },
            ]}
          />
        );
      case 'project.stage':
        return <Radio.Group optionType="button" options={['planned', 'ongoing', 'completed'].map((v) => ({ value: v, label: t(`pol.selfCheck.options.${v}`) }))} />;
      case 'project.category':
        return <Select allowClear style={{ maxWidth: 320 }} options={categoryOptions} />;
      default:
        return yesNo;
    }
  };

  const counts = { pass: 0, fail: 0, unknown: 0, review: 0 };
  for (const f of findings ?? []) counts[f.outcome]++;
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const grouped = new Map<string, Finding[]>();
  for (const f of findings ?? []) {
    const subject = ruleById.get(f.ruleId)?.subject ?? 'other';
    grouped.set(subject, [...(grouped.get(subject) ?? []), f]);
  }
  const eligible = check.data?.eligible;
  const conclusionKey = eligible === true ? 'true' : eligible === false ? 'false' : 'null';
  const answered = Object.values(facts).some((g) => g && Object.keys(g).length > 0);
  const missing = !answered ? [] : [
    ...new Set(
      (findings ?? [])
        .filter((f) => f.outcome === 'unknown')
        .flatMap((f) => ruleById.get(f.ruleId)?.needs ?? [])
        .filter((p) => visible.includes(p as FactPath) && toFactsHas(facts, p) === false),
    ),
  ];
  const msg = (f: Finding) => plainMessage(lang.startsWith('en') ? f.messageEn || f.message : f.message);
  const articleLink = (f: Finding) =>
    edition.data ? (
      <Link
        to={articleHref(edition.data.id, f.article, ruleById.get(f.ruleId)?.citation.document)}
        target={embedded ? '_blank' : undefined}
        data-testid="finding-article"
      >
        {f.article}
      </Link>
    ) : (
      f.article
    );

  return (
    <div data-testid="self-check">
      <Card style={{ marginBottom: 16 }}>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={[24, 12]} align="center">
            <Space>
              <Typography.Text strong>{t('pol.selfCheck.district')}</Typography.Text>
              <Radio.Group
                data-testid="self-check-district"
                optionType="button"
                buttonStyle="solid"
                value={policyId}
                onChange={(e) => {
                  form.resetFields();
                  setValues({});
                  select({ policy: e.target.value });
                }}
                options={(policies.data ?? []).map((p) => ({
                  value: p.id,
                  label: t(`pol.selfCheck.districts.${p.jurisdiction}`, { defaultValue: pick(p.jurisdictionName, lang) }),
                }))}
              />
            </Space>
            {edition.data && edition.data.programs.length > 0 && (
              <Space>
                <Typography.Text strong>{t('pol.selfCheck.program')}</Typography.Text>
                <Radio.Group
                  data-testid="self-check-program"
                  value={programId}
                  onChange={(e) => select({ program: e.target.value })}
                  options={edition.data.programs.map((p) => ({ value: p.id, label: pick(p.title, lang) }))}
                />
              </Space>
            )}
            <Space>
              <Typography.Text type="secondary">{t('pol.selfCheck.asOf')}</Typography.Text>
              <DatePicker allowClear={false} value={dayjs(asOf)} onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))} />
            </Space>
          </Space>
          {edition.data && (
            <Typography.Text type="secondary">
              {edition.data.documentNumber} · {pick(edition.data.title, lang)}{' '}
              {edition.data.status === 'draft' && <Tag color="orange">{t('pol.common.draft')}</Tag>}
              <Link to={`/policies/${edition.data.id}`}>{t('pol.selfCheck.seeArticle')}</Link>
            </Typography.Text>
          )}
        </Space>
      </Card>

      {edition.isLoading ? (
        <Skeleton active />
      ) : !program ? (
        <Empty description={t('pol.selfCheck.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={11}>
            <Card
              title={t('pol.selfCheck.questions')}
              extra={
                <Button
                  size="small"
                  onClick={() => {
                    form.resetFields();
                    setValues({});
                  }}
                >
                  {t('pol.selfCheck.reset')}
                </Button>
              }
            >
              <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
                {t('pol.selfCheck.questionsHint')}
              </Typography.Paragraph>
              <Form form={form} layout="vertical" onValuesChange={(_, all) => setValues({ ...(all as Values) })}>
                {GROUPS.map((g) => {
                  const qs = visible.filter((f) => f.startsWith(g + '.'));
                  if (qs.length === 0) return null;
                  return (
                    <div key={g}>
                      <Typography.Title level={5} style={{ borderLeft: '3px solid #a61d24', paddingLeft: 8, margin: '8px 0 12px' }}>
                        {t(`pol.selfCheck.groups.${g}`)}
                      </Typography.Title>
                      {qs.map((path) => {
                        const isMissing = missing.includes(path);
                        return (
                          <Form.Item
                            key={path}
                            name={path.split('.')}
                            label={t(`pol.selfCheck.q.${path}`)}
                            data-testid={`q-${path}`}
                            extra={path === 'leader.category' ? t('pol.selfCheck.options.categoryHelp') : undefined}
                            validateStatus={isMissing ? 'warning' : undefined}
                            style={{ marginBottom: 16 }}
                          >
                            {input(path)}
                          </Form.Item>
                        );
                      })}
                    </div>
                  );
                })}
              </Form>
            </Card>
          </Col>
          <Col xs={24} lg={13}>
            <div style={{ position: 'sticky', top: 16 }}>
              <Card
                title={
                  <Space>
                    {t('pol.selfCheck.results')}
                    {check.isFetching && <Spin size="small" />}
                  </Space>
                }
              >
                {check.error ? (
                  <Alert type="error" showIcon message={check.error instanceof ApiError ? check.error.message : String(check.error)} />
                ) : !check.data ? (
                  <Skeleton active />
                ) : (
                  <Space direction="vertical" size={16} style={{ width: '100%' }}>
                    <Alert
                      data-testid="self-check-conclusion"
                      type={eligible === true ? 'success' : eligible === false ? 'error' : 'warning'}
                      showIcon
                      message={<Typography.Text strong style={{ fontSize: 16 }}>{t(`pol.selfCheck.conclusion.${conclusionKey}`)}</Typography.Text>}
                      description={
                        <>
                          <div>{t(`pol.selfCheck.conclusionSub.${conclusionKey}`)}</div>
                          <Typography.Text type="secondary">{t('pol.selfCheck.counts', counts)}</Typography.Text>
                        </>
                      }
                    />
                    {retirement.data && (
                      <Alert
                        type="info"
                        data-testid="self-check-retirement"
                        message={t('pol.selfCheck.retirement')}
                        description={t('pol.selfCheck.retirementText', {
                          years: retirement.data.retirementAge.years,
                          months: retirement.data.retirementAge.months ? t('pol.selfCheck.retirementMonths', { n: retirement.data.retirementAge.months }) : '',
                          date: retirement.data.retirementDate,
                        })}
                      />
                    )}
                    {(counts.fail > 0 || missing.length > 0) && (
                      <Card size="small" type="inner" title={t('pol.selfCheck.toFix')} data-testid="self-check-to-fix">
                        {(findings ?? [])
                          .filter((f) => f.outcome === 'fail')
                          .map((f) => (
                            <div key={f.ruleId} style={{ marginBottom: 8 }}>
                              <Tag color="error">{articleLink(f)}</Tag>
                              {msg(f)}
                            </div>
                          ))}
                        {missing.length > 0 && (
                          <div>
                            <Typography.Text type="secondary">{t('pol.selfCheck.toAnswer')}{t('pol.common.colon')}</Typography.Text>
                            {missing.map((p) => (
                              <Tag key={p} color="warning" style={{ marginBottom: 4 }}>
                                {t(`pol.selfCheck.short.${p}`, { defaultValue: p })}
                              </Tag>
                            ))}
                          </div>
                        )}
                      </Card>
                    )}
                    {[...GROUPS, 'other'].map((g) => {
                      const list = grouped.get(g);
                      if (!list?.length) return null;
                      return (
                        <div key={g}>
                          <Typography.Title level={5} style={{ margin: '4px 0 8px' }}>
                            {t(`pol.subjects.${g}`)}
                          </Typography.Title>
                          {list.map((f) => (
                            <FindingRow key={f.ruleId} finding={f} message={msg(f)} link={articleLink(f)} />
                          ))}
                        </div>
                      );
                    })}
                    <Space>
                      <Link to={embedded ? '/app/applications' : '/calls'}>
                        <Button type="primary">{t('pol.selfCheck.startApplying')}</Button>
                      </Link>
                      <Link to={`/policies/${edition.data!.id}`}>
                        <Button>{t('pol.selfCheck.seeArticle')}</Button>
                      </Link>
                    </Space>
                  </Space>
                )}
              </Card>
            </div>
          </Col>
        </Row>
      )}
    </div>
  );
}

function toFactsHas(facts: Facts, path: string): boolean {
  const [g, k] = path.split('.');
  const group = (facts as Record<string, Record<string, unknown> | undefined>)[g];
  return group !== undefined && group[k] !== undefined;
}

function FindingRow({ finding, message, link }: { finding: Finding; message: string; link: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div
      data-testid={`finding-${finding.ruleId}`}
      data-outcome={finding.outcome}
      style={{ display: 'flex', gap: 12, padding: '10px 0', borderBottom: '1px solid #f0f0f0', alignItems: 'flex-start' }}
    >
      <Tag color={OUTCOME_COLOR[finding.outcome]} style={{ minWidth: 84, textAlign: 'center', marginTop: 2 }}>
        {t(`pol.outcome.${finding.outcome}`)}
      </Tag>
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ marginBottom: 2 }}>
          <Typography.Text strong style={{ marginRight: 8 }}>
            {link}
          </Typography.Text>
          <span>{message}</span>
        </div>
        {finding.text && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }} ellipsis={{ rows: 1, expandable: true, symbol: t('pol.selfCheck.ruleText') }}>
            {finding.text}
          </Typography.Paragraph>
        )}
      </div>
    </div>
  );
}
