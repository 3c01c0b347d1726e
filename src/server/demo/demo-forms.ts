import { creditCodeCheckChar, residentIdCheckChar } from '../../policy/rules/id-numbers';

/**
 * The form data of demo applications, shared by the intake demo (open rounds) and the review demo (rounds in
 * review): one builder per edition's forms, so both fill them the same way.
 */

/** The unit fields the demo forms print. */
export interface DemoFormUnit {
  name: string;
  creditCode: string;
  address: string;
  contactName: string;
  contactPhone: string;
  legalRepresentative: string;
}

/** 'YYYY-MM' n months later. */
export const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
/** The last calendar day of 'YYYY-MM'. */
export const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** A 统一社会信用代码 with its GB 32100 check character. */
export const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17);
/** A 公民身份号码 with its GB 11643 check character; the 17th digit is odd for men, even for women. */
export const idNumber = (region: string, birth: string, seq: string) => {
  const first17 = region + birth.replaceAll('-', '') + seq;
  return first17 + residentIdCheckChar(first17);
};

// ----- 大兴 construction project (京兴人社发〔2025〕21号; 2026 notice 附件1 工作计划书, 附件2 承诺书) -----

export interface DaxingProject {
  projectName: string;
  category: string;
  workObjects: string[];
  outcomeName: string;
  expectedGoals: string;
  phases: [string, number, number, string][];
  supervision: string;
  budget: [string, string, number][];
  necessity: string;
  feasibility: string;
  budgetRationale: string;
  benefits: string;
  evaluation: string;
  oversight: string;
}

export function daxingProjectForms(unit: DemoFormUnit, p: DaxingProject, signedOn: string, firstMonth: string) {
  const budget = p.budget.map(([purpose, detail, amount]) => ({ purpose, detail, amount }));
  return {
    'work-plan': {
      unitName: unit.name,
      submittedOn: signedOn,
      projectName: p.projectName,
      category: p.category,
      workObjects: p.workObjects,
      outcomeName: p.outcomeName,
      expectedGoals: p.expectedGoals,
      schedule: p.phases.map(([phase, from, to, content]) => ({ phase, startMonth: addMonths(firstMonth, from), endMonth: addMonths(firstMonth, to), content })),
      supervision: p.supervision,
      budget,
      // 第十四条 / 2026 notice 三（六）: at most 50,000 CNY; the lines add up to the amount requested.
      requestedAmount: budget.reduce((s, b) => s + b.amount, 0),
    },
    'project-proposal': {
      projectName: p.projectName,
      necessity: p.necessity,
      feasibility: p.feasibility,
      budgetRationale: p.budgetRationale,
      benefits: p.benefits,
      evaluation: p.evaluation,
      oversight: p.oversight,
    },
    commitment: { scope: '工作室建设项目', unitName: unit.name, legalRepresentative: unit.legalRepresentative, signedOn },
  } as Record<string, Record<string, unknown>>;
}

// ----- 经开区 studio recognition (京技管发〔2024〕1号; 2026 办事指南 申报表, 承诺书, 银行账户信息) -----

export interface EtdzStudio {
  leaderName: string;
  id: [string, string, string];
  mobile: string;
  occupation: string;
  skillLevel: string;
  certificateNumber: string;
  post: string;
  frontlineYears: number;
  honours: string[];
  innovations?: string;
  studioName: string;
  direction: string;
  targets: string;
  support: string;
  talentPipeline: string;
  team: [string, [string, string, string], string, string][];
}

export function etdzStudioForms(unit: DemoFormUnit, s: EtdzStudio, signedOn: string, bank: { bankName: string; accountNumber: string }) {
  return {
    'studio-application': {
      unitName: unit.name,
      creditCode: unit.creditCode,
      unitType: '企业',
      unitAddress: unit.address,
      contactName: unit.contactName,
      contactPhone: unit.contactPhone,
      leaderName: s.leaderName,
      idNumber: idNumber(...s.id),
      mobile: s.mobile,
      occupation: s.occupation,
      occupationListed: true,
      skillLevel: s.skillLevel,
      certificateNumber: s.certificateNumber,
      post: s.post,
      frontlineYears: s.frontlineYears,
      honours: s.honours,
      ...(s.innovations ? { innovations: s.innovations } : {}),
      studioName: s.studioName,
      direction: s.direction,
      targets: s.targets,
      support: s.support,
      talentPipeline: s.talentPipeline,
      team: s.team.map(([name, id, occupation, qualification]) => ({ name, idNumber: idNumber(...id), occupation, qualification, formalEmployee: true })),
    },
    commitment: { unitName: unit.name, creditCode: unit.creditCode, legalRepresentative: unit.legalRepresentative, signedOn },
    'bank-account': { accountName: unit.name, ...bank },
  } as Record<string, Record<string, unknown>>;
}

// ----- 顺义 studio recognition (管理办法（试行）征求意见稿 附件1 申报表) -----

export interface ShunyiStudio {
  name: string;
  id: [string, string, string];
  ethnicity: string;
  politicalStatus: string;
  education: string;
  occupation: string;
  skillLevel: string;
  position: string;
  workStart: string;
  mobile: string;
  studioName: string;
  unitSupport: string;
  direction: string;
  unitOpinion: string;
}

export function shunyiStudioForm(unit: DemoFormUnit, s: ShunyiStudio, filledOn: string) {
  const id = idNumber(...s.id);
  return {
    unitName: unit.name,
    studioName: s.studioName,
    filledOn,
    name: s.name,
    sex: Number(id[16]) % 2 === 1 ? '男' : '女',
    ethnicity: s.ethnicity,
    birthMonth: s.id[1].slice(0, 7),
    politicalStatus: s.politicalStatus,
    education: s.education,
    occupation: s.occupation,
    skillLevel: s.skillLevel,
    position: s.position,
    workStart: s.workStart,
    idNumber: id,
    officePhone: unit.contactPhone,
    mobile: s.mobile,
    unitSupport: s.unitSupport,
    direction: s.direction,
    unitOpinion: s.unitOpinion,
  } as Record<string, unknown>;
}
