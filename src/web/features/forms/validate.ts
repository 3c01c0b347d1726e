import { validateForm } from '../../../policy/engine';
import { getEdition } from '../../../policy/editions';
import type { FormSchema } from '../../../policy/types';

/**
 * The same validation the server runs (src/policy/engine validateForm with the edition's own cross-field checks,
 * e.g. 大兴 经费计划 lines adding up to the requested amount), run live in the browser. Returns path → message.
 */
export function validateLocally(editionId: string, program: string, formId: string, data: Record<string, unknown>, asOf: string, lang: 'zh' | 'en' = 'zh') {
  const form = findForm(editionId, program, formId);
  if (!form) return {};
  return issuesToErrors(validateForm(form, data, asOf).map((i) => ({ path: i.path, message: lang === 'zh' ? i.message : i.messageEn })));
}

function findForm(editionId: string, program: string, formId: string): FormSchema | undefined {
  return getEdition(editionId)
    ?.programs.find((p) => p.id === program)
    ?.forms.find((f) => f.id === formId);
}

/** Issues as a path → message map (the first message of each path wins). */
export function issuesToErrors(issues: { path: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) if (!(i.path in out)) out[i.path] = i.message;
  return out;
}

/** The top-level field key of an issue path: `budget[2].amount` → `budget`. */
export const rootOf = (path: string) => path.split(/[.[]/)[0];

/** Whether a value counts as filled in (what the form's required check will accept). */
export function isFilled(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}
