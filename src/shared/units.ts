import { z } from 'zod';
import { SKILL_LEVELS, SKILL_LEVEL_NAMES } from '../policy/rules/conditions';
import type { SkillLevel } from '../policy/types';
import { PasswordRule } from './accounts';
import { CheckEligibilityResponse, FactsSchema, IsoDate } from './eligibility';

/**
 * The unit (申报单位) and its people (技能大师, 团队成员), entered once and reused across applications (issue 4).
 * 统一社会信用代码 (GB 32100) and 身份证号 (GB 11643) are checked on the server, which names the field; a person's
 * birth date and sex are derived from the 身份证号 and never accepted from the client.
 */

/** Mainland mobile number: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

const SKILL_LEVEL_VALUES = SKILL_LEVELS as readonly SkillLevel[] as [SkillLevel, ...SkillLevel[]];
export { SKILL_LEVEL_NAMES };

/** Skill levels as people say them: 新八级工 name first, the old grade after (五级/初级工 … 一级/高级技师). */
export const SKILL_LEVEL_LABELS: Record<SkillLevel, string> = {
  junior: '五级/初级工',
  intermediate: '四级/中级工',
  senior: '三级/高级工',
  technician: '二级/技师',
  'senior-technician': '一级/高级技师',
  'special-technician': '特级技师',
  'chief-technician': '首席技师',
};

export const INDUSTRY_LABELS = { 'high-tech': '高精尖产业', emerging: '新兴产业', other: '其他' } as const;

const text = (max: number) => z.string().trim().max(max, `不超过 ${max} 个字`);
const requiredText = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `不超过 ${max} 个字`);

export const Branch = z
  .object({
    name: requiredText('分支机构名称', 100).describe('分支机构（分厂、分公司）名称 / branch name'),
    address: requiredText('分支机构地址', 200).describe('分支机构地址 / branch address'),
  })
  .strict();

export const UpdateUnitRequest = z
  .object({
    name: requiredText('单位名称', 100).describe('单位名称（与营业执照一致） / unit name as on the business licence'),
    creditCode: z.string().trim().min(1, '请填写统一社会信用代码').max(32).describe('统一社会信用代码（18位，GB 32100） / unified social credit code'),
    address: requiredText('注册地址', 200).describe('注册地址 / registered address'),
    locatedIn: z
      .string()
      .regex(/^[a-z-]{2,32}$/, '请选择所在区')
      .nullish()
      .describe('注册或经营所在区（daxing、etdz、shunyi…） / district where the unit is registered or operates'),
    legalRepresentative: text(50).nullish().describe('法定代表人 / legal representative'),
    contactName: requiredText('联系人', 50).describe('联系人 / contact person'),
    contactPhone: z.string().trim().regex(MOBILE_PATTERN, '联系人手机号应为11位手机号码').describe('联系人手机号 / contact mobile'),
    contactEmail: z.string().trim().email('电子邮箱格式不正确').max(100).nullish().describe('电子邮箱 / e-mail'),
    industry: z.enum(['high-tech', 'emerging', 'other']).nullish().describe('产业领域：高精尖、新兴、其他 / industry'),
    hasTalentSystem: z
      .boolean()
      .nullish()
      .describe('已建立技能人才培养、选拔、使用、评价和激励制度 / has a system for training, selecting, using, evaluating and rewarding skilled workers'),
    providesFundingAndVenue: z.boolean().nullish().describe('能为工作室提供经费、场地和设备设施 / provides funding, a venue and equipment'),
    hasStudioRules: z.boolean().nullish().describe('有工作室管理制度、工作职责和目标任务 / has studio rules, duties and targets'),
    existingStudioOccupations: z
      .array(requiredText('职业名称', 50))
      .max(50)
      .nullish()
      .describe('本单位（含分厂、分公司）已建工作室的职业；空数组为没有，null 为未填 / occupations the unit already has a studio for'),
    bankName: text(100).nullish().describe('开户银行 / bank'),
    bankAccount: z
      .string()
      .trim()
      .regex(/^\d{8,30}$/, '银行账号应为8至30位数字')
      .nullish()
      .describe('银行账号 / account number'),
    bankPermitNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{6,30}$/, '开户许可证核准号应为字母和数字')
      .nullish()
      .describe('开户许可证核准号 / account opening permit number'),
    branches: z.array(Branch).max(50).default([]).describe('分支机构 / branches'),
  })
  .strict()
  .describe('单位信息 / unit profile');
export type UpdateUnitRequest = z.input<typeof UpdateUnitRequest>;

export const UnitProfileResponse = UpdateUnitRequest.extend({
  id: z.string().describe('单位 ID / unit id'),
  jurisdictionId: z.string().describe('注册的辖区 / jurisdiction the unit is registered with'),
  jurisdictionName: z.string().describe('辖区名称 / jurisdiction name'),
  contactEmail: z.string().nullable(),
  updatedAt: z.string().nullable().describe('最近修改时间 / last change'),
  personCount: z.number().describe('已登记人员数 / people entered'),
})
  .strict()
  .describe('单位信息 / unit profile');
export type UnitProfileResponse = z.infer<typeof UnitProfileResponse>;

export const Certificate = z
  .object({
    title: requiredText('证书名称', 100).describe('证书名称 / certificate title'),
    number: text(50).optional().describe('证书编号 / number'),
    level: z.enum(SKILL_LEVEL_VALUES).optional().describe('等级 / level'),
    issuedOn: IsoDate.optional().describe('发证日期 / issued on'),
  })
  .strict();

export const PersonInput = z
  .object({
    name: requiredText('姓名', 50).describe('姓名 / name'),
    idNumber: z.string().trim().min(1, '请填写身份证号').max(32).describe('公民身份号码（18位，GB 11643） / resident ID number'),
    category: z.enum(['worker', 'cadre']).describe('人员类别：工人、干部（女职工法定退休年龄用） / worker or cadre'),
    phone: z.string().trim().regex(MOBILE_PATTERN, '手机号应为11位手机号码').nullable().optional().describe('手机号 / mobile'),
    position: text(50).nullable().optional().describe('岗位或职务 / post'),
    occupation: text(50).nullable().optional().describe('职业（工种），如 数控车工 / occupation'),
    occupationListed: z.boolean().nullable().optional().describe('职业列入《职业分类大典》或人社部发布的新职业 / listed occupation'),
    hasNationalStandard: z.boolean().nullable().optional().describe('该职业有国家职业标准 / has a national standard'),
    skillLevel: z.enum(SKILL_LEVEL_VALUES).nullable().optional().describe('职业资格或技能等级 / skill level'),
    frontlineYears: z.number().int('请填写整数年').min(0).max(60).nullable().optional().describe('生产服务一线工作年限 / front-line years'),
    employed: z.boolean().nullable().optional().describe('在职在聘 / currently employed'),
    isFormalEmployee: z.boolean().nullable().optional().describe('本单位正式员工（签订劳动合同） / formal employee of the unit'),
    leadsAnotherStudio: z.boolean().nullable().optional().describe('已领办其他技能大师工作室 / already leads another studio'),
    honours: z.array(requiredText('荣誉称号', 100)).max(30).default([]).describe('荣誉称号，如“全国技术能手” / honours'),
    certificates: z.array(Certificate).max(30).default([]).describe('职业资格、技能等级等证书 / certificates'),
  })
  .strict()
  .describe('人员（技能大师或团队成员） / a person');
export type PersonInput = z.input<typeof PersonInput>;

export const PersonSummary = z
  .object({
    id: z.string(),
    name: z.string().describe('姓名 / name'),
    idNumberMasked: z.string().describe('身份证号（脱敏） / ID number, masked'),
    birthDate: z.string().describe('出生日期（由身份证号得出） / birth date, derived'),
    sex: z.enum(['male', 'female']).describe('性别（由身份证号得出） / sex, derived'),
    category: z.enum(['worker', 'cadre']),
    occupation: z.string().nullable(),
    skillLevel: z.enum(SKILL_LEVEL_VALUES).nullable(),
    skillLevelName: z.string().nullable().describe('技能等级（中文），如 一级/高级技师 / skill level in Chinese'),
    frontlineYears: z.number().nullable(),
    employed: z.boolean().nullable(),
    isFormalEmployee: z.boolean().nullable(),
    position: z.string().nullable(),
    honours: z.array(z.string()),
    inSubmittedApplication: z.boolean().describe('已用于已提交的申报（不能删除） / named by a submitted application'),
    updatedAt: z.string(),
  })
  .strict();
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PersonDetail = PersonSummary.extend({
  idNumber: z.string().describe('身份证号（仅本单位可见） / full ID number, own unit only'),
  phone: z.string().nullable(),
  occupationListed: z.boolean().nullable(),
  hasNationalStandard: z.boolean().nullable(),
  leadsAnotherStudio: z.boolean().nullable(),
  certificates: z.array(Certificate),
}).strict();
export type PersonDetail = z.infer<typeof PersonDetail>;

export const SetApplicationPeopleRequest = z
  .object({
    leaderId: z.string().uuid('请选择技能大师').describe('技能大师（领办人） / the master'),
    memberIds: z.array(z.string().uuid('团队成员无效')).max(100).describe('团队成员 / team members'),
  })
  .strict();

export const ApplicationPeopleResponse = z
  .object({
    leader: PersonSummary.nullable(),
    members: z.array(PersonSummary),
    teamFormalEmployees: z.number().describe('除技能大师外的正式员工人数 / formal employees besides the master'),
  })
  .strict();
export type ApplicationPeopleResponse = z.infer<typeof ApplicationPeopleResponse>;

export const ApplicationEligibilityResponse = CheckEligibilityResponse.extend({
  policyId: z.string().describe('政策版本 / edition'),
  program: z.string().describe('项目 / program'),
  asOf: z.string().describe('评估日期（北京时间） / date evaluated for'),
  facts: FactsSchema.describe('据以判断的事实（来自单位信息和所选人员） / the facts used'),
  missing: z
    .array(z.object({ fact: z.string().describe('事实路径，如 leader.skillLevel / fact path'), label: z.string().describe('应填写的内容 / what to enter') }))
    .describe('尚缺的事实 / facts still missing'),
  people: ApplicationPeopleResponse,
  leaderId: z.string().nullable().describe('所选技能大师 / chosen master'),
  memberIds: z.array(z.string()).describe('所选团队成员 / chosen team members'),
}).strict();
export type ApplicationEligibilityResponse = z.infer<typeof ApplicationEligibilityResponse>;

/** Where each fact is entered, for the "what is missing" list (Chinese first). */
export const FACT_LABELS: Record<string, string> = {
  'leader.birthDate': '技能大师身份证号（得出出生日期）',
  'leader.sex': '技能大师身份证号（得出性别）',
  'leader.category': '技能大师人员类别（工人/干部）',
  'leader.occupationListed': '技能大师职业是否列入《职业分类大典》',
  'leader.hasNationalStandard': '技能大师职业是否有国家职业标准',
  'leader.skillLevel': '技能大师职业资格或技能等级',
  'leader.frontlineYears': '技能大师一线工作年限',
  'leader.employed': '技能大师是否在职在聘',
  'leader.honours': '技能大师荣誉称号',
  'leader.leadsAnotherStudio': '技能大师是否已领办其他工作室',
  'unit.locatedIn': '单位注册或经营所在区',
  'unit.teamFormalEmployees': '团队成员（正式员工）',
  'unit.hasTalentSystem': '单位技能人才培养、选拔、使用、评价和激励制度',
  'unit.providesFundingAndVenue': '单位能否提供经费、场地和设备设施',
  'unit.hasStudioRules': '工作室管理制度、工作职责和目标任务',
  'unit.sameOccupationStudioExists': '本单位已建工作室的职业',
  'unit.industry': '单位产业领域',
  'studio.recognized': '是否已认定为本区工作室',
  'studio.applyingTogether': '是否同时申报工作室和建设项目',
  'project.stage': '项目实施状态（申报承诺：计划实施/正在实施）',
  'project.category': '项目类别（计划书）',
  'project.onProhibitedCatalog': '承诺不属于《北京市新增产业的禁止和限制目录》（申报承诺）',
  'project.outsourced': '承诺核心内容由工作室实施、不委托第三方（申报承诺）',
  'project.startDate': '项目开始日期（计划书）',
  'project.endDate': '项目结束日期（计划书）',
};

// ---------------------------------------------------------------------------------------------------------
// Unit self-registration and unit users (issue 4: "Unit registration with 统一社会信用代码 (validated), unit users")
// ---------------------------------------------------------------------------------------------------------

/** Usernames: 3–32 letters, digits, '.', '_' or '-', starting with a letter or digit. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/;
const Username = z
  .string()
  .trim()
  .min(1, '请填写用户名')
  .regex(USERNAME_PATTERN, '用户名为3–32位字母、数字或 . _ -，以字母或数字开头')
  .describe('登录用户名 / username');

/** The first user's (or a colleague's) password: the same rule as changing a password (accounts). */
const InitialPassword = PasswordRule.describe('密码：10–128 位，含字母和数字 / password: 10–128 characters with letters and digits');

export const RegisterUnitRequest = z
  .object({
    unitName: requiredText('单位名称', 100).describe('单位名称（与营业执照一致） / unit name as on the business licence'),
    creditCode: z.string().trim().min(1, '请填写统一社会信用代码').max(32, '统一社会信用代码应为18位').describe('统一社会信用代码（18位，GB 32100） / unified social credit code'),
    jurisdictionId: z.string().trim().min(1, '请选择所属辖区').max(32).describe('所属辖区（申报所在区） / jurisdiction the unit applies in'),
    address: requiredText('注册地址', 200).describe('注册地址 / registered address'),
    contactName: requiredText('联系人', 50).describe('联系人 / contact person'),
    contactPhone: z.string().trim().regex(MOBILE_PATTERN, '联系人手机号应为11位手机号码').describe('联系人手机号（接收短信通知） / contact mobile, receives SMS'),
    username: Username,
    displayName: requiredText('姓名', 50).describe('账号使用人姓名 / the user’s name'),
    password: InitialPassword,
  })
  .strict()
  .describe('单位注册 / unit registration');
export type RegisterUnitRequest = z.input<typeof RegisterUnitRequest>;

export const RegistrationOptionsResponse = z
  .object({
    jurisdictions: z.array(z.object({ id: z.string().describe('辖区编号 / id'), name: z.string().describe('辖区名称 / name') })).describe('可选辖区 / jurisdictions'),
  })
  .strict();
export type RegistrationOptionsResponse = z.infer<typeof RegistrationOptionsResponse>;

export const UnitUser = z
  .object({
    id: z.string().describe('用户 ID / user id'),
    username: z.string().describe('用户名 / username'),
    displayName: z.string().describe('姓名 / name'),
    createdAt: z.string().describe('创建时间（北京时间） / created'),
    lastLoginAt: z.string().nullable().describe('最近登录（北京时间），未登录过为 null / last sign-in'),
    isSelf: z.boolean().describe('是否当前登录账号 / the caller'),
  })
  .strict();
export type UnitUser = z.infer<typeof UnitUser>;

export const AddUnitUserRequest = z
  .object({ username: Username, displayName: requiredText('姓名', 50).describe('姓名 / name'), password: InitialPassword })
  .strict()
  .describe('添加本单位账号 / add a colleague');
export type AddUnitUserRequest = z.input<typeof AddUnitUserRequest>;

// ---------------------------------------------------------------------------------------------------------
// Declarations per application (申报承诺): 大兴 2026年通知 申报要求2–4, 京兴人社发〔2025〕21号 第八条
// ---------------------------------------------------------------------------------------------------------

export const ApplicationDeclarations = z
  .object({
    projectStage: z.enum(['planned', 'ongoing']).nullable().describe('项目实施状态：计划实施、正在实施 / planned or ongoing'),
    notOnProhibitedCatalog: z
      .boolean()
      .nullable()
      .describe('承诺项目不属于《北京市新增产业的禁止和限制目录》 / not on the Beijing prohibited and restricted catalogue'),
    notOutsourced: z.boolean().nullable().describe('承诺核心内容由工作室实施，不委托第三方 / core work done by the studio, not outsourced'),
  })
  .strict()
  .describe('申报承诺 / declarations');
export type ApplicationDeclarations = z.infer<typeof ApplicationDeclarations>;

export const ApplicationDeclarationsResponse = ApplicationDeclarations.extend({
  updatedAt: z.string().nullable().describe('最近修改（北京时间） / last change'),
}).strict();
export type ApplicationDeclarationsResponse = z.infer<typeof ApplicationDeclarationsResponse>;
