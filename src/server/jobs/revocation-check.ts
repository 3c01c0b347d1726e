import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, lte, max } from 'drizzle-orm';
import { getEdition } from '../../policy/editions';
import { addMonths } from '../../policy/rules/dates';
import type { Edition, RevocationTrigger } from '../../policy/types';
import { shanghaiDate } from '../../shared/time';
import type { Tx } from '../db/client';
import {
  annualReports,
  applications,
  calls,
  changeRequests,
  fundExpenditures,
  projectClosures,
  projects,
  projectUpdates,
  revocationCases,
  studioHistory,
  studios,
} from '../db/schema';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/audit.service';
import type { DailyJob } from './daily';

/**
 * Revocation triggers (取消称号, 大兴 京兴人社发〔2025〕21号 第十八条): raises a case for each studio where a trigger
 * the records can show holds, at most one open case per studio and trigger (issue 7).
 *
 * Each automatic trigger of the studio's edition (`detection: 'automatic'`, its `definition` says what the records
 * must show) is evaluated by a pure function below from facts gathered in a few queries. A holding trigger carries a
 * `key` naming the facts it rests on (the years of a run, the day of the last activity, the history entry): a case
 * dismissed by the officer is raised again only when the key changes — a new year passes, a new lapse begins.
 * Editions without triggers (经开区 办事指南, 顺义 征求意见稿) never raise a case.
 */

/** Application statuses that end a project application without selection (not-selected-five-years). */
export const NOT_SELECTED_STATUSES = ['not-proposed', 'not-selected', 'rejected', 'withdrawn'] as const;
/** 第十八条（二）: months without a new leader after the leader stopped (inferred, see the trigger's citation). */
export const LEADER_GRACE_MONTHS = 6;

export interface RoundFact {
  callId: string;
  title: string;
  year: number;
  opensOn: string;
  closesOn: string;
  closed: boolean;
}
export interface ApplicationFact {
  callId: string;
  number: string;
  status: string;
  submittedOn: string;
}
export interface ActivityFact {
  on: string;
  what: string;
}
export interface HistoryFact {
  id: string;
  kind: string;
  happenedOn: string;
  note: string | null;
  createdAt: Date;
}
export interface StudioFacts {
  studioId: string;
  recognizedOn: string;
  hasUnit: boolean;
  /** The jurisdiction's construction-project rounds (calls) of the studio's jurisdiction. */
  rounds: RoundFact[];
  /** The unit's submitted applications to those rounds. */
  applications: ApplicationFact[];
  /** The latest record of each kind of activity (see the trigger's definition). */
  activities: ActivityFact[];
  history: HistoryFact[];
}
export interface Holding {
  key: string;
  summary: string;
  details: Record<string, unknown>;
}

const yearOf = (d: string) => Number(d.slice(0, 4));

/**
 * The round years that count for the studio (第四条: 建设项目每年评选一次; inferred, see the trigger's citation):
 * years of construction-project rounds opened after the studio's recognition and under its edition (from the
 * edition's first day in force), completed (today is in a later calendar year) and with every round closed.
 * Sorted ascending; each with its rounds and the unit's applications to them.
 */
export function countedRoundYears(f: StudioFacts, edition: Edition, today: string) {
  const byYear = new Map<number, RoundFact[]>();
  for (const r of f.rounds) {
    if (r.opensOn <= f.recognizedOn || r.opensOn < edition.validFrom) continue;
    byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  }
  return [...byYear.entries()]
    .filter(([year, rounds]) => year < yearOf(today) && rounds.every((r) => r.closed))
    .sort(([a], [b]) => a - b)
    .map(([year, rounds]) => ({ year, rounds, applications: f.applications.filter((a) => rounds.some((r) => r.callId === a.callId)) }));
}

/** The run of consecutive counted years, ending at the latest counted year, for which `test` holds. */
function trailingRun<T extends { year: number }>(years: T[], test: (y: T) => boolean): T[] {
  const run: T[] = [];
  for (let i = years.length - 1; i >= 0; i--) {
    const y = years[i];
    if (!test(y)) break;
    if (run.length && run[0].year !== y.year + 1) break; // a year without a round breaks the run
    run.unshift(y);
  }
  return run;
}

const roundList = (rounds: RoundFact[]) => rounds.map((r) => `“${r.title}”（${r.opensOn} 至 ${r.closesOn}）`).join('、');

/** 第十八条（一）连续两年未申报建设项目. */
export function noProjectTwoYears(f: StudioFacts, edition: Edition, today: string): Holding | null {
  const years = countedRoundYears(f, edition, today);
  const run = trailingRun(years, (y) => y.applications.length === 0);
  if (run.length < 2) return null;
  const names = run.map((y) => `${y.year} 年`).join('、');
  return {
    key: `years:${run.map((y) => y.year).join(',')}`,
    summary:
      `工作室于 ${f.recognizedOn} 认定。${names}连续 ${run.length} 个评选年度，区人社局均开展了建设项目评选（${run.map((y) => roundList(y.rounds)).join('；')}），` +
      `所在单位均未提交建设项目申报${f.hasUnit ? '' : '（所在单位未在平台注册，平台上没有其申报记录）'}。`,
    details: { recognizedOn: f.recognizedOn, years: run.map((y) => y.year), rounds: run.flatMap((y) => y.rounds.map((r) => ({ callId: r.callId, title: r.title, year: r.year }))) },
  };
}

/** 第十八条（一）连续五年申报建设项目未入选. */
export function notSelectedFiveYears(f: StudioFacts, edition: Edition, today: string): Holding | null {
  const years = countedRoundYears(f, edition, today);
  const ended = new Set<string>(NOT_SELECTED_STATUSES);
  const run = trailingRun(years, (y) => y.applications.length > 0 && y.applications.every((a) => ended.has(a.status)));
  if (run.length < 5) return null;
  const apps = run.flatMap((y) => y.applications.map((a) => ({ year: y.year, number: a.number, status: a.status })));
  return {
    key: `years:${run.map((y) => y.year).join(',')}`,
    summary:
      `${run[0].year}—${run[run.length - 1].year} 年连续 ${run.length} 个评选年度，所在单位均申报了建设项目（${apps.map((a) => `${a.year} 年 ${a.number}`).join('、')}），` +
      `均未入选（未拟入选、未入选、不予通过或撤销），没有一项入选。`,
    details: { years: run.map((y) => y.year), applications: apps },
  };
}

/** 第十八条（一）超过一年未开展工作: no recorded activity for more than a year (activity inferred from records). */
export function noWorkOverAYear(f: StudioFacts, _edition: Edition, today: string): Holding | null {
  const past = f.activities.filter((a) => a.on <= today && a.on >= f.recognizedOn).sort((a, b) => b.on.localeCompare(a.on));
  const last = past[0] ?? { on: f.recognizedOn, what: '工作室认定' };
  const anniversary = addMonths(last.on, 12);
  // “超过一年”: the anniversary itself is exactly one year; the day after it is more.
  if (today <= anniversary) return null;
  return {
    key: `last:${last.on}`,
    summary: `工作室最近一次工作记录为 ${last.on}（${last.what}），至 ${today} 已超过一年（满一年之日为 ${anniversary}），其间平台上没有项目进展、结项报告、经费支出、年度报告、建设项目申报或变更申请记录。`,
    details: { lastActivityOn: last.on, lastActivity: last.what, oneYearOn: anniversary },
  };
}

/** 第十八条（二）领办人停止开展工作，导致工作室不能正常运转: no new leader within the grace period (inferred). */
export function leaderStopped(f: StudioFacts, _edition: Edition, today: string): Holding | null {
  const stops = f.history.filter((h) => h.kind === 'leader-stopped' && h.happenedOn <= today).sort((a, b) => b.happenedOn.localeCompare(a.happenedOn) || +b.createdAt - +a.createdAt);
  const stop = stops[0];
  if (!stop) return null;
  const replaced = f.history.some((h) => h.kind === 'leader' && h.happenedOn <= today && (h.happenedOn > stop.happenedOn || (h.happenedOn === stop.happenedOn && h.createdAt > stop.createdAt)));
  if (replaced) return null;
  const graceEnds = addMonths(stop.happenedOn, LEADER_GRACE_MONTHS);
  if (today <= graceEnds) return null;
  return {
    key: `history:${stop.id}`,
    summary: `区人社局确认领办人自 ${stop.happenedOn} 起停止开展工作${stop.note ? `（${stop.note}）` : ''}，至 ${today} 已超过 ${LEADER_GRACE_MONTHS} 个月（${graceEnds} 届满），没有新的领办人变更记录，工作室不能正常运转。`,
    details: { stoppedOn: stop.happenedOn, historyId: stop.id, graceMonths: LEADER_GRACE_MONTHS, graceEndsOn: graceEnds },
  };
}

/** 第十八条（三）所在单位外迁等原因在我区停止生产经营: an approved move out of the district. */
export function unitCeased(f: StudioFacts, _edition: Edition, today: string): Holding | null {
  const moved = f.history.filter((h) => h.kind === 'unit-left-jurisdiction' && h.happenedOn <= today).sort((a, b) => b.happenedOn.localeCompare(a.happenedOn))[0];
  if (!moved) return null;
  return {
    key: `history:${moved.id}`,
    summary: `已批准的变更申请记载：所在单位自 ${moved.happenedOn} 起迁出本区${moved.note ? `（${moved.note}）` : ''}，不再在本区生产经营。`,
    details: { movedOn: moved.happenedOn, historyId: moved.id },
  };
}

/** The evaluator of each automatic trigger id. An automatic trigger of an edition without one here is not checked. */
export const EVALUATORS: Record<string, (f: StudioFacts, edition: Edition, today: string) => Holding | null> = {
  'no-work-over-a-year': noWorkOverAYear,
  'no-project-two-years': noProjectTwoYears,
  'not-selected-five-years': notSelectedFiveYears,
  'leader-stopped': leaderStopped,
  'unit-ceased': unitCeased,
};

const citationOf = (t: RevocationTrigger) => `${t.citation.document} ${t.citation.article}`;

async function gatherFacts(tx: Tx, rows: { id: string; jurisdictionId: string; unitId: string | null; recognizedOn: string }[], now: Date): Promise<Map<string, StudioFacts>> {
  const ids = rows.map((s) => s.id);
  const jurisdictions = [...new Set(rows.map((s) => s.jurisdictionId))];
  const unitIds = [...new Set(rows.map((s) => s.unitId).filter((u): u is string => !!u))];

  const rounds = await tx
    .select({ id: calls.id, jurisdictionId: calls.jurisdictionId, title: calls.title, year: calls.year, opensAt: calls.opensAt, closesAt: calls.closesAt })
    .from(calls)
    .where(and(inArray(calls.jurisdictionId, jurisdictions), eq(calls.program, 'construction-project')));
  const apps = unitIds.length && rounds.length
    ? await tx
        .select({ callId: applications.callId, unitId: applications.unitId, number: applications.number, status: applications.status, submittedAt: applications.submittedAt })
        .from(applications)
        .where(and(inArray(applications.unitId, unitIds), inArray(applications.callId, rounds.map((r) => r.id)), isNotNull(applications.submittedAt)))
    : [];

  const latest = new Map<string, ActivityFact[]>();
  const add = (studioId: string | null, on: string | Date | null, what: string) => {
    if (!studioId || !on) return;
    const day = typeof on === 'string' ? on : shanghaiDate(on);
    latest.set(studioId, [...(latest.get(studioId) ?? []), { on: day, what }]);
  };
  const today = shanghaiDate(now);
  // The latest record of each kind up to today, per studio (one grouped query each).
  for (const r of await tx.select({ s: projects.studioId, d: max(projectUpdates.reportedOn) }).from(projectUpdates).innerJoin(projects, eq(projects.id, projectUpdates.projectId)).where(and(inArray(projects.studioId, ids), lte(projectUpdates.reportedOn, today))).groupBy(projects.studioId))
    add(r.s, r.d, '报送项目进展');
  for (const r of await tx.select({ s: projects.studioId, d: max(projectClosures.submittedAt) }).from(projectClosures).innerJoin(projects, eq(projects.id, projectClosures.projectId)).where(and(inArray(projects.studioId, ids), lte(projectClosures.submittedAt, now))).groupBy(projects.studioId))
    add(r.s, r.d, '提交结项报告');
  for (const r of await tx.select({ s: fundExpenditures.studioId, d: max(fundExpenditures.spentOn) }).from(fundExpenditures).where(and(inArray(fundExpenditures.studioId, ids), lte(fundExpenditures.spentOn, today))).groupBy(fundExpenditures.studioId))
    add(r.s, r.d, '登记经费支出');
  for (const r of await tx.select({ s: projects.studioId, d: max(fundExpenditures.spentOn) }).from(fundExpenditures).innerJoin(projects, eq(projects.id, fundExpenditures.projectId)).where(and(inArray(projects.studioId, ids), lte(fundExpenditures.spentOn, today))).groupBy(projects.studioId))
    add(r.s, r.d, '登记经费支出');
  for (const r of await tx.select({ s: annualReports.studioId, d: max(annualReports.submittedAt) }).from(annualReports).where(and(inArray(annualReports.studioId, ids), isNotNull(annualReports.submittedAt), lte(annualReports.submittedAt, now))).groupBy(annualReports.studioId))
    add(r.s, r.d, '提交年度报告');
  for (const r of await tx.select({ s: changeRequests.studioId, d: max(changeRequests.submittedAt) }).from(changeRequests).where(and(inArray(changeRequests.studioId, ids), lte(changeRequests.submittedAt, now))).groupBy(changeRequests.studioId))
    add(r.s, r.d, '提交变更申请');

  const history = await tx
    .select({ id: studioHistory.id, studioId: studioHistory.studioId, kind: studioHistory.kind, happenedOn: studioHistory.happenedOn, note: studioHistory.note, createdAt: studioHistory.createdAt })
    .from(studioHistory)
    .where(and(inArray(studioHistory.studioId, ids), inArray(studioHistory.kind, ['leader-stopped', 'leader', 'unit-left-jurisdiction'])));

  const facts = new Map<string, StudioFacts>();
  for (const s of rows) {
    const own = rounds.filter((r) => r.jurisdictionId === s.jurisdictionId);
    const ownApps = s.unitId ? apps.filter((a) => a.unitId === s.unitId && a.submittedAt && a.submittedAt <= now) : [];
    const activities = [...(latest.get(s.id) ?? [])];
    const lastApp = ownApps.sort((a, b) => +b.submittedAt! - +a.submittedAt!)[0];
    if (lastApp) activities.push({ on: shanghaiDate(lastApp.submittedAt!), what: `提交建设项目申报 ${lastApp.number}` });
    facts.set(s.id, {
      studioId: s.id,
      recognizedOn: s.recognizedOn,
      hasUnit: !!s.unitId,
      rounds: own.map((r) => ({ callId: r.id, title: r.title, year: r.year, opensOn: shanghaiDate(r.opensAt), closesOn: shanghaiDate(r.closesAt), closed: r.closesAt <= now })),
      applications: ownApps.map((a) => ({ callId: a.callId, number: a.number, status: a.status, submittedOn: shanghaiDate(a.submittedAt!) })),
      activities,
      history: history.filter((h) => h.studioId === s.id),
    });
  }
  return facts;
}

export const revocationCheck: DailyJob = {
  name: 'revocation-triggers',
  async run(tx, today, now) {
    const active = await tx
      .select({ id: studios.id, name: studios.name, jurisdictionId: studios.jurisdictionId, editionId: studios.editionId, unitId: studios.unitId, recognizedOn: studios.recognizedOn })
      .from(studios)
      .where(eq(studios.status, 'active'));
    // Only studios whose edition has automatic triggers (经开区 and 顺义 list none: never a case).
    const checked = active.filter((s) => getEdition(s.editionId)?.revocationTriggers.some((t) => t.detection === 'automatic' && EVALUATORS[t.id]));
    if (!checked.length) return { studios: 0, raised: 0 };
    const facts = await gatherFacts(tx, checked, now);
    const existing = await tx
      .select({ studioId: revocationCases.studioId, triggerId: revocationCases.triggerId, status: revocationCases.status, facts: revocationCases.facts, createdAt: revocationCases.createdAt })
      .from(revocationCases)
      .where(inArray(revocationCases.studioId, checked.map((s) => s.id)))
      .orderBy(desc(revocationCases.createdAt));

    const raised: { caseId: string; studioId: string; triggerId: string }[] = [];
    let keptDismissed = 0;
    for (const s of checked) {
      const edition = getEdition(s.editionId)!;
      for (const trigger of edition.revocationTriggers) {
        const evaluate = trigger.detection === 'automatic' ? EVALUATORS[trigger.id] : undefined;
        if (!evaluate) continue;
        const holding = evaluate(facts.get(s.id)!, edition, today);
        if (!holding) continue;
        const cases = existing.filter((c) => c.studioId === s.id && c.triggerId === trigger.id);
        if (cases.some((c) => c.status === 'open')) continue;
        // A dismissed case is not raised again for the same facts (same key); new facts (a new year) raise it again.
        const lastDismissed = cases.find((c) => c.status === 'dismissed');
        if (lastDismissed && (lastDismissed.facts?.details as { key?: string } | undefined)?.key === holding.key) {
          keptDismissed++;
          continue;
        }
        const id = randomUUID();
        const inserted = await tx
          .insert(revocationCases)
          .values({
            id,
            studioId: s.id,
            jurisdictionId: s.jurisdictionId,
            editionId: s.editionId,
            triggerId: trigger.id,
            citation: citationOf(trigger),
            facts: { summary: holding.summary, details: { ...holding.details, key: holding.key, checkedOn: today } },
            raisedBy: 'system',
            raisedOn: today,
            status: 'open',
            createdAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: revocationCases.id });
        if (!inserted.length) continue;
        await recordAudit(
          tx,
          SYSTEM_ACTOR,
          { action: 'revocation.case_raised', entityType: 'revocation_case', entityId: id, jurisdictionId: s.jurisdictionId, after: { studioId: s.id, studio: s.name, triggerId: trigger.id, citation: citationOf(trigger), key: holding.key } },
          now,
        );
        raised.push({ caseId: id, studioId: s.id, triggerId: trigger.id });
      }
    }
    return { studios: checked.length, raised: raised.length, cases: raised, dismissedSameFacts: keptDismissed };
  },
};
