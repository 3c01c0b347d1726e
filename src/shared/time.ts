/**
 * Asia/Shanghai has no daylight saving: local time is always UTC+8. These helpers keep every date-time the
 * platform shows or accepts in Beijing time, whatever the server's or browser's zone.
 */
const OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM-DDTHH:mm' Beijing time → Date. */
export function fromShanghaiLocal(local: string): Date {
  return new Date(`${local.length === 16 ? `${local}:00` : local}+08:00`);
}

/** Date → '2026-06-26T18:00:00+08:00'. */
export function toShanghaiIso(d: Date): string {
  const s = new Date(d.getTime() + OFFSET_MS).toISOString();
  return `${s.slice(0, 19)}+08:00`;
}

/** Date → the Beijing calendar date 'YYYY-MM-DD'. */
export function shanghaiDate(d: Date): string {
  return new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Any ISO instant ('…+08:00' or '…Z') → '2026-06-26 18:00' (or with seconds) in Beijing time; unparsable text comes back as is. */
export function formatShanghaiInstant(iso: string, seconds = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = toShanghaiIso(d);
  return `${s.slice(0, 10)} ${s.slice(11, seconds ? 19 : 16)}`;
}

/** Date → '2026-06-26 18:00' for people. */
export function formatShanghai(d: Date): string {
  const s = new Date(d.getTime() + OFFSET_MS).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}
