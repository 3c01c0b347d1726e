import { cjkFonts } from './fonts';

/**
 * Layout primitives for the printable documents (A4, Noto Sans SC): bordered key/value tables and grids laid
 * out like the official forms, page breaks that never split a row silently, and the page chrome (header,
 * footer, diagonal watermark).
 */
export type Doc = PDFKit.PDFDocument;

export const FONT = 'zh';
export const FONT_BOLD = 'zh-bold';
export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 64, bottom: 60, left: 56, right: 56 };
const BORDER = '#333333';
const SHADE = '#f2f2f2';
const MUTED = '#666666';
const PAD = 5;
/** Below this much room a row that does not fit starts on the next page instead of being split. */
const MIN_SPLIT = 140;

/** pdfkit is loaded on the first document, not at start (≈ 20 MB of resident memory an instance may never need: issue 8). */
export async function createDoc(info: { title: string; subject?: string }): Promise<Doc> {
  const { default: PDFDocument } = await import('pdfkit');
  const fonts = cjkFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    info: { Title: info.title, Subject: info.subject ?? '', Author: '匠心 Jiangxin', Creator: '匠心 Jiangxin', Producer: '匠心 Jiangxin' },
    lang: 'zh-CN',
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont(FONT, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  doc.font(FONT);
  return doc;
}

export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomLimit = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when fewer than `needed` points remain on this one. */
export function ensureSpace(doc: Doc, needed: number) {
  if (doc.y + needed > bottomLimit(doc)) doc.addPage();
}

export function title(doc: Doc, text: string, sub?: string) {
  doc.font(FONT_BOLD).fontSize(17).fillColor('black').text(text, doc.page.margins.left, doc.y, { align: 'center', width: contentWidth(doc) });
  if (sub) doc.font(FONT).fontSize(9).fillColor(MUTED).text(sub, { align: 'center', width: contentWidth(doc) });
  doc.fillColor('black').moveDown(0.8);
}

export function sectionHeading(doc: Doc, text: string) {
  // Never a heading alone at the foot of a page: keep room for its first rows.
  ensureSpace(doc, 110);
  const x = doc.page.margins.left;
  const w = contentWidth(doc);
  doc.font(FONT_BOLD).fontSize(11.5);
  const h = doc.heightOfString(text, { width: w - 2 * PAD }) + 2 * PAD;
  doc.rect(x, doc.y, w, h).fillAndStroke('#e6e6e6', BORDER);
  doc.fillColor('black').text(text, x + PAD, doc.y + PAD, { width: w - 2 * PAD });
  doc.y = doc.y + PAD;
  doc.x = x;
}

export function paragraph(doc: Doc, text: string, opts: { size?: number; indent?: boolean; color?: string; align?: 'left' | 'right' | 'center' } = {}) {
  doc.font(FONT).fontSize(opts.size ?? 11).fillColor(opts.color ?? 'black');
  doc.text(breakLongRuns(text, contentWidth(doc), opts.size ?? 11), doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: 4, indent: opts.indent ? 22 : 0, align: opts.align ?? 'left' });
  doc.fillColor('black');
}

/** The longest prefix of `text` that fits in `height` at the current font (binary search on characters). */
function fitPrefix(doc: Doc, text: string, width: number, height: number): number {
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.heightOfString(text.slice(0, mid), { width, lineGap: 2 }) <= height) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * pdfkit breaks a word wider than its column one character at a time, re-measuring as it goes — quadratic, so a
 * 5,000-character unbroken string (a pasted hash or URL, or a careless "xxxx…") would take seconds. Such runs are
 * cut beforehand into pieces that fit the column; text with spaces or Chinese characters breaks normally.
 */
export function breakLongRuns(text: string, width: number, size: number): string {
  const n = Math.max(4, Math.floor(width / (size * 0.6)));
  if (text.length <= n) return text;
  const run = new RegExp(`[^\\s\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]{${n + 1},}`, 'g');
  return text.replace(run, (m) => m.match(new RegExp(`.{1,${n}}`, 'gs'))!.join('\n'));
}

export interface Cell {
  text: string;
  bold?: boolean;
  shade?: boolean;
  muted?: boolean;
  align?: 'left' | 'center' | 'right';
}

/**
 * One bordered row of cells. A row taller than what is left of the page moves to the next page; a row taller
 * than a whole page is continued on the next pages (long 预期目标 or 必要性 texts), marked （续）.
 */
export function row(doc: Doc, widths: number[], cells: Cell[], opts: { size?: number; minHeight?: number; onNewPage?: () => void } = {}) {
  const size = opts.size ?? 10;
  const x0 = doc.page.margins.left;
  const measure = (c: Cell, w: number) => {
    doc.font(c.bold ? FONT_BOLD : FONT).fontSize(size);
    return doc.heightOfString(c.text || ' ', { width: w - 2 * PAD, lineGap: 2 }) + 2 * PAD;
  };
  let remaining = cells.map((c, i) => ({ ...c, text: breakLongRuns(c.text, widths[i] - 2 * PAD, size) }));
  for (let guard = 0; guard < 200; guard++) {
    const heights = remaining.map((c, i) => measure(c, widths[i]));
    const needed = Math.max(opts.minHeight ?? 0, ...heights);
    // A row that does not fit moves to the next page when little room is left; a tall one (a long 必要性 text)
    // fills the rest of this page and continues on the next, rather than leaving half a page blank.
    if (needed > bottomLimit(doc) - doc.y && bottomLimit(doc) - doc.y < Math.min(needed, MIN_SPLIT)) {
      doc.addPage();
      opts.onNewPage?.();
      continue;
    }
    const avail = bottomLimit(doc) - doc.y;
    const overflow = needed > avail;
    const h = overflow ? avail : needed;
    const rest: Cell[] = remaining.map((c) => ({ ...c, text: '' }));
    let x = x0;
    const y = doc.y;
    remaining.forEach((c, i) => {
      const w = widths[i];
      if (c.shade) doc.rect(x, y, w, h).fillAndStroke(SHADE, BORDER);
      else doc.rect(x, y, w, h).lineWidth(0.6).stroke(BORDER);
      let text = c.text;
      if (overflow && heights[i] > h) {
        doc.font(c.bold ? FONT_BOLD : FONT).fontSize(size);
        let n = fitPrefix(doc, text, w - 2 * PAD, h - 2 * PAD - 2);
        if (n > 1 && /[\ud800-\udbff]/.test(text[n - 1])) n--; // never split a surrogate pair
        rest[i] = { ...c, text: text.slice(n) };
        text = text.slice(0, n);
      } else if (overflow) {
        rest[i] = { ...c, text: c.bold || c.shade ? `${c.text}（续）` : '' };
      }
      doc
        .font(c.bold ? FONT_BOLD : FONT)
        .fontSize(size)
        .fillColor(c.muted ? MUTED : 'black')
        .text(text, x + PAD, y + PAD, { width: w - 2 * PAD, lineGap: 2, align: c.align ?? 'left', height: h - PAD, ellipsis: false });
      x += w;
    });
    doc.fillColor('black');
    doc.x = x0;
    doc.y = y + h;
    if (!overflow) return;
    remaining = rest;
    doc.addPage();
    opts.onNewPage?.();
  }
}

/** A grid: a shaded header row, repeated on every page the grid continues on. */
export function grid(doc: Doc, columns: { label: string; weight: number; align?: 'left' | 'right' | 'center' }[], rows: string[][], opts: { size?: number; minRowHeight?: number } = {}) {
  const w = contentWidth(doc);
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (w * c.weight) / total);
  const header = () => row(doc, widths, columns.map((c) => ({ text: c.label, bold: true, shade: true, align: 'center' })), { size: opts.size ?? 9.5 });
  ensureSpace(doc, 60);
  header();
  for (const r of rows) {
    row(
      doc,
      widths,
      r.map((text, i) => ({ text, align: columns[i].align })),
      { size: opts.size ?? 9.5, minHeight: opts.minRowHeight, onNewPage: header },
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Page chrome
// ---------------------------------------------------------------------------------------------------------

export interface Chrome {
  /** Left of the header, e.g. 申报编号 DX-2026-XM-0001. */
  header: string;
  /** Right of the header, e.g. the platform. */
  headerRight?: string;
  /** A second header line (e.g. which attachment a page belongs to). */
  caption?: string;
  /** 第 x 页 / 共 y 页. */
  pageNumber: number;
  pageCount: number;
  /** Diagonal watermark text, repeated across the page; absent = none. */
  watermark?: string[];
}

/**
 * Draws header, footer and watermark on the current page, in absolute positions with the margins lifted (a
 * text below the bottom margin would otherwise open a new page).
 */
export function drawChrome(doc: Doc, chrome: Chrome) {
  const { width, height } = doc.page;
  const saved = { ...doc.page.margins };
  doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
  const left = 40;
  const inner = width - 2 * left;

  if (chrome.watermark?.length) drawWatermark(doc, chrome.watermark);

  doc.fillColor('#444444').font(FONT).fontSize(8.5);
  doc.text(chrome.header, left, 24, { width: inner, lineBreak: false });
  if (chrome.headerRight) doc.text(chrome.headerRight, left, 24, { width: inner, align: 'right', lineBreak: false });
  doc.moveTo(left, 38).lineTo(width - left, 38).lineWidth(0.5).stroke('#999999');
  if (chrome.caption) doc.fillColor('#444444').text(chrome.caption, left, 42, { width: inner, lineBreak: false, height: 12, ellipsis: true });
  doc.fillColor('#444444').fontSize(9).text(`第 ${chrome.pageNumber} 页 / 共 ${chrome.pageCount} 页`, left, height - 34, { width: inner, align: 'center', lineBreak: false });
  doc.fillColor('black');
  doc.page.margins = saved;
}

/** The diagonal watermark, light and repeated over the whole current page (text, so it cannot be cropped off). */
export function drawWatermark(doc: Doc, lines: string[]) {
  const { width, height } = doc.page;
  const saved = { ...doc.page.margins };
  doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
  doc.save();
  doc.fillColor('#9a1b21').fillOpacity(0.1).font(FONT).fontSize(Math.max(11, Math.min(16, width / 42)));
  const lineH = 22;
  const blockW = Math.max(...lines.map((l) => doc.widthOfString(l))) + 40;
  const stepY = lines.length * lineH + 70;
  doc.rotate(-35, { origin: [width / 2, height / 2] });
  const span = Math.hypot(width, height);
  for (let y = height / 2 - span / 2; y < height / 2 + span / 2; y += stepY) {
    const offset = (Math.round((y - height / 2) / stepY) % 2) * (blockW / 2);
    for (let x = width / 2 - span / 2 - offset; x < width / 2 + span / 2; x += blockW) {
      lines.forEach((l, i) => doc.text(l, x, y + i * lineH, { lineBreak: false }));
    }
  }
  doc.restore();
  doc.page.margins = saved;
}
