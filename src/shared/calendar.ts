import { z } from 'zod';
import { isValidIsoDate } from '../policy/rules/dates';

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isValidIsoDate, '不是有效的日期');

export const AddWorkingDaysQuery = z
  .object({
    from: IsoDate.describe('起算日期（不计入） / start date, not counted'),
    days: z.coerce.number().int('天数须为整数').min(1, '天数至少为 1').max(366, '天数不能超过 366').describe('工作日天数 / number of working days'),
  })
  .strict();

export const AddWorkingDaysResponse = z.object({
  date: z.string().describe('第 N 个工作日 / the N-th working day after `from`'),
  provisional: z
    .boolean()
    .describe('所涉年份国务院放假安排尚未公布，按《全国年节及纪念日放假办法》推算，可能变动 / depends on a year whose official schedule is not yet known'),
  basis: z.array(z.string()).describe('依据 / what the result rests on'),
});

export const RetirementQuery = z
  .object({
    birthDate: IsoDate.describe('出生日期 / birth date'),
    sex: z.enum(['male', 'female']).describe('性别 / sex'),
    category: z.enum(['worker', 'cadre']).describe('女职工：原法定退休年龄50周岁为 worker，55周岁为 cadre；男职工不区分 / for women: worker (originally 50) or cadre (originally 55)'),
  })
  .strict();

export const RetirementResponse = z.object({
  retirementAge: z.object({ years: z.number(), months: z.number() }).describe('法定退休年龄 / statutory retirement age'),
  retirementDate: z.string().describe('法定退休日期 / statutory retirement date'),
});

export const CalendarOverrideRequest = z
  .object({
    holidays: z.array(IsoDate).max(60).describe('放假日期 / holidays'),
    workdays: z.array(IsoDate).max(20).describe('调休上班日期 / weekend working days'),
    source: z.string().trim().min(2, '请填写依据文件').max(200).describe('依据的国务院办公厅通知 / the State Council notice'),
  })
  .strict();
