/**
 * The shapes every policy edition is written in. An edition is one issued document (e.g. 京兴人社发〔2025〕21号)
 * encoded as data plus small pure functions. Nothing here does I/O: editions run in the server, the browser
 * and the tests alike.
 */

/** A bilingual text: Chinese is the source, English the translation. */
export interface Text {
  zh: string;
  en: string;
}

/** Where a rule or parameter comes from: document number and article, e.g. 京兴人社发〔2025〕21号 第七条（一）2. */
export interface Citation {
  /** Document number, e.g. `京兴人社发〔2025〕21号`. */
  document: string;
  /** Article, e.g. `第七条（一）2`. */
  article: string;
  /**
   * Set when the text is silent and the platform chose the closest district's practice
   * (seeds/README.md): says which practice and why.
   */
  inferred?: string;
}

export type JurisdictionId = 'daxing' | 'etdz' | 'shunyi' | (string & {});
export type ProgramId = 'studio-recognition' | 'construction-project';

/** A value that changes over time, each value with its validity dates (as OpenFisca parameters do). */
export interface DatedValue<T> {
  /** First day in force, YYYY-MM-DD inclusive. */
  from: string;
  /** Last day in force, YYYY-MM-DD inclusive; absent = open-ended. */
  to?: string;
  value: T;
  citation: Citation;
}
export type Parameter<T> = DatedValue<T>[];

// ---------------------------------------------------------------------------------------------------------
// Facts: what an applicant tells the eligibility check. Every field optional: a missing fact gives `unknown`.
// (The zod schema in src/shared/eligibility.ts validates the same shape at the API boundary.)
// ---------------------------------------------------------------------------------------------------------

export type SkillLevel =
  | 'junior' // 初级工 / 五级
  | 'intermediate' // 中级工 / 四级
  | 'senior' // 高级工 / 三级
  | 'technician' // 技师 / 二级
  | 'senior-technician' // 高级技师 / 一级
  | 'special-technician' // 特级技师
  | 'chief-technician'; // 首席技师

export interface Facts {
  leader?: {
    birthDate?: string;
    sex?: 'male' | 'female';
    category?: 'worker' | 'cadre';
    occupationListed?: boolean;
    hasNationalStandard?: boolean;
    skillLevel?: SkillLevel;
    frontlineYears?: number;
    employed?: boolean;
    honours?: string[];
    leadsAnotherStudio?: boolean;
  };
  unit?: {
    locatedIn?: JurisdictionId;
    teamFormalEmployees?: number;
    hasTalentSystem?: boolean;
    providesFundingAndVenue?: boolean;
    hasStudioRules?: boolean;
    sameOccupationStudioExists?: boolean;
    industry?: 'high-tech' | 'emerging' | 'other';
  };
  studio?: {
    recognized?: boolean;
    applyingTogether?: boolean;
  };
  project?: {
    stage?: 'planned' | 'ongoing' | 'completed';
    category?: string;
    onProhibitedCatalog?: boolean;
    outsourced?: boolean;
    startDate?: string;
    endDate?: string;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------------------

/**
 * pass / fail / unknown (a fact it needs is missing) / review (judged from evidence by the desk or the experts;
 * the message says what evidence).
 */
export type Outcome = 'pass' | 'fail' | 'unknown' | 'review';

export interface RuleContext {
  /** The date evaluation is for, YYYY-MM-DD (Asia/Shanghai calendar date). */
  asOf: string;
  program: ProgramId;
  /** The call (申报批次) being evaluated for, when known: its own conditions and dates (e.g. projects close by). */
  call?: CallTemplate;
}

export interface RuleResult {
  outcome: Outcome;
  message: Text;
}

export interface Rule {
  /** Stable id, e.g. `daxing-2025.leader.employed`. */
  id: string;
  citation: Citation;
  /** What the text says, quoted (Chinese) — shown next to the outcome. */
  text: string;
  /** Who the condition is about. */
  subject: 'leader' | 'unit' | 'studio' | 'project';
  /** Programs the rule applies to. */
  programs: ProgramId[];
  /** Fact paths the rule reads, e.g. `leader.birthDate` — used to explain `unknown`. */
  needs: string[];
  /**
   * When the rule applies only in some situations (大兴 第十条: studio conditions apply to a project application
   * only when the studio is not yet recognised). Absent = always applies to its programs.
   */
  applicability?: { when: Text; test(facts: Facts, ctx: RuleContext): boolean };
  check(facts: Facts, ctx: RuleContext): RuleResult;
}

export interface Finding {
  ruleId: string;
  article: string;
  outcome: Outcome;
  message: string;
  messageEn: string;
  text: string;
  citation: Citation;
}

export interface EligibilityResult {
  /** false if any rule fails, else null if any is unknown, else true (`review` does not block). */
  eligible: boolean | null;
  findings: Finding[];
  editionId: string;
  asOf: string;
}

// ---------------------------------------------------------------------------------------------------------
// Forms: declarative schemas rendered by the web app and validated by the server with the same function.
// ---------------------------------------------------------------------------------------------------------

export type FieldType =
  | 'text'
  | 'textarea'
  | 'number'
  | 'money' // CNY, integer yuan
  | 'date'
  | 'month' // YYYY-MM
  | 'select'
  | 'multiselect'
  | 'boolean'
  | 'idNumber' // 身份证号, GB 11643
  | 'creditCode' // 统一社会信用代码, GB 32100
  | 'phone'
  | 'table'; // repeated rows of `columns`

export interface FieldSchema {
  key: string;
  label: Text;
  type: FieldType;
  required?: boolean;
  /** Help text under the field (often the form's own hint, e.g. 附件1's 主要包括：…). */
  help?: Text;
  options?: { value: string; label: Text }[];
  /** Select fields: whether a value outside `options` is allowed (the text says 主要包括 = "mainly"). */
  allowOther?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  /** For `table`: the columns of each row, and row count limits. */
  columns?: FieldSchema[];
  minRows?: number;
  maxRows?: number;
}

export interface FormSectionSchema {
  key: string;
  title: Text;
  fields: FieldSchema[];
}

/** A cross-field check, e.g. the 经费计划 lines add up to the requested amount. */
export interface FormCheck {
  id: string;
  citation?: Citation;
  /** What the check verifies, for the form's description. */
  description?: Text;
  /**
   * Returns the field path and a message for each problem; empty when the data is consistent. `asOf` picks dated
   * parameters (e.g. the subsidy cap); absent = the latest value.
   */
  check(data: Record<string, unknown>, ctx?: { asOf?: string }): { path: string; message: Text }[];
}

export interface FormSchema {
  /** Stable id within the edition, e.g. `work-plan`. */
  id: string;
  title: Text;
  citation: Citation;
  /** Which programs (and, for 大兴 第十条, which applicant situation) need the form. */
  programs: ProgramId[];
  required: boolean | 'new-studio-only';
  sections: FormSectionSchema[];
  checks?: FormCheck[];
  /** The form has a block to be signed / stamped on paper. */
  signatureBlock?: Text;
}

export interface FormIssue {
  path: string;
  message: string;
  messageEn: string;
}

// ---------------------------------------------------------------------------------------------------------
// Materials, stages, money, obligations, revocation
// ---------------------------------------------------------------------------------------------------------

export interface MaterialItem {
  /** Stable id within the edition, e.g. `business-licence`. */
  id: string;
  /** Position in the text's list (1-based). */
  order: number;
  title: Text;
  citation: Citation;
  programs: ProgramId[];
  /** true, false, or a condition in words (e.g. only when the master holds honours). */
  required: true | false | 'new-studio-only';
  condition?: Text;
  /** How it is supplied: filled online from a form, uploaded scan, chosen electronic licence. */
  supply: 'online-form' | 'upload' | 'e-licence';
  /** The form it is produced from, when supply = online-form or a template must be filled. */
  formId?: string;
  formats: ('pdf' | 'jpg' | 'png')[];
  stamped?: boolean; // 加盖公章
  signed?: boolean; // 签字
  colourScan?: boolean; // 彩色扫描
  original?: boolean; // 原件
  /** A template the applicant downloads, fills and uploads. */
  template?: Text;
  maxFiles?: number;
  notes?: Text;
}

/** A workflow stage, in the order the text lists them. */
export interface StageDef {
  id: string;
  title: Text;
  citation: Citation;
  /** Which desk acts at this stage. */
  actor: 'applicant' | 'intake' | 'program' | 'expert' | 'public' | 'finance';
  /** What happens at the stage, in the text's words. */
  description?: Text;
  /** Working-day or calendar limits of the stage, if the text sets one. */
  limit?: { days: number; unit: 'working-days' | 'calendar-days'; description: Text };
}

export type FundingRule =
  | { kind: 'fixed'; amount: Parameter<number>; when: Text }
  | { kind: 'capped'; cap: Parameter<number>; when: Text; paidAfter: Text }
  | { kind: 'award'; amount: Parameter<number>; when: Text; title: 'municipal' | 'national' };

export interface Obligation {
  id: string;
  citation: Citation;
  text: Text;
  /** Recurs yearly and is due on MM-DD of the year (e.g. '12-31'); or a fixed date. */
  due?: { yearly: string } | { date: string };
  /** A measurable minimum, e.g. ≥100 person-times a year. */
  minimum?: { quantity: number; unit: Text };
}

export interface RevocationTrigger {
  id: string;
  citation: Citation;
  text: Text;
  /** Whether the daily check can detect it from records, or an officer must record a finding. */
  detection: 'automatic' | 'officer-finding';
  /** For an automatic trigger: what the records must show, in words (where the text is silent, marked inferred). */
  definition?: Text;
}

export interface ChangeRule {
  id: string;
  citation: Citation;
  kind: 'leader-unable' | 'leader-replaced' | 'leader-retirement-extension' | 'unit-renamed' | 'unit-moved';
  text: Text;
  /** What the unit must submit. */
  requires: Text;
  /** A new leader means a new application under the edition's conditions. */
  requiresNewApplication?: boolean;
}

/**
 * How the review of a program runs (expert panel, avoidance, scoring). The texts name the criteria but not these
 * procedural numbers; each edition states its values with an inferred citation (seeds/README: closest practice).
 */
export interface ReviewRules {
  /** Experts who score each application (≥3 by default). */
  expertsPerApplication: number;
  /** Experts drawn per call panel when the officer does not choose another size. */
  panelSize: number;
  /** An expert avoids applications of a unit they worked for within this many years (回避). */
  formerEmployerAvoidanceYears: number;
  /** How the experts' totals are combined: plain mean, or dropping the highest and lowest when ≥ 5 scores. */
  aggregation: 'mean' | 'trimmed-mean';
  /** A criterion scored below / at or above these shares of its maximum needs a comment. */
  extremeScore: { below: number; atLeast: number };
  /** An expert's total (0–100) this many points from the median of the others is flagged to the officer. */
  outlierPoints: number;
  citation: Citation;
}

export interface ProgramDef {
  id: ProgramId;
  title: Text;
  citation: Citation;
  /** How often rounds run. */
  cadence: { everyYears: number; citation: Citation; description: Text };
  /** Most recognitions/projects per round. */
  quota: Parameter<number>;
  /** Longest project period in months (construction projects). */
  maxDurationMonths?: number;
  funding: FundingRule[];
  /** Working days of the public notice (公示). */
  noticeWorkingDays: Parameter<number>;
  stages: StageDef[];
  rules: Rule[];
  materials: MaterialItem[];
  forms: FormSchema[];
  /** Deadlines that recur (e.g. 顺义 materials by end of August), as MM-DD. */
  recurringDeadlines?: { id: string; monthDay: string; text: Text; citation: Citation }[];
  /** Scoring criteria for experts (rubric), when the text names them. */
  rubric?: { id: string; title: Text; weight: number; max: number; citation: Citation }[];
  /** Expert review procedure (panel, avoidance, scoring). */
  review: ReviewRules;
  /** The name format of a recognised studio, e.g. 大兴区+技能大师姓名+职业名称+技能大师工作室. */
  studioNameFormat?: { template: string; citation: Citation };
}

export interface CallTemplate {
  /** A round the documents announce, e.g. the 2026 大兴 project round of the 2026-06-08 notice. */
  id: string;
  program: ProgramId;
  title: Text;
  year: number;
  /** Asia/Shanghai local date-times, 'YYYY-MM-DDTHH:mm'. */
  opensAt: string;
  closesAt: string;
  /** Projects must close by (大兴 2026: end of October). */
  projectsCloseBy?: string;
  citation: Citation;
  contacts: { name?: string; phone: string; address?: string; hours?: string }[];
  /** Conditions the call's own notice adds to the edition's rules (e.g. 大兴 2026 申报要求 2 and 4). */
  rules?: Rule[];
}

export interface Edition {
  /** e.g. `daxing-2025`. */
  id: string;
  jurisdiction: JurisdictionId;
  jurisdictionName: Text;
  title: Text;
  /** Document number, e.g. 京兴人社发〔2025〕21号. */
  documentNumber: string;
  issuedOn?: string;
  /** In force, inclusive. */
  validFrom: string;
  validTo?: string;
  /** The article that sets the validity dates (e.g. 京兴人社发〔2025〕21号 第二十一条). */
  validityCitation?: Citation;
  status: 'in-force' | 'draft' | 'repealed';
  repeals?: string[];
  /** Based on (e.g. 京人社能发〔2023〕3号, 京技管发〔2024〕1号). */
  basedOn?: string[];
  /** The file holding the document's text (under policy-texts/), for the policy page. */
  sourceFile: string;
  /** Other texts the edition draws on, e.g. a round's notice with its 附件. */
  relatedFiles?: { title: Text; file: string }[];
  authorities: { intake: Text; program: Text; finance?: Text; window?: Text };
  programs: ProgramDef[];
  obligations: Obligation[];
  revocationTriggers: RevocationTrigger[];
  changeRules: ChangeRule[];
  calls: CallTemplate[];
  /** What the edition's funds may be spent on (大兴 第十五条; 顺义 第八条); absent where the text says nothing (经开区). */
  fundUse?: FundUseRule;
}

/**
 * How a district's text says its money is used: the spending categories it names and whether fixed assets must be
 * registered (登记造册). Spending of a district without one records free budget lines, uncategorised.
 */
export interface FundUseRule {
  citation: Citation;
  text: Text;
  /** In the text's order; `id` is stored on each expenditure. */
  categories: { id: string; name: Text }[];
  /** 涉及固定资产的，按照固定资产财务管理办法登记造册. */
  fixedAssetRegister: boolean;
}
