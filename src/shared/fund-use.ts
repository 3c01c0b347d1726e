import { z } from 'zod';
import { IsoDate } from './calendar';

/**
 * Fund use (经费使用, issue 7): spending a unit records against the budget lines of its project's plan (计划书 经费计划)
 * or against its studio's money, in the categories its district's text names (大兴 京兴人社发〔2025〕21号 第十五条;
 * 顺义 征求意见稿 第八条; 经开区 names none), and the fixed-asset register (固定资产登记造册). Amounts are whole 元.
 */

const Money = z
  .number({ message: '请填写金额' })
  .int('金额以元为单位，取整数')
  .positive('金额须大于 0')
  .max(100_000_000, '金额过大');
const Text = (label: string, max: number) => z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);
const Optional = (label: string, max: number) => z.string().trim().max(max, `${label}不超过 ${max} 字`).optional();

/** The register entry of a fixed-asset purchase (第十五条: 按照固定资产财务管理办法登记造册). */
export const FixedAssetInput = z
  .object({
    assetNumber: Text('资产编号', 64).describe('资产编号（本单位内唯一） / asset number, unique within the unit'),
    name: Text('资产名称', 100).describe('资产名称 / asset name'),
    model: Optional('规格型号', 100).describe('规格型号 / model'),
    quantity: z.number({ message: '请填写数量' }).int('数量取整数').positive('数量须大于 0').max(100_000, '数量过大').describe('数量 / quantity'),
    unitPrice: Money.describe('单价（元） / unit price in CNY'),
    location: Optional('存放地点', 100).describe('存放地点 / location'),
    custodian: Optional('保管人', 50).describe('保管人 / custodian'),
    acquiredOn: IsoDate.describe('取得日期 / acquired on'),
  })
  .strict();
export type FixedAssetInput = z.infer<typeof FixedAssetInput>;

export const RecordExpenditureRequest = z
  .object({
    budgetLine: Text('预算科目', 200).describe('预算科目：项目为计划书经费计划中的一行（用途：明细）；工作室经费可自填 / budget line'),
    category: z
      .string()
      .trim()
      .max(40)
      .optional()
      .describe('支出类别：本区政策列明的类别编号（大兴 第十五条 equipment / research / exchange / training；顺义 第八条）；政策未列明类别的不填 / spending category'),
    amount: Money.describe('金额（元） / amount in CNY'),
    spentOn: IsoDate.describe('支出日期 / date spent'),
    description: Text('支出内容', 500).describe('支出内容 / what was bought or paid'),
    voucherNumber: Optional('凭证号', 64).describe('记账凭证号 / voucher number'),
    isFixedAsset: z.boolean().default(false).describe('是否形成固定资产 / a fixed-asset purchase'),
    asset: FixedAssetInput.optional().describe('固定资产登记信息（形成固定资产时必填） / the register entry, required for a fixed asset'),
  })
  .strict();
export type RecordExpenditureRequest = z.infer<typeof RecordExpenditureRequest>;

export const FixedAsset = z.object({
  id: z.string(),
  expenditureId: z.string(),
  assetNumber: z.string(),
  name: z.string(),
  model: z.string().nullable(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  amount: z.number().int().describe('数量 × 单价 / quantity × unit price'),
  location: z.string().nullable(),
  custodian: z.string().nullable(),
  acquiredOn: z.string(),
  /** The project or studio whose money bought it. */
  source: z.string(),
});
export type FixedAsset = z.infer<typeof FixedAsset>;

export const Expenditure = z.object({
  id: z.string(),
  budgetLine: z.string(),
  category: z.string().nullable().describe('类别编号；政策未列明类别的为 null / category id'),
  categoryName: z.string().nullable(),
  amount: z.number().int(),
  spentOn: z.string(),
  description: z.string(),
  voucherNumber: z.string().nullable(),
  isFixedAsset: z.boolean(),
  assetNumber: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type Expenditure = z.infer<typeof Expenditure>;

export const BudgetLineUse = z.object({
  line: z.string().describe('预算科目 / budget line'),
  category: z.string().nullable().describe('计划用途对应的类别 / category of the plan’s purpose'),
  planned: z.number().int().nullable().describe('计划金额；工作室经费自填科目为 null / planned, null for a free line'),
  spent: z.number().int(),
  remaining: z.number().int().nullable(),
  over: z.number().int().describe('超出计划的金额，0 为未超支 / amount over the plan'),
  inPlan: z.boolean().describe('计划书中的科目 / a line of the plan'),
});
export type BudgetLineUse = z.infer<typeof BudgetLineUse>;

export const CategoryUse = z.object({
  id: z.string(),
  name: z.string(),
  planned: z.number().int().nullable(),
  spent: z.number().int(),
  over: z.number().int(),
});
export type CategoryUse = z.infer<typeof CategoryUse>;

export const FundUse = z.object({
  scope: z.enum(['project', 'studio']),
  id: z.string().describe('项目或工作室编号 / project or studio id'),
  name: z.string(),
  unitName: z.string(),
  jurisdiction: z.string(),
  editionId: z.string(),
  status: z.string().describe('项目或工作室状态 / status'),
  period: z.object({ start: z.string().nullable(), end: z.string().nullable() }).nullable().describe('项目实施期（项目经费的支出须在期内） / project period'),
  /** The district's rule on use; null where its text names none (经开区). */
  rule: z
    .object({
      citation: z.string(),
      text: z.string(),
      categories: z.array(z.object({ id: z.string(), name: z.string() })),
      fixedAssetRegister: z.boolean(),
    })
    .nullable(),
  /** The money granted: a project's approved amount (第十四条), a studio's grants and awards. */
  granted: z.object({ amount: z.number().int().nullable(), basis: z.string() }),
  planned: z.number().int().nullable().describe('计划书经费计划合计 / the plan’s total'),
  spent: z.number().int(),
  remaining: z.number().int().nullable(),
  over: z.number().int().describe('超出核定金额的部分 / spent beyond the granted amount'),
  lines: z.array(BudgetLineUse),
  categories: z.array(CategoryUse),
  expenditures: z.array(Expenditure),
  assets: z.array(FixedAsset),
  /** Whether the caller may record and remove spending here, and why not. */
  canRecord: z.boolean(),
  lockedReason: z.string().nullable(),
});
export type FundUse = z.infer<typeof FundUse>;

export const RecordExpenditureResponse = z.object({
  expenditure: Expenditure,
  asset: FixedAsset.nullable(),
  /** Warnings that do not stop the record: the line or the whole amount is over its plan. */
  warnings: z.array(z.string()),
});
export type RecordExpenditureResponse = z.infer<typeof RecordExpenditureResponse>;
