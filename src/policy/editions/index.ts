/**
 * The registry of policy editions: the one place that lists them. Adding a district is one new module under
 * `editions/<district>/` plus its tests, and one line here; nothing else changes.
 */
import { isWithin } from '../rules/conditions';
import type { Edition, JurisdictionId } from '../types';
import { daxing2025 } from './daxing/daxing-2025';
import { etdz2024 } from './etdz/etdz-2024';
import { shunyiDraft } from './shunyi/shunyi-draft';

export const EDITIONS: readonly Edition[] = Object.freeze([daxing2025, etdz2024, shunyiDraft]);

const BY_ID = new Map(EDITIONS.map((e) => [e.id, e]));

export function getEdition(id: string): Edition | undefined {
  return BY_ID.get(id);
}

export function listEditions(): readonly Edition[] {
  return EDITIONS;
}

/**
 * The edition of `jurisdiction` in force on `asOf` (YYYY-MM-DD): its validity dates contain `asOf` and it is not a
 * draft (a draft is never in force; fetch it by id). When validities overlap, the one that started last wins.
 */
export function editionInForce(jurisdiction: JurisdictionId, asOf: string): Edition | undefined {
  let found: Edition | undefined;
  for (const e of EDITIONS) {
    if (e.jurisdiction !== jurisdiction || e.status === 'draft' || !isWithin(asOf, e.validFrom, e.validTo)) continue;
    if (found === undefined || e.validFrom > found.validFrom) found = e;
  }
  return found;
}
