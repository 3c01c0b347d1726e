/**
 * Seeding a call whose review is complete (issue 5's end state) for the notice and objection tests: the call,
 * applications in `proposed` / `not-proposed`, the officer's proposal and its ranked items — written directly, as
 * the review slice would leave them (the review routes are built in parallel).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applicationForms, applications, calls, proposalItems, proposals, units, users } from '../../db/schema';

let seq = 0;

export interface SeedEntry {
  /** Demo account of the applicant unit (e.g. 'unit-a'); omitted = a fresh unit of the jurisdiction without users. */
  unit?: string;
  leader: string;
  occupation?: string;
  title: string;
  projectName?: string;
  proposed: boolean;
  amount?: number | null;
}

export async function unitIdOf(db: Db, username: string): Promise<string> {
  const [u] = await db.select({ unitId: users.unitId }).from(users).where(eq(users.username, username));
  return u!.unitId!;
}

export async function seedReviewedCall(
  db: Db,
  opts: {
    jurisdiction?: string;
    editionId?: string;
    program?: 'studio-recognition' | 'construction-project';
    proposal?: 'submitted' | 'draft' | 'none';
    entries: SeedEntry[];
    now: Date;
  },
) {
  const n = ++seq;
  const jurisdiction = opts.jurisdiction ?? 'daxing';
  const editionId = opts.editionId ?? 'daxing-2025';
  const program = opts.program ?? 'studio-recognition';
  const callId = randomUUID();
  const now = opts.now;
  await db.insert(calls).values({
    id: callId,
    jurisdictionId: jurisdiction,
    editionId,
    program,
    title: `2026年大兴区技能大师工作室认定和建设项目评选（测试${n}）`,
    year: 2026,
    opensAt: new Date(now.getTime() - 90 * 86_400_000),
    closesAt: new Date(now.getTime() - 60 * 86_400_000),
    quota: 3,
    contacts: [{ name: '周云汉', phone: '81298272', address: '大兴区永华南里14号' }],
    noticeText: '根据京兴人社发〔2025〕21号组织评选。',
    createdAt: new Date(now.getTime() - 90 * 86_400_000),
  });
  const apps: { id: string; number: string; unitId: string }[] = [];
  let i = 0;
  for (const e of opts.entries) {
    i++;
    let unitId: string;
    if (e.unit) unitId = await unitIdOf(db, e.unit);
    else {
      unitId = randomUUID();
      await db.insert(units).values({ id: unitId, name: `北京测试单位${n}-${i}有限公司`, creditCode: `TEST${n}X${i}${randomUUID().slice(0, 8)}`, jurisdictionId: jurisdiction, contactPhone: '13800000000' });
    }
    const id = randomUUID();
    const number = `DX-2026-T${n}-${String(i).padStart(4, '0')}`;
    await db.insert(applications).values({
      id,
      number,
      callId,
      unitId,
      jurisdictionId: jurisdiction,
      program,
      status: e.proposed ? 'proposed' : 'not-proposed',
      version: 5,
      title: e.title,
      leaderName: e.leader,
      round: 0,
      studioRecognized: false,
      submittedAt: new Date(now.getTime() - 70 * 86_400_000),
      createdAt: new Date(now.getTime() - 80 * 86_400_000),
      updatedAt: new Date(now.getTime() - 5 * 86_400_000),
    });
    await db.insert(applicationForms).values({
      applicationId: id,
      formId: 'work-plan',
      data: { projectName: e.projectName ?? e.title, ...(e.occupation ? { occupation: e.occupation } : {}), masterName: e.leader },
      version: 1,
      updatedAt: now,
    });
    apps.push({ id, number, unitId });
  }
  let proposalId: string | null = null;
  if ((opts.proposal ?? 'submitted') !== 'none') {
    proposalId = randomUUID();
    const submitted = (opts.proposal ?? 'submitted') === 'submitted';
    await db.insert(proposals).values({
      id: proposalId,
      callId,
      status: submitted ? 'submitted' : 'draft',
      version: 2,
      createdAt: now,
      updatedAt: now,
      submittedAt: submitted ? new Date(now.getTime() - 86_400_000) : null,
    });
    await db.insert(proposalItems).values(
      opts.entries.map((e, k) => ({ proposalId: proposalId!, applicationId: apps[k].id, rank: k + 1, aggregate: 90 - k * 3, proposed: e.proposed, amount: e.amount ?? null })),
    );
  }
  return { callId, apps, proposalId };
}

export const PUBLISH_BODY = {
  body: '根据京兴人社发〔2025〕21号第十一条，经单位申报、完整性审核和专家评审，拟认定以下技能大师工作室，现予以公示。',
  contacts: [{ name: '周云汉、姜锦颐', phone: '81298272', address: '大兴区永华南里14号艺苑桐城行政办公区人力资源公共服务中心121室', hours: '工作日 9:00—12:00，13:30—17:30' }],
};
