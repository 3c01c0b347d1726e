/**
 * Seeding a public notice whose period has run (or is running) directly in the database, for the decision and
 * funding tests: a call, applications in status 公示中, the notice and its items — as S6's publication leaves them.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applicationForms, applications, calls, noticeItems, notices, units, users } from '../../db/schema';
import { objections } from '../../db/schema/objections';

export interface SeedItem {
  /** Demo username of the unit's account (unit-a, unit-b, unit-c). */
  unit: string;
  leader: string;
  occupation: string;
  name?: string;
  projectName?: string;
  amount?: number;
  unitName?: string;
  forms?: Record<string, Record<string, unknown>>;
}

let seq = 0;

export async function unitOf(db: Db, username: string) {
  const [row] = await db.select({ unit: units }).from(users).innerJoin(units, eq(units.id, users.unitId)).where(eq(users.username, username));
  return row.unit;
}

export async function seedNotice(
  db: Db,
  opts: { jurisdiction: string; editionId: string; program: 'studio-recognition' | 'construction-project'; startsOn: string; endsOn: string; items: SeedItem[] },
) {
  const now = new Date('2026-09-01T02:00:00Z');
  const callId = randomUUID();
  seq++;
  await db.insert(calls).values({
    id: callId,
    jurisdictionId: opts.jurisdiction,
    editionId: opts.editionId,
    program: opts.program,
    title: `测试批次 ${seq}（${opts.program === 'studio-recognition' ? '工作室认定' : '建设项目'}）`,
    year: 2026,
    opensAt: new Date('2026-06-01T00:00:00Z'),
    closesAt: new Date('2026-06-30T10:00:00Z'),
    contacts: [{ phone: '010-00000000' }],
    noticeText: '测试',
    createdAt: now,
  });
  const noticeId = randomUUID();
  await db.insert(notices).values({
    id: noticeId,
    callId,
    jurisdictionId: opts.jurisdiction,
    editionId: opts.editionId,
    program: opts.program,
    title: `测试公示 ${seq}`,
    body: '现将拟认定名单予以公示。',
    contacts: [{ phone: '010-00000000' }],
    startsOn: opts.startsOn,
    endsOn: opts.endsOn,
    workingDays: 5,
    status: 'published',
    publishedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  const itemIds: string[] = [];
  const appIds: string[] = [];
  for (const [i, item] of opts.items.entries()) {
    const unit = await unitOf(db, item.unit);
    const appId = randomUUID();
    await db.insert(applications).values({
      id: appId,
      number: `T${seq}-2026-${i + 1}-${randomUUID().slice(0, 6)}`,
      callId,
      unitId: unit.id,
      jurisdictionId: opts.jurisdiction,
      program: opts.program,
      status: 'in-notice',
      version: 3,
      title: item.projectName ?? item.name ?? null,
      leaderName: item.leader,
      round: 0,
      createdAt: now,
      updatedAt: now,
    });
    for (const [formId, data] of Object.entries(item.forms ?? {})) {
      await db.insert(applicationForms).values({ applicationId: appId, formId, data, version: 1, updatedAt: now });
    }
    const itemId = randomUUID();
    await db.insert(noticeItems).values({
      id: itemId,
      noticeId,
      position: i + 1,
      applicationId: appId,
      name: item.name ?? item.projectName ?? `${item.leader}工作室`,
      projectName: item.projectName ?? null,
      unitId: unit.id,
      unitName: item.unitName ?? unit.name,
      leaderName: item.leader,
      occupation: item.occupation,
      amount: item.amount ?? null,
    });
    itemIds.push(itemId);
    appIds.push(appId);
  }
  return { callId, noticeId, itemIds, appIds };
}

export async function fileObjection(db: Db, noticeId: string, noticeItemId: string, status = 'open') {
  const id = randomUUID();
  const trackingNumber = `YY-T-2026-${String(++seq).padStart(4, '0')}`;
  await db.insert(objections).values({
    id,
    trackingNumber,
    noticeId,
    noticeItemId,
    name: '王某',
    contact: '13800000000',
    body: '该单位团队人数与实际不符。',
    queryCodeHash: 'x'.repeat(64),
    status,
    filedAt: new Date('2026-09-02T02:00:00Z'),
  });
  return { id, trackingNumber };
}
