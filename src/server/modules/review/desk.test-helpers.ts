/**
 * Moving an application through the desk stages for tests, through the API as an officer would (STYLE.md 8):
 * every item judged ok at 初审 and accepted, 实质审核 passed, and — for 线下受理 — the paper dossier requested, a
 * watermarked dossier downloaded and received at the window.
 */
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client';
import { dossierDownloads } from '../../db/schema';

type Inject = FastifyInstance['inject'];

async function ok(res: Awaited<ReturnType<Inject>>, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export interface DeskItem {
  kind: 'form' | 'material';
  id: string;
  verdict: { verdict: string } | null;
}

export async function getDesk(app: { inject: Inject }, cookie: string, id: string) {
  return ok(await app.inject({ method: 'GET', url: `/api/review/applications/${id}/desk`, headers: { cookie } }), 'desk');
}

/** Judges every item of the current stage ok. */
export async function judgeAllOk(app: { inject: Inject }, cookie: string, id: string) {
  const desk = await getDesk(app, cookie, id);
  const items = (desk.items as DeskItem[]).map((i) => ({ kind: i.kind, id: i.id, verdict: 'ok' }));
  return ok(await app.inject({ method: 'PUT', url: `/api/review/applications/${id}/verdicts`, headers: { cookie }, payload: { stage: desk.stage, items } }), 'verdicts');
}

/** Downloads the watermarked dossier as `cookie` and returns the printout's verification code. */
export async function printDossier(app: { inject: Inject }, db: Db, cookie: string, id: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: `/api/applications/${id}/dossier.pdf`, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`dossier: ${res.statusCode} ${res.body.slice(0, 200)}`);
  const [row] = await db.select({ code: dossierDownloads.verificationCode }).from(dossierDownloads).where(eq(dossierDownloads.applicationId, id)).orderBy(desc(dossierDownloads.downloadedAt)).limit(1);
  return row.code;
}

/** Advances a submitted application along its edition's desk stages until it waits at `until`. */
export async function advanceTo(
  app: { inject: Inject },
  db: Db,
  officer: string,
  id: string,
  until: 'substantive-review' | 'paper-intake' | 'expert-review',
) {
  for (let step = 0; step < 4; step++) {
    const desk = await getDesk(app, officer, id);
    if (desk.status === until) return desk;
    if (desk.stage === 'completeness-check') {
      await judgeAllOk(app, officer, id);
      await ok(await app.inject({ method: 'POST', url: `/api/review/applications/${id}/accept`, headers: { cookie: officer }, payload: { version: desk.version } }), 'accept');
    } else if (desk.stage === 'substantive-review') {
      await ok(await app.inject({ method: 'POST', url: `/api/review/applications/${id}/pass`, headers: { cookie: officer }, payload: { version: desk.version } }), 'pass');
    } else if (desk.stage === 'paper-intake') {
      const code = await printDossier(app, db, officer, id);
      const fresh = await getDesk(app, officer, id);
      await ok(
        await app.inject({ method: 'POST', url: `/api/review/applications/${id}/paper-receipt`, headers: { cookie: officer }, payload: { version: fresh.version, outcome: 'received', watermarkCode: code } }),
        'paper receipt',
      );
    } else throw new Error(`cannot advance from ${desk.status}`);
  }
  return getDesk(app, officer, id);
}
