import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddUnitUserRequest,
  ApplicationDeclarations,
  ApplicationDeclarationsResponse,
  ApplicationEligibilityResponse,
  ApplicationPeopleResponse,
  PersonDetail,
  PersonInput,
  PersonSummary,
  SetApplicationPeopleRequest,
  UnitProfileResponse,
  UnitUser,
  UpdateUnitRequest,
} from '../../../shared/units';
import { actorOf, jurisdictionsWhere } from '../../context';
import * as unitUsers from './unit-users.service';
import * as service from './units.service';

const OFFICER_ROLES = new Set(['intake', 'program', 'inspector']);

function callerOf(request: FastifyRequest): service.UnitCaller {
  const user = request.user!;
  return {
    actor: actorOf(request),
    unitId: user.roles.some((r) => r.role === 'applicant') ? (user.unit?.id ?? null) : null,
    officerJurisdictions: jurisdictionsWhere(user, OFFICER_ROLES),
  };
}

const PersonId = z.object({ id: z.string().uuid('人员编号无效') }).strict();
const UserId = z.object({ id: z.string().uuid('账号编号无效') }).strict();
const AppId = z.object({ id: z.string().uuid('申报编号无效') }).strict();

/** The unit's own record and people (issue 4: entered once, reused across applications). */
export async function unitsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.deps;
  const own = { access: ['applicant'] as const };

  r.get(
    '/api/unit',
    { config: own, schema: { tags: ['units'], summary: '本单位信息 / The caller’s unit profile', response: { 200: UnitProfileResponse } } },
    async (request) => service.getUnitProfile(db, callerOf(request)),
  );

  r.put(
    '/api/unit',
    { config: own, schema: { tags: ['units'], summary: '修改本单位信息 / Update the unit profile', body: UpdateUnitRequest, response: { 200: UnitProfileResponse } } },
    async (request) => service.updateUnitProfile(db, callerOf(request), request.body, now()),
  );

  r.get(
    '/api/unit/persons',
    { config: own, schema: { tags: ['units'], summary: '本单位人员（身份证号脱敏） / The unit’s people, ID numbers masked', response: { 200: z.array(PersonSummary) } } },
    async (request) => service.listPersons(db, callerOf(request)),
  );

  r.post(
    '/api/unit/persons',
    { config: own, schema: { tags: ['units'], summary: '登记人员（出生日期、性别由身份证号得出） / Add a person', body: PersonInput, response: { 201: PersonDetail } } },
    async (request, reply) => reply.code(201).send(await service.createPerson(db, callerOf(request), request.body, now())),
  );

  r.get(
    '/api/unit/persons/:id',
    { config: own, schema: { tags: ['units'], summary: '人员详情（供编辑，含完整身份证号） / One person, for editing', params: PersonId, response: { 200: PersonDetail } } },
    async (request) => service.getPerson(db, callerOf(request), request.params.id),
  );

  r.put(
    '/api/unit/persons/:id',
    { config: own, schema: { tags: ['units'], summary: '修改人员 / Update a person', params: PersonId, body: PersonInput, response: { 200: PersonDetail } } },
    async (request) => service.updatePerson(db, callerOf(request), request.params.id, request.body, now()),
  );

  r.delete(
    '/api/unit/persons/:id',
    { config: own, schema: { tags: ['units'], summary: '删除人员（已用于已提交申报的不能删除） / Delete a person', params: PersonId } },
    async (request, reply) => {
      await service.deletePerson(db, callerOf(request), request.params.id, now());
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/applications/:id/people',
    {
      config: { access: ['applicant', 'intake', 'program', 'inspector'] },
      schema: { tags: ['applications'], summary: '申报的技能大师和团队成员 / The application’s master and team', params: AppId, response: { 200: ApplicationPeopleResponse } },
    },
    async (request) => service.getApplicationPeople(db, callerOf(request), request.params.id),
  );

  r.put(
    '/api/applications/:id/people',
    {
      config: own,
      schema: {
        tags: ['applications'],
        summary: '选定技能大师和团队成员（可编辑时） / Choose the master and team',
        params: AppId,
        body: SetApplicationPeopleRequest,
        response: { 200: ApplicationPeopleResponse },
      },
    },
    async (request) => service.setApplicationPeople(db, callerOf(request), request.params.id, request.body, now()),
  );

  r.get(
    '/api/applications/:id/eligibility',
    {
      config: { access: ['applicant', 'intake', 'program', 'inspector'] },
      schema: {
        tags: ['applications'],
        summary: '按已填信息逐条检查申报条件（北京时间今日） / Eligibility on what the unit has entered, as of today',
        params: AppId,
        response: { 200: ApplicationEligibilityResponse },
      },
    },
    async (request) => service.getApplicationEligibility(db, callerOf(request), request.params.id, now()),
  );

  // Unit users (DESIGN.md: several users per unit; any applicant of the unit manages its colleagues).
  r.get(
    '/api/unit/users',
    { config: own, schema: { tags: ['units'], summary: '本单位账号 / The unit’s user accounts', response: { 200: z.array(UnitUser) } } },
    async (request) => unitUsers.listUnitUsers(db, callerOf(request)),
  );

  r.post(
    '/api/unit/users',
    { config: own, schema: { tags: ['units'], summary: '添加本单位账号（申报单位角色） / Add a colleague', body: AddUnitUserRequest, response: { 201: UnitUser } } },
    async (request, reply) => reply.code(201).send(await unitUsers.addUnitUser(db, callerOf(request), request.body, now())),
  );

  r.delete(
    '/api/unit/users/:id',
    { config: own, schema: { tags: ['units'], summary: '删除本单位账号（不能删除自己和最后一个账号） / Remove a colleague', params: UserId } },
    async (request, reply) => {
      await unitUsers.removeUnitUser(db, callerOf(request), request.params.id, now());
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/applications/:id/declarations',
    {
      config: { access: ['applicant', 'intake', 'program', 'inspector'] },
      schema: { tags: ['applications'], summary: '申报承诺 / The unit’s declarations', params: AppId, response: { 200: ApplicationDeclarationsResponse } },
    },
    async (request) => service.getDeclarations(db, callerOf(request), request.params.id),
  );

  r.put(
    '/api/applications/:id/declarations',
    {
      config: own,
      schema: {
        tags: ['applications'],
        summary: '填写申报承诺（实施状态、禁限目录、不委托第三方；可编辑时） / Set the declarations',
        params: AppId,
        body: ApplicationDeclarations,
        response: { 200: ApplicationDeclarationsResponse },
      },
    },
    async (request) => service.setDeclarations(db, callerOf(request), request.params.id, request.body, now()),
  );
}
