import { getEdition } from '../../../policy/editions';
import type { Edition, FormSchema, MaterialItem, ProgramDef, ProgramId } from '../../../policy/types';
import { AppError } from '../../errors';

/**
 * What an application must contain, read from its edition (forms, materials and stages come from the policy,
 * not from code): 大兴 第十条 — a studio already recognised files only the project materials; a new studio
 * files the studio and the project together.
 */
export interface Requirements {
  edition: Edition;
  program: ProgramDef;
  forms: FormSchema[];
  /** Checklist items the unit uploads files for. */
  uploads: MaterialItem[];
  /** Every checklist item that applies, uploads and online forms alike. */
  checklist: MaterialItem[];
}

const applies = (required: boolean | 'new-studio-only', studioRecognized: boolean) =>
  required === 'new-studio-only' ? !studioRecognized : true;

export function requirementsOf(editionId: string, programId: string, studioRecognized: boolean): Requirements {
  const edition = getEdition(editionId);
  const program = edition?.programs.find((p) => p.id === (programId as ProgramId));
  if (!edition || !program) throw new AppError('POLICY_NOT_FOUND', 500, `政策 ${editionId}/${programId} 不存在`);
  const forms = program.forms.filter((f) => f.programs.includes(program.id) && applies(f.required, studioRecognized));
  const checklist = program.materials
    .filter((m) => m.programs.includes(program.id) && (m.required !== 'new-studio-only' || !studioRecognized))
    .sort((a, b) => a.order - b.order);
  // 电子证照 (经开区 办事指南 五（一）2 "选取电子证照"): the licence is linked through the unit's validated 统一社会信用代码,
  // not uploaded — only `upload` items take files.
  const uploads = checklist.filter((m) => m.supply === 'upload');
  return { edition, program, forms, uploads, checklist };
}

export const isRequiredForm = (f: FormSchema) => f.required !== false;
export const isRequiredUpload = (m: MaterialItem) => m.required !== false;

/** What each checklist item asks for, in words (盖章, 签字, 彩色扫描, 原件). */
export function requirementWords(m: MaterialItem): string {
  const words = [m.stamped && '加盖公章', m.signed && '签字', m.colourScan && '彩色扫描', m.original && '原件'].filter(Boolean);
  return words.join('、');
}

/** Form field keys that name the application in lists (project or studio name, the master). */
const TITLE_KEYS = ['projectName', 'studioName', 'name'];
const LEADER_KEYS = ['masterName', 'leaderName'];

export function listFieldsFrom(data: Record<string, unknown>): { title?: string; leaderName?: string } {
  const pick = (keys: string[]) => {
    for (const k of keys) {
      const v = data[k];
      if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 200);
    }
    return undefined;
  };
  return { title: pick(TITLE_KEYS), leaderName: pick(LEADER_KEYS) };
}
