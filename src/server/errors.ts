/**
 * The one error type (STYLE.md 4). Codes are stable strings owned by their module; one handler turns
 * them (and validation errors) into `{"error":{"code","message","fields"?}}`.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, code = 'NOT_FOUND') => new AppError(code, 404, `${what}不存在或无权访问`);
export const forbidden = (message = '无权执行此操作', code = 'FORBIDDEN') => new AppError(code, 403, message);
export const conflict = (code: string, message: string) => new AppError(code, 409, message);
export const badRequest = (code: string, message: string, fields?: Record<string, string>) =>
  new AppError(code, 400, message, fields);

/** Maps a database error to an AppError by SQLSTATE code; returns undefined for errors it doesn't know. */
export function fromDatabaseError(err: unknown): AppError | undefined {
  const code = sqlState(err);
  if (!code) return undefined;
  if (code === '23505') return new AppError('CONFLICT', 409, '记录已存在，与已有数据冲突');
  if (code === '23503') return new AppError('REFERENCE_INVALID', 409, '引用的记录不存在或仍被引用');
  // Values the request carried that the database cannot hold. Found by fuzzing (issue 9): a NUL character in text
  // (22021) or a \u0000 / lone-surrogate escape in jsonb (22P05) was a 500; also bad date/time text (22007, 22008).
  if (['23514', '23502', '22P02', '22001', '22003', '22021', '22P05', '22007', '22008'].includes(code))
    return new AppError('INVALID_VALUE', 400, '数据不符合要求');
  if (code === '40001' || code === '40P01') return new AppError('CONCURRENT_UPDATE', 409, '记录正被他人同时修改，请刷新后重试');
  if (code === '55P03') return new AppError('LOCKED', 409, '记录正被他人处理，请稍后重试');
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300')
    return databaseUnavailable();
  return undefined;
}

export function databaseUnavailable() {
  return new AppError('DATABASE_UNAVAILABLE', 503, '数据库暂时不可用，请稍后重试', undefined, { 'Retry-After': '5' });
}

/** Finds a SQLSTATE on the error or its causes (Drizzle wraps driver errors). */
export function sqlState(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Network-level failures of the driver (connection refused or reset while the database restarts). */
/** Network errors on the way to the database server (refused, reset, unreachable, name not resolved). */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function isConnectionFailure(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    const message = String((e as { message?: unknown }).message ?? '');
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
