import type { DbOrTx } from '../../db/client';
import { accessLog } from '../../db/schema';
import type { Actor } from '../audit/audit.service';

/**
 * Who saw what when (issue 5, inspector view): a read of an application, a material, a score sheet or the review
 * record by an officer or an expert. Reads are not audit events (those are writes); this log is what the 纪检监察
 * view shows beside the audit chain.
 */
export async function logAccess(
  db: DbOrTx,
  actor: Actor,
  what: { applicationId?: string | null; callId?: string | null; what: 'application' | 'material' | 'dossier' | 'scores' | 'review-record'; detail?: string },
  now: Date,
) {
  if (!actor.userId) return;
  await db.insert(accessLog).values({
    userId: actor.userId,
    userName: actor.username,
    role: actor.role,
    applicationId: what.applicationId ?? null,
    callId: what.callId ?? null,
    what: what.what,
    detail: what.detail ?? null,
    at: now,
  });
}
