/** Small, pure helpers for showing policy data: bilingual texts, money, anchors into the verbatim text. */
import { formatShanghaiInstant, shanghaiDate } from '../../../shared/time';

export interface Bilingual {
  zh: string;
  en: string;
}

/** The text in the current language (zh-CN is the source; English falls back to Chinese when missing). */
export function pick(text: Bilingual | undefined, lang: string): string {
  if (!text) return '';
  return lang.startsWith('en') ? text.en || text.zh : text.zh;
}

/** 200000 → 「20万元」 / “CNY 200,000”. */
export function money(amount: number | null | undefined, lang: string): string {
  if (amount === null || amount === undefined) return '—';
  if (lang.startsWith('en')) return `CNY ${amount.toLocaleString('en-US')}`;
  return amount % 10_000 === 0 ? `${amount / 10_000}万元` : `${amount.toLocaleString('zh-CN')}元`;
}

/**
 * A finding's message for a person: the engine names a missing fact by its label and, for API users, its path
 * in brackets — 「技能大师是否在职在聘（leader.employed）」; the screen shows the label only.
 */
export function plainMessage(message: string): string {
  return message.replace(/\s*[（(]\s*(leader|unit|studio|project)\.[A-Za-z.]+\s*[）)]/g, '');
}

/** '2026-06-26T18:00:00+08:00' → '2026-06-26 18:00', Beijing time. */
export function beijing(iso: string | null | undefined): string {
  return iso ? formatShanghaiInstant(iso) : '';
}

const NUM = '一二三四五六七八九十百零〇';
const ARTICLE = new RegExp(`^第[${NUM}]+条`);
const CHAPTER = new RegExp(`^第[${NUM}]+章`);
const SECTION = new RegExp(`^([${NUM}]+)、`);
const MARKER = new RegExp(`^(第[${NUM}]+[条章]|[${NUM}]+、|（[${NUM}\\d]+）|\\(\\d+\\)|\\d+[.．、]|附件|附：)`);

export interface Paragraph {
  text: string;
  /** Anchor id (e.g. `第七条`, `三`, `通知二`), for `/policies/daxing-2025#第七条`. */
  anchor?: string;
  kind: 'heading' | 'article' | 'text';
}

/**
 * The verbatim texts come from PDF/Word extraction: hard line breaks every ~28 characters and blank lines between
 * them. Lines are joined back into paragraphs; a new paragraph starts after sentence-final punctuation, after a short
 * line (a title), or at a marker (第七条, 三、, （一）, 1.). Nothing is reworded.
 */
export function toParagraphs(raw: string, anchorPrefix = ''): Paragraph[] {
  const lines = raw
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+$/, '').replace(/^\s+/, ''))
    .filter((l) => l.length > 0);
  const joined: string[] = [];
  let prevLen = 0;
  for (const line of lines) {
    const prev = joined[joined.length - 1];
    const continues =
      prev !== undefined && prevLen >= 24 && !/[。；：！？:;]$/.test(prev) && !MARKER.test(line) && !/^第[一二三四五六七八九十]+章/.test(prev);
    if (continues) joined[joined.length - 1] = prev + line;
    else joined.push(line);
    prevLen = line.length;
  }
  const seen = new Set<string>();
  return joined.map((text) => {
    const article = ARTICLE.exec(text)?.[0];
    const section = SECTION.exec(text)?.[1];
    const id = article ?? (section && !CHAPTER.test(text) ? section : undefined);
    const anchor = id && !seen.has(anchorPrefix + id) ? anchorPrefix + id : undefined;
    if (anchor) seen.add(anchor);
    const short = text.length <= 30 && !article && !/[。；，]/.test(text) && !/[：:]./.test(text);
    const kind: Paragraph['kind'] = CHAPTER.test(text) || short ? 'heading' : article ? 'article' : 'text';
    return { text, anchor, kind };
  });
}

/** The anchor prefix of a related text (the 2026 大兴 notice → `通知`). */
export function relatedPrefix(title: string): string {
  return /通知/.test(title) ? '通知' : '附';
}

/**
 * The anchor an article citation points to in the policy page:
 * `第七条（一）2` → `第七条`; `三（二）1（3）、2（3）` → `三`; `2026年通知二、（二）申报要求2` → `通知二`.
 */
export function articleAnchor(article: string): string | undefined {
  const notice = new RegExp(`通知([${NUM}]+)、`).exec(article);
  if (notice) return `通知${notice[1]}`;
  const art = new RegExp(`第[${NUM}]+条`).exec(article);
  if (art) return art[0];
  const sec = new RegExp(`^([${NUM}]+)[（、(]`).exec(article) ?? new RegExp(`^([${NUM}]+)$`).exec(article);
  return sec?.[1];
}

/** Where a finding's article is in the policy page. */
export function articleHref(policyId: string, article: string, document?: string): string {
  let anchor = articleAnchor(article);
  // A citation of a related notice (e.g. the 2026 大兴 notice 三、（一）) points into that text's anchors.
  if (anchor && document && /通知/.test(document) && !anchor.startsWith('通知')) anchor = `通知${anchor}`;
  return `/policies/${policyId}${anchor ? `#${anchor}` : ''}`;
}

/**
 * The clauses of a rule text that mention `pattern`, split at ，；。 outside brackets, so that
 * 「原则上应取得技师及以上…（对高精尖产业、新兴产业领域的技能人才，可适度放宽到高级工）」 stays whole.
 */
export function clausesMatching(text: string, pattern: RegExp | undefined): string {
  if (!pattern) return text;
  const clauses: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if ('（(“「《'.includes(ch)) depth++;
    if ('）)”」》'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '，；。'.includes(ch)) {
      if (cur.trim()) clauses.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) clauses.push(cur.trim());
  // A clause opening with 且/并 continues the one before it: keep both.
  const keep = new Set<number>();
  clauses.forEach((c, i) => {
    if (!pattern.test(c)) return;
    keep.add(i);
    if (i > 0 && /^[且并]/.test(c)) keep.add(i - 1);
  });
  const hits = clauses.filter((_, i) => keep.has(i));
  return hits.length ? hits.join('，') + '。' : text;
}

/** Today in Beijing, 'YYYY-MM-DD'. */
export function todayBeijing(): string {
  return shanghaiDate(new Date());
}

/** Titles in “…” quotes in a rule text (the honours 经开区 三（二）3 and 顺义 第四条（一） list). */
export function quotedTitles(text: string): string[] {
  return [...text.matchAll(/“([^”]{2,30})”/g)].map((m) => m[1]);
}
