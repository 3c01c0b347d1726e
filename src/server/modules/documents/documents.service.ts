import { randomBytes, randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { getEdition } from '../../../policy/editions';
import type { z } from 'zod';
import type { ApplicationExportQuery } from '../../../shared/documents';
import { formatShanghai, toShanghaiIso } from '../../../shared/time';
import type { Db } from '../../db/client';
import { applicationMaterials, applications, calls, dossierDownloads, files, units } from '../../db/schema';
import { buildDossier, type DossierAttachment } from '../../documents/dossier';
import { annexOf, buildTemplate } from '../../documents/templates';
import { applicationsWorkbook } from '../../documents/xlsx';
import { AppError, notFound } from '../../errors';
import type { Storage } from '../../storage/storage';
import { statusName } from '../../workflow/intake';
import { getApplication, listApplications, type Caller } from '../applications/applications.service';
import { requirementsOf } from '../applications/applications.rules';
import { recordAudit } from '../audit/audit.service';

export const PLATFORM_NAME = '匠心 · 技能大师工作室服务平台';
/** Attachments embedded in one dossier, at most (memory per download stays bounded). */
const MAX_EMBEDDED_BYTES = 120 * 1024 * 1024;

/** 12 characters of an alphabet without 0/O/1/I (read off paper): 32^12 ≈ 10^18, not guessable. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function verificationCode(): string {
  return [...randomBytes(12)].map((b) => CODE_ALPHABET[b % 32]).join('');
}


// ---------------------------------------------------------------------------------------------------------
// Dossier
// ---------------------------------------------------------------------------------------------------------

/**
 * The dossier of an application, for its own unit and the officers and inspectors of its jurisdiction (the same
 * visibility as the application itself: anyone else gets 404, as if it did not exist). Each download is
 * recorded with its verification code and an audit event, in one transaction, after the PDF was built.
 */
export async function downloadDossier(db: Db, storage: Storage, caller: Caller, id: string, now: Date, baseUrl: string) {
  const detail = await getApplication(db, caller, id, now);
  const req = requirementsOf(detail.editionId, detail.program, detail.studioRecognized);
  const stored = await db
    .select({ materialId: applicationMaterials.id, storageKey: files.storageKey })
    .from(applicationMaterials)
    .innerJoin(files, eq(files.id, applicationMaterials.fileId))
    .where(eq(applicationMaterials.applicationId, id));
  const keyOf = new Map(stored.map((s) => [s.materialId, s.storageKey]));

  // Files are read one after another, in checklist order, up to the embedding limit; later ones get a notice page.
  let embedded = 0;
  const checklist = [];
  for (const item of req.checklist) {
    const presented = detail.checklist.find((c) => c.id === item.id);
    const attached: DossierAttachment[] = [];
    for (const f of presented?.files ?? []) {
      const meta = { name: f.name, mimeType: f.mimeType, size: f.size, sha256: f.sha256 };
      if (embedded + f.size > MAX_EMBEDDED_BYTES) {
        attached.push({ ...meta, bytes: Buffer.alloc(0), omitted: `汇编所附文件合计超过 ${MAX_EMBEDDED_BYTES / 1024 / 1024} MB` });
        continue;
      }
      embedded += f.size;
      // A file missing from storage prints as a notice page instead of failing the whole dossier.
      attached.push({ ...meta, bytes: await storage.readAll(keyOf.get(f.id)!).catch(() => Buffer.alloc(0)) });
    }
    checklist.push({ item, requirements: presented?.requirements ?? '', required: presented?.required ?? item.required !== false, files: attached });
  }

  const code = verificationCode();
  const pdf = await buildDossier({
    platform: PLATFORM_NAME,
    edition: req.edition,
    program: req.program,
    call: { title: detail.callTitle },
    application: {
      number: detail.number,
      status: detail.status,
      statusName: detail.statusName,
      round: detail.round,
      unitName: detail.unitName,
      unitCreditCode: detail.unitCreditCode,
      title: detail.title,
      leaderName: detail.leaderName,
      submittedAt: detail.submittedAt ? new Date(detail.submittedAt) : null,
    },
    forms: req.forms.map((schema) => ({ schema, data: (detail.forms.find((f) => f.id === schema.id)?.data as Record<string, unknown> | null) ?? null })),
    checklist,
    verification: { code, url: `${baseUrl}/verify/${code}` },
    downloadedAt: now,
    downloadedBy: caller.actor.username ?? '',
  });

  await db.transaction(async (tx) => {
    const row = { id: randomUUID(), applicationId: id, userId: caller.actor.userId, downloadedAt: now, verificationCode: code };
    await tx.insert(dossierDownloads).values(row);
    await recordAudit(
      tx,
      caller.actor,
      { action: 'dossier.downloaded', entityType: 'application', entityId: id, jurisdictionId: detail.jurisdiction, after: { downloadId: row.id, number: detail.number, verificationCode: code, status: detail.status } },
      now,
    );
  });
  return { pdf, number: detail.number, code };
}

/** What the window sees when it scans a printout's QR code: the online record, nothing private. */
export async function verifyDossier(db: Db, code: string) {
  const [row] = await db
    .select({ download: dossierDownloads, number: applications.number, status: applications.status, submittedAt: applications.submittedAt, unitName: units.name, callTitle: calls.title })
    .from(dossierDownloads)
    .innerJoin(applications, eq(applications.id, dossierDownloads.applicationId))
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(dossierDownloads.verificationCode, code))
    .limit(1);
  if (!row) throw new AppError('DOSSIER_NOT_FOUND', 404, '核验码不存在：该打印件不是本平台生成的，或核验码有误');
  return {
    applicationNumber: row.number,
    unitName: row.unitName,
    callTitle: row.callTitle,
    status: row.status,
    statusName: statusName(row.status),
    submittedAt: row.submittedAt ? toShanghaiIso(row.submittedAt) : null,
    downloadedAt: toShanghaiIso(row.download.downloadedAt),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Blank templates of a call
// ---------------------------------------------------------------------------------------------------------

async function callProgram(db: Db, callId: string) {
  const [call] = await db.select().from(calls).where(eq(calls.id, callId)).limit(1);
  if (!call) throw notFound('申报批次', 'CALL_NOT_FOUND');
  const edition = getEdition(call.editionId);
  const program = edition?.programs.find((p) => p.id === call.program);
  if (!edition || !program) throw notFound('申报批次的政策', 'POLICY_NOT_FOUND');
  return { call, edition, program };
}

/** Every form of the call's program prints as a blank template (the forms the edition's checklist names). */
export async function listTemplates(db: Db, callId: string) {
  const { program } = await callProgram(db, callId);
  return program.forms
    .filter((f) => f.programs.includes(program.id))
    .map((f) => ({
      id: f.id,
      title: f.title.zh,
      annex: annexOf(program, f.id),
      citation: `${f.citation.document} ${f.citation.article}`,
      url: `/api/calls/${callId}/templates/${f.id}.pdf`,
    }));
}

export async function templatePdf(db: Db, callId: string, formId: string) {
  const { edition, program } = await callProgram(db, callId);
  const form = program.forms.find((f) => f.id === formId && f.programs.includes(program.id));
  if (!form) throw new AppError('TEMPLATE_NOT_FOUND', 404, '该申报批次没有此表单模板');
  return { pdf: await buildTemplate(edition, program, form, annexOf(program, form.id)), title: form.title.zh };
}

// ---------------------------------------------------------------------------------------------------------
// Excel export of a call's applications
// ---------------------------------------------------------------------------------------------------------

const PAGE = 100;

export async function exportApplications(db: Db, caller: Caller, callId: string, query: z.infer<typeof ApplicationExportQuery>, now: Date) {
  const [call] = await db.select().from(calls).where(eq(calls.id, callId)).limit(1);
  // Only the call's own jurisdiction: another's call is answered as if it did not exist.
  if (!call || !caller.officerJurisdictions.includes(call.jurisdictionId)) throw notFound('申报批次', 'CALL_NOT_FOUND');
  const officer: Caller = { ...caller, unitId: null, officerJurisdictions: [call.jurisdictionId] };
  const items: Awaited<ReturnType<typeof listApplications>>['items'] = [];
  for (let page = 1; ; page++) {
    const { items: batch, total } = await listApplications(db, officer, { callId, status: query.status, q: query.q, page, pageSize: PAGE }, now);
    items.push(...batch);
    if (batch.length < PAGE || items.length >= total) break;
  }
  const unitIds = [...new Set(items.map((i) => i.unitId))];
  const codes = unitIds.length ? await db.select({ id: units.id, creditCode: units.creditCode }).from(units).where(inArray(units.id, unitIds)) : [];
  const codeOf = new Map(codes.map((c) => [c.id, c.creditCode]));
  const local = (iso: string | null) => (iso ? formatShanghai(new Date(iso)) : null);
  const filters = [query.status ? `状态：${query.status.split(',').map(statusName).join('、')}` : '', query.q ? `检索：${query.q}` : ''].filter(Boolean).join('；') || '全部';
  const xlsx = await applicationsWorkbook(
    items.map((i) => ({
      number: i.number,
      unitName: i.unitName,
      creditCode: codeOf.get(i.unitId) ?? '',
      title: i.title,
      leaderName: i.leaderName,
      statusName: i.statusName,
      submittedAt: local(i.submittedAt),
      round: i.round,
      updatedAt: local(i.updatedAt) ?? '',
    })),
    { callTitle: call.title, exportedAt: formatShanghai(now), exportedBy: caller.actor.username ?? '', filters },
  );
  return { xlsx, filename: `${call.title}-申报列表-${formatShanghai(now).slice(0, 10)}.xlsx`, count: items.length };
}
