import { sql } from 'drizzle-orm';
import { seedProject } from '../../../src/server/modules/fund-use/fund-use.test-helpers';
import { only, unitAAndDaxingOfficers, unitAWrite, type SecuritySlice } from './kit';

/** A well-formed spending entry (the scope check must show, not validation); unit-a's own call may still be refused (400/409). */
const spending = () => ({ budgetLine: '人才培训：实训耗材及刀具', category: 'training', amount: 1_000, spentOn: '2026-09-01', description: '实训耗材' });

/** Readers of unit-a's 大兴 money: the unit, 大兴's officer, inspector and finance; other units and jurisdictions 404. */
const readers = () => unitAAndDaxingOfficers({ 'daxing-finance': 'ok' });

/** Authorisation rows and fuzz targets of the fund-use routes (issue 7). */
export const fundUseSlice: SecuritySlice = {
  name: 'fund-use',
  async resources(ctx) {
    const unitA = sql`(select unit_id from users where username = 'unit-a')`;
    let project: string;
    try {
      project = await ctx.one(sql`select id from projects where unit_id = ${unitA} order by (status = 'in-execution') desc, created_at limit 1`);
    } catch {
      // The projects demo made none for unit-a: a project in execution as the decision leaves it.
      project = await seedProject(ctx.app.database.db);
    }
    return {
      fuProjectA: project,
      fuStudioA: await ctx.one(sql`select id from studios where unit_id = ${unitA} order by recognized_on limit 1`),
      fuExpenditureA: await ctx.one(sql`select id from fund_expenditures where unit_id = ${unitA} order by created_at desc limit 1`),
    };
  },
  reads: {
    'GET /api/projects/{id}/fund-use': { params: { id: 'fuProjectA' }, expect: readers() },
    'GET /api/projects/{id}/fund-use.xlsx': { params: { id: 'fuProjectA' }, expect: readers() },
    'GET /api/studios/{id}/fund-use': { params: { id: 'fuStudioA' }, expect: readers() },
    'GET /api/studios/{id}/fund-use.xlsx': { params: { id: 'fuStudioA' }, expect: readers() },
  },
  writes: {
    'POST /api/projects/{id}/expenditures': { params: { id: 'fuProjectA' }, body: spending, expect: unitAWrite() },
    'POST /api/studios/{id}/expenditures': { params: { id: 'fuStudioA' }, body: spending, expect: unitAWrite() },
  },
  deletions: {
    'DELETE /api/expenditures/{id}': { params: { id: 'fuExpenditureA' }, expect: only({ 'unit-a': 'ok', 'unit-b': 'hidden', 'unit-c': 'hidden' }) },
  },
  fuzz: {
    'POST /api/projects/{id}/expenditures': { caller: 'unit-a', params: { id: 'fuProjectA' } },
    'POST /api/studios/{id}/expenditures': { caller: 'unit-a', params: { id: 'fuStudioA' } },
  },
};
