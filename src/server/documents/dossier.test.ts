import { createHash } from 'node:crypto';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { daxingProjectForms, tinyPdf } from '../../../test/helpers/fixtures';
import { requirementsOf, requirementWords } from '../modules/applications/applications.rules';
import { buildDossier, type DossierAttachment, type DossierInput } from './dossier';

/**
 * The dossier builder on its own, with uploads the HTTP tests cannot easily make: a damaged PDF that passed the
 * upload's content check, a scan with rotated pages, a pasted 5,000-character string without a break.
 */
function attachment(name: string, mimeType: string, bytes: Buffer): DossierAttachment {
  return { name, mimeType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}

function input(files: DossierAttachment[], formPatch: Record<string, Record<string, unknown>> = {}): DossierInput {
  const req = requirementsOf('daxing-2025', 'construction-project', true);
  const forms = daxingProjectForms();
  return {
    platform: '匠心 · 技能大师工作室服务平台',
    edition: req.edition,
    program: req.program,
    call: { title: '2026年大兴区技能大师工作室建设项目评选' },
    application: {
      number: 'DX-2026-XM-0042',
      status: 'draft',
      statusName: '草稿',
      round: 0,
      unitName: '北京兴业精密机械有限公司',
      unitCreditCode: '91110115MA01ABCD1J',
      title: null,
      leaderName: null,
      submittedAt: null,
    },
    forms: req.forms.map((schema) => ({ schema, data: { ...forms[schema.id], ...formPatch[schema.id] } })),
    checklist: req.checklist.map((item) => ({ item, requirements: requirementWords(item), required: true, files: item.id === 'bank-account-permit' ? files : [] })),
    verification: { code: 'ABCDEFGHJKLM', url: 'https://jx.example/verify/ABCDEFGHJKLM' },
    downloadedAt: new Date('2026-06-12T06:05:00Z'),
    downloadedBy: 'unit-a',
  };
}

async function pages(pdf: Buffer) {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
  return text as string[];
}

describe('[DOSSIER] attachments of every kind print, and a bad one never breaks the dossier', () => {
  it('a damaged PDF (valid head and %%EOF, broken body) prints as a notice page naming the file', async () => {
    const broken = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage\n%%EOF\n', 'latin1');
    const text = await pages(await buildDossier(input([attachment('开户许可证.pdf', 'application/pdf', broken)])));
    const last = text[text.length - 1];
    expect(last).toContain('此附件无法在汇编中显示');
    expect(last).toContain('开户许可证.pdf');
    expect(last).toContain(`第 ${text.length} 页 / 共 ${text.length} 页`);
  });

  it('a file left out by the size limit is named on a notice page with the reason', async () => {
    const left = { ...attachment('证明材料合集.pdf', 'application/pdf', Buffer.alloc(0)), size: 30 * 1024 * 1024, omitted: '汇编所附文件合计超过 120 MB' };
    const text = await pages(await buildDossier(input([left])));
    expect(text[text.length - 1]).toContain('此附件未编入汇编（证明材料合集.pdf，30.0 MB）：汇编所附文件合计超过 120 MB');
  });

  it('rotated scan pages keep their rotation and get the header, footer and watermark like every page', async () => {
    const src = await PDFDocument.create();
    const font = await src.embedFont(StandardFonts.Helvetica);
    for (const angle of [0, 90, 180, 270]) {
      const page = src.addPage([420, 595]);
      page.setRotation(degrees(angle));
      page.drawText(`ROTATED-${angle}`, { x: 40, y: 500, size: 18, font });
    }
    const scan = Buffer.from(await src.save());
    const out = await buildDossier(input([attachment('扫描件.pdf', 'application/pdf', scan), attachment('补充.pdf', 'application/pdf', tinyPdf('SECOND-FILE'))]));
    const text = await pages(out);
    const doc = await PDFDocument.load(out);
    const n = doc.getPageCount();
    expect(doc.getPages().slice(n - 5, n - 1).map((p) => p.getRotation().angle)).toEqual([0, 90, 180, 270]);
    text.slice(n - 5, n - 1).forEach((t, i) => {
      expect(t).toContain(`ROTATED-${i * 90}`);
      expect(t).toContain(`第 ${n - 4 + i} 页 / 共 ${n} 页`);
      expect(t).toContain('DX-2026-XM-0042 下载于 2026-06-12 14:05');
    });
    expect(text[n - 1]).toContain('SECOND-FILE');
  });

  it('a 5,000-character value without a break is printed in full across pages, marked （续）', async () => {
    const long = 'x'.repeat(5000);
    const text = await pages(await buildDossier(input([], { 'project-proposal': { necessity: long } })));
    const all = text.join('').replace(/\s+/g, '');
    // between the pages come the page's header and footer: count the x's of every run
    expect((all.match(/x{20,}/g) ?? []).reduce((n, run) => n + run.length, 0)).toBe(long.length);
    expect(all).toContain('需求方面的必要性（续）');
  });
});
