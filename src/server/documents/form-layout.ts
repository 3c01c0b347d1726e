import type { Edition, FieldSchema, FormSchema } from '../../policy/types';
import { contentWidth, ensureSpace, FONT, FONT_BOLD, grid, paragraph, row, sectionHeading, title, type Doc } from './pdf';

/**
 * Lays a form out like the official form of the text: the edition's FormSchema gives sections, labels and
 * order; values (or, for a blank template, the form's own hints) go into bordered tables. Table fields (项目时间
 * 进度安排, 经费计划, 团队成员) become grids; money columns get a 合计 line. The form's signature block closes it
 * (申报单位（盖章）… 年 月 日); a commitment (承诺书) is laid out as the letter of 大兴 2026年通知附件2.
 */
export interface FormRenderOptions {
  edition: Edition;
  /** null = a blank template to fill by hand. */
  data: Record<string, unknown> | null;
  /** 附件1 etc., printed above the title like the annex of the notice. */
  annex?: string;
  /** The applicant unit, printed in the signature block when the form itself has no unit field. */
  unitName?: string;
}

/** Keeps the form's own spacing (申报单位（盖章）    申报时间：  年  月  日): runs of spaces become ideographic spaces. */
const keepSpaces = (s: string) => s.replace(/ {2,}/g, (m) => '\u3000'.repeat(Math.ceil(m.length / 2)));

const LABEL_WIDTH = 128;
const BLANK_ROWS = 4;

export function renderForm(doc: Doc, form: FormSchema, opts: FormRenderOptions) {
  const blank = opts.data === null;
  const data = opts.data ?? {};
  if (opts.annex) doc.font(FONT_BOLD).fontSize(11).text(opts.annex, doc.page.margins.left, doc.y);
  if (isCommitmentLetter(form)) return renderCommitment(doc, form, opts);

  title(doc, form.title.zh, `${form.citation.document} ${form.citation.article}`);
  const sections = form.sections;
  for (const section of sections) {
    // 附件1's 表头 (申报单位（盖章）/申报时间) sits above the table without a heading of its own.
    if (section.key !== 'header' && (sections.length > 1 || section.title.zh !== form.title.zh)) sectionHeading(doc, section.title.zh);
    if (section.fields.length === 0) {
      // Filled in on paper by the experts or the office (e.g. 顺义 专家评估意见): an empty box to write in.
      row(doc, [contentWidth(doc)], [{ text: '' }], { minHeight: 90 });
      doc.moveDown(0.4);
      continue;
    }
    const scalar: FieldSchema[] = [];
    const flush = () => {
      for (const f of scalar) fieldRow(doc, f, data[f.key], blank);
      scalar.length = 0;
    };
    for (const f of section.fields) {
      if (f.type !== 'table') {
        scalar.push(f);
        continue;
      }
      flush();
      tableField(doc, f, data[f.key], blank);
    }
    flush();
    doc.moveDown(0.4);
  }
  if (form.signatureBlock) signatureBlock(doc, form.signatureBlock.zh, blank ? '' : typeof data.unitName === 'string' && data.unitName ? data.unitName : (opts.unitName ?? ''));
}

function fieldRow(doc: Doc, f: FieldSchema, value: unknown, blank: boolean) {
  const w = contentWidth(doc);
  const text = blank ? blankHint(f) : formatValue(f, value);
  const tall = f.type === 'textarea';
  row(
    doc,
    [LABEL_WIDTH, w - LABEL_WIDTH],
    [
      { text: `${f.label.zh}${f.required && blank ? ' *' : ''}`, bold: true, shade: true },
      { text, muted: blank },
    ],
    { minHeight: blank ? (tall ? 150 : 28) : tall ? 60 : 24 },
  );
}

function blankHint(f: FieldSchema): string {
  if (f.help) return `（${f.help.zh.replace(/^（|）$/g, '')}）`;
  if (f.type === 'boolean') return '□ 是    □ 否';
  if ((f.type === 'select' || f.type === 'multiselect') && f.options?.length && f.options.length <= 8) {
    return f.options.map((o) => `□ ${o.label.zh}`).join('    ');
  }
  if (f.type === 'date') return keepSpaces('        年    月    日');
  if (f.type === 'month') return keepSpaces('        年    月');
  return '';
}

function tableField(doc: Doc, f: FieldSchema, value: unknown, blank: boolean) {
  const columns = f.columns ?? [];
  ensureSpace(doc, 90);
  row(doc, [contentWidth(doc)], [{ text: f.label.zh, bold: true, shade: true }]);
  if (blank && f.help) row(doc, [contentWidth(doc)], [{ text: `（${f.help.zh}）`, muted: true }], { size: 8.5 });
  const rows = blank ? Array.from({ length: Math.max(f.minRows ?? 0, BLANK_ROWS) }, () => columns.map(() => '')) : rowsOf(value).map((r) => columns.map((c) => formatValue(c, r[c.key])));
  const moneyCols = columns.map((c, i) => (c.type === 'money' ? i : -1)).filter((i) => i >= 0);
  if (moneyCols.length) {
    const totals = columns.map((c, i) => {
      if (i === 0) return '合计';
      if (c.type !== 'money') return '';
      return blank ? '' : formatMoney(rowsOf(value).reduce((s, r) => s + (typeof r[c.key] === 'number' ? (r[c.key] as number) : 0), 0));
    });
    rows.push(totals);
  }
  if (!blank && rows.length === 0) rows.push(columns.map((_, i) => (i === 0 ? '（未填写）' : '')));
  grid(
    doc,
    [{ label: '序号', weight: 0.5, align: 'center' }, ...columns.map((c) => ({ label: c.label.zh, weight: weightOf(c), align: c.type === 'money' || c.type === 'number' ? ('right' as const) : undefined }))],
    rows.map((r, i) => [moneyCols.length && i === rows.length - 1 ? '' : String(i + 1), ...r]),
    { minRowHeight: blank ? 26 : undefined },
  );
  doc.moveDown(0.3);
}

const weightOf = (c: FieldSchema) => (c.type === 'textarea' ? 3 : c.type === 'idNumber' ? 1.8 : c.type === 'text' ? 1.5 : 1);

function signatureBlock(doc: Doc, text: string, unit: string) {
  ensureSpace(doc, 110);
  const w = contentWidth(doc);
  const x = doc.page.margins.left;
  const y = doc.y + 6;
  const h = 92;
  doc.rect(x, y, w, h).lineWidth(0.6).stroke('#333333');
  doc.font(FONT).fontSize(10.5).fillColor('black');
  doc.text(keepSpaces(text.replace(/\n/g, '    ')), x + 10, y + 14, { width: w - 20, lineGap: 6 });
  if (unit) doc.fillColor('#444444').fontSize(9).text(`申报单位：${unit}`, x + 10, y + h - 40, { width: w - 20 });
  doc.fillColor('#444444').fontSize(8.5).text('（签字、盖章处）', x + 10, y + h - 20, { width: w - 20, align: 'right' });
  doc.fillColor('black');
  doc.x = x;
  doc.y = y + h + 8;
}

// ---------------------------------------------------------------------------------------------------------
// 承诺书: the letter of 大兴 2026年通知附件2 (经开区 follows it, etdz-2024 COMMITMENT_INFERRED)
// ---------------------------------------------------------------------------------------------------------

const isCommitmentLetter = (form: FormSchema) => !!form.signatureBlock?.zh.includes('郑重承诺');

function renderCommitment(doc: Doc, form: FormSchema, opts: FormRenderOptions) {
  const data = opts.data ?? {};
  const blank = opts.data === null;
  const [body, ...signLines] = form.signatureBlock!.zh.split('\n');
  doc.moveDown(1.5);
  title(doc, form.title.zh, `${form.citation.document} ${form.citation.article}`);
  doc.moveDown(1);
  // 附件2 is addressed to 北京市大兴区人力资源和社会保障局: a district's bureau is named with 北京市 in front.
  const authority = opts.edition.authorities.program.zh;
  const addressee = opts.edition.jurisdictionName.zh.startsWith('北京') ? authority : `北京市${authority}`;
  paragraph(doc, `${addressee}：`, { size: 12.5 });
  doc.moveDown(0.4);
  const scope = typeof data.scope === 'string' && data.scope ? data.scope : '';
  let text = body;
  if (scope) text = text.replace('（工作室及建设项目/工作室建设项目）', `（${scope}）`);
  const [main, tail] = text.split('特此承诺。');
  paragraph(doc, main.trim(), { size: 12.5, indent: true });
  if (tail !== undefined) paragraph(doc, '特此承诺。', { size: 12.5, indent: true });
  doc.moveDown(4);
  const x = doc.page.margins.left + contentWidth(doc) * 0.3;
  const w = contentWidth(doc) * 0.7;
  const fill = (line: string) => {
    if (blank) return keepSpaces(line);
    if (/法定代表人/.test(line)) return `${line}______________${typeof data.legalRepresentative === 'string' ? `（${data.legalRepresentative}）` : ''}`;
    if (/申报单位/.test(line)) return `${line}${typeof data.unitName === 'string' ? data.unitName : ''}`;
    if (/年\s+月\s+日/.test(line)) return formatChineseDate(data.signedOn) ?? keepSpaces(line);
    return keepSpaces(line);
  };
  doc.font(FONT).fontSize(12.5);
  for (const line of signLines) {
    doc.text(fill(line.trim()), x, doc.y, { width: w, lineGap: 4 });
    doc.moveDown(1.2);
  }
  doc.x = doc.page.margins.left;
}

// ---------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------

export function rowsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object' && !Array.isArray(r)) : [];
}

export function formatMoney(n: number): string {
  return n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

function formatChineseDate(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : undefined;
}

export function formatValue(f: FieldSchema, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  const label = (x: unknown) => f.options?.find((o) => o.value === x)?.label.zh ?? String(x);
  switch (f.type) {
    case 'boolean':
      return v === true ? '是' : v === false ? '否' : String(v);
    case 'select':
      return label(v);
    case 'multiselect':
      return Array.isArray(v) ? v.map(label).join('、') : String(v);
    case 'money':
      return typeof v === 'number' ? formatMoney(v) : String(v);
    case 'date':
      return formatChineseDate(v) ?? String(v);
    case 'month': {
      const m = typeof v === 'string' ? /^(\d{4})-(\d{2})$/.exec(v) : null;
      return m ? `${m[1]}年${Number(m[2])}月` : String(v);
    }
    case 'table':
      return rowsOf(v).length ? `${rowsOf(v).length} 行` : '';
    default:
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}
