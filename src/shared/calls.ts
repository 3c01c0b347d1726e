import { z } from 'zod';

export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '时间格式应为 YYYY-MM-DDTHH:mm（北京时间）')
  .describe('北京时间 YYYY-MM-DDTHH:mm / Asia/Shanghai local time');

export const Contact = z
  .object({
    name: z.string().trim().max(50).optional().describe('联系人 / contact person'),
    phone: z.string().trim().min(5, '请填写联系电话').max(60).describe('联系电话 / phone'),
    address: z.string().trim().max(200).optional().describe('地址 / address'),
    hours: z.string().trim().max(100).optional().describe('办公时间 / office hours'),
  })
  .strict();

export const CreateCallRequest = z
  .object({
    policyId: z.string().max(64).describe('政策版本 / policy edition id'),
    program: z.enum(['studio-recognition', 'construction-project']).describe('项目类型 / program'),
    title: z.string().trim().min(4, '标题至少 4 个字').max(120).describe('批次标题 / title'),
    year: z.number().int().min(2020).max(2100).describe('年度 / year'),
    opensAt: LocalDateTime,
    closesAt: LocalDateTime,
    quota: z.number().int().min(1).max(1000).optional().describe('名额，不得超过政策上限 / quota, at most the edition’s'),
    projectsCloseBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('项目结项截止日 / projects close by'),
    contacts: z.array(Contact).min(1, '至少填写一个联系方式').max(10).describe('联系方式 / contacts'),
    noticeText: z.string().trim().min(10, '请填写通知正文').max(20_000).describe('通知正文 / notice text'),
  })
  .strict();

export const CallStatus = z.enum(['upcoming', 'open', 'closed']);

export const CallSummary = z.object({
  id: z.string(),
  policyId: z.string().describe('政策版本 / edition'),
  program: z.string().describe('项目类型 / program'),
  title: z.string(),
  jurisdiction: z.string(),
  year: z.number(),
  opensAt: z.string().describe('开始（北京时间，ISO 8601） / opens'),
  closesAt: z.string().describe('截止（北京时间，ISO 8601） / closes'),
  status: CallStatus,
  quota: z.number().nullable(),
});

export const CallDetail = CallSummary.extend({
  projectsCloseBy: z.string().nullable(),
  contacts: z.array(Contact),
  noticeText: z.string(),
  documentNumber: z.string(),
  templates: z.array(z.object({ id: z.string(), title: z.string() })),
});

/** Applications of a call by status: 草稿 / 待初审 / 退回补正 / 补正后待初审 and the total. */
export const CallCounts = z.object({
  total: z.number().describe('申报总数（含草稿） / all applications, drafts included'),
  draft: z.number().describe('草稿 / drafts'),
  submitted: z.number().describe('已提交待初审 / submitted'),
  returned: z.number().describe('退回补正 / returned for correction'),
  resubmitted: z.number().describe('补正后待初审 / resubmitted'),
  other: z.number().describe('其他状态（初审以后） / later stages'),
});

/** A call as its jurisdiction's officers list it (GET /api/calls/managed). */
export const ManagedCall = CallSummary.extend({
  documentNumber: z.string().describe('政策文号 / document number'),
  programName: z.string().describe('项目类型名称 / program name'),
  createdAt: z.string().describe('创建时间 / created'),
  counts: CallCounts,
});

/** What an officer may open a call under (GET /api/calls/options): editions of their jurisdictions still in force. */
export const CallOptions = z.object({
  editions: z.array(
    z.object({
      id: z.string().describe('政策版本 / edition id'),
      jurisdiction: z.string(),
      jurisdictionName: z.string(),
      title: z.string(),
      documentNumber: z.string(),
      status: z.string().describe('in-force | draft | repealed'),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      programs: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          quota: z.number().nullable().describe('每批名额上限 / quota cap of the edition'),
          quotaArticle: z.string().nullable().describe('名额所依据的条款 / article of the quota'),
          hasProjectsCloseBy: z.boolean().describe('是否需要项目结项截止日 / projects close-by date applies'),
        }),
      ),
      /** Rounds the edition's documents announce, to prefill the form (e.g. 大兴 2026 notice). */
      templates: z.array(
        z.object({
          id: z.string(),
          program: z.string(),
          title: z.string(),
          year: z.number(),
          opensAt: z.string(),
          closesAt: z.string(),
          projectsCloseBy: z.string().nullable(),
          contacts: z.array(Contact),
          citation: z.string().describe('出处 / source'),
        }),
      ),
    }),
  ),
});
