import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { addWorkingDays } from '../../../policy/calendar';
import { getEdition } from '../../../policy/editions';
import type { StageDef } from '../../../policy/types';
import { shanghaiDate } from '../../../shared/time';
import { MOBILE_PATTERN } from '../../../shared/units';
import type { Db, DbOrTx } from '../../db/client';
import { applicationEvents, applications, calls, jurisdictions, outbox, paperDossierRequests, units, users } from '../../db/schema';
import { AppError, notFound, sqlState } from '../../errors';
import { statusName } from '../../workflow/intake';
import { recordAudit, type Actor } from '../audit/audit.service';
import { loadCalendarOverrides } from '../policies/calendar.service';

/**
 * The paper dossier notice (经开区 京技管发〔2024〕1号 2026 办事指南 五（二）: 收到打印纸质材料短信通知后，在3个工作日内…
 * 递交至受理窗口). Whether an edition has it, and its limit, come from the edition's `paper-intake` stage — never from
 * the jurisdiction's name.
 */
export const PAPER_INTAKE_STAGE = 'paper-intake';

/**
 * The status in which the desk may ask for the paper dossier: the application waits at the `paper-intake` stage, i.e.
 * it passed the online checks that precede it in the edition's order (经开区 办事指南 六（二）初审、六（三）审核 → 六（四）线下受理).
 */
const REQUESTABLE = new Set([PAPER_INTAKE_STAGE]);

/** The SMS signature (短信签名) of the desk that sends the notice. */
const SIGNATURES: Record<string, string> = { etdz: '经开区人社服务中心' };

export function paperIntakeStage(editionId: string, program: string): StageDef | undefined {
  return getEdition(editionId)
    ?.programs.find((p) => p.id === program)
    ?.stages.find((s) => s.id === PAPER_INTAKE_STAGE && !!s.limit);
}

/** The pending request of the application's current round, if any (for the application detail). */
export async function pendingPaperDossier(db: DbOrTx, app: { id: string; round: number }) {
  const [row] = await db
    .select({ deadline: paperDossierRequests.deadline, requestedAt: paperDossierRequests.requestedAt, round: paperDossierRequests.round })
    .from(paperDossierRequests)
    .where(and(eq(paperDossierRequests.applicationId, app.id), eq(paperDossierRequests.round, app.round), isNull(paperDossierRequests.receivedAt)))
    .orderBy(desc(paperDossierRequests.requestedAt))
    .limit(1);
  return row ? { deadline: row.deadline, requestedAt: row.requestedAt.toISOString(), round: row.round } : null;
}

const maskPhone = (p: string) => p.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2');

export async function requestPaperDossier(
  db: Db,
  caller: { actor: Actor; deskJurisdictions: string[] },
  id: string,
  now: Date,
) {
  const [app] = await db.select().from(applications).where(eq(applications.id, id)).limit(1);
  if (!app || !caller.deskJurisdictions.includes(app.jurisdictionId)) throw notFound('申报', 'APPLICATION_NOT_FOUND');
  const [call] = await db.select({ editionId: calls.editionId }).from(calls).where(eq(calls.id, app.callId)).limit(1);
  const stage = paperIntakeStage(call.editionId, app.program);
  const program = getEdition(call.editionId)?.programs.find((p) => p.id === app.program);
  if (!stage?.limit) {
    throw new AppError('PAPER_DOSSIER_NOT_APPLICABLE', 409, '本申报所依据的政策没有“线下报送纸质材料”环节，无需通知报送纸质材料');
  }
  if (!REQUESTABLE.has(app.status)) {
    throw new AppError('PAPER_DOSSIER_NOT_READY', 409, `申报当前状态为“${statusName(app.status)}”，只有通过网上审核、待线下受理的申报才能通知报送纸质材料`);
  }
  const pending = await pendingPaperDossier(db, app);
  if (pending) throw new AppError('PAPER_DOSSIER_PENDING', 409, `本轮已通知报送纸质材料（截止 ${pending.deadline}），不能重复通知`);

  const today = shanghaiDate(now);
  const deadline =
    stage.limit.unit === 'working-days'
      ? addWorkingDays(today, stage.limit.days, await loadCalendarOverrides(db)).date
      : new Date(Date.parse(`${today}T00:00:00Z`) + stage.limit.days * 86_400_000).toISOString().slice(0, 10);
  const [unit] = await db
    .select({ phone: units.contactPhone, jurisdictionName: jurisdictions.nameZh })
    .from(units)
    .innerJoin(jurisdictions, eq(jurisdictions.id, units.jurisdictionId))
    .where(eq(units.id, app.unitId));
  // SMS only reaches a mobile number (a landline on the profile gets the in-app message only).
  const mobile = unit.phone && MOBILE_PATTERN.test(unit.phone.trim()) ? unit.phone.trim() : null;
  const signature = SIGNATURES[app.jurisdictionId] ?? `${unit.jurisdictionName}人力资源和社会保障局`;
  const body =
    `【${signature}】您单位的${program?.title.zh ?? '技能大师工作室'}申报（编号 ${app.number}）已通过审核，请于 ${deadline} 前从平台下载带水印的全套申报材料打印，` +
    '一式一份有序胶装，递交政务服务大厅“政策申报”窗口。';
  const note = `通知报送纸质材料，截止 ${deadline}`;

  try {
    await db.transaction(async (tx) => {
      await tx.insert(paperDossierRequests).values({ id: randomUUID(), applicationId: id, round: app.round, deadline, requestedBy: caller.actor.userId, requestedAt: now });
      await tx.insert(applicationEvents).values({
        id: randomUUID(),
        applicationId: id,
        at: now,
        actorUserId: caller.actor.userId,
        actorName: caller.actor.username,
        action: 'paper_dossier_requested',
        fromStatus: null,
        toStatus: null,
        round: app.round,
        note,
        // Not `deadline`: on the timelines that word means a correction deadline (补正期限).
        details: { paperDossierDeadline: deadline, stage: PAPER_INTAKE_STAGE, workingDays: stage.limit!.days },
      });
      // In-app to every user of the unit; SMS to the contact's mobile — both from the outbox, delivered afterwards.
      const title = `请报送纸质申报材料：${app.number}`;
      const message = { template: 'application.paper_dossier_requested', title, body, payload: { applicationId: id, deadline } };
      const members = await tx.select({ id: users.id }).from(users).where(and(eq(users.unitId, app.unitId), eq(users.active, true)));
      const rows = members.map((m) => outboxRow('in-app', m.id, null, message, now));
      if (mobile) rows.push(outboxRow('sms', null, mobile, message, now));
      if (rows.length) await tx.insert(outbox).values(rows);
      await recordAudit(
        tx,
        caller.actor,
        { action: 'application.paper_dossier_requested', entityType: 'application', entityId: id, jurisdictionId: app.jurisdictionId, after: { round: app.round, deadline, sms: mobile ? maskPhone(mobile) : null } },
        now,
      );
    });
  } catch (err) {
    if (sqlState(err) === '23505') throw new AppError('PAPER_DOSSIER_PENDING', 409, '本轮已通知报送纸质材料，不能重复通知');
    throw err;
  }
  return {
    deadline,
    workingDays: stage.limit.days,
    sms: mobile ? { sentTo: maskPhone(mobile) } : null,
    notice: mobile ? `已向单位联系人手机 ${maskPhone(mobile)} 发送短信，并发送站内消息` : '该单位未登记联系人手机号，未发送短信；已发送站内消息，请另行电话告知',
    message: body,
  };
}

function outboxRow(
  channel: 'in-app' | 'sms',
  userId: string | null,
  recipient: string | null,
  m: { template: string; title: string; body: string; payload: Record<string, unknown> },
  now: Date,
): typeof outbox.$inferInsert {
  return {
    id: randomUUID(),
    channel,
    userId,
    recipient,
    template: m.template,
    title: m.title,
    body: m.body,
    payload: m.payload,
    // In-app messages are delivered by being stored; the SMS waits for the delivery job (notifications module).
    status: channel === 'in-app' ? 'delivered' : 'pending',
    nextAttemptAt: now,
    createdAt: now,
    deliveredAt: channel === 'in-app' ? now : null,
  };
}
