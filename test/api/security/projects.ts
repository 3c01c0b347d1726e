import { sql } from 'drizzle-orm';
import { only, unitAAndDaxingOfficers, type SecuritySlice } from './kit';

/**
 * Authorisation rows and fuzz targets of the projects routes (issue 7), on the demo's 大兴 projects of unit-a
 * (src/server/demo/projects-demo.ts): one under way, one whose closure report waits for the assessment.
 */
const unitAOnly = () => only({ 'unit-a': 'ok', 'unit-b': 'hidden', 'unit-c': 'hidden' });
const daxingProgram = () => only({ 'daxing-officer': 'ok', 'etdz-officer': 'hidden', 'shunyi-officer': 'hidden' });

export const projectsSlice: SecuritySlice = {
  name: 'projects',
  async resources(ctx) {
    const running = await ctx.one(
      sql`select p.id from projects p join users u on u.unit_id = p.unit_id where u.username = 'unit-a' and p.jurisdiction_id = 'daxing' and p.status = 'in-execution' order by p.decided_on desc, p.id limit 1`,
    );
    const awaiting = await ctx.one(
      sql`select p.id from projects p join users u on u.unit_id = p.unit_id where u.username = 'unit-a' and p.jurisdiction_id = 'daxing' and p.status = 'closure-submitted' order by p.id limit 1`,
    );
    return {
      projectDxA: running,
      projectDxAClosing: awaiting,
      milestoneDxA: await ctx.one(sql`select id from project_milestones where project_id = ${running} and status = 'pending' order by position limit 1`),
      closureDxA: await ctx.one(sql`select id from project_closures where project_id = ${awaiting} and status = 'submitted' limit 1`),
      // A situation report waiting for an answer (unit-g's, 大兴).
      situationDx: await ctx.one(sql`select id from project_updates where kind = 'situation' and officer_response is null order by created_at limit 1`),
      situationDxProject: await ctx.one(sql`select project_id as id from project_updates where kind = 'situation' and officer_response is null order by created_at limit 1`),
      // A file unit-a uploaded (its application's bank permit): readable by the unit only until a report cites it.
      fileUnitA: await ctx.one(
        sql`select f.id from files f join users u on u.id = f.uploaded_by where u.username = 'unit-a' order by f.created_at limit 1`,
      ),
    };
  },
  reads: {
    'GET /api/projects': { expect: only({ 'unit-a': 'ok', 'unit-b': 'ok', 'unit-c': 'ok', 'daxing-officer': 'ok', 'etdz-officer': 'ok', 'shunyi-officer': 'ok', 'daxing-inspector': 'ok' }) },
    'GET /api/projects/{id}': { params: { id: 'projectDxA' }, expect: unitAAndDaxingOfficers() },
    // An uncited upload: the unit sees its own file; officers see only files the project's reports cite (404 here).
    'GET /api/projects/{id}/files/{fileId}': {
      params: { id: 'projectDxA', fileId: 'fileUnitA' },
      expect: unitAAndDaxingOfficers({ 'daxing-officer': 'hidden', 'daxing-inspector': 'hidden' }),
    },
  },
  writes: {
    // Minimal bodies are refused by validation (400) for the allowed caller: nothing is written.
    'PUT /api/projects/{id}/milestones/{milestoneId}': { params: { id: 'projectDxA', milestoneId: 'milestoneDxA' }, body: () => ({ done: true, completedOn: '1999-01-01', note: '矩阵', fileIds: [] }), expect: unitAOnly() },
    'POST /api/projects/{id}/updates': { params: { id: 'projectDxA' }, body: () => ({ reportedOn: '1999-01-01', body: '矩阵', fileIds: [] }), expect: unitAOnly() },
    'POST /api/projects/{id}/situation-reports': { params: { id: 'projectDxAClosing' }, body: () => ({ body: '矩阵', proposedEndOn: '2099-12-31', fileIds: [] }), expect: unitAOnly() },
    'POST /api/projects/{id}/situation-reports/{updateId}/answer': { params: { id: 'situationDxProject', updateId: 'situationDx' }, body: () => ({ response: 'rejected', comment: '矩阵：请按计划书完成' }), expect: daxingProgram() },
    'POST /api/projects/{id}/closures': { params: { id: 'projectDxAClosing' }, body: () => ({ summary: '矩阵', deliverables: [{ planItem: 'x', source: 'outcome', achieved: 'x', met: true, fileIds: [] }] }), expect: unitAOnly() },
    'POST /api/projects/{id}/closures/{closureId}/return': { params: { id: 'projectDxAClosing', closureId: 'closureDxA' }, body: () => ({ reason: '矩阵：请补充佐证' }), expect: daxingProgram() },
    'POST /api/projects/{id}/assessment': { params: { id: 'projectDxA' }, body: () => ({ outcome: 'passed', reasons: '矩阵' }), expect: daxingProgram() },
    'POST /api/projects/{id}/files': { params: { id: 'projectDxA' }, multipart: true, expect: unitAOnly() },
  },
  fuzz: {
    'PUT /api/projects/{id}/milestones/{milestoneId}': { caller: 'unit-a', params: { id: 'projectDxA', milestoneId: 'milestoneDxA' } },
    'POST /api/projects/{id}/updates': { caller: 'unit-a', params: { id: 'projectDxA' } },
    'POST /api/projects/{id}/situation-reports': { caller: 'unit-a', params: { id: 'projectDxAClosing' } },
    'POST /api/projects/{id}/situation-reports/{updateId}/answer': { caller: 'daxing-officer', params: { id: 'situationDxProject', updateId: 'situationDx' } },
    'POST /api/projects/{id}/closures': { caller: 'unit-a', params: { id: 'projectDxAClosing' } },
    'POST /api/projects/{id}/closures/{closureId}/return': { caller: 'daxing-officer', params: { id: 'projectDxAClosing', closureId: 'closureDxA' } },
    'POST /api/projects/{id}/assessment': { caller: 'daxing-officer', params: { id: 'projectDxA' } },
  },
};
