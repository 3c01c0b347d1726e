import type { FieldSchema } from '../../../policy/types';

/** Money columns of a table field, for the live total. */
export const moneyColumns = (f: FieldSchema) => (f.columns ?? []).filter((c) => c.type === 'money');

export function sumColumn(rows: unknown, key: string): number {
  if (!Array.isArray(rows)) return 0;
  return rows.reduce<number>((s, r) => {
    const v = r && typeof r === 'object' ? (r as Record<string, unknown>)[key] : undefined;
    return s + (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  }, 0);
}
