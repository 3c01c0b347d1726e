import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { PolicyInputError } from '../../policy/rules/dates';
import { AppError, databaseUnavailable, fromDatabaseError, isConnectionFailure } from '../errors';

/** Fastify's own 4xx errors, by code, with a message a person understands. */
const FASTIFY_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', '请求体不是有效的 JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON', '请求体为空，应为 JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE', '请求体过大'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型，请使用 application/json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'INVALID_CONTENT_LENGTH', '请求长度与内容不符'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'INVALID_CONTENT_TYPE', '内容类型无效'],
  FST_ERR_VALIDATION: [400, 'VALIDATION_FAILED', '请求数据不符合要求'],
};

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

/** One handler turns every error into `{"error":{"code","message","fields"?}}` (DESIGN.md contract). */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const send = (status: number, body: ErrorBody, headers?: Record<string, string>) => {
      if (headers) reply.headers(headers);
      return reply.code(status).type('application/json; charset=utf-8').send(body);
    };

    if (err instanceof AppError) {
      return send(err.status, { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } }, err.headers);
    }
    // Input the policy engine cannot evaluate (e.g. a date outside the working-day calendar, 9999-12-31): a 400.
    if ((err as unknown) instanceof PolicyInputError) {
      const e = err as unknown as PolicyInputError;
      return send(400, { error: { code: e.code, message: e.message, ...(e.field ? { fields: { [e.field]: e.message } } : {}) } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: Record<string, string> = {};
      for (const issue of err.validation) {
        const keys = (issue.params as { keys?: string[] } | undefined)?.keys;
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';
        if (issue.keyword === 'unrecognized_keys' && keys) {
          for (const key of keys) fields[path === '_' ? key : `${path}.${key}`] = '不允许的字段';
          continue;
        }
        fields[path] ??= issue.message ?? '无效';
      }
      const where = err.validationContext === 'querystring' ? '查询参数' : err.validationContext === 'params' ? '路径参数' : '请求数据';
      return send(400, { error: { code: 'VALIDATION_FAILED', message: `${where}不符合要求`, fields } });
    }
    const known = err.code ? FASTIFY_ERRORS[err.code] : undefined;
    if (known) return send(known[0], { error: { code: known[1], message: known[2] } });

    const db = fromDatabaseError(err);
    if (db && db.status < 500) return send(db.status, { error: { code: db.code, message: db.message } }, db.headers);
    // Database restart or outage (issue 9): 503 with a clear message, never a 500; the pool reconnects by itself.
    if (db || isConnectionFailure(err)) {
      request.log.warn({ err }, 'database unavailable');
      const e = databaseUnavailable();
      return send(e.status, { error: { code: e.code, message: e.message } }, e.headers);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(err.statusCode, { error: { code: err.code ?? 'BAD_REQUEST', message: '请求无效' } });
    }
    request.log.error({ err }, 'unhandled error');
    return send(500, { error: { code: 'INTERNAL', message: '服务器内部错误，已记录，请稍后重试' } });
  });
});
