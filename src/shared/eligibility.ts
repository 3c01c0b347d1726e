import { z } from 'zod';
import { SKILL_LEVELS } from '../policy/rules/conditions';
import { isValidIsoDate } from '../policy/rules/dates';
import type { Facts, SkillLevel } from '../policy/types';

/** 'YYYY-MM-DD' naming a real calendar day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isValidIsoDate, '日期不存在（如 2025-02-30）');

const SKILL_LEVEL_VALUES = SKILL_LEVELS as readonly SkillLevel[] as [SkillLevel, ...SkillLevel[]];

export const LeaderFactsSchema = z
  .object({
    birthDate: IsoDate.optional().describe('出生日期 / date of birth (YYYY-MM-DD)'),
    sex: z.enum(['male', 'female']).optional().describe('性别 / sex'),
    category: z
      .enum(['worker', 'cadre'])
      .optional()
      .describe('人员类别：工人/干部（女职工法定退休年龄用） / worker or cadre (women’s retirement age)'),
    occupationListed: z
      .boolean()
      .optional()
      .describe(
        '职业（工种）列入《中华人民共和国职业分类大典》或人社部发布的新职业 / occupation in the national classification or a published new occupation',
      ),
    hasNationalStandard: z
      .boolean()
      .optional()
      .describe('该职业有国家职业标准 / the occupation has a national occupational standard'),
    skillLevel: z
      .enum(SKILL_LEVEL_VALUES)
      .optional()
      .describe(
        '职业资格或技能等级：初级工(五级)…高级技师(一级)、特级技师、首席技师 / skill level, junior (level 5) … senior technician (level 1), special, chief',
      ),
    frontlineYears: z
      .number()
      .min(0)
      .max(80)
      .optional()
      .describe('在生产服务一线工作年限 / years at the production or service front line'),
    employed: z.boolean().optional().describe('在职在聘 / currently employed'),
    honours: z
      .array(z.string().max(100).describe('荣誉称号，按文件写法，如“全国技术能手” / an honour as the texts write it'))
      .max(50)
      .optional()
      .describe('所获荣誉称号 / honours'),
    leadsAnotherStudio: z.boolean().optional().describe('已领办其他工作室 / already leads another studio'),
  })
  .strict()
  .describe('技能大师（领办人） / the master who leads the studio');

export const UnitFactsSchema = z
  .object({
    locatedIn: z
      .string()
      .min(1)
      .max(32)
      .optional()
      .describe('注册或经营所在区，如 daxing、etdz、shunyi / district where the unit is registered or operates'),
    teamFormalEmployees: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .optional()
      .describe('除技能大师外工作室团队正式员工人数 / formal employees in the team besides the master'),
    hasTalentSystem: z
      .boolean()
      .optional()
      .describe('已建立技能人才培养、选拔、使用、评价和激励制度 / has a system for training, selecting, using, evaluating and rewarding skilled workers'),
    providesFundingAndVenue: z
      .boolean()
      .optional()
      .describe('能提供经费、场地和设备设施 / provides funding, a venue and equipment'),
    hasStudioRules: z
      .boolean()
      .optional()
      .describe('有工作室管理制度、工作职责和目标任务 / has studio rules, duties and targets'),
    sameOccupationStudioExists: z
      .boolean()
      .optional()
      .describe('本单位（分厂、分公司）相同职业已有工作室 / the unit (branch) already has a studio for the same occupation'),
    industry: z
      .enum(['high-tech', 'emerging', 'other'])
      .optional()
      .describe('产业领域：高精尖、新兴、其他 / industry: high-tech, emerging, other'),
  })
  .strict()
  .describe('申报单位 / the applicant unit');

export const StudioFactsSchema = z
  .object({
    recognized: z
      .boolean()
      .optional()
      .describe('已被认定为本区技能大师工作室且正常运转 / already a recognised studio of this jurisdiction'),
    applyingTogether: z
      .boolean()
      .optional()
      .describe('同时申报工作室和建设项目（大兴第十条） / filing studio and project together (Daxing Art. 10)'),
  })
  .strict()
  .describe('工作室 / the studio');

export const ProjectFactsSchema = z
  .object({
    stage: z
      .enum(['planned', 'ongoing', 'completed'])
      .optional()
      .describe('实施状态：计划实施、正在实施、已完成 / planned, ongoing or completed'),
    category: z.string().min(1).max(100).optional().describe('项目类别，按文件写法 / project category as the texts write it'),
    onProhibitedCatalog: z
      .boolean()
      .optional()
      .describe('列入北京产业禁限目录 / on Beijing’s prohibited and restricted industries catalogue'),
    outsourced: z.boolean().optional().describe('委托第三方实施 / outsourced to a third party'),
    startDate: IsoDate.optional().describe('项目开始日期 / project start date (YYYY-MM-DD)'),
    endDate: IsoDate.optional().describe('项目结束日期 / project end date (YYYY-MM-DD)'),
  })
  .strict()
  .describe('建设项目 / the construction project');

export const FactsSchema = z
  .object({
    leader: LeaderFactsSchema.optional(),
    unit: UnitFactsSchema.optional(),
    studio: StudioFactsSchema.optional(),
    project: ProjectFactsSchema.optional(),
  })
  .strict()
  .describe('申报事实，均可缺省：缺少的事实使相关条件为 unknown / facts, all optional: a missing fact makes its conditions unknown');

type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Compile-time: the schema and the engine's `Facts` describe the same shape. */
export type FactsSchemaMatchesFacts = Assert<MutuallyAssignable<z.infer<typeof FactsSchema>, Facts>>;

export const CheckEligibilityRequest = z
  .object({
    policyId: z.string().min(1).max(64).describe('政策版本 ID，如 daxing-2025 / edition id, e.g. daxing-2025'),
    program: z
      .enum(['studio-recognition', 'construction-project'])
      .describe('项目：工作室认定 / 建设项目 / program: studio recognition or construction project'),
    asOf: IsoDate.describe('评估日期（北京时间） / the date to evaluate for (Asia/Shanghai)'),
    facts: FactsSchema,
  })
  .strict()
  .describe('资格自测请求 / eligibility check request');
export type CheckEligibilityRequest = z.infer<typeof CheckEligibilityRequest>;

export const EligibilityFinding = z
  .object({
    ruleId: z.string().describe('规则 ID / rule id'),
    article: z.string().describe('条款，如 第七条（一）2 / article'),
    outcome: z
      .enum(['pass', 'fail', 'unknown', 'review'])
      .describe('结论：符合、不符合、缺少信息、待评审核实 / pass, fail, unknown (fact missing), review (judged from evidence)'),
    message: z.string().describe('说明 / message (Chinese)'),
    messageEn: z.string().describe('说明（英文） / message (English)'),
    text: z.string().describe('条文原文 / the text of the article'),
  })
  .strict()
  .describe('一条规则的结论 / one rule’s finding');

export const CheckEligibilityResponse = z
  .object({
    eligible: z
      .boolean()
      .nullable()
      .describe('任一条件不符合为 false；否则有缺少信息为 null；否则 true（待评审不阻断） / false if any fails, else null if any unknown, else true'),
    findings: z.array(EligibilityFinding).describe('逐条结论 / findings, rule by rule'),
  })
  .strict()
  .describe('资格自测结果 / eligibility check result');
export type CheckEligibilityResponse = z.infer<typeof CheckEligibilityResponse>;
