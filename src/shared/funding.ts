import { z } from 'zod';
import { IsoDate } from './calendar';

/**
 * Decisions (认定 / 确定), titles and funding (资助、补助、奖励, issue 6): request and response schemas shared by the
 * server and the web app.
 */

export const DisbursementStatus = z
  .enum(['awaiting-condition', 'due', 'partially-paid', 'paid'])
  .describe('awaiting-condition 待条件满足 / due 待拨付 / partially-paid 部分拨付 / paid 已拨付');
export type DisbursementStatus = z.infer<typeof DisbursementStatus>;

export const DISBURSEMENT_STATUS_NAMES: Record<DisbursementStatus, { zh: string; en: string }> = {
  'awaiting-condition': { zh: '待条件满足', en: 'Awaiting condition' },
  due: { zh: '待拨付', en: 'Due' },
  'partially-paid': { zh: '部分拨付', en: 'Partially paid' },
  paid: { zh: '已拨付', en: 'Paid' },
};

export const FUNDING_KIND_NAMES: Record<'fixed' | 'capped' | 'award', { zh: string; en: string }> = {
  fixed: { zh: '定额资助', en: 'Fixed grant' },
  capped: { zh: '限额补助', en: 'Capped subsidy' },
  award: { zh: '称号奖励', en: 'Title award' },
};

const DocumentNumber = z.string().trim().min(4, '请填写认定文件文号').max(100, '文号不超过 100 字');

export const DecisionRequest = z
  .object({
    document: DocumentNumber.describe('认定文件文号，如 京兴人社发〔2026〕5号 / decision document number'),
  })
  .strict();

export const TitleRequest = z
  .object({
    level: z.enum(['municipal', 'national']).describe('称号级别：市级 / 国家级 / title level'),
    awardedOn: IsoDate.describe('入选日期 / date selected'),
    document: DocumentNumber.describe('入选文件文号 / selecting document'),
  })
  .strict();

export const PaymentRequest = z
  .object({
    paidOn: IsoDate.describe('拨付日期 / date paid'),
    amount: z.number({ message: '请填写拨付金额' }).int('金额以元为单位，取整数').positive('拨付金额须大于 0').max(100_000_000, '金额过大').describe('拨付金额（元） / amount in CNY'),
    voucherNumber: z.string().trim().min(1, '请填写凭证号').max(64, '凭证号不超过 64 字').describe('记账凭证号 / voucher number'),
  })
  .strict();

export const DisbursementListQuery = z
  .object({
    status: DisbursementStatus.optional(),
    callId: z.string().uuid('批次编号无效').optional().describe('申报批次 / call'),
  })
  .strict();

export const Payment = z.object({
  id: z.string(),
  paidOn: IsoDate,
  amount: z.number(),
  voucherNumber: z.string(),
  recordedAt: z.string().describe('登记时间（北京时间） / recorded at'),
});

export const BankAccount = z.object({
  bankName: z.string().nullable().describe('开户银行 / bank'),
  accountNumber: z.string().nullable().describe('账号 / account number'),
  permitNumber: z.string().nullable().describe('开户许可证核准号 / permit number'),
  /** The application's 开户许可证 / 银行账户 material (a link the officer opens). */
  materials: z.array(z.object({ applicationId: z.string(), materialId: z.string(), name: z.string(), url: z.string() })).describe('申报材料中的开户许可证 / bank permit materials'),
});

export const Disbursement = z.object({
  id: z.string(),
  jurisdiction: z.string(),
  unitId: z.string(),
  unitName: z.string().describe('单位 / unit'),
  purpose: z.string().describe('拨付事项 / what for'),
  kind: z.enum(['fixed', 'capped', 'award']),
  amount: z.number().describe('计划金额（元） / scheduled amount'),
  cap: z.number().nullable().describe('上限（元） / cap'),
  paidAmount: z.number().describe('已拨付（元） / paid'),
  condition: z.string().nullable().describe('拨付条件 / condition'),
  citation: z.string().describe('依据 / rule'),
  status: DisbursementStatus,
  statusName: z.string(),
  dueOn: IsoDate.nullable(),
  studioId: z.string().nullable(),
  studioName: z.string().nullable(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  applicationId: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  bank: BankAccount,
  payments: z.array(Payment),
  version: z.number(),
});
export type Disbursement = z.infer<typeof Disbursement>;

export const FundingCall = z.object({
  callId: z.string(),
  callTitle: z.string(),
  jurisdiction: z.string(),
  program: z.string(),
  noticeId: z.string(),
  noticeTitle: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  endsAt: z.string().describe('公示结束时刻（北京时间） / notice ends at'),
  noticeStatus: z.string().describe('published 公示中或已期满 / concluded 已认定'),
  ended: z.boolean().describe('公示期是否已满 / period over'),
  items: z.number(),
  openObjections: z.number(),
  decisionDocument: z.string().nullable(),
  concludedAt: z.string().nullable(),
  scheduledTotal: z.number().describe('拨付计划合计（元） / scheduled total'),
});

export const DecisionItem = z.object({
  id: z.string(),
  position: z.number(),
  name: z.string(),
  projectName: z.string().nullable(),
  unitName: z.string(),
  leaderName: z.string(),
  occupation: z.string().nullable(),
  amount: z.number().nullable(),
  withdrawn: z.boolean(),
  withdrawnReason: z.string().nullable(),
  applicationId: z.string().nullable(),
  applicationStatus: z.string().nullable(),
  applicationStatusName: z.string().nullable(),
  openObjections: z.array(z.object({ trackingNumber: z.string(), status: z.string() })),
  /** After the decision: the studio or project it became. */
  studioId: z.string().nullable(),
  studioName: z.string().nullable(),
  plaqueNumber: z.string().nullable(),
  projectId: z.string().nullable(),
});

export const CallFunding = FundingCall.extend({
  rule: z.string().describe('认定依据 / decision rule citation'),
  studioNameFormat: z.string().nullable().describe('工作室名称格式 / studio name format'),
  funding: z.array(z.object({ kind: z.string(), text: z.string(), amount: z.number().nullable() })),
  decisionItems: z.array(DecisionItem),
  disbursements: z.array(Disbursement),
});
export type CallFunding = z.infer<typeof CallFunding>;
export type FundingCall = z.infer<typeof FundingCall>;
