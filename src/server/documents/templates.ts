import type { Edition, FormSchema, ProgramDef } from '../../policy/types';
import { renderForm } from './form-layout';
import { createDoc, drawChrome, finish } from './pdf';

/**
 * A form rendered blank, to print and fill by hand (e.g. 大兴 2026年通知附件1 工作计划书 and 附件2 承诺书, 顺义
 * 附件1 申报表): the same layout as in the dossier, with the form's own hints in the empty cells.
 */
export async function buildTemplate(edition: Edition, program: ProgramDef, form: FormSchema, annex: string | null): Promise<Buffer> {
  const doc = await createDoc({ title: form.title.zh, subject: `${edition.documentNumber} ${program.title.zh}` });
  doc.addPage();
  renderForm(doc, form, { edition, data: null, annex: annex ?? undefined });
  const { count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(i);
    drawChrome(doc, {
      header: `${edition.documentNumber} · ${program.title.zh}`,
      headerRight: `${edition.jurisdictionName.zh} · 空白模板`,
      pageNumber: i + 1,
      pageCount: count,
    });
  }
  return finish(doc);
}

/** The checklist's annex label of a form (附件1 …), when the text gives one. */
export function annexOf(program: ProgramDef, formId: string): string | null {
  return program.materials.find((m) => m.formId === formId && m.template)?.template?.zh ?? null;
}
