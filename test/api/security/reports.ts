import { sql } from 'drizzle-orm';
import { multipartFile, tinyPdf } from '../../helpers/fixtures';
import { daxingDesk, only, unitAAndDaxingOfficers, unitAWrite, type SecuritySlice } from './kit';

/** Units read their own reports; program / intake officers and the inspector their jurisdiction's. */
const reportReaders = () =>
  only({ 'unit-a': 'ok', 'unit-b': 'ok', 'unit-c': 'ok', 'daxing-officer': 'ok', 'etdz-officer': 'ok', 'shunyi-officer': 'ok', 'daxing-inspector': 'ok' });

/**
 * Authorisation rows and fuzz targets of the reports routes (issue 7). The writes carry a stale version (999), so an
 * allowed caller gets 409 and the demo data stays as it is for the rows that follow.
 */
export const reportsSlice: SecuritySlice = {
  name: 'reports',
  async resources(ctx) {
    const unitA = sql`join studios s on s.id = r.studio_id join users u on u.unit_id = s.unit_id where u.username = 'unit-a' and s.jurisdiction_id = 'daxing'`;
    const reportDxDraft = await ctx.one(sql`select r.id from annual_reports r ${unitA} and r.status = 'draft' order by r.year desc limit 1`);
    // An attachment of the draft, uploaded by its unit.
    const upload = multipartFile('年度总结附件.pdf', tinyPdf(), 'application/pdf');
    const res = await ctx.app.app.inject({ method: 'POST', url: `/api/annual-reports/${reportDxDraft}/files`, headers: { cookie: await ctx.login('unit-a'), ...upload.headers }, payload: upload.payload });
    if (res.statusCode !== 201) throw new Error(`report attachment: ${res.statusCode} ${res.body}`);
    const files = (res.json() as { files: { id: string }[] }).files;
    return {
      reportDxDraft,
      reportDxFile: files[files.length - 1].id,
      reportDxStudio: await ctx.one(sql`select r.studio_id as id from annual_reports r ${unitA} order by r.year desc limit 1`),
      reportYear: String(Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(ctx.now()))),
    };
  },
  reads: {
    'GET /api/annual-reports': { expect: reportReaders() },
    'GET /api/annual-reports/obligations': { expect: reportReaders() },
    'GET /api/annual-reports.xlsx': { expect: only({ 'daxing-officer': 'ok', 'etdz-officer': 'ok', 'shunyi-officer': 'ok', 'daxing-inspector': 'ok' }) },
    'GET /api/annual-reports/{id}': { params: { id: 'reportDxDraft' }, expect: unitAAndDaxingOfficers() },
    'GET /api/annual-reports/{id}/files/{fileId}': { params: { id: 'reportDxDraft', fileId: 'reportDxFile' }, expect: unitAAndDaxingOfficers() },
  },
  writes: {
    'POST /api/annual-reports/{id}/files': { params: { id: 'reportDxDraft' }, multipart: true, expect: unitAWrite() },
    'PUT /api/annual-reports/{id}': { params: { id: 'reportDxDraft' }, body: () => ({ version: 999, summary: '年度工作总结' }), expect: unitAWrite() },
    'POST /api/annual-reports/{id}/submit': { params: { id: 'reportDxDraft' }, body: () => ({ version: 999 }), expect: unitAWrite() },
    'POST /api/annual-reports/{id}/accept': { params: { id: 'reportDxDraft' }, body: () => ({ version: 999 }), expect: daxingDesk() },
    'POST /api/annual-reports/{id}/return': { params: { id: 'reportDxDraft' }, body: () => ({ version: 999, comment: '请补充培训明细' }), expect: daxingDesk() },
    'POST /api/studios/{id}/annual-reports': { params: { id: 'reportDxStudio' }, body: (r) => ({ year: Number(r.reportYear) }), expect: unitAWrite() },
  },
  fuzz: {
    'PUT /api/annual-reports/{id}': { caller: 'unit-a', params: { id: 'reportDxDraft' } },
    'POST /api/annual-reports/{id}/submit': { caller: 'unit-a', params: { id: 'reportDxDraft' } },
    'POST /api/annual-reports/{id}/accept': { caller: 'daxing-officer', params: { id: 'reportDxDraft' } },
    'POST /api/annual-reports/{id}/return': { caller: 'daxing-officer', params: { id: 'reportDxDraft' } },
    'POST /api/studios/{id}/annual-reports': { caller: 'unit-a', params: { id: 'reportDxStudio' } },
  },
};
