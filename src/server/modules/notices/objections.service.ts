import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { FiledObjection, FileObjectionRequest, HandleObjectionRequest, ObjectionView, PublicObjectionStatus } from '../../../shared/notices-admin';
import { OBJECTION_STATUSES } from '../../../shared/notices-admin';
import { shanghaiDate, toShanghaiIso } from '../../../shared/time';
import type { Db, DbOrTx } from '../../db/client';
import { applications, counters, files, noticeItems, notices, objectionAttachments, objections } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import type { Storage } from '../../storage/storage';
import { storeUpload } from '../../storage/upload';
import { MAX_FILE_BYTES } from '../applications/applications.service';
import { SYSTEM_ACTOR, recordAudit, type Actor } from '../audit/audit.service';
import { notifyUnit } from '../notifications/notifications.service';
import { NOTICE_CLOSING_TIME, noticeEndsAt } from '../registry/registry.service';
import { loadNoticeFor, moveApplication, type Officer } from './notices.service';

/**
 * Objections (异议) to a public notice (issue 6). Anyone may file one while the notice runs (京兴人社发〔2025〕21号
 * 第十一条 “公示无异议的…”; 顺义 第六条 “接受社会监督”): name and contact are required unless the officer allowed
 * anonymous objections; after the period (17:00 of the last day) it is refused with the end date. The officer
 * investigates, replies, upholds (the item is withdrawn from the list and its application moves `withdraw`) or
 * dismisses; the affected unit is notified of each decision.
 */

type ObjectionRow = typeof objections.$inferSelect;

const PREFIX: Record<string, string> = { daxing: 'DX', etdz: 'KF', shunyi: 'SY' };
const MAX_ATTACHMENTS = 5;
const OPEN = ['open', 'investigating'];

export const hash = (s: string) => createHash('sha256').update(s).digest('hex');
/** Compare contacts loosely: spaces and dashes in a phone number do not matter, nor case in an e-mail. */
const normaliseContact = (s: string) => s.replace(/[\s-]/g, '').toLowerCase();

export async function nextTrackingNumber(tx: DbOrTx, jurisdictionId: string, year: number) {
  const prefix = `YY-${PREFIX[jurisdictionId] ?? jurisdictionId.slice(0, 2).toUpperCase()}-${year}`;
  await tx.insert(counters).values({ name: prefix, value: 0 }).onConflictDoNothing();
  const [row] = await tx
    .update(counters)
    .set({ value: sql`${counters.value} + 1` })
    .where(eq(counters.name, prefix))
    .returning({ value: counters.value });
  return `${prefix}-${String(row.value).padStart(4, '0')}`;
}

/** A notice open to the public (published or concluded, begun). */
async function loadPublicNotice(db: DbOrTx, id: string, now: Date) {
  const [n] = await db.select().from(notices).where(eq(notices.id, id)).limit(1);
  if (!n || !['published', 'concluded'].includes(n.status) || n.startsOn > shanghaiDate(now)) throw notFound('公示', 'NOTICE_NOT_FOUND');
  return n;
}

function assertPeriodOpen(n: typeof notices.$inferSelect, now: Date) {
  if (n.status !== 'published' || now.getTime() >= Date.parse(noticeEndsAt(n.endsOn))) {
    throw new AppError('NOTICE_PERIOD_ENDED', 409, `公示期已于 ${n.endsOn} ${NOTICE_CLOSING_TIME}（北京时间）结束，不再受理异议`);
  }
}

/** POST /api/notices/:id/objections — public; returns the tracking number and a query code. */
export async function fileObjection(db: Db, noticeId: string, input: FileObjectionRequest, meta: { ip: string | null }, now: Date): Promise<FiledObjection> {
  const n = await loadPublicNotice(db, noticeId, now);
  assertPeriodOpen(n, now);
  const anonymous = !!input.anonymous;
  const name = input.name?.trim() || null;
  const contact = input.contact?.trim() || null;
  if (anonymous && !n.allowAnonymousObjections) {
    throw new AppError('ANONYMOUS_NOT_ALLOWED', 400, '本公示不受理匿名异议，请填写姓名（或单位名称）和联系方式', { anonymous: '本公示要求实名提出异议' });
  }
  if (!anonymous) {
    const fields: Record<string, string> = {};
    if (!name) fields.name = '请填写姓名或单位名称';
    if (!contact) fields.contact = '请填写联系电话或电子邮箱';
    else if (!/^(\+?\d[\d\s-]{5,19}|[^\s@]+@[^\s@]+\.[^\s@]+)$/.test(contact)) fields.contact = '请填写有效的电话号码或电子邮箱';
    if (Object.keys(fields).length) throw new AppError('OBJECTION_CONTACT_REQUIRED', 400, '提出异议须填写姓名和联系方式（实名反映）', fields);
  }
  if (input.itemId) {
    const [item] = await db.select({ id: noticeItems.id, withdrawn: noticeItems.withdrawn }).from(noticeItems).where(and(eq(noticeItems.id, input.itemId), eq(noticeItems.noticeId, n.id)));
    if (!item || item.withdrawn) throw new AppError('NOTICE_ITEM_NOT_FOUND', 400, '异议对象不在公示名单中', { itemId: '请从公示名单中选择' });
  }
  const queryCode = randomBytes(6).toString('base64url').toUpperCase().replace(/[^A-Z0-9]/g, 'X').slice(0, 8);
  const id = randomUUID();
  const trackingNumber = await db.transaction(async (tx) => {
    const number = await nextTrackingNumber(tx, n.jurisdictionId, Number(shanghaiDate(now).slice(0, 4)));
    const row = {
      id,
      trackingNumber: number,
      noticeId: n.id,
      noticeItemId: input.itemId ?? null,
      anonymous,
      name: anonymous ? null : name,
      contact,
      body: input.body,
      queryCodeHash: hash(queryCode),
      status: 'open',
      version: 1,
      handling: [],
      filedAt: now,
    };
    await tx.insert(objections).values(row);
    const { queryCodeHash: _h, contact: _c, ...logged } = row;
    await recordAudit(
      tx,
      { ...SYSTEM_ACTOR, username: 'public', role: 'public', ip: meta.ip },
      { action: 'objection.filed', entityType: 'objection', entityId: id, jurisdictionId: n.jurisdictionId, after: { ...logged, hasContact: !!contact } },
      now,
    );
    return number;
  });
  return { trackingNumber, queryCode, status: 'open', filedAt: toShanghaiIso(now) };
}

/** Loads an objection by tracking number for its filer: the contact given (or the query code) is the proof. */
async function loadForFiler(db: DbOrTx, trackingNumber: string, proof: { contact?: string; code?: string }) {
  const [o] = await db.select().from(objections).where(eq(objections.trackingNumber, trackingNumber)).limit(1);
  const byContact = !!(o?.contact && proof.contact && normaliseContact(o.contact) === normaliseContact(proof.contact));
  const byCode = !!(o && proof.code && hash(proof.code.trim().toUpperCase()) === o.queryCodeHash);
  // Wrong proof and unknown number read the same (no probing of tracking numbers).
  if (!o || !(byContact || byCode)) throw new AppError('OBJECTION_NOT_FOUND', 404, '未找到该异议：请核对受理编号和联系方式（或查询码）');
  return o;
}

/** POST /api/objections/:trackingNumber/attachments — the filer adds evidence (PDF/JPG/PNG by content) while the notice runs. */
export async function addAttachment(
  db: Db,
  storage: Storage,
  trackingNumber: string,
  proof: { contact?: string; code?: string },
  file: { stream: Readable; filename: string },
  meta: { ip: string | null },
  now: Date,
) {
  const o = await loadForFiler(db, trackingNumber, proof);
  const [n] = await db.select().from(notices).where(eq(notices.id, o.noticeId));
  assertPeriodOpen(n, now);
  return storeUpload(storage, file, { maxBytes: MAX_FILE_BYTES, uploadedBy: null, now }, async (fileRow) => {
    const attachmentId = randomUUID();
    await db.transaction(async (tx) => {
      const [{ c }] = await tx.select({ c: count() }).from(objectionAttachments).where(eq(objectionAttachments.objectionId, o.id));
      if (Number(c) >= MAX_ATTACHMENTS) throw new AppError('TOO_MANY_FILES', 409, `每件异议最多上传 ${MAX_ATTACHMENTS} 个证明材料`);
      await tx.insert(files).values(fileRow);
      await tx.insert(objectionAttachments).values({ id: attachmentId, objectionId: o.id, fileId: fileRow.id, createdAt: now });
      await recordAudit(
        tx,
        { ...SYSTEM_ACTOR, username: 'public', role: 'public', ip: meta.ip },
        { action: 'objection.attachment_added', entityType: 'objection', entityId: o.id, jurisdictionId: n.jurisdictionId, after: { attachmentId, ...fileRow } },
        now,
      );
    });
    return { id: attachmentId, name: fileRow.originalName, mimeType: fileRow.mimeType, size: fileRow.size };
  });
}

/** GET /api/objections/:trackingNumber?contact=|code= — the filer sees the status and the reply. */
export async function getObjectionStatus(db: Db, trackingNumber: string, proof: { contact?: string; code?: string }): Promise<PublicObjectionStatus> {
  const o = await loadForFiler(db, trackingNumber, proof);
  const [n] = await db.select({ id: notices.id, title: notices.title }).from(notices).where(eq(notices.id, o.noticeId));
  const [item] = o.noticeItemId ? await db.select({ name: noticeItems.name }).from(noticeItems).where(eq(noticeItems.id, o.noticeItemId)) : [];
  const [{ c }] = await db.select({ c: count() }).from(objectionAttachments).where(eq(objectionAttachments.objectionId, o.id));
  return {
    trackingNumber: o.trackingNumber,
    noticeId: n.id,
    noticeTitle: n.title,
    itemName: item?.name ?? null,
    status: o.status as PublicObjectionStatus['status'],
    statusName: OBJECTION_STATUSES[o.status as keyof typeof OBJECTION_STATUSES]?.zh ?? o.status,
    filedAt: toShanghaiIso(o.filedAt),
    reply: o.reply,
    handledAt: o.handledAt ? toShanghaiIso(o.handledAt) : null,
    attachments: Number(c),
  };
}

export async function presentObjection(db: DbOrTx, o: ObjectionRow): Promise<ObjectionView> {
  const [item] = o.noticeItemId ? await db.select({ name: noticeItems.name }).from(noticeItems).where(eq(noticeItems.id, o.noticeItemId)) : [];
  const atts = await db
    .select({ id: objectionAttachments.id, name: files.originalName, mimeType: files.mimeType, size: files.size })
    .from(objectionAttachments)
    .innerJoin(files, eq(files.id, objectionAttachments.fileId))
    .where(eq(objectionAttachments.objectionId, o.id))
    .orderBy(asc(objectionAttachments.createdAt));
  return {
    id: o.id,
    trackingNumber: o.trackingNumber,
    itemId: o.noticeItemId,
    itemName: item?.name ?? null,
    anonymous: o.anonymous,
    name: o.name,
    contact: o.contact,
    body: o.body,
    status: o.status as ObjectionView['status'],
    statusName: OBJECTION_STATUSES[o.status as keyof typeof OBJECTION_STATUSES]?.zh ?? o.status,
    version: o.version,
    reply: o.reply,
    handling: o.handling,
    filedAt: toShanghaiIso(o.filedAt),
    attachments: atts,
  };
}

/** GET /api/notices/:id/objections — the officers (program, inspector) of the notice's jurisdiction. */
export async function listObjections(db: Db, officer: Officer, noticeId: string) {
  const n = await loadNoticeFor(db, officer, noticeId, false);
  const rows = await db.select().from(objections).where(eq(objections.noticeId, n.id)).orderBy(asc(objections.filedAt), asc(objections.trackingNumber));
  return Promise.all(rows.map((r) => presentObjection(db, r)));
}

async function loadObjectionFor(db: DbOrTx, officer: Officer, id: string, write: boolean) {
  const [o] = await db.select().from(objections).where(eq(objections.id, id)).limit(1);
  if (!o) throw notFound('异议', 'OBJECTION_NOT_FOUND');
  const n = await loadNoticeFor(db, officer, o.noticeId, write).catch(() => {
    throw notFound('异议', 'OBJECTION_NOT_FOUND');
  });
  return { o, n };
}

const NEXT: Record<HandleObjectionRequest['action'], { from: string[]; to: string; audit: 'objection.investigating' | 'objection.upheld' | 'objection.dismissed' }> = {
  investigate: { from: ['open'], to: 'investigating', audit: 'objection.investigating' },
  uphold: { from: OPEN, to: 'upheld', audit: 'objection.upheld' },
  dismiss: { from: OPEN, to: 'dismissed', audit: 'objection.dismissed' },
};

/** POST /api/objections/:id/handle — investigate | uphold (withdraw the item) | dismiss, with the reply. */
export async function handleObjection(db: Db, officer: Officer, id: string, input: HandleObjectionRequest, now: Date) {
  const { o, n } = await loadObjectionFor(db, officer, id, true);
  const step = NEXT[input.action];
  if (!step.from.includes(o.status)) {
    const name = OBJECTION_STATUSES[o.status as keyof typeof OBJECTION_STATUSES]?.zh ?? o.status;
    throw new AppError('OBJECTION_ALREADY_HANDLED', 409, o.status === 'investigating' && input.action === 'investigate' ? '该异议已在核查中' : `该异议已办结（${name}），不能再处理`);
  }
  if (input.version !== undefined && input.version !== o.version) throw new AppError('CONCURRENT_UPDATE', 409, '该异议刚被其他人处理，请刷新后查看');
  if (n.status !== 'published') throw new AppError('NOTICE_NOT_RUNNING', 409, '公示已办结，不能再处理异议');
  const itemId = input.action === 'uphold' ? (o.noticeItemId ?? input.itemId ?? null) : null;
  if (input.action === 'uphold' && !itemId) {
    throw new AppError('OBJECTION_ITEM_REQUIRED', 400, '异议未指明对象：异议成立时请选择要撤销的公示项', { itemId: '请选择要撤销的公示项' });
  }
  if (input.itemId && o.noticeItemId && input.itemId !== o.noticeItemId) {
    throw new AppError('OBJECTION_ITEM_MISMATCH', 400, '异议成立只能撤销异议所指的公示项', { itemId: '与异议对象不一致' });
  }
  const reply = input.reply.trim();
  const actor = officer.actor;
  await db.transaction(async (tx) => {
    const handling = [...o.handling, { action: input.action, reply, by: actor.username, at: toShanghaiIso(now) }];
    const updated = await tx
      .update(objections)
      .set({ status: step.to, reply, handling, handledBy: actor.userId, handledAt: now, version: sql`${objections.version} + 1` })
      .where(and(eq(objections.id, o.id), eq(objections.status, o.status), eq(objections.version, o.version)))
      .returning({ id: objections.id });
    if (!updated.length) throw new AppError('CONCURRENT_UPDATE', 409, '该异议刚被其他人处理，请刷新后查看');
    await recordAudit(tx, actor, { action: step.audit, entityType: 'objection', entityId: o.id, jurisdictionId: n.jurisdictionId, before: { status: o.status }, after: { status: step.to, reply, itemId } }, now);

    const targetId = itemId ?? o.noticeItemId;
    const [item] = targetId ? await tx.select().from(noticeItems).where(and(eq(noticeItems.id, targetId), eq(noticeItems.noticeId, n.id))) : [];
    if (targetId && !item) throw new AppError('NOTICE_ITEM_NOT_FOUND', 400, '该公示项不在本公示名单中', { itemId: '不在本公示名单中' });

    if (input.action === 'uphold' && item && !item.withdrawn) {
      // 异议成立: the item leaves the public list, its application moves `withdraw` (in-notice → withdrawn).
      const reason = `异议成立（${o.trackingNumber}）：${reply}`;
      await tx.update(noticeItems).set({ withdrawn: true, withdrawnReason: reason, withdrawnAt: now }).where(eq(noticeItems.id, item.id));
      await tx.update(notices).set({ updatedAt: now }).where(eq(notices.id, n.id));
      if (item.applicationId) {
        const [app] = await tx.select().from(applications).where(eq(applications.id, item.applicationId));
        await moveApplication(tx, actor, officer.role, { ...app, editionId: n.editionId }, 'withdraw', now, { action: 'withdrawn', note: reason, details: { noticeId: n.id, objection: o.trackingNumber } });
      }
      await recordAudit(tx, actor, { action: 'notice.item_withdrawn', entityType: 'notice', entityId: n.id, jurisdictionId: n.jurisdictionId, before: { itemId: item.id, withdrawn: false }, after: { itemId: item.id, withdrawn: true, reason } }, now);
    }
    // The unit concerned hears of each decision on an objection to its item (not of the objector's identity).
    if (item?.unitId && input.action !== 'investigate') {
      await notifyUnit(
        tx,
        item.unitId,
        input.action === 'uphold'
          ? {
              template: 'objection.upheld',
              title: `公示异议成立：${item.name}`,
              body: `针对“${n.title}”中“${item.name}”的异议（${o.trackingNumber}）经核查成立，该项已从公示名单中撤销。处理意见：${reply}`,
              payload: { noticeId: n.id, itemId: item.id, applicationId: item.applicationId },
            }
          : {
              template: 'objection.dismissed',
              title: `公示异议不成立：${item.name}`,
              body: `针对“${n.title}”中“${item.name}”的异议（${o.trackingNumber}）经核查不成立，公示继续。处理意见：${reply}`,
              payload: { noticeId: n.id, itemId: item.id, applicationId: item.applicationId },
            },
        now,
      );
    }
  });
  const [fresh] = await db.select().from(objections).where(eq(objections.id, id));
  return presentObjection(db, fresh);
}

/** The officer reads an attachment of an objection of their jurisdiction. */
export async function readAttachment(db: Db, storage: Storage, officer: Officer, objectionId: string, attachmentId: string) {
  await loadObjectionFor(db, officer, objectionId, false);
  const [row] = await db
    .select({ storageKey: files.storageKey, name: files.originalName, mimeType: files.mimeType, size: files.size })
    .from(objectionAttachments)
    .innerJoin(files, eq(files.id, objectionAttachments.fileId))
    .where(and(eq(objectionAttachments.id, attachmentId), eq(objectionAttachments.objectionId, objectionId)));
  if (!row) throw notFound('证明材料', 'ATTACHMENT_NOT_FOUND');
  return { ...row, stream: storage.read(row.storageKey) };
}

/** Objections not yet decided on the given items (the decision slice refuses to confirm those). */
export async function openObjectionsOnItems(db: DbOrTx, itemIds: string[]) {
  if (!itemIds.length) return [];
  return db
    .select({ id: objections.id, trackingNumber: objections.trackingNumber, itemId: objections.noticeItemId })
    .from(objections)
    .where(and(inArray(objections.noticeItemId, itemIds), inArray(objections.status, OPEN)));
}
