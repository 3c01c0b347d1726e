import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { getEdition } from '../../policy/editions';
import { param } from '../../policy/rules/conditions';
import type { Citation } from '../../policy/types';
import { STUDIO_LEVEL_NAMES } from '../../shared/registry';
import type { Db } from '../db/client';
import { notices, studios, studioTitles } from '../db/schema';
import { disbursementPayments, disbursements } from '../db/schema/funding';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/audit.service';

const cite = (c: Citation) => `${c.document} ${c.article}`;

/**
 * The payment schedule of the demo's registry (issue 6), from each studio's edition's funding rules — never from a
 * district name: the concluded 经开区 round's one-time grants (one already paid, with its voucher), and the awards of
 * the studios that hold a municipal or national title (大兴 第十三条; 经开区 第十四条). Runs after loadRegistryDemo.
 */
export async function loadFundingDemo(db: Db, now: Date): Promise<void> {
  const concluded = await db.select({ id: notices.id }).from(notices).where(eq(notices.status, 'concluded'));
  const fromNotices = concluded.length
    ? await db.select().from(studios).where(and(inArray(studios.sourceNoticeId, concluded.map((n) => n.id)), isNotNull(studios.unitId), eq(studios.status, 'active')))
    : [];
  const titled = await db
    .select({ studio: studios, title: studioTitles })
    .from(studioTitles)
    .innerJoin(studios, eq(studios.id, studioTitles.studioId))
    .where(and(inArray(studioTitles.level, ['municipal', 'national']), isNotNull(studios.unitId), eq(studios.status, 'active')));

  await db.transaction(async (tx) => {
    let paid = 0;
    let lines = 0;
    for (const s of fromNotices) {
      const program = getEdition(s.editionId)?.programs.find((p) => p.id === 'studio-recognition');
      for (const rule of program?.funding ?? []) {
        if (rule.kind !== 'fixed') continue;
        const v = param(rule.amount, s.recognizedOn) ?? param(rule.amount);
        if (!v) continue;
        const id = randomUUID();
        const pay = paid === 0; // the first one was paid a month after the decision
        await tx.insert(disbursements).values({
          id,
          jurisdictionId: s.jurisdictionId,
          editionId: s.editionId,
          program: 'studio-recognition',
          unitId: s.unitId!,
          unitName: s.unitName,
          studioId: s.id,
          sourceNoticeId: s.sourceNoticeId,
          purpose: `${s.name} 认定资助（一次性）`,
          kind: 'fixed',
          amount: v.value,
          citation: cite(v.citation),
          status: pay ? 'paid' : 'due',
          paidAmount: pay ? v.value : 0,
          dueOn: s.recognizedOn,
          createdAt: now,
          updatedAt: now,
        });
        lines++;
        if (pay) {
          paid++;
          const paidOn = new Date(Date.parse(`${s.recognizedOn}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
          await tx.insert(disbursementPayments).values({ id: randomUUID(), disbursementId: id, jurisdictionId: s.jurisdictionId, paidOn, amount: v.value, voucherNumber: `PZ-${paidOn.slice(0, 4)}-0${paid}18`, recordedAt: now });
        }
      }
    }
    for (const { studio: s, title } of titled) {
      const program = getEdition(s.editionId)?.programs.find((p) => p.id === 'studio-recognition');
      const rule = program?.funding.find((f) => f.kind === 'award' && f.title === title.level);
      if (!rule || rule.kind !== 'award') continue;
      const v = param(rule.amount, title.awardedOn) ?? param(rule.amount);
      if (!v) continue;
      const id = randomUUID();
      const pay = paid === 0 && title.level === 'municipal';
      await tx.insert(disbursements).values({
        id,
        jurisdictionId: s.jurisdictionId,
        editionId: s.editionId,
        program: 'studio-recognition',
        unitId: s.unitId!,
        unitName: s.unitName,
        studioId: s.id,
        studioTitleId: title.id,
        purpose: `${s.name} 入选${STUDIO_LEVEL_NAMES[title.level as 'municipal' | 'national'].zh}技能大师工作室奖励（一次性）`,
        kind: 'award',
        amount: v.value,
        citation: cite(v.citation),
        status: pay ? 'paid' : 'due',
        paidAmount: pay ? v.value : 0,
        dueOn: title.awardedOn,
        createdAt: now,
        updatedAt: now,
      });
      lines++;
      if (pay) {
        paid++;
        const paidOn = new Date(Date.parse(`${title.awardedOn}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
        await tx.insert(disbursementPayments).values({ id: randomUUID(), disbursementId: id, jurisdictionId: s.jurisdictionId, paidOn, amount: v.value, voucherNumber: `PZ-${paidOn.slice(0, 4)}-0${paid}27`, recordedAt: now });
      }
    }
    await recordAudit(tx, SYSTEM_ACTOR, { action: 'demo.loaded', entityType: 'funding', after: { disbursements: lines, paid } }, now);
  });
}
