import { sql } from 'drizzle-orm';
import { daxingDesk, only, unitAAndDaxingOfficers, unitAWrite, type SecuritySlice } from './kit';

/** Units read their own change requests; program / intake officers and the inspector their jurisdiction's. */
const changeReaders = () =>
  only({ 'unit-a': 'ok', 'unit-b': 'ok', 'unit-c': 'ok', 'daxing-officer': 'ok', 'etdz-officer': 'ok', 'shunyi-officer': 'ok', 'daxing-inspector': 'ok' });

/** A document id no request holds: every reader in scope gets 404, the others as for any read of the request. */
const NO_FILE = '00000000-0000-4000-8000-000000000000';

/**
 * Authorisation rows and fuzz targets of the change-request routes (issue 7). The decisions carry a stale version
 * (999), so an allowed caller gets 409; the filing asks 大兴 for a new leader, which 第十七条 refuses (422): the demo
 * data stays as it is for the rows that follow.
 */
export const changesSlice: SecuritySlice = {
  name: 'changes',
  async resources(ctx) {
    return {
      changeDxPending: await ctx.one(
        sql`select c.id from change_requests c join studios s on s.id = c.studio_id join users u on u.unit_id = s.unit_id where u.username = 'unit-a' and c.status = 'submitted' and c.jurisdiction_id = 'daxing' order by c.submitted_at limit 1`,
      ),
      changeDxStudio: await ctx.one(sql`select s.id from studios s join users u on u.unit_id = s.unit_id where u.username = 'unit-a' and s.jurisdiction_id = 'daxing' and s.status = 'active' order by s.recognized_on limit 1`),
      changeNoFile: NO_FILE,
    };
  },
  reads: {
    'GET /api/change-requests': { expect: changeReaders() },
    'GET /api/change-requests/{id}': { params: { id: 'changeDxPending' }, expect: unitAAndDaxingOfficers() },
    'GET /api/change-requests/{id}/files/{fileId}': {
      params: { id: 'changeDxPending', fileId: 'changeNoFile' },
      expect: unitAAndDaxingOfficers({ 'unit-a': 404, 'daxing-officer': 404, 'daxing-inspector': 404 }),
    },
    'GET /api/studios/{id}/history': { params: { id: 'changeDxStudio' }, expect: unitAAndDaxingOfficers() },
    'GET /api/studios/{id}/change-rules': { params: { id: 'changeDxStudio' }, expect: unitAAndDaxingOfficers() },
  },
  writes: {
    'POST /api/studios/{id}/change-requests': {
      params: { id: 'changeDxStudio' },
      body: () => ({ kind: 'leader-replaced', reason: '原领办人退休，拟更换领办人。', effectiveOn: '2026-01-05', requested: { leaderName: '王新民' } }),
      expect: unitAWrite(),
    },
    'POST /api/change-requests/{id}/files': { params: { id: 'changeDxPending' }, multipart: true, expect: unitAWrite() },
    'POST /api/change-requests/{id}/approve': { params: { id: 'changeDxPending' }, body: () => ({ version: 999 }), expect: daxingDesk() },
    'POST /api/change-requests/{id}/reject': { params: { id: 'changeDxPending' }, body: () => ({ version: 999, reason: '材料不全，请补充后重新申请' }), expect: daxingDesk() },
    'POST /api/change-requests/{id}/withdraw': { params: { id: 'changeDxPending' }, body: () => ({ version: 999 }), expect: unitAWrite() },
  },
  fuzz: {
    'POST /api/studios/{id}/change-requests': { caller: 'unit-a', params: { id: 'changeDxStudio' } },
    'POST /api/change-requests/{id}/approve': { caller: 'daxing-officer', params: { id: 'changeDxPending' } },
    'POST /api/change-requests/{id}/reject': { caller: 'daxing-officer', params: { id: 'changeDxPending' } },
    'POST /api/change-requests/{id}/withdraw': { caller: 'unit-a', params: { id: 'changeDxPending' } },
  },
};
