import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { addDays, addMonths } from '../../policy/rules/dates';
import { fromShanghaiLocal, shanghaiDate } from '../../shared/time';
import type { Db } from '../db/client';
import { revocationCases, studios, studioTitles, users } from '../db/schema';
import { revocationCheck, LEADER_GRACE_MONTHS } from '../jobs/revocation-check';
import { recordAudit } from '../modules/audit/audit.service';
import { appendStudioHistory } from '../modules/studios/history';

const DX_DOC = '京兴人社发〔2025〕21号';

/**
 * Demo data of the studio lifecycle: revocation (issue 7). Runs last of the demos, after the registry, funding,
 * review, projects, reports and changes demos, so the daily check sees their records:
 * - the revoked 大兴 studio of the registry demo (周永强 电工, 第十八条（二）) gets its story: the leader's retirement
 *   (情况说明 accepted under 第十七条), the case the check raised when no new leader followed within
 *   the grace period, the officer's revocation with its document, and the 'revoked' history entry;
 * - then the daily check runs for today (`revocationCheck.run` with the demo's `now`): it raises the cases the
 *   records really show, e.g. 大兴 张国华焊工 with no recorded activity for more than a year (第十八条（一）). Unit-a's
 *   national studio (applications and reports this year) gets none; 经开区 and 顺义 studios never do.
 */
export async function loadRevocationDemo(db: Db, now: Date): Promise<void> {
  const [any] = await db.select({ id: revocationCases.id }).from(revocationCases).limit(1);
  if (any) return;
  const today = shanghaiDate(now);
  const [officer] = await db.select({ id: users.id, username: users.username }).from(users).where(eq(users.username, 'daxing-officer'));
  const actor = { userId: officer?.id ?? null, username: officer?.username ?? 'daxing-officer', role: 'program', jurisdictionId: 'daxing' };
  const [revoked] = await db.select().from(studios).where(and(eq(studios.jurisdictionId, 'daxing'), eq(studios.leaderName, '周永强'), eq(studios.status, 'revoked'))).limit(1);

  await db.transaction(async (tx) => {
    if (revoked && revoked.revokedOn) {
      const revokedOn = revoked.revokedOn;
      // The grace period ended a month before the case was raised; the leader stopped LEADER_GRACE_MONTHS before that.
      const raisedOn = addDays(revokedOn, -30);
      const stoppedOn = addMonths(addDays(raisedOn, -1), -LEADER_GRACE_MONTHS);
      const at = (day: string, time: string) => {
        const d = fromShanghaiLocal(`${day}T${time}`);
        return d.getTime() > now.getTime() ? now : d;
      };
      await appendStudioHistory(
        tx,
        {
          studioId: revoked.id,
          kind: 'leader-stopped',
          happenedOn: stoppedOn,
          before: { leaderName: revoked.leaderName },
          after: { leaderName: null },
          citation: `${DX_DOC} 第十七条`,
          note: '领办人周永强达到法定退休年龄退休，所在单位提交情况说明，暂无符合条件的接任人选',
          actorId: actor.userId,
        },
        at(stoppedOn, '15:20'),
      );
      const caseId = randomUUID();
      const graceEnds = addMonths(stoppedOn, LEADER_GRACE_MONTHS);
      const plaque = revoked.plaqueNumber;
      const document = `京兴人社发〔${revokedOn.slice(0, 4)}〕47号`;
      const citation = `${DX_DOC} 第十八条（二）`;
      await tx.insert(revocationCases).values({
        id: caseId,
        studioId: revoked.id,
        jurisdictionId: 'daxing',
        editionId: revoked.editionId,
        triggerId: 'leader-stopped',
        citation,
        facts: {
          summary: `区人社局确认领办人自 ${stoppedOn} 起停止开展工作（领办人周永强达到法定退休年龄退休，所在单位提交情况说明，暂无符合条件的接任人选），至 ${raisedOn} 已超过 ${LEADER_GRACE_MONTHS} 个月（${graceEnds} 届满），没有新的领办人变更记录，工作室不能正常运转。`,
          details: { stoppedOn, graceMonths: LEADER_GRACE_MONTHS, graceEndsOn: graceEnds, key: `demo:${stoppedOn}`, checkedOn: raisedOn },
        },
        raisedBy: 'system',
        raisedOn,
        status: 'revoked',
        decisionReason: revoked.revocationReason ?? '领办人退休后工作室停止开展工作，不能正常运转。',
        decisionDocument: document,
        decidedBy: actor.userId,
        decidedAt: at(revokedOn, '10:30'),
        version: 2,
        createdAt: at(raisedOn, '02:00'),
      });
      const titles = await tx.select().from(studioTitles).where(eq(studioTitles.studioId, revoked.id));
      await appendStudioHistory(
        tx,
        {
          studioId: revoked.id,
          kind: 'revoked',
          happenedOn: revokedOn,
          before: { status: 'active', plaqueNumber: plaque, level: revoked.level, titles: titles.map((t) => ({ level: t.level, awardedOn: t.awardedOn, document: t.document })) },
          after: { status: 'revoked', plaqueNumber: null, titleWithdrawn: '大兴区技能大师工作室', document, revokedOn },
          citation,
          note: `取消“大兴区技能大师工作室”称号，收回铭牌${plaque ? ` ${plaque}` : ''}（${document}）：${revoked.revocationReason ?? ''}`,
          revocationCaseId: caseId,
          actorId: actor.userId,
        },
        at(revokedOn, '10:30'),
      );
      // The plaque is withdrawn (收回铭牌): its number lives on in the history entry only.
      await tx.update(studios).set({ plaqueNumber: null, revocationArticle: citation }).where(eq(studios.id, revoked.id));
      await recordAudit(tx, actor, { action: 'revocation.case_raised', entityType: 'revocation_case', entityId: caseId, jurisdictionId: 'daxing', after: { studioId: revoked.id, triggerId: 'leader-stopped', citation } }, at(raisedOn, '02:00'));
      await recordAudit(
        tx,
        actor,
        { action: 'revocation.revoked', entityType: 'revocation_case', entityId: caseId, jurisdictionId: 'daxing', after: { studioId: revoked.id, studioStatus: 'revoked', revokedOn, document, citation } },
        at(revokedOn, '10:30'),
      );
    }
    // Today's daily check: the cases the records show (no fabricated facts).
    await revocationCheck.run(tx, today, now);
  });
}
