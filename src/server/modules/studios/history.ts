import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client';
import { studioHistory } from '../../db/schema';

/**
 * The kinds of studio history entries. Other slices append their own (e.g. revocation): the column is free text,
 * these are the ones this module writes or reads.
 * - `leader-stopped`: the leader can no longer lead (大兴 第十七条 情况说明 approved); read by the revocation check
 *   for 第十八条（二） when no new leader follows.
 * - `unit-left-jurisdiction`: the unit moved out of the district (approved unit-moved change); read by the
 *   revocation check for 第十八条（三）.
 */
export type StudioHistoryKind =
  | 'recognised'
  | 'title'
  | 'leader'
  | 'leader-stopped'
  | 'leader-retirement-extension'
  | 'unit-name'
  | 'address'
  | 'unit-left-jurisdiction'
  | 'status'
  | 'revoked'
  | (string & {});

export interface StudioHistoryEntry {
  studioId: string;
  kind: StudioHistoryKind;
  /** Calendar day (YYYY-MM-DD, Asia/Shanghai) on which the event happened. */
  happenedOn: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  citation?: string | null;
  note?: string | null;
  changeRequestId?: string | null;
  revocationCaseId?: string | null;
  actorId?: string | null;
}

/**
 * Appends one entry to the studio's history (never updated, only appended). Call it inside the transaction that
 * makes the change, so the record and its history commit together. Returns the new entry's id.
 */
export async function appendStudioHistory(tx: DbOrTx, entry: StudioHistoryEntry, now: Date): Promise<string> {
  const id = randomUUID();
  await tx.insert(studioHistory).values({
    id,
    studioId: entry.studioId,
    kind: entry.kind,
    happenedOn: entry.happenedOn,
    before: entry.before ?? null,
    after: entry.after ?? null,
    citation: entry.citation ?? null,
    note: entry.note ?? null,
    changeRequestId: entry.changeRequestId ?? null,
    revocationCaseId: entry.revocationCaseId ?? null,
    actorId: entry.actorId ?? null,
    createdAt: now,
  });
  return id;
}
