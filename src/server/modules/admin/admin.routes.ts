import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdminJurisdiction,
  AdminJurisdictionsResponse,
  AdminUser,
  AdminUsersQuery,
  AdminUsersResponse,
  CreateJurisdictionRequest,
  CreateUserRequest,
  JurisdictionIdParams,
  ResetPasswordRequest,
  UpdateJurisdictionRequest,
  UpdateUserRequest,
  UserIdParams,
} from '../../../shared/admin';
import { actorOf } from '../../context';
import * as admin from './admin.service';

const ADMIN = { access: ['admin'] as const };

const PackagedSchedule = z.object({
  year: z.number().int(),
  holidays: z.array(z.object({ date: z.string(), festival: z.string() })).describe('放假日期 / holidays'),
  workdays: z.array(z.object({ date: z.string(), festival: z.string() })).describe('调休上班日期 / weekend working days'),
});

/** The platform admin's console (DESIGN.md "Who uses it": jurisdictions, users, working-day calendar). */
export async function adminRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.deps;

  r.get(
    '/api/admin/users',
    { config: ADMIN, schema: { tags: ['admin'], summary: '用户列表 / Users with their roles', querystring: AdminUsersQuery, response: { 200: AdminUsersResponse } } },
    async (request) => admin.listUsers(db, request.query),
  );

  r.post(
    '/api/admin/users',
    { config: ADMIN, schema: { tags: ['admin'], summary: '创建工作人员账号 / Create a staff account', body: CreateUserRequest, response: { 201: AdminUser } } },
    async (request, reply) => reply.code(201).send(await admin.createUser(db, request.body, actorOf(request), now())),
  );

  r.patch(
    '/api/admin/users/:id',
    {
      config: ADMIN,
      schema: { tags: ['admin'], summary: '修改用户（停用或改角色即退出其全部登录） / Update a user', params: UserIdParams, body: UpdateUserRequest, response: { 200: AdminUser } },
    },
    async (request) => admin.updateUser(db, request.params.id, request.body, actorOf(request), now()),
  );

  r.post(
    '/api/admin/users/:id/password',
    { config: ADMIN, schema: { tags: ['admin'], summary: '重置密码（退出其全部登录） / Reset a password', params: UserIdParams, body: ResetPasswordRequest } },
    async (request, reply) => {
      await admin.resetPassword(db, request.params.id, request.body.password, actorOf(request), now());
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/admin/jurisdictions',
    { config: ADMIN, schema: { tags: ['admin'], summary: '辖区列表 / Jurisdictions', response: { 200: AdminJurisdictionsResponse } } },
    async () => admin.listJurisdictions(db),
  );

  r.post(
    '/api/admin/jurisdictions',
    { config: ADMIN, schema: { tags: ['admin'], summary: '创建辖区 / Create a jurisdiction', body: CreateJurisdictionRequest, response: { 201: AdminJurisdiction } } },
    async (request, reply) => reply.code(201).send(await admin.createJurisdiction(db, request.body, actorOf(request), now())),
  );

  r.patch(
    '/api/admin/jurisdictions/:id',
    {
      config: ADMIN,
      schema: { tags: ['admin'], summary: '修改辖区名称 / Rename a jurisdiction', params: JurisdictionIdParams, body: UpdateJurisdictionRequest, response: { 200: AdminJurisdiction } },
    },
    async (request) => admin.updateJurisdiction(db, request.params.id, request.body, actorOf(request), now()),
  );

  r.get(
    '/api/admin/calendar/:year/packaged',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary: '平台内置的国务院放假安排 / The packaged State Council schedule of a year',
        params: z.object({ year: z.coerce.number().int().min(2020).max(2100) }).strict(),
        response: { 200: PackagedSchedule },
      },
    },
    async (request) => admin.packagedSchedule(request.params.year),
  );
}
