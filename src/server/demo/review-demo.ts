import type { Db } from '../db/client';
import type { Storage } from '../storage/storage';

/** Review demo (issue 5): placeholder until the demo slice lands. */
export async function loadReviewDemo(_db: Db, _now: Date, _storage: Storage) {}
