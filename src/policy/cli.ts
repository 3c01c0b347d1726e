/**
 * `jiangxin eligibility --policy daxing-2025 --program studio-recognition --as-of 2026-06-20 facts.json`
 *
 * The command-line eligibility check. All I/O comes in through `io` (bin/jiangxin.mjs supplies files and the
 * console), so this module stays pure like the rest of src/policy. Exit codes: 0 eligible, 1 not eligible,
 * 2 unknown (a fact is missing) or an error.
 */
import '../shared/zod-locale';
import { FactsSchema } from '../shared/eligibility';
import { evaluateEligibility } from './engine';
import { getEdition, listEditions } from './editions';
import { isValidIsoDate } from './rules/dates';
import type { EligibilityResult, Outcome, ProgramId } from './types';

export interface CliIo {
  /** Reads a file as UTF-8 text (`-` = standard input). */
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Today's date in Asia/Shanghai, YYYY-MM-DD: the default for --as-of. */
  today(): string;
}

export const EXIT_ELIGIBLE = 0;
export const EXIT_NOT_ELIGIBLE = 1;
export const EXIT_UNKNOWN_OR_ERROR = 2;

const USAGE = `用法 / usage:
  jiangxin eligibility --policy <政策版本> --program <studio-recognition|construction-project> [--as-of YYYY-MM-DD] [--json] <facts.json|->

  --policy    政策版本 ID / edition id (${listEditions()
    .map((e) => e.id)
    .join(', ')})
  --program   studio-recognition（工作室认定） | construction-project（建设项目）
  --as-of     评估日期，默认今天（北京时间） / date to evaluate for, default today (Asia/Shanghai)
  --json      输出接口格式的 JSON / print the API's JSON
  facts.json  申报事实（与 POST /api/eligibility/check 的 facts 相同），- 表示标准输入

退出码 / exit code: 0 符合 eligible, 1 不符合 not eligible, 2 缺少信息或出错 unknown or error
`;

const PROGRAMS: readonly ProgramId[] = ['studio-recognition', 'construction-project'];

const OUTCOME_NAMES: Record<Outcome, string> = {
  pass: '符合',
  fail: '不符合',
  unknown: '缺少信息',
  review: '待评审',
};

interface Options {
  policy?: string;
  program?: string;
  asOf?: string;
  json: boolean;
  help: boolean;
  files: string[];
}

function parseArgs(args: readonly string[]): Options | string {
  const o: Options = { json: false, help: false, files: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    switch (flag) {
      case '--policy':
        o.policy = value();
        break;
      case '--program':
        o.program = value();
        break;
      case '--as-of':
        o.asOf = value();
        break;
      case '--json':
        o.json = true;
        break;
      case '--help':
      case '-h':
        o.help = true;
        break;
      default:
        if (a.startsWith('--')) return `未知选项 ${a} / unknown option ${a}`;
        o.files.push(a);
    }
  }
  return o;
}

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** The findings as a readable Chinese table, then the overall conclusion. */
export function formatTable(result: EligibilityResult, heading: string): string {
  const rows = result.findings.map((f) => [OUTCOME_NAMES[f.outcome], f.article || '—', f.message]);
  const header = ['结论', '条款', '说明'];
  const w0 = Math.max(displayWidth(header[0]), ...rows.map((r) => displayWidth(r[0])));
  const w1 = Math.max(displayWidth(header[1]), ...rows.map((r) => displayWidth(r[1])));
  const line = (r: string[]) => `${pad(r[0], w0)}  ${pad(r[1], w1)}  ${r[2]}`;
  const conclusion =
    result.eligible === true
      ? '总体结论：符合申报条件（“待评审”各项由初审或专家根据材料判断）。'
      : result.eligible === false
        ? '总体结论：不符合申报条件（见“不符合”各项）。'
        : '总体结论：尚缺信息，无法判断（见“缺少信息”各项）。';
  return [heading, '', line(header), line([ '-'.repeat(w0), '-'.repeat(w1), '-'.repeat(4)]), ...rows.map(line), '', conclusion, ''].join('\n');
}

/** Runs the CLI; resolves to the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return command === undefined ? EXIT_UNKNOWN_OR_ERROR : EXIT_ELIGIBLE;
  }
  if (command !== 'eligibility') {
    io.stderr(`未知命令 ${command} / unknown command ${command}\n\n${USAGE}`);
    return EXIT_UNKNOWN_OR_ERROR;
  }
  const o = parseArgs(rest);
  if (typeof o === 'string') {
    io.stderr(`${o}\n\n${USAGE}`);
    return EXIT_UNKNOWN_OR_ERROR;
  }
  if (o.help) {
    io.stdout(USAGE);
    return EXIT_ELIGIBLE;
  }
  const errors: string[] = [];
  const edition = o.policy === undefined ? undefined : getEdition(o.policy);
  if (edition === undefined) {
    errors.push(
      `${o.policy === undefined ? '缺少 --policy' : `没有政策版本 ${o.policy}`}；可选：${listEditions()
        .map((e) => e.id)
        .join('、')}`,
    );
  }
  const program = PROGRAMS.find((p) => p === o.program);
  if (program === undefined) errors.push(`--program 应为 ${PROGRAMS.join(' 或 ')}`);
  const asOf = o.asOf ?? io.today();
  if (!isValidIsoDate(asOf)) errors.push(`--as-of 应为有效日期 YYYY-MM-DD，收到 ${asOf}`);
  if (o.files.length !== 1) errors.push('须指定一个申报事实文件（JSON），或 - 表示标准输入');
  if (errors.length > 0 || edition === undefined || program === undefined) {
    io.stderr(`${errors.join('\n')}\n\n${USAGE}`);
    return EXIT_UNKNOWN_OR_ERROR;
  }

  let raw: unknown;
  try {
    raw = JSON.parse(await io.readFile(o.files[0]));
  } catch (e) {
    io.stderr(`无法读取申报事实文件 ${o.files[0]}：${(e as Error).message}\n`);
    return EXIT_UNKNOWN_OR_ERROR;
  }
  const parsed = FactsSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(根)'}：${i.message}`);
    io.stderr(`申报事实不符合格式：\n${lines.join('\n')}\n`);
    return EXIT_UNKNOWN_OR_ERROR;
  }

  const result = evaluateEligibility(edition, program, parsed.data, asOf);
  if (o.json) {
    const body = {
      eligible: result.eligible,
      findings: result.findings.map(({ ruleId, article, outcome, message, messageEn, text }) => ({
        ruleId,
        article,
        outcome,
        message,
        messageEn,
        text,
      })),
    };
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    const programTitle = edition.programs.find((p) => p.id === program)?.title.zh ?? program;
    io.stdout(formatTable(result, `${edition.documentNumber}《${edition.title.zh}》— ${programTitle}　评估日期 ${asOf}`));
  }
  return result.eligible === true ? EXIT_ELIGIBLE : result.eligible === false ? EXIT_NOT_ELIGIBLE : EXIT_UNKNOWN_OR_ERROR;
}
