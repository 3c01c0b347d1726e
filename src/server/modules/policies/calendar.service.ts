import { asc, eq } from 'drizzle-orm';
import type { CalendarOverrides } from '../../../policy/calendar';
import type { Db } from '../../db/client';
import { calendarOverrides } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit, type Actor } from '../audit/audit.service';

/** The operator-entered schedules, read per call (a handful of rows; every instance sees a change at once). */
export async function loadCalendarOverrides(db: Db): Promise<CalendarOverrides> {
  const rows = await db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.year));
  return Object.fromEntries(rows.map((r) => [r.year, { holidays: r.holidays, workdays: r.workdays, source: r.source }]));
}

export async function listCalendarOverrides(db: Db) {
  return db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.year));
}

export async function setCalendarOverride(
  db: Db,
  year: number,
  input: { holidays: string[]; workdays: string[]; source: string },
  actor: Actor,
  now: Date,
) {
  const fields: Record<string, string> = {};
  const outside = (d: string) => !d.startsWith(`${year}-`);
  if (input.holidays.some(outside)) fields.holidays = `放假日期须在 ${year} 年内`;
  if (input.workdays.some(outside)) fields.workdays = `调休上班日期须在 ${year} 年内`;
  if (input.workdays.some((d) => input.holidays.includes(d))) fields.workdays = '同一天不能既放假又上班';
  const weekday = input.workdays.find((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
  if (weekday) fields.workdays = `调休上班日应为周六或周日：${weekday} 不是`;
  if (Object.keys(fields).length) throw new AppError('CALENDAR_INVALID', 400, '工作日安排不符合要求', fields);

  const row = {
    year,
    holidays: [...new Set(input.holidays)].sort(),
    workdays: [...new Set(input.workdays)].sort(),
    source: input.source,
    updatedBy: actor.username,
    updatedAt: now,
  };
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarOverrides).where(eq(calendarOverrides.year, year));
    await tx.insert(calendarOverrides).values(row).onConflictDoUpdate({ target: calendarOverrides.year, set: row });
    await recordAudit(tx, actor, { action: 'calendar.override_set', entityType: 'calendar', entityId: String(year), before: before ?? null, after: row }, now);
  });
  return row;
}
