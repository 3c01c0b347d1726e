/**
 * The policy engine: evaluates an edition's rules on an applicant's facts, validates form data against a form
 * schema, and describes an edition as plain JSON for the API. Pure: no I/O, runs in the server and the browser.
 */
import { isWithin, param } from './rules/conditions';
import { assertIsoDate, isValidIsoDate, PolicyInputError } from './rules/dates';
import { parseResidentIdNumber, validateCreditCode } from './rules/id-numbers';
import type {
  CallTemplate,
  ChangeRule,
  Citation,
  Edition,
  EligibilityResult,
  Facts,
  FieldSchema,
  Finding,
  FormIssue,
  FormSchema,
  MaterialItem,
  Obligation,
  Parameter,
  ProgramDef,
  ProgramId,
  RevocationTrigger,
  Rule,
  RuleContext,
  RuleResult,
  StageDef,
  Text,
} from './types';

// ---------------------------------------------------------------------------------------------------------
// Eligibility
// ---------------------------------------------------------------------------------------------------------

function toFinding(ruleId: string, citation: Citation, text: string, r: RuleResult): Finding {
  return {
    ruleId,
    article: citation.article,
    outcome: r.outcome,
    message: r.message.zh,
    messageEn: r.message.en,
    text,
    citation,
  };
}

function runRule(rule: Rule, facts: Facts, ctx: RuleContext): Finding {
  let r: RuleResult;
  try {
    r = rule.check(facts, ctx);
  } catch (e) {
    // A fact the shared helpers reject (e.g. a date they cannot compute with) is a fact we do not have.
    if (!(e instanceof PolicyInputError)) throw e;
    r = { outcome: 'unknown', message: { zh: e.message, en: e.messageEn } };
  }
  return toFinding(rule.id, rule.citation, rule.text, r);
}

function appliesTo(rule: Rule, facts: Facts, ctx: RuleContext): boolean {
  return rule.programs.includes(ctx.program) && (rule.applicability === undefined || rule.applicability.test(facts, ctx));
}

/** The edition's call for `program` whose application window (Asia/Shanghai dates) contains `asOf`. */
export function callOn(edition: Edition, program: ProgramId, asOf: string): CallTemplate | undefined {
  for (const call of edition.calls) {
    if (call.program === program && call.opensAt.slice(0, 10) <= asOf && asOf <= call.closesAt.slice(0, 10)) return call;
  }
  return undefined;
}

function validityOf(edition: Edition): Citation {
  return edition.validityCitation ?? { document: edition.documentNumber, article: '' };
}

function notInForce(edition: Edition, asOf: string): Finding {
  const until = edition.validTo ?? '';
  const range = until ? `${edition.validFrom}至${until}` : `${edition.validFrom}起`;
  const rangeEn = until ? `from ${edition.validFrom} to ${until}` : `from ${edition.validFrom}`;
  return toFinding(`${edition.id}.in-force`, validityOf(edition), `${edition.documentNumber} 有效期${range}`, {
    outcome: 'fail',
    message: {
      zh: `${edition.documentNumber}的有效期为${range}，${asOf}不在有效期内，不能依据本办法判断。`,
      en: `${edition.documentNumber} is in force ${rangeEn}; ${asOf} is outside that period, so it cannot be applied.`,
    },
  });
}

function draftNote(edition: Edition): Finding {
  return toFinding(`${edition.id}.draft`, validityOf(edition), `${edition.documentNumber}（征求意见稿）`, {
    outcome: 'review',
    message: {
      zh: `${edition.documentNumber}为征求意见稿，尚未正式施行；以下结论仅供参考，以正式印发的文本为准。`,
      en: `${edition.documentNumber} is a draft for comment, not yet in force; the results are indicative only.`,
    },
  });
}

function notOffered(edition: Edition, program: ProgramId): Finding {
  const offered = edition.programs.map((p) => p.title.zh).join('、');
  return toFinding(`${edition.id}.program`, { document: edition.documentNumber, article: '' }, offered, {
    outcome: 'fail',
    message: {
      zh: `${edition.documentNumber}不设“${program}”项目，可申报：${offered}。`,
      en: `${edition.documentNumber} has no "${program}" program; it offers: ${edition.programs.map((p) => p.title.en).join(', ')}.`,
    },
  });
}

/** false if any finding fails, else null if any is unknown, else true (`review` does not block). */
export function overallEligibility(findings: readonly Finding[]): boolean | null {
  let anyUnknown = false;
  for (const f of findings) {
    if (f.outcome === 'fail') return false;
    if (f.outcome === 'unknown') anyUnknown = true;
  }
  return anyUnknown ? null : true;
}

/**
 * Evaluates `program` of `edition` on `facts` as of `asOf` (YYYY-MM-DD, Asia/Shanghai date).
 *
 * - Each rule of the program that applies (its `applicability`, e.g. 大兴 第十条 via `studio.recognized` /
 *   `studio.applyingTogether`) gives one finding; a rule never guesses a missing fact (`unknown`).
 * - The call adds its own conditions (e.g. 大兴 2026 申报要求 2 and 4): `options.call` when given (the server's call,
 *   built from the edition's template with its own dates), else the edition's call whose window contains `asOf`.
 * - When `asOf` is outside the edition's validity, a failing finding `<edition>.in-force` comes first, citing the
 *   validity article and dates; the other findings are still listed, so the applicant sees the whole picture.
 * - A draft edition adds a `review` finding `<edition>.draft`: indicative only, but not blocking.
 * - A program the edition does not offer gives a single failing finding `<edition>.program`.
 *
 * Throws {@link PolicyInputError} only when `asOf` is not a valid date; any facts object (even junk) is evaluated.
 */
export function evaluateEligibility(
  edition: Edition,
  program: ProgramId,
  facts: Facts,
  asOf: string,
  options?: { call?: CallTemplate },
): EligibilityResult {
  assertIsoDate(asOf, 'asOf');
  const findings: Finding[] = [];
  const def = programOf(edition, program);
  if (def === undefined) {
    findings.push(notOffered(edition, program));
    return { eligible: false, findings, editionId: edition.id, asOf };
  }
  if (!isWithin(asOf, edition.validFrom, edition.validTo)) findings.push(notInForce(edition, asOf));
  if (edition.status === 'draft') findings.push(draftNote(edition));

  const call = options?.call ?? callOn(edition, program, asOf);
  const ctx: RuleContext = call === undefined ? { asOf, program } : { asOf, program, call };
  for (const rule of def.rules) if (appliesTo(rule, facts, ctx)) findings.push(runRule(rule, facts, ctx));
  if (call?.rules) for (const rule of call.rules) if (appliesTo(rule, facts, ctx)) findings.push(runRule(rule, facts, ctx));

  return { eligible: overallEligibility(findings), findings, editionId: edition.id, asOf };
}

function programOf(edition: Edition, program: ProgramId): ProgramDef | undefined {
  for (const p of edition.programs) if (p.id === program) return p;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Form validation
// ---------------------------------------------------------------------------------------------------------

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Mainland mobile (11 digits) or landline with optional area code and extension, e.g. 010-81298272, 81298272. */
const PHONE = /^(?:1[3-9]\d{9}|(?:0\d{2,3}-?)?\d{7,8}(?:-\d{1,6})?)$/;

function isEmpty(v: unknown): boolean {
  return (
    v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

class IssueList {
  readonly issues: FormIssue[] = [];
  add(path: string, zh: string, en: string): void {
    this.issues.push({ path, message: zh, messageEn: en });
  }
}

function checkLength(f: FieldSchema, path: string, s: string, out: IssueList): void {
  if (f.minLength === undefined && f.maxLength === undefined) return;
  const n = charCount(s.trim());
  if (f.minLength !== undefined && n < f.minLength) {
    out.add(path, `“${f.label.zh}”至少${f.minLength}个字。`, `"${f.label.en}" needs at least ${f.minLength} characters.`);
  }
  if (f.maxLength !== undefined && n > f.maxLength) {
    out.add(path, `“${f.label.zh}”不超过${f.maxLength}个字（现${n}个）。`, `"${f.label.en}" takes at most ${f.maxLength} characters (has ${n}).`);
  }
}

function checkRange(f: FieldSchema, path: string, n: number, out: IssueList): void {
  if (f.min !== undefined && n < f.min) {
    out.add(path, `“${f.label.zh}”不能小于${f.min}。`, `"${f.label.en}" cannot be less than ${f.min}.`);
  }
  if (f.max !== undefined && n > f.max) {
    out.add(path, `“${f.label.zh}”不能大于${f.max}。`, `"${f.label.en}" cannot be more than ${f.max}.`);
  }
}

function checkOption(f: FieldSchema, path: string, v: unknown, out: IssueList): void {
  if (typeof v !== 'string' || v.trim() === '') {
    out.add(path, `“${f.label.zh}”的选项应为文字。`, `"${f.label.en}" must be a text option.`);
    return;
  }
  const options = f.options ?? [];
  if (f.allowOther || options.some((o) => o.value === v)) {
    checkLength(f, path, v, out);
    return;
  }
  out.add(
    path,
    `“${f.label.zh}”的选项“${v}”无效，可选：${options.map((o) => o.label.zh).join('、')}。`,
    `"${v}" is not an option of "${f.label.en}"; choose one of: ${options.map((o) => o.label.en).join(', ')}.`,
  );
}

/** Validates one field's value; `path` is where it sits in the form data (`budget[2].amount`). */
function validateField(f: FieldSchema, path: string, v: unknown, asOf: string | undefined, out: IssueList): void {
  if (isEmpty(v)) {
    if (f.required) {
      const verb = f.type === 'select' || f.type === 'multiselect' || f.type === 'boolean' ? '请选择' : '请填写';
      out.add(path, `${verb}“${f.label.zh}”。`, `"${f.label.en}" is required.`);
    }
    return;
  }
  const zh = f.label.zh;
  const en = f.label.en;
  switch (f.type) {
    case 'text':
    case 'textarea':
      if (typeof v !== 'string') out.add(path, `“${zh}”应为文字。`, `"${en}" must be text.`);
      else checkLength(f, path, v, out);
      return;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) out.add(path, `“${zh}”应为数字。`, `"${en}" must be a number.`);
      else checkRange(f, path, v, out);
      return;
    case 'money':
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
        out.add(path, `“${zh}”应为以元为单位的非负整数金额。`, `"${en}" must be a whole, non-negative amount in CNY.`);
      } else checkRange(f, path, v, out);
      return;
    case 'date':
      if (typeof v !== 'string' || !isValidIsoDate(v)) {
        out.add(path, `“${zh}”应为有效日期（YYYY-MM-DD）。`, `"${en}" must be a valid date (YYYY-MM-DD).`);
      }
      return;
    case 'month':
      if (typeof v !== 'string' || !MONTH.test(v)) {
        out.add(path, `“${zh}”应为有效月份（YYYY-MM）。`, `"${en}" must be a valid month (YYYY-MM).`);
      }
      return;
    case 'select':
      checkOption(f, path, v, out);
      return;
    case 'multiselect': {
      if (!Array.isArray(v)) {
        out.add(path, `“${zh}”应为选项列表。`, `"${en}" must be a list of options.`);
        return;
      }
      const seen = new Set<unknown>();
      v.forEach((item, i) => {
        if (seen.has(item)) out.add(`${path}[${i}]`, `“${zh}”的选项“${String(item)}”重复。`, `"${en}" lists "${String(item)}" twice.`);
        seen.add(item);
        checkOption(f, `${path}[${i}]`, item, out);
      });
      return;
    }
    case 'boolean':
      if (typeof v !== 'boolean') out.add(path, `“${zh}”应为是或否。`, `"${en}" must be yes or no.`);
      return;
    case 'idNumber': {
      if (typeof v !== 'string') {
        out.add(path, `“${zh}”应为文字。`, `"${en}" must be text.`);
        return;
      }
      const r = parseResidentIdNumber(v, asOf);
      if (!r.ok) out.add(path, `“${zh}”：${r.message}`, `"${en}": ${r.messageEn}`);
      return;
    }
    case 'creditCode': {
      if (typeof v !== 'string') {
        out.add(path, `“${zh}”应为文字。`, `"${en}" must be text.`);
        return;
      }
      const r = validateCreditCode(v);
      if (!r.ok) out.add(path, `“${zh}”：${r.message}`, `"${en}": ${r.messageEn}`);
      return;
    }
    case 'phone':
      if (typeof v !== 'string' || !PHONE.test(v.trim())) {
        out.add(
          path,
          `“${zh}”应为11位手机号或固定电话（如010-81298272）。`,
          `"${en}" must be an 11-digit mobile or a landline number (e.g. 010-81298272).`,
        );
      }
      return;
    case 'table':
      validateTable(f, path, v, asOf, out);
      return;
  }
}

function validateTable(f: FieldSchema, path: string, v: unknown, asOf: string | undefined, out: IssueList): void {
  if (!Array.isArray(v)) {
    out.add(path, `“${f.label.zh}”应为表格行列表。`, `"${f.label.en}" must be a list of rows.`);
    return;
  }
  if (f.minRows !== undefined && v.length < f.minRows) {
    out.add(path, `“${f.label.zh}”至少填写${f.minRows}行。`, `"${f.label.en}" needs at least ${f.minRows} rows.`);
  }
  if (f.maxRows !== undefined && v.length > f.maxRows) {
    out.add(path, `“${f.label.zh}”最多${f.maxRows}行。`, `"${f.label.en}" takes at most ${f.maxRows} rows.`);
  }
  const columns = f.columns ?? [];
  v.forEach((row, i) => {
    const rowPath = `${path}[${i}]`;
    if (!isRecord(row)) {
      out.add(rowPath, `“${f.label.zh}”第${i + 1}行格式无效。`, `Row ${i + 1} of "${f.label.en}" is not valid.`);
      return;
    }
    validateFields(columns, row, `${rowPath}.`, asOf, out);
  });
}

function validateFields(
  fields: readonly FieldSchema[],
  data: Record<string, unknown>,
  prefix: string,
  asOf: string | undefined,
  out: IssueList,
): void {
  for (const key of Object.keys(data)) {
    if (!fields.some((f) => f.key === key)) {
      out.add(`${prefix}${key}`, `表单中没有“${key}”这一项。`, `The form has no field "${key}".`);
    }
  }
  for (const f of fields) validateField(f, `${prefix}${f.key}`, data[f.key], asOf, out);
}

/**
 * Validates form data against its schema: field by field (required, lengths, ranges, options unless `allowOther`,
 * dates, months, 身份证号 and 统一社会信用代码 check digits, phone numbers, table rows column by column), then the
 * form's cross-field checks. `data` is flat: one key per field across all sections; a table is an array of row
 * objects. Unknown keys are refused. `asOf` (YYYY-MM-DD) picks dated parameters in the checks (absent = the latest)
 * and rejects ID numbers born after it. Returns Chinese and English messages; empty when the data is valid.
 */
export function validateForm(form: FormSchema, data: unknown, asOf?: string): FormIssue[] {
  if (asOf !== undefined) assertIsoDate(asOf, 'asOf');
  const out = new IssueList();
  if (!isRecord(data)) {
    out.add('', `“${form.title.zh}”的数据应为对象。`, `The data of "${form.title.en}" must be an object.`);
    return out.issues;
  }
  const fields: FieldSchema[] = [];
  for (const section of form.sections) fields.push(...section.fields);
  validateFields(fields, data, '', asOf, out);
  for (const check of form.checks ?? []) {
    for (const issue of check.check(data, { asOf })) out.add(issue.path, issue.message.zh, issue.message.en);
  }
  return out.issues;
}

// ---------------------------------------------------------------------------------------------------------
// Description for the API: plain JSON, no functions
// ---------------------------------------------------------------------------------------------------------

export interface ParameterDescription<T> {
  /** The value in force on the date described (or the latest value when no date was given); null if none. */
  current: T | null;
  values: { from: string; to?: string; value: T; citation: Citation }[];
}

export interface RuleDescription {
  id: string;
  article: string;
  text: string;
  subject: Rule['subject'];
  citation: Citation;
  programs: ProgramId[];
  needs: string[];
  /** When the rule applies only in some situations (e.g. 大兴 第十条). */
  appliesWhen?: Text;
}

export type FundingDescription =
  | { kind: 'fixed'; amount: ParameterDescription<number>; when: Text }
  | { kind: 'capped'; cap: ParameterDescription<number>; when: Text; paidAfter: Text }
  | { kind: 'award'; amount: ParameterDescription<number>; when: Text; title: 'municipal' | 'national' };

export interface FormDescription {
  id: string;
  title: Text;
  citation: Citation;
  programs: ProgramId[];
  required: FormSchema['required'];
  sections: FormSchema['sections'];
  checks: { id: string; citation?: Citation; description?: Text }[];
  signatureBlock?: Text;
}

export interface ProgramDescription {
  id: ProgramId;
  title: Text;
  citation: Citation;
  cadence: ProgramDef['cadence'];
  quota: ParameterDescription<number>;
  maxDurationMonths?: number;
  funding: FundingDescription[];
  noticeWorkingDays: ParameterDescription<number>;
  stages: StageDef[];
  rules: RuleDescription[];
  materials: MaterialItem[];
  forms: FormDescription[];
  recurringDeadlines?: ProgramDef['recurringDeadlines'];
  rubric?: ProgramDef['rubric'];
  studioNameFormat?: ProgramDef['studioNameFormat'];
}

export interface CallDescription extends Omit<CallTemplate, 'rules'> {
  rules: RuleDescription[];
}

export interface EditionSummary {
  id: string;
  jurisdiction: string;
  jurisdictionName: Text;
  title: Text;
  documentNumber: string;
  validFrom: string;
  validTo?: string;
  status: Edition['status'];
  programs: { id: ProgramId; title: Text }[];
}

export interface EditionDescription extends EditionSummary {
  issuedOn?: string;
  validityCitation?: Citation;
  repeals: string[];
  basedOn: string[];
  sourceFile: string;
  relatedFiles: { title: Text; file: string }[];
  authorities: Edition['authorities'];
  programs: ProgramDescription[];
  obligations: Obligation[];
  revocationTriggers: RevocationTrigger[];
  changeRules: ChangeRule[];
  calls: CallDescription[];
}

/** A copy with no `undefined` values and no functions, so JSON.parse(JSON.stringify(x)) equals x. */
function plain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plain) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== 'function') out[k] = plain(v);
  return out as T;
}

function describeParameter<T>(p: Parameter<T>, asOf: string | undefined): ParameterDescription<T> {
  return {
    current: param(p, asOf)?.value ?? null,
    values: p.map((v) => ({ from: v.from, to: v.to, value: v.value, citation: v.citation })),
  };
}

function describeRule(r: Rule): RuleDescription {
  return {
    id: r.id,
    article: r.citation.article,
    text: r.text,
    subject: r.subject,
    citation: r.citation,
    programs: r.programs,
    needs: r.needs,
    appliesWhen: r.applicability?.when,
  };
}

function describeForm(f: FormSchema): FormDescription {
  return {
    id: f.id,
    title: f.title,
    citation: f.citation,
    programs: f.programs,
    required: f.required,
    sections: f.sections,
    checks: (f.checks ?? []).map((c) => ({ id: c.id, citation: c.citation, description: c.description })),
    signatureBlock: f.signatureBlock,
  };
}

function describeProgram(p: ProgramDef, asOf: string | undefined): ProgramDescription {
  return {
    id: p.id,
    title: p.title,
    citation: p.citation,
    cadence: p.cadence,
    quota: describeParameter(p.quota, asOf),
    maxDurationMonths: p.maxDurationMonths,
    funding: p.funding.map((f): FundingDescription => {
      switch (f.kind) {
        case 'fixed':
          return { kind: 'fixed', amount: describeParameter(f.amount, asOf), when: f.when };
        case 'capped':
          return { kind: 'capped', cap: describeParameter(f.cap, asOf), when: f.when, paidAfter: f.paidAfter };
        case 'award':
          return { kind: 'award', amount: describeParameter(f.amount, asOf), when: f.when, title: f.title };
      }
    }),
    noticeWorkingDays: describeParameter(p.noticeWorkingDays, asOf),
    stages: p.stages,
    rules: p.rules.map(describeRule),
    materials: p.materials,
    forms: p.forms.map(describeForm),
    recurringDeadlines: p.recurringDeadlines,
    rubric: p.rubric,
    studioNameFormat: p.studioNameFormat,
  };
}

/** The short form used in lists (`GET /api/policies`). */
export function summarizeEdition(edition: Edition): EditionSummary {
  return plain({
    id: edition.id,
    jurisdiction: edition.jurisdiction,
    jurisdictionName: edition.jurisdictionName,
    title: edition.title,
    documentNumber: edition.documentNumber,
    validFrom: edition.validFrom,
    validTo: edition.validTo,
    status: edition.status,
    programs: edition.programs.map((p) => ({ id: p.id, title: p.title })),
  });
}

/**
 * The whole edition as plain JSON (`GET /api/policies/:id`): programs with their dated parameters (current value
 * as of `asOf`, or the latest without it), rules (id, article, text, citation, when they apply), materials, forms
 * (checks by id and description), stages, rubric; obligations, revocation triggers, change rules and calls.
 */
export function describeEdition(edition: Edition, asOf?: string): EditionDescription {
  return plain({
    ...summarizeEdition(edition),
    issuedOn: edition.issuedOn,
    validityCitation: edition.validityCitation,
    repeals: edition.repeals ?? [],
    basedOn: edition.basedOn ?? [],
    sourceFile: edition.sourceFile,
    relatedFiles: edition.relatedFiles ?? [],
    authorities: edition.authorities,
    programs: edition.programs.map((p) => describeProgram(p, asOf)),
    obligations: edition.obligations,
    revocationTriggers: edition.revocationTriggers,
    changeRules: edition.changeRules,
    calls: edition.calls.map((c): CallDescription => ({ ...c, rules: (c.rules ?? []).map(describeRule) })),
  });
}
