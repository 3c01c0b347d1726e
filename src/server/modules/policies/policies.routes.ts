import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addWorkingDays } from '../../../policy/calendar';
import { describeEdition, evaluateEligibility, summarizeEdition } from '../../../policy/engine';
import { getEdition, listEditions } from '../../../policy/editions';
import { computeRetirement } from '../../../policy/rules/retirement';
import {
  AddWorkingDaysQuery,
  AddWorkingDaysResponse,
  CalendarOverrideRequest,
  RetirementQuery,
  RetirementResponse,
} from '../../../shared/calendar';
import { CheckEligibilityRequest, CheckEligibilityResponse } from '../../../shared/eligibility';
import { actorOf } from '../../context';
import { AppError } from '../../errors';
import { listCalendarOverrides, loadCalendarOverrides, setCalendarOverride } from './calendar.service';

const EditionParams = z.object({ id: z.string().max(64).describe('政策版本 ID，如 daxing-2025 / edition id') }).strict();

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Reads a policy text from policy-texts/ (only files the editions name; never a path from the request). */
async function readPolicyText(file: string): Promise<string> {
  return fs.readFile(path.join(REPO_ROOT, file), 'utf8');
}

const PolicyText = z.object({
  id: z.string(),
  documentNumber: z.string(),
  texts: z.array(z.object({ title: z.string().describe('文件名称 / title'), text: z.string().describe('全文 / full text') })),
});

function editionOr404(id: string) {
  const edition = getEdition(id);
  if (!edition) throw new AppError('POLICY_NOT_FOUND', 404, `政策版本 ${id} 不存在`);
  return edition;
}

/** The policy engine served (issue 3): public, no login. */
export async function policiesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.deps;

  r.get(
    '/api/policies',
    { config: { access: 'public', publicCache: true }, schema: { tags: ['policies'], summary: '政策版本列表 / Policy editions' } },
    async () => listEditions().map((e) => summarizeEdition(e)),
  );

  r.get(
    '/api/policies/:id',
    { config: { access: 'public', publicCache: true }, schema: { tags: ['policies'], summary: '政策版本详情 / One edition: programs, rules, materials, stages', params: EditionParams } },
    async (request) => describeEdition(editionOr404(request.params.id)),
  );

  r.get(
    '/api/policies/:id/text',
    { config: { access: 'public' }, schema: { tags: ['policies'], summary: '政策原文 / The policy text', params: EditionParams, response: { 200: PolicyText } } },
    async (request) => {
      const e = editionOr404(request.params.id);
      const files = [{ title: e.title.zh, file: e.sourceFile }, ...(e.relatedFiles ?? []).map((r) => ({ title: r.title.zh, file: r.file }))];
      return {
        id: e.id,
        documentNumber: e.documentNumber,
        texts: await Promise.all(files.map(async (f) => ({ title: f.title, text: await readPolicyText(f.file) }))),
      };
    },
  );

  r.post(
    '/api/eligibility/check',
    {
      config: { access: 'public' },
      schema: { tags: ['policies'], summary: '资格自测 / Eligibility check', body: CheckEligibilityRequest, response: { 200: CheckEligibilityResponse } },
    },
    async (request) => {
      const { policyId, program, asOf, facts } = request.body;
      const edition = editionOr404(policyId);
      if (!edition.programs.some((p) => p.id === program)) {
        throw new AppError('PROGRAM_NOT_IN_POLICY', 400, `${edition.documentNumber} 未设立该项目（${program}）`, { program: '该政策没有此项目' });
      }
      const result = evaluateEligibility(edition, program, facts, asOf);
      return {
        eligible: result.eligible,
        findings: result.findings.map((f) => ({
          ruleId: f.ruleId,
          article: f.article,
          outcome: f.outcome,
          message: f.message,
          messageEn: f.messageEn,
          text: f.text,
        })),
      };
    },
  );

  r.get(
    '/api/calendar/add-working-days',
    {
      config: { access: 'public' },
      schema: { tags: ['calendar'], summary: '法定工作日推算 / The N-th statutory working day after a date', querystring: AddWorkingDaysQuery, response: { 200: AddWorkingDaysResponse } },
    },
    async (request) => {
      const { from, days } = request.query;
      return addWorkingDays(from, days, await loadCalendarOverrides(db));
    },
  );

  r.get(
    '/api/retirement',
    {
      config: { access: 'public' },
      schema: { tags: ['calendar'], summary: '法定退休年龄（2025 渐进式延迟退休） / Statutory retirement age', querystring: RetirementQuery, response: { 200: RetirementResponse } },
    },
    async (request) => computeRetirement(request.query),
  );

  r.get(
    '/api/admin/calendar',
    { config: { access: ['admin'] }, schema: { tags: ['admin'], summary: '运营方录入的工作日安排 / Operator calendar overrides' } },
    async () => listCalendarOverrides(db),
  );

  r.put(
    '/api/admin/calendar/:year',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: '录入某年的放假与调休安排 / Enter a year’s holiday schedule',
        params: z.object({ year: z.coerce.number().int().min(2020).max(2100) }).strict(),
        body: CalendarOverrideRequest,
      },
    },
    async (request) => setCalendarOverride(db, request.params.year, request.body, actorOf(request), now()),
  );
}
