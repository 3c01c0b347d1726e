import type ExcelJS from 'exceljs';
import { EXPORT_HEADERS } from '../../shared/documents';

/**
 * A cell a spreadsheet would read as a formula (= + - @, or a leading tab / carriage return that some programs
 * strip first) gets a leading apostrophe, so it stays text (issue 9: formula injection in Excel exports; OWASP
 * "CSV Injection").
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A new workbook; exceljs is loaded on the first export, not at start (≈ 16 MB of resident memory: issue 8). */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  return new Excel.Workbook();
}

export interface ExportRow {
  number: string;
  unitName: string;
  creditCode: string;
  title: string | null;
  leaderName: string | null;
  statusName: string;
  /** 'YYYY-MM-DD HH:mm' Beijing time, or null. */
  submittedAt: string | null;
  round: number;
  updatedAt: string;
}

/** The officer's application list of one call as an .xlsx workbook (Chinese headers, a 说明 sheet). */
export async function applicationsWorkbook(rows: ExportRow[], meta: { callTitle: string; exportedAt: string; exportedBy: string; filters: string }) {
  const wb = await newWorkbook();
  wb.creator = '匠心 Jiangxin';
  wb.created = new Date();
  const ws = wb.addWorksheet('申报列表', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_HEADERS.map((header, i) => ({ header, key: String(i), width: [6, 20, 32, 22, 36, 12, 12, 18, 10, 18][i] }));
  rows.forEach((r, i) => {
    ws.addRow([
      i + 1,
      neutralise(r.number),
      neutralise(r.unitName),
      neutralise(r.creditCode),
      neutralise(r.title ?? ''),
      neutralise(r.leaderName ?? ''),
      neutralise(r.statusName),
      r.submittedAt ?? '',
      r.round,
      r.updatedAt,
    ]);
  });
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_HEADERS.length } };

  const info = wb.addWorksheet('说明');
  info.columns = [{ width: 14 }, { width: 60 }];
  info.addRows([
    ['申报批次', neutralise(meta.callTitle)],
    ['导出时间', `${meta.exportedAt}（北京时间）`],
    ['导出人', neutralise(meta.exportedBy)],
    ['筛选条件', neutralise(meta.filters)],
    ['申报数量', rows.length],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
