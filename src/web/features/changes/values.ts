import type { TFunction } from 'i18next';

/** Fields shown for a change's before / requested values, in this order; ids are not shown. */
export const SHOWN_FIELDS = ['name', 'leaderName', 'leaderIdNumber', 'unitName', 'address', 'leavesJurisdiction', 'situation', 'arrangement', 'until', 'retirementDate', 'stoppedOn'] as const;

export function valueText(field: string, v: unknown, t: TFunction): string {
  if (v === null || v === undefined || v === '') return t('changes.none');
  if (typeof v === 'boolean') return v ? t('changes.yes') : t('changes.no');
  if (field === 'situation') return t(`changes.situation.${String(v)}`, { defaultValue: String(v) });
  if (field === 'arrangement') return t(`changes.arrangement.${String(v)}`, { defaultValue: String(v) });
  return String(v);
}

export function fieldLabel(field: string, t: TFunction): string {
  if (field === 'retirementDate') return t('changes.detail.retirement');
  if (field === 'stoppedOn') return t('changes.detail.effectiveOn');
  return t(`changes.field.${field}`, { defaultValue: field });
}

/** “领办人：张三；所在单位：…” of the fields shown. */
export function describeValues(values: Record<string, unknown>, t: TFunction): string {
  return SHOWN_FIELDS.filter((f) => f in values && values[f] !== null && values[f] !== undefined)
    .map((f) => `${fieldLabel(f, t)}：${valueText(f, values[f], t)}`)
    .join('；');
}
