import { degrees, PDFDocument as PdfLibDocument, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { Edition, FormSchema, MaterialItem, ProgramDef } from '../../policy/types';
import { formatShanghai } from '../../shared/time';
import { renderForm } from './form-layout';
import { contentWidth, createDoc, drawChrome, drawWatermark, finish, grid, paragraph, row, title, FONT, FONT_BOLD, MARGIN, type Doc } from './pdf';

/**
 * The printable dossier of one application (issue 4; 经开区's watermarked paper dossier): a cover with a QR code
 * the window scans to check the printout against the online record, every form laid out like the official
 * form, the materials checklist, then the attached scans — images placed on pages, PDF attachments' own pages
 * appended. Every page carries the application number in the header, 第 x 页 / 共 y 页 in the footer and a
 * diagonal watermark naming the unit, the application number and the download time (Asia/Shanghai).
 *
 * How: pdfkit draws our pages with the embedded Noto Sans SC font (subset on embed, text extractable); pdf-lib
 * only assembles pages — it copies our pages and the attachments' pages, then stamps each with an overlay page
 * that pdfkit drew (header, footer, watermark). pdf-lib never draws text itself (its subsetting drops CJK
 * glyphs).
 */
export interface DossierAttachment {
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  bytes: Buffer;
  /** Why the file is not embedded (e.g. the dossier's size limit); it is then listed on a notice page. */
  omitted?: string;
}

export interface DossierInput {
  platform: string;
  edition: Edition;
  program: ProgramDef;
  call: { title: string };
  application: {
    number: string;
    status: string;
    statusName: string;
    round: number;
    unitName: string;
    unitCreditCode: string;
    title: string | null;
    leaderName: string | null;
    submittedAt: Date | null;
  };
  forms: { schema: FormSchema; data: Record<string, unknown> | null }[];
  checklist: { item: MaterialItem; requirements: string; required: boolean; files: DossierAttachment[] }[];
  verification: { code: string; url: string };
  downloadedAt: Date;
  downloadedBy: string;
}

type Segment = { kind: 'own'; index: number; caption?: string } | { kind: 'attachment'; doc: PdfLibDocument; index: number; caption: string };

export async function buildDossier(input: DossierInput): Promise<Buffer> {
  const app = input.application;
  // Attachments that are PDFs are opened first: one that cannot be opened gets a notice page instead.
  const opened = await Promise.all(
    input.checklist.flatMap((c) => c.files).filter((f) => f.mimeType === 'application/pdf' && !f.omitted).map(async (f) => [f, await openPdf(f.bytes)] as const),
  );
  const pdfOf = new Map(opened);

  const doc = await createDoc({ title: `申报材料 ${app.number}`, subject: `${app.unitName} · ${input.call.title}` });
  const segments: Segment[] = [];
  // Every page pdfkit opens (ours, or one a long table runs on to) is recorded in order with its caption.
  let pendingCaption: string | undefined;
  doc.on('pageAdded', () => {
    segments.push({ kind: 'own', index: doc.bufferedPageRange().count - 1, caption: pendingCaption });
    pendingCaption = undefined;
  });
  const ownPage = (caption?: string) => {
    pendingCaption = caption;
    doc.addPage();
  };

  ownPage();
  cover(doc, input);

  input.forms.forEach(({ schema, data }) => {
    doc.addPage();
    const annex = input.checklist.find((c) => c.item.formId === schema.id)?.item.template?.zh;
    renderForm(doc, schema, { edition: input.edition, data, annex, unitName: input.application.unitName });
  });

  doc.addPage();
  checklistPages(doc, input);

  let n = 0;
  for (const c of input.checklist) {
    for (const f of c.files) {
      n++;
      const caption = `附件 ${n}：${c.item.order}. ${c.item.title.zh} — ${f.name}`;
      const pdf = pdfOf.get(f);
      if (f.mimeType === 'application/pdf' && pdf) {
        for (let i = 0; i < pdf.getPageCount(); i++) segments.push({ kind: 'attachment', doc: pdf, index: i, caption: `${caption}（第 ${i + 1}/${pdf.getPageCount()} 页）` });
        continue;
      }
      ownPage();
      imagePage(doc, f, caption);
    }
  }
  const own = await PdfLibDocument.load(await finish(doc));

  // Assemble: our pages and the attachments' pages in order.
  const out = await PdfLibDocument.create();
  const ownCopies = await out.copyPages(own, own.getPageIndices());
  const copiesOf = new Map<PdfLibDocument, PDFPage[]>();
  for (const pdf of new Set(segments.flatMap((s) => (s.kind === 'attachment' ? [s.doc] : [])))) {
    copiesOf.set(pdf, await out.copyPages(pdf, pdf.getPageIndices()));
  }
  const pages = segments.map((s) => {
    const page = s.kind === 'own' ? ownCopies[s.index] : copiesOf.get(s.doc)![s.index];
    out.addPage(page);
    return { page, caption: s.caption };
  });

  await stamp(out, pages, input);
  out.setTitle(`申报材料 ${app.number}`);
  out.setAuthor(app.unitName);
  out.setSubject(input.call.title);
  out.setCreator('匠心 Jiangxin');
  out.setProducer('匠心 Jiangxin');
  out.setLanguage('zh-CN');
  out.setCreationDate(input.downloadedAt);
  return Buffer.from(await out.save());
}

/**
 * Opens an attached PDF, or returns undefined when it cannot be used (damaged, encrypted, no pages): a trial copy
 * and save find the damage a lenient parse lets through, so the dossier itself never fails on a bad upload.
 */
async function openPdf(bytes: Buffer): Promise<PdfLibDocument | undefined> {
  try {
    const pdf = await PdfLibDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    if (pdf.getPageCount() === 0 || pdf.isEncrypted) return undefined;
    const probe = await PdfLibDocument.create();
    for (const page of await probe.copyPages(pdf, pdf.getPageIndices())) probe.addPage(page);
    await probe.save();
    return pdf;
  } catch {
    return undefined;
  }
}

/** Display size of a page (a /Rotate of 90 or 270 swaps width and height). */
function displayBox(page: PDFPage) {
  const box = page.getMediaBox();
  const angle = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const swap = angle === 90 || angle === 270;
  return { box, angle, width: swap ? box.height : box.width, height: swap ? box.width : box.height };
}

/**
 * Draws header, footer and watermark with pdfkit, then places them on the pages with pdf-lib. The watermark is
 * drawn once per page size and reused on every page of that size; header and footer once per page.
 */
async function stamp(out: PdfLibDocument, pages: { page: PDFPage; caption?: string }[], input: DossierInput) {
  const app = input.application;
  const overlay = await createDoc({ title: 'overlay' });
  const noMargins = { top: 0, bottom: 0, left: 0, right: 0 };
  const boxes = pages.map(({ page }) => displayBox(page));
  const sizeKey = (b: { width: number; height: number }) => `${b.width.toFixed(1)}x${b.height.toFixed(1)}`;
  const watermarkIndex = new Map<string, number>();
  for (const b of boxes) {
    if (watermarkIndex.has(sizeKey(b))) continue;
    watermarkIndex.set(sizeKey(b), watermarkIndex.size);
    overlay.addPage({ size: [b.width, b.height], margins: noMargins });
    drawWatermark(overlay, [app.unitName, `${app.number}  下载于 ${formatShanghai(input.downloadedAt)}`]);
  }
  const first = watermarkIndex.size;
  pages.forEach(({ caption }, i) => {
    overlay.addPage({ size: [boxes[i].width, boxes[i].height], margins: noMargins });
    drawChrome(overlay, {
      header: `申报编号 ${app.number}  ·  ${app.unitName}`,
      headerRight: `${input.platform} · ${input.edition.jurisdictionName.zh}`,
      caption,
      pageNumber: i + 1,
      pageCount: pages.length,
    });
  });
  const embedded = await out.embedPdf(await finish(overlay), [...Array(first + pages.length).keys()]);
  pages.forEach(({ page }, i) => {
    const { box, angle, width, height } = boxes[i];
    // Place the upright overlay so it reads upright on the displayed (rotated) page.
    const at = {
      0: { x: box.x, y: box.y },
      90: { x: box.x + box.width, y: box.y },
      180: { x: box.x + box.width, y: box.y + box.height },
      270: { x: box.x, y: box.y + box.height },
    }[angle];
    const place = { ...at, width, height, rotate: degrees(angle) };
    page.drawPage(embedded[watermarkIndex.get(sizeKey(boxes[i]))!], place);
    page.drawPage(embedded[first + i], place);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Cover, checklist, image pages
// ---------------------------------------------------------------------------------------------------------

function cover(doc: Doc, input: DossierInput) {
  const app = input.application;
  doc.y = MARGIN.top + 30;
  doc.font(FONT).fontSize(12).fillColor('#9a1b21').text(`${input.platform}`, { align: 'center', width: contentWidth(doc) });
  doc.fillColor('black').moveDown(0.5);
  doc.font(FONT_BOLD).fontSize(22).text(input.program.title.zh, { align: 'center', width: contentWidth(doc) });
  doc.font(FONT_BOLD).fontSize(18).text('申报材料', { align: 'center', width: contentWidth(doc) });
  doc.moveDown(0.4);
  doc.font(FONT).fontSize(10).fillColor('#555555').text(`${input.edition.documentNumber} ${input.edition.title.zh}`, { align: 'center', width: contentWidth(doc) });
  doc.fillColor('black').moveDown(1.5);

  const w = contentWidth(doc);
  const label = 120;
  const lines: [string, string][] = [
    ['辖区', input.edition.jurisdictionName.zh],
    ['申报批次', input.call.title],
    ['申报项目', input.program.title.zh],
    ['申报编号', app.number],
    ['申报单位', app.unitName],
    ['统一社会信用代码', app.unitCreditCode],
    ['项目/工作室名称', app.title ?? ''],
    ['负责人（技能大师）', app.leaderName ?? ''],
    ['状态', `${app.statusName}${app.round > 0 ? `（第 ${app.round} 轮补正）` : ''}`],
    ['提交时间', app.submittedAt ? `${formatShanghai(app.submittedAt)}（北京时间）` : '尚未提交'],
    ['受理部门', input.edition.authorities.intake.zh],
  ];
  for (const [k, v] of lines) row(doc, [label, w - label], [{ text: k, bold: true, shade: true }, { text: v }], { size: 11, minHeight: 26 });

  doc.moveDown(1.2);
  const qrSize = 118;
  const y = doc.y;
  const x = doc.page.margins.left;
  drawQr(doc, input.verification.url, x, y, qrSize);
  const tx = x + qrSize + 16;
  const tw = w - qrSize - 16;
  doc.font(FONT_BOLD).fontSize(11).text('扫码核验', tx, y + 4, { width: tw });
  doc.font(FONT).fontSize(9.5).fillColor('#333333');
  doc.text(`受理窗口扫描二维码或访问下方地址，可核对本打印件与平台上的在线记录（申报编号、单位、批次、状态、提交与下载时间）。`, tx, doc.y + 4, { width: tw, lineGap: 2 });
  doc.text(`核验码：${input.verification.code}`, tx, doc.y + 4, { width: tw });
  doc.text(input.verification.url, tx, doc.y + 2, { width: tw });
  doc.text(`下载时间：${formatShanghai(input.downloadedAt)}（北京时间）  下载人：${input.downloadedBy}`, tx, doc.y + 2, { width: tw });
  doc.fillColor('black');
  doc.x = x;
  doc.y = Math.max(doc.y, y + qrSize) + 16;

  const fileCount = input.checklist.reduce((s, c) => s + c.files.length, 0);
  paragraph(
    doc,
    `本材料包含：${input.forms.map((f) => `《${f.schema.title.zh}》`).join('、')}；申报材料清单；附件 ${fileCount} 个。` +
      '需签字、盖章的页面（承诺书、申报表签字盖章栏等）打印后签字、加盖公章。',
    { size: 9.5, color: '#333333' },
  );
}

/** The QR code as vector squares (crisp when printed, no PNG to encode): dark modules merged into runs per row. */
function drawQr(doc: Doc, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('white').fillColor('black');
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue;
      let end = c;
      while (end + 1 < modules.size && modules.get(r, end + 1)) end++;
      doc.rect(x + (quiet + c) * cell, y + (quiet + r) * cell, (end - c + 1) * cell + 0.01, cell + 0.01);
      c = end;
    }
  }
  doc.fill('black').restore();
}

function checklistPages(doc: Doc, input: DossierInput) {
  title(doc, '申报材料清单', `${input.edition.documentNumber} ${input.program.materials[0]?.citation.article.replace(/（.*$/, '') ?? ''}`.trim());
  const filled = new Set(input.forms.filter((f) => f.data).map((f) => f.schema.id));
  grid(
    doc,
    [
      { label: '序号', weight: 0.5, align: 'center' },
      { label: '材料', weight: 2.6 },
      { label: '要求', weight: 1.3 },
      { label: '提供方式', weight: 0.9 },
      { label: '已附文件', weight: 2.4 },
    ],
    input.checklist.map((c) => [
      String(c.item.order),
      `${c.item.title.zh}${c.required ? '' : '（如有）'}${c.item.condition ? `\n${c.item.condition.zh}` : ''}`,
      [c.requirements, c.item.formats.map((f) => f.toUpperCase()).join('/')].filter(Boolean).join('；'),
      c.item.supply === 'online-form' ? '在线填写' : c.item.supply === 'e-licence' ? '电子证照' : '上传扫描件',
      c.item.supply === 'online-form'
        ? c.item.formId && filled.has(c.item.formId)
          ? '已在线填写（见本材料）'
          : '未填写'
        : c.files.length
          ? c.files.map((f) => `${f.name}（${formatSize(f.size)}）`).join('\n')
          : '未上传',
    ]),
    { size: 9 },
  );
  doc.moveDown(0.5);
  paragraph(doc, '要求一栏：加盖公章、签字、彩色扫描、原件按本辖区文件的规定；附件按清单顺序附后，每页页眉注明所属材料和文件名。', { size: 8.5, color: '#555555' });
}

function imagePage(doc: Doc, f: DossierAttachment, caption: string) {
  const x = doc.page.margins.left;
  const w = contentWidth(doc);
  doc.font(FONT).fontSize(9).fillColor('#333333').text(`${caption}  SHA-256 ${f.sha256.slice(0, 16)}…`, x, doc.page.margins.top - 6, { width: w });
  doc.fillColor('black');
  if (f.omitted) {
    doc.font(FONT).fontSize(11).text(`此附件未编入汇编（${f.name}，${formatSize(f.size)}）：${f.omitted}。请在平台上下载原文件查看。`, x, doc.y + 20, { width: w });
    return;
  }
  const top = doc.y + 6;
  const h = doc.page.height - doc.page.margins.bottom - top;
  try {
    doc.image(f.bytes, x, top, { fit: [w, h], align: 'center' });
  } catch {
    unreadable(doc, f);
  }
}

function unreadable(doc: Doc, f: DossierAttachment) {
  doc.font(FONT).fontSize(11).text(`此附件无法在汇编中显示（${f.name}，${formatSize(f.size)}）。请在平台上下载原文件查看。`, doc.page.margins.left, doc.y + 20, { width: contentWidth(doc) });
}

function formatSize(n: number) {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}
