import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEdition } from '../../../policy/editions';
import { EXPORT_HEADERS } from '../../../shared/documents';
import { daxingProjectForms, multipartFile, tinyPdf, tinyPng } from '../../../../test/helpers/fixtures';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { auditEvents, dossierDownloads } from '../../db/schema';
import { buildTemplate } from '../../documents/templates';
import { neutralise } from '../../documents/xlsx';
import { statusName } from '../../workflow/intake';
import { verifyAuditChain } from '../audit/audit.service';
import { DAXING_PROJECT_CALL } from '../applications/applications.test-helpers';

const clock = testClock('2026-06-10T02:00:00Z'); // 10:00 Beijing time
let t: TestApp;
let officer: string;
let unitA: string;
let callId: string;
let appId: string;
let number: string;

/** The 2026 大兴 project round as the 2026-06-08 notice opened it. */
const CALL = DAXING_PROJECT_CALL;
/** A project name a spreadsheet would run as a formula (issue 9: formula injection). */
const FORMULA_NAME = '=HYPERLINK("http://evil.example","数控技艺传承项目")';

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const ok = async (p: PromiseLike<{ statusCode: number; body: string; json: () => any }>, what: string) => {
  const res = await p;
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
};
/** The PDF's extracted text per page, and all of it with whitespace removed (labels wrap in narrow cells). */
async function pdfText(body: Buffer) {
  const { totalPages, text } = await extractText(new Uint8Array(body), { mergePages: false });
  return { pages: totalPages, text: text as string[], all: (text as string[]).join('').replace(/\s+/g, '') };
}
const squeeze = (s: string) => s.replace(/\s+/g, '');
const upload = (itemId: string, name: string, content: Buffer) => {
  const mp = multipartFile(name, content);
  return t.app.inject({ method: 'POST', url: `/api/applications/${appId}/materials/${itemId}`, headers: { cookie: unitA, ...mp.headers }, payload: mp.payload });
};

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  officer = await t.login('daxing-officer');
  unitA = await t.login('unit-a');
  // Seeded through the API as a unit would: open a call, start, fill every form.
  callId = (await ok(t.app.inject({ method: 'POST', url: '/api/calls', headers: { cookie: officer }, payload: CALL }), 'open call')).id;
  const created = await ok(t.app.inject({ method: 'POST', url: '/api/applications', headers: { cookie: unitA }, payload: { callId, studioRecognized: true } }), 'start');
  appId = created.id;
  number = created.number;
  const forms = daxingProjectForms();
  forms['work-plan'].projectName = FORMULA_NAME;
  forms['project-proposal'].projectName = FORMULA_NAME;
  for (const [formId, data] of Object.entries(forms)) {
    await ok(t.app.inject({ method: 'PUT', url: `/api/applications/${appId}/forms/${formId}`, headers: { cookie: unitA }, payload: { data, version: 0 } }), formId);
  }
});
afterAll(() => t.close());

describe('[DOSSIER] the printable dossier (issue 4: forms like the official forms, checklist, scans, watermark)', () => {
  let draftPages = 0;

  it('a draft dossier holds the cover, every form with its Chinese labels and values, and the checklist', async () => {
    const res = await get(`/api/applications/${appId}/dossier.pdf`, unitA);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`申报材料-${number}.pdf`)}`);
    const { pages, text, all } = await pdfText(res.rawPayload);
    draftPages = pages;
    // cover
    expect(text[0]).toContain('北京兴业精密机械有限公司');
    expect(text[0]).toContain(number);
    expect(text[0]).toContain('2026年大兴区技能大师工作室建设项目评选');
    expect(text[0]).toContain('91110115MA01ABCD1J');
    // 2026年通知附件1 工作计划书 with its 经费计划 lines and total (京兴人社发〔2025〕21号 第九条（二）1)
    for (const s of ['附件3（2026年通知附件1）', '大兴区技能大师工作室建设项目工作计划书', '项目类别', '技艺传承推广', '项目所需经费计划', '刀具预调仪', '15,000', '合计', '45,000', '监督保障措施']) {
      expect(all, s).toContain(squeeze(s));
    }
    // 申报书 sections (第九条（二）2)
    for (const s of ['需求方面的必要性', '执行方面的可行性和可靠性', '过程的可监督性', '五轴加工技能人才']) expect(all, s).toContain(squeeze(s));
    // 承诺书: the letter of 附件2 with the scope chosen and the signature, stamp and date lines
    for (const s of ['申报材料真实性承诺书', '北京市大兴区人力资源和社会保障局：', '在本次大兴区技能大师（工作室建设项目）评选工作中', '特此承诺', '法定代表人签字', '申报单位（盖章）', '2026年6月20日']) {
      expect(all, s).toContain(squeeze(s));
    }
    // checklist with what each item needs
    expect(all).toContain('申报材料清单');
    expect(all).toContain('银行开户许可证复印件');
    expect(all).toContain('加盖公章');
    expect(all).toContain('未上传');
    // every page: header with the number, 第 x 页 / 共 y 页, and the watermark (unit, number, download time)
    text.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`申报编号 ${number}`);
      expect(page, `page ${i + 1}`).toContain(`第 ${i + 1} 页 / 共 ${pages} 页`);
      expect(page, `page ${i + 1}`).toContain(`${number} 下载于 2026-06-10 10:00`);
    });
    expect(all).toContain(squeeze('第 1 页'));
  });

  it('an uploaded image gets a page of its own; a PDF attachment’s pages are appended with their own text', async () => {
    const png = await upload('bank-account-permit', '开户许可证.png', tinyPng(60, 80));
    expect(png.statusCode).toBe(201);
    const withImage = await pdfText((await get(`/api/applications/${appId}/dossier.pdf`, unitA)).rawPayload);
    expect(withImage.pages).toBe(draftPages + 1);
    expect(withImage.text[withImage.pages - 1]).toContain('开户许可证.png');

    // 第九条（二）3 takes one file: replace the photo by a scanned PDF
    const del = await t.app.inject({ method: 'DELETE', url: `/api/applications/${appId}/materials/${png.json().id}`, headers: { cookie: unitA } });
    expect(del.statusCode).toBe(204);
    expect((await upload('bank-account-permit', '开户许可证-扫描.pdf', tinyPdf('SCANNED-PERMIT-PAGE'))).statusCode).toBe(201);
    const res = await get(`/api/applications/${appId}/dossier.pdf`, unitA);
    expect(res.statusCode).toBe(200);
    const { pages, text } = await pdfText(res.rawPayload);
    expect(pages).toBe(draftPages + 1);
    const last = text[pages - 1];
    expect(last).toContain('SCANNED-PERMIT-PAGE'); // the attachment's own page, kept as it is
    expect(last).toContain('开户许可证-扫描.pdf');
    expect(last).toContain(`第 ${pages} 页 / 共 ${pages} 页`);
    expect(last).toContain(`${number} 下载于 2026-06-10 10:00`); // the watermark is stamped on attached pages too
  });

  it('after submission the unit, the 大兴 officer and the inspector download it; the cover shows the submission time', async () => {
    await ok(t.app.inject({ method: 'POST', url: `/api/applications/${appId}/submit`, headers: { cookie: unitA }, payload: {} }), 'submit');
    clock.advance(30 * 60_000);
    for (const user of ['unit-a', 'daxing-officer', 'daxing-inspector']) {
      const res = await get(`/api/applications/${appId}/dossier.pdf`, await t.login(user));
      expect(res.statusCode, user).toBe(200);
      const { text } = await pdfText(res.rawPayload);
      expect(text[0]).toContain(statusName('submitted'));
      expect(text[0]).toContain('2026-06-10 10:00（北京时间）');
      expect(text[0]).toContain(`下载人：${user}`);
      expect(text[0]).toContain(`${number} 下载于 2026-06-10 10:30`);
    }
  });

  it('another unit and an officer of another jurisdiction get 404; an expert 403; anonymous 401', async () => {
    expect((await get(`/api/applications/${appId}/dossier.pdf`, await t.login('unit-b'))).statusCode).toBe(404);
    expect((await get(`/api/applications/${appId}/dossier.pdf`, await t.login('etdz-officer'))).statusCode).toBe(404);
    expect((await get(`/api/applications/${appId}/dossier.pdf`, await t.login('expert1'))).statusCode).toBe(403);
    expect((await get(`/api/applications/${appId}/dossier.pdf`)).statusCode).toBe(401);
    expect((await get('/api/applications/not-a-uuid/dossier.pdf', unitA)).statusCode).toBe(400);
  });

  it('every download is recorded with its verification code and an audit event; the chain verifies', async () => {
    const rows = await t.database.db.select().from(dossierDownloads).where(eq(dossierDownloads.applicationId, appId));
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.verificationCode)).size).toBe(6);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'dossier.downloaded'));
    expect(events).toHaveLength(6);
    expect(events.every((e) => e.entityId === appId)).toBe(true);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});

describe('[DOSSIER] the window verifies a printout by its QR code', () => {
  it('the code printed on the cover finds the online record, with nothing private', async () => {
    const res = await get(`/api/applications/${appId}/dossier.pdf`, officer);
    const { text } = await pdfText(res.rawPayload);
    const code = /核验码：([A-Z2-9]{12})/.exec(text[0])?.[1];
    expect(code).toBeTruthy();
    expect(text[0]).toContain(`/verify/${code}`);
    const verified = await get(`/api/dossiers/verify/${code}`);
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({
      applicationNumber: number,
      unitName: '北京兴业精密机械有限公司',
      callTitle: CALL.title,
      status: 'submitted',
      statusName: statusName('submitted'),
      submittedAt: '2026-06-10T10:00:00+08:00',
      downloadedAt: '2026-06-10T10:30:00+08:00',
    });
  });

  it('an unknown code is 404, a malformed one 400', async () => {
    const res = await get('/api/dossiers/verify/ABCDEFGHJKLM');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('DOSSIER_NOT_FOUND');
    expect((await get('/api/dossiers/verify/abc')).statusCode).toBe(400);
  });
});

describe('[TEMPLATES] blank forms to download from the call page', () => {
  it('lists the program’s forms with their annex numbers (2026年通知附件1、附件2), publicly', async () => {
    const res = await get(`/api/calls/${callId}/templates`);
    expect(res.statusCode).toBe(200);
    const list = res.json() as { id: string; title: string; annex: string | null; url: string }[];
    expect(list.map((x) => x.id)).toEqual(expect.arrayContaining(['work-plan', 'commitment', 'project-proposal']));
    expect(list.find((x) => x.id === 'work-plan')).toMatchObject({ title: '大兴区技能大师工作室建设项目工作计划书', annex: '附件3（2026年通知附件1）' });
    expect(list.find((x) => x.id === 'commitment')).toMatchObject({ annex: '附件2', url: `/api/calls/${callId}/templates/commitment.pdf` });
  });

  it('附件1 工作计划书 prints blank with its labels and the form’s own hints', async () => {
    const res = await get(`/api/calls/${callId}/templates/work-plan.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { all } = await pdfText(res.rawPayload);
    for (const s of ['大兴区技能大师工作室建设项目工作计划书', '项目名称', '项目类别', '工作对象', '成果名称', '预期目标', '项目时间进度安排', '监督保障措施', '项目所需经费计划', '主要包括：技艺创新培训', '申报单位（盖章）', '第 1 页']) {
      expect(all, s).toContain(squeeze(s));
    }
    expect(all).not.toContain('北京兴业精密机械有限公司');
  });

  it('附件2 承诺书 prints as the letter with blank signature lines', async () => {
    const { all } = await pdfText((await get(`/api/calls/${callId}/templates/commitment.pdf`)).rawPayload);
    for (const s of ['申报材料真实性承诺书', '北京市大兴区人力资源和社会保障局：', '（工作室及建设项目/工作室建设项目）', '法定代表人签字', '申报单位（盖章）']) expect(all, s).toContain(squeeze(s));
  });

  it('an unknown form or call is 404', async () => {
    expect((await get(`/api/calls/${callId}/templates/no-such-form.pdf`)).statusCode).toBe(404);
    expect((await get('/api/calls/00000000-0000-4000-8000-000000000000/templates')).statusCode).toBe(404);
  });

  it('顺义 附件1 申报表 and 经开区 申报表 print with their sections and signature blocks', async () => {
    for (const [editionId, must] of [
      ['shunyi-draft', ['顺义区技能大师工作室申报表', '技能大师基本情况', '身份证号码', '申报单位意见']],
      ['etdz-2024', ['北京经济技术开发区技能大师工作室申报表', '单位负责人（签字）']],
    ] as const) {
      const edition = getEdition(editionId)!;
      const program = edition.programs[0];
      const form = program.forms.find((f) => f.id === 'studio-application')!;
      const { all } = await pdfText(await buildTemplate(edition, program, form, null));
      for (const s of must) expect(all, `${editionId}: ${s}`).toContain(squeeze(s));
    }
  });
});

describe('[EXPORT] a call’s applications as Excel (issue 4; issue 9 formula injection)', () => {
  async function workbook(body: Buffer) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('申报列表')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    return rows;
  }

  it('has the Chinese headers and the submitted application; the formula-like name is neutralised', async () => {
    const res = await get(`/api/calls/${callId}/applications.xlsx?status=submitted`, officer);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(CALL.title)}`);
    const rows = await workbook(res.rawPayload);
    expect(rows[0]).toEqual([...EXPORT_HEADERS]);
    expect(rows).toHaveLength(2);
    const [, appNumber, unitName, creditCode, title, , status, submittedAt, round] = rows[1];
    expect({ appNumber, unitName, creditCode, status, submittedAt, round }).toEqual({
      appNumber: number,
      unitName: '北京兴业精密机械有限公司',
      creditCode: '91110115MA01ABCD1J',
      status: statusName('submitted'),
      submittedAt: '2026-06-10 10:00',
      round: 0,
    });
    expect(title).toBe(`'${FORMULA_NAME}`);
  });

  it('applies the list’s filters: another status or a search that matches nothing gives no rows', async () => {
    expect(await workbook((await get(`/api/calls/${callId}/applications.xlsx?status=draft`, officer)).rawPayload)).toHaveLength(1);
    expect(await workbook((await get(`/api/calls/${callId}/applications.xlsx?q=${encodeURIComponent('没有这个单位')}`, officer)).rawPayload)).toHaveLength(1);
    expect(await workbook((await get(`/api/calls/${callId}/applications.xlsx?q=${encodeURIComponent('兴业精密')}`, await t.login('daxing-inspector'))).rawPayload)).toHaveLength(2);
  });

  it('units, experts and anonymous are refused; another jurisdiction’s officer gets 404', async () => {
    expect((await get(`/api/calls/${callId}/applications.xlsx`, unitA)).statusCode).toBe(403);
    expect((await get(`/api/calls/${callId}/applications.xlsx`, await t.login('expert1'))).statusCode).toBe(403);
    expect((await get(`/api/calls/${callId}/applications.xlsx`)).statusCode).toBe(401);
    expect((await get(`/api/calls/${callId}/applications.xlsx`, await t.login('etdz-officer'))).statusCode).toBe(404);
  });

  it('neutralises every formula lead-in: = + - @ tab and carriage return', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralise(s)).toBe(`'${s}`);
    expect(neutralise('北京兴业')).toBe('北京兴业');
  });
});
