import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { fromShanghaiLocal, shanghaiDate } from '../../shared/time';
import type { Db } from '../db/client';
import { studios, users } from '../db/schema';
import { annualReports, obligationReminders } from '../db/schema/lifecycle';
import { checkAnnualReports } from '../jobs/annual-report-check';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/audit.service';
import { dueOnFor, reportDutyOf } from '../modules/reports/reports.policy';

/**
 * Demo annual reports (issue 7), dated relative to `now` (Y = this year, Y-1 = last year):
 * - 大兴 赵德明数控铣工 (unit-a): Y-1 report accepted; Y report a draft partly written;
 * - 大兴 张国华焊工: Y-1 report never filed — overdue (京兴人社发〔2025〕21号 第十九条（三）: 每年12月末), reminded 30 and 7
 *   days before and the day after;
 * - 顺义 马丽民航机械维修员 (unit-c): Y-1 report submitted with 86 人次, flagged 未达到每年不少于100人次 (第十三条), awaiting review;
 * - 顺义 李春生中式面点师: Y-1 report accepted with 156 人次;
 * - then the daily check for today: every active studio with the duty has its Y report open as a draft (经开区 none).
 * Reminders are recorded as the daily check would have sent them.
 */
export async function loadReportsDemo(db: Db, now: Date): Promise<void> {
  const [any] = await db.select({ id: annualReports.id }).from(annualReports).limit(1);
  if (any) return;
  const today = shanghaiDate(now);
  const Y = Number(today.slice(0, 4));
  const last = Y - 1;
  const all = await db.select().from(studios).where(eq(studios.status, 'active'));
  const find = (leader: string, jurisdiction: string) => all.find((s) => s.leaderName === leader && s.jurisdictionId === jurisdiction);
  const people = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, ['unit-a', 'unit-c', 'daxing-officer', 'shunyi-officer']));
  const userId = (u: string) => people.find((p) => p.username === u)?.id ?? null;
  const at = (local: string) => {
    const d = fromShanghaiLocal(local);
    return d.getTime() > now.getTime() ? now : d;
  };

  await db.transaction(async (tx) => {
    const rows: (typeof annualReports.$inferInsert)[] = [];
    const reminders: (typeof obligationReminders.$inferInsert)[] = [];
    const remind = (studioId: string, year: number, kind: string, sentOn: string) => {
      if (sentOn <= today) reminders.push({ id: randomUUID(), studioId, obligationId: 'annual-report', period: String(year), kind, sentOn, createdAt: fromShanghaiLocal(`${sentOn}T08:00`) });
    };
    const base = (s: (typeof all)[number], year: number) => {
      const duty = reportDutyOf(s.editionId)!;
      return { id: randomUUID(), studioId: s.id, jurisdictionId: s.jurisdictionId, editionId: s.editionId, year, dueOn: dueOnFor(duty, year), createdAt: fromShanghaiLocal(`${year}-01-01T01:00`), updatedAt: now };
    };

    const zhao = find('赵德明', 'daxing');
    if (zhao && zhao.recognizedYear <= last) {
      rows.push({
        ...base(zhao, last),
        summary: `${last} 年工作室围绕航空航天精密结构件五轴数控铣削开展技术攻关 4 项，解决薄壁件加工变形难题；实行名师带徒，新带徒弟 8 人，其中 3 人取得技师职业资格；开展厂内技能培训 26 场、技艺交流 5 次，参加北京市职业技能大赛获二等奖 1 人次。`,
        nextYearPlan: `${Y} 年计划完成五轴加工中心刀具路径优化项目，编写《薄壁结构件数控铣削作业指导书》；新带徒 6 人；面向区内中小企业开放实训工位，开展公益培训不少于 10 场。`,
        personTimes: 320,
        figures: { apprentices: 8, trainingSessions: 26, innovations: 4, patents: 2, competitionAwards: 1 },
        status: 'accepted',
        submittedAt: at(`${last}-12-18T10:20`),
        submittedBy: userId('unit-a'),
        reviewComment: '工作总结内容翔实，下一年度计划目标明确，审核通过。',
        reviewedBy: userId('daxing-officer'),
        reviewedAt: at(`${Y}-01-06T15:00`),
        version: 4,
      });
      remind(zhao.id, last, 'before-30', `${last}-12-01`);
      if (zhao.recognizedYear <= Y)
        rows.push({
          ...base(zhao, Y),
          summary: `${Y} 年工作室完成五轴加工中心刀具路径优化项目（进行中），已开展厂内技能培训 18 场……（待补充）`,
          nextYearPlan: '',
          personTimes: 210,
          figures: { apprentices: 6, trainingSessions: 18 },
          status: 'draft',
          version: 3,
        });
    }

    const zhang = find('张国华', 'daxing');
    if (zhang && zhang.recognizedYear <= last) {
      rows.push({ ...base(zhang, last), status: 'draft', version: 1 });
      remind(zhang.id, last, 'before-30', `${last}-12-01`);
      remind(zhang.id, last, 'before-7', `${last}-12-24`);
      remind(zhang.id, last, 'overdue', `${Y}-01-01`);
    }

    const ma = find('马丽', 'shunyi');
    if (ma && ma.recognizedYear <= last) {
      rows.push({
        ...base(ma, last),
        summary: `${last} 年工作室开展民航发动机孔探检查技艺培训 9 场，完成部件修理工艺改进 2 项；受航班保障任务影响，下半年集中培训次数减少。`,
        nextYearPlan: `${Y} 年计划与临空经济区维修企业联合开展孔探技能交流，全年带动技艺提升不少于 120 人次。`,
        personTimes: 86,
        figures: { apprentices: 4, trainingSessions: 9, innovations: 2 },
        status: 'submitted',
        submittedAt: at(`${last}-12-26T16:40`),
        submittedBy: userId('unit-c'),
        version: 3,
      });
      remind(ma.id, last, 'before-30', `${last}-12-01`);
      remind(ma.id, last, 'before-7', `${last}-12-24`);
    }

    const li = find('李春生', 'shunyi');
    if (li && li.recognizedYear <= last) {
      rows.push({
        ...base(li, last),
        summary: `${last} 年工作室开展京味面点公益培训 14 场、进社区 6 次，带动技艺提升 156 人次；整理传统面点制作标准 12 项。`,
        nextYearPlan: `${Y} 年计划开发京味面点标准化教材，开展培训不少于 12 场。`,
        personTimes: 156,
        figures: { trainingSessions: 14, standards: 12 },
        status: 'accepted',
        submittedAt: at(`${last}-12-15T09:30`),
        reviewComment: '达到每年不少于100人次的要求，审核通过。',
        reviewedBy: userId('shunyi-officer'),
        reviewedAt: at(`${Y}-01-10T11:00`),
        version: 4,
      });
      remind(li.id, last, 'before-30', `${last}-12-01`);
    }

    if (rows.length) await tx.insert(annualReports).values(rows);
    if (reminders.length) await tx.insert(obligationReminders).values(reminders);
    await recordAudit(tx, SYSTEM_ACTOR, { action: 'demo.loaded', entityType: 'annual_reports', after: { reports: rows.length, reminders: reminders.length } }, now);
    // Today's daily check: opens this year's reports and sends what is due today.
    await checkAnnualReports(tx, today, now);
  });
}
