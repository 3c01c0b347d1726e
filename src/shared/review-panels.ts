import { z } from 'zod';

/**
 * Expert pool (评审专家库), panel draw with avoidance (回避), assignments and conflict-of-interest declarations
 * (issue 5). 大兴 京兴人社发〔2025〕21号 第十一条: 组织相关领域专家进行专业评审; the texts set no numbers for the panel,
 * so each edition's `review` rules carry them with an inferred citation.
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 个字`);

export const FormerEmployer = z
  .object({
    name: text('原单位名称', 100).describe('原工作单位名称 / former employer'),
    creditCode: z.string().trim().max(32).nullish().describe('原单位统一社会信用代码（可选） / its unified social credit code (optional)'),
    until: IsoDate.describe('离开该单位的日期 / date the expert left'),
  })
  .strict();

/** An expert's fields without defaults (a PATCH leaves out what it does not change). */
const expertFields = {
  name: text('姓名', 50).describe('姓名 / name'),
  employer: text('工作单位', 100).describe('现工作单位 / current employer'),
  employerCreditCode: z
    .string()
    .trim()
    .max(32)
    .nullish()
    .describe('现工作单位统一社会信用代码（GB 32100，用于同单位回避） / employer credit code (same-unit avoidance)'),
  title: z.string().trim().max(50).nullish().describe('职称或技能等级 / professional title or skill level'),
  phone: z
    .string()
    .trim()
    .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '联系电话应为11位手机号或带区号的固定电话')
    .nullish()
    .describe('联系电话 / phone'),
  fields: z.array(z.string().trim().min(1).max(30)).max(20, '专业领域不超过 20 个').describe('专业领域（如 数控加工、焊接） / fields of expertise'),
  formerEmployers: z.array(FormerEmployer).max(20).describe('曾任职单位及离职日期（原单位回避） / former employers with the date left'),
  username: z.string().trim().max(64).nullish().describe('关联的专家登录账号用户名 / username of the linked expert account'),
  active: z.boolean().describe('是否在库可抽取 / active (may be drawn)'),
};

export const ExpertInput = z
  .object({
    jurisdiction: z
      .string()
      .regex(/^[a-z-]{2,32}$/, '辖区无效')
      .optional()
      .describe('专家库所属辖区（业务主管只有一个辖区时可省略） / pool jurisdiction (optional when the officer has one)'),
    ...expertFields,
    fields: expertFields.fields.default([]),
    formerEmployers: expertFields.formerEmployers.default([]),
    active: expertFields.active.default(true),
  })
  .strict();
export type ExpertInput = z.input<typeof ExpertInput>;

export const UpdateExpertRequest = z.object(expertFields).partial().strict();

export const ExpertListQuery = z
  .object({
    jurisdiction: z.string().regex(/^[a-z-]{2,32}$/).optional().describe('辖区 / jurisdiction'),
    q: z.string().trim().max(50).optional().describe('按姓名、单位、领域检索 / search name, employer, field'),
    active: z.enum(['true', 'false']).optional().describe('只看在库/停用 / active filter'),
  })
  .strict();

export const Expert = z.object({
  id: z.string(),
  jurisdiction: z.string(),
  name: z.string(),
  employer: z.string(),
  employerCreditCode: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  fields: z.array(z.string()),
  formerEmployers: z.array(z.object({ name: z.string(), creditCode: z.string().nullish(), until: z.string() })),
  username: z.string().nullable().describe('关联账号 / linked account'),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type Expert = z.infer<typeof Expert>;

export const DrawPanelRequest = z
  .object({
    size: z.number().int().min(1, '至少抽取 1 名专家').max(50, '一次最多抽取 50 名专家').optional().describe('抽取人数（默认按政策的评审组人数） / how many to draw'),
    fields: z.array(z.string().trim().min(1).max(30)).max(20).default([]).describe('限定专业领域（可选） / restrict to fields (optional)'),
  })
  .strict();

export const AssignRequest = z
  .object({
    applicationIds: z.array(z.string().uuid('申报编号无效')).min(1, '请选择申报').max(200).describe('申报 / applications'),
    expertIds: z.array(z.string().uuid('专家编号无效')).min(1, '请选择专家').max(50).describe('专家 / experts'),
  })
  .strict();

export const DeclarationRequest = z.discriminatedUnion('hasConflict', [
  z.object({ hasConflict: z.literal(false).describe('无利益冲突 / no conflict') }).strict(),
  z
    .object({
      hasConflict: z.literal(true).describe('存在利益冲突 / has a conflict'),
      kind: z.enum(['same-unit', 'former-employer', 'relative', 'other']).describe('冲突类型：同单位、原单位、亲属、其他 / kind'),
      note: z.string().trim().max(500).optional().describe('说明 / note'),
    })
    .strict(),
]);
export type DeclarationRequest = z.infer<typeof DeclarationRequest>;

export const CONFLICT_KINDS = {
  'same-unit': '与申报单位同单位',
  'former-employer': '曾在申报单位任职',
  relative: '与申报人或团队成员有亲属关系',
  other: '其他可能影响公正评审的关系',
} as const;

export const ASSIGNMENT_STATUS_NAMES: Record<string, string> = {
  pending: '待声明',
  accepted: '待评分',
  conflict: '已回避',
  submitted: '已评分',
  withdrawn: '已撤回',
};

/** Avoidance and exclusion reasons recorded with a draw. */
export const EXCLUSION_REASONS = ['同单位', '原单位', '无登录账号', '已停用', '领域不符', '已在评审组', '已移出评审组'] as const;
