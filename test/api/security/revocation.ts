import { sql } from 'drizzle-orm';
import { daxingDesk, daxingOfficers, only, type SecuritySlice } from './kit';

/**
 * Authorisation rows and fuzz targets of the revocation routes (issue 7): cases are read by the program officers and
 * inspectors of the studio's jurisdiction, decided and recorded by its program officer; units never read them (they
 * are told of a revocation through the outbox). Writes carry a stale version or an already-open trigger, so the
 * allowed call is refused (409) and the demo data stays as it is.
 */
export const revocationSlice: SecuritySlice = {
  name: 'revocation',
  async resources(ctx) {
    return {
      revocationCase: await ctx.one(sql`select c.id from revocation_cases c join studios s on s.id = c.studio_id where c.status = 'open' and s.jurisdiction_id = 'daxing' order by c.created_at limit 1`),
      revocationCaseTrigger: await ctx.one(sql`select c.trigger_id as id from revocation_cases c where c.status = 'open' and c.jurisdiction_id = 'daxing' order by c.created_at limit 1`),
      revocationStudio: await ctx.one(sql`select c.studio_id as id from revocation_cases c where c.status = 'open' and c.jurisdiction_id = 'daxing' order by c.created_at limit 1`),
    };
  },
  reads: {
    'GET /api/revocation-cases': { expect: only({ 'daxing-officer': 'ok', 'etdz-officer': 'ok', 'shunyi-officer': 'ok', 'daxing-inspector': 'ok' }) },
    'GET /api/revocation-cases/{id}': { params: { id: 'revocationCase' }, expect: daxingOfficers() },
    'GET /api/studios/{id}/revocation-triggers': { params: { id: 'revocationStudio' }, expect: daxingOfficers() },
  },
  writes: {
    // The trigger of the studio's open case: the 大兴 officer's call is refused 409 (CASE_ALREADY_OPEN).
    'POST /api/studios/{id}/revocation-findings': {
      params: { id: 'revocationStudio' },
      body: (r) => ({ triggerId: r.revocationCaseTrigger, facts: '授权矩阵测试：已有待处理案件的情形', evidence: '授权矩阵测试记录' }),
      expect: daxingDesk(),
    },
    // A stale version: refused 409 for the 大兴 officer, nothing decided.
    'POST /api/revocation-cases/{id}/revoke': {
      params: { id: 'revocationCase' },
      body: () => ({ reason: '授权矩阵测试：版本号过期的取消请求', document: '京兴人社发〔2026〕99号', version: 999 }),
      expect: daxingDesk(),
    },
    'POST /api/revocation-cases/{id}/dismiss': {
      params: { id: 'revocationCase' },
      body: () => ({ reason: '授权矩阵测试：版本号过期', version: 999 }),
      expect: daxingDesk(),
    },
  },
  fuzz: {
    'POST /api/studios/{id}/revocation-findings': { caller: 'daxing-officer', params: { id: 'revocationStudio' } },
    'POST /api/revocation-cases/{id}/revoke': { caller: 'daxing-officer', params: { id: 'revocationCase' } },
    'POST /api/revocation-cases/{id}/dismiss': { caller: 'daxing-officer', params: { id: 'revocationCase' } },
  },
};
