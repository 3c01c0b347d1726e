import { z } from 'zod';

export const CreateApplicationRequest = z
  .object({
    callId: z.string().uuid('申报批次编号无效').describe('申报批次 / call'),
    studioRecognized: z
      .boolean()
      .default(false)
      .describe('已被认定为本辖区技能大师工作室（大兴 第十条：已认定的只需提交项目材料） / already a recognised studio'),
  })
  .strict();

/** A form's data: an object of field values; validated against the edition's FormSchema by the policy engine. */
export const FormData = z.record(z.string().max(64), z.unknown()).describe('表单数据 / form data');

export const SaveFormRequest = z
  .object({
    data: FormData,
    /** The version the client last saw; 0 for the first save. A stale version is refused (409). */
    version: z.number().int().min(0).describe('客户端所见版本，首次保存为 0 / the version last seen'),
  })
  .strict();

export const SubmitRequest = z
  .object({ version: z.number().int().min(1).optional().describe('申报版本 / application version') })
  .strict();

export const CorrectionItem = z
  .object({
    kind: z.enum(['form', 'material']).describe('表单或材料 / form or material'),
    id: z.string().min(1).max(64).describe('表单或材料编号 / form or checklist item id'),
    comment: z.string().trim().min(2, '请写明需要补正的内容').max(1000).describe('补正要求 / what to fix'),
  })
  .strict();

export const ReturnForCorrectionRequest = z
  .object({
    items: z.array(CorrectionItem).min(1, '至少列出一项需要补正的内容').max(50),
    deadlineWorkingDays: z.number().int().min(1).max(30).default(5).describe('补正期限（工作日） / working days to answer'),
    note: z.string().trim().max(2000).optional().describe('说明 / note'),
  })
  .strict();

/** Sort orders of the application list (a leading '-' = descending). */
export const APPLICATION_SORTS = ['-updatedAt', 'updatedAt', '-submittedAt', 'submittedAt', 'number', '-number'] as const;

export const ApplicationListQuery = z
  .object({
    callId: z.string().uuid('申报批次编号无效').optional().describe('申报批次 / call'),
    status: z
      .string()
      .regex(/^[a-z-]{1,32}(,[a-z-]{1,32}){0,15}$/, '状态格式应为逗号分隔的状态代码，如 submitted,resubmitted')
      .optional()
      .describe('状态，可多个，逗号分隔（如 submitted,resubmitted） / status, one or several, comma-separated'),
    q: z.string().trim().max(100).optional().describe('检索：编号、项目或工作室名称、单位名称、负责人 / search: number, title, unit, leader'),
    page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码，从 1 开始 / page, from 1'),
    pageSize: z.coerce.number().int().min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(50).describe('每页条数，≤100 / page size, at most 100'),
    sort: z.enum(APPLICATION_SORTS).default('-updatedAt').describe('排序；前缀 - 为倒序 / sort order; a leading - is descending'),
  })
  .strict();

export const ApplicationSummary = z.object({
  id: z.string(),
  number: z.string().describe('申报编号 / application number'),
  callId: z.string(),
  callTitle: z.string(),
  program: z.string(),
  jurisdiction: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  title: z.string().nullable().describe('项目或工作室名称 / project or studio name'),
  leaderName: z.string().nullable(),
  status: z.string().describe('状态 / status'),
  statusName: z.string(),
  round: z.number().describe('补正轮次 / correction round'),
  version: z.number(),
  submittedAt: z.string().nullable().describe('首次提交时间（北京时间） / first submitted'),
  updatedAt: z.string(),
  waitingSince: z
    .string()
    .nullable()
    .describe('待初审起始时间（提交或补正后重新提交，北京时间）；不在待初审状态时为空 / waiting for the desk since'),
  waitingWorkingDays: z
    .number()
    .nullable()
    .describe('已等待的法定工作日数 / statutory working days waiting for the desk'),
});

/** Per-call counts by status (GET /api/calls/:id/stats). */
export const CallStats = z.object({
  callId: z.string(),
  total: z.number().describe('申报总数 / applications'),
  byStatus: z.record(z.string(), z.number()).describe('各状态数量 / count per status'),
  statusNames: z.record(z.string(), z.string()).describe('状态名称 / status names'),
});
