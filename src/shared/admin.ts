import { z } from 'zod';
import { PasswordRule, ROLES } from './accounts';

/** Staff roles the platform admin grants (units register themselves: the applicant role is never granted here). */
export const STAFF_ROLES = ROLES.filter((r) => r !== 'applicant') as Exclude<(typeof ROLES)[number], 'applicant'>[];
const StaffRole = z.enum(['intake', 'program', 'expert', 'inspector', 'finance', 'admin']);

export const AdminRoleGrant = z
  .object({
    role: StaffRole.describe('角色（不含申报单位） / staff role'),
    jurisdiction: z
      .string()
      .max(32)
      .nullable()
      .describe('辖区 ID；平台管理员为 null / jurisdiction id, null for the platform admin'),
  })
  .strict();

export const AdminUsersQuery = z
  .object({
    search: z.string().trim().max(64).optional().describe('按用户名、姓名或单位检索 / search username, name or unit'),
    role: z.enum(ROLES).optional().describe('按角色筛选 / filter by role'),
  })
  .strict();

export const AdminUser = z.object({
  id: z.string().describe('用户 ID / user id'),
  username: z.string().describe('用户名 / username'),
  displayName: z.string().describe('姓名 / display name'),
  disabled: z.boolean().describe('是否已停用 / disabled'),
  unit: z.object({ id: z.string(), name: z.string() }).nullable().describe('所属单位 / unit'),
  roles: z
    .array(z.object({ role: z.enum(ROLES), jurisdiction: z.string().nullable(), jurisdictionName: z.string().nullable() }))
    .describe('所持角色 / roles held'),
  createdAt: z.string().describe('创建时间 / created at'),
});
export type AdminUser = z.infer<typeof AdminUser>;
export const AdminUsersResponse = z.array(AdminUser);

const Username = z
  .string()
  .trim()
  .min(3, '用户名至少 3 位')
  .max(32, '用户名不能超过 32 位')
  .regex(/^[a-z0-9][a-z0-9._-]*$/i, '用户名只能包含字母、数字、点、下划线和连字符')
  .describe('用户名 / username');
const DisplayName = z.string().trim().min(1, '请输入姓名').max(50, '姓名不能超过 50 字').describe('姓名 / display name');
const Roles = z.array(AdminRoleGrant).min(1, '至少授予一个角色').max(20, '角色过多').describe('角色 × 辖区 / roles per jurisdiction');

export const CreateUserRequest = z
  .object({ username: Username, displayName: DisplayName, password: PasswordRule, roles: Roles })
  .strict();
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .object({
    displayName: DisplayName.optional(),
    roles: Roles.optional(),
    disabled: z.boolean().optional().describe('停用（退出其全部登录） / disable (ends all sessions)'),
  })
  .strict();
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const ResetPasswordRequest = z.object({ password: PasswordRule }).strict();

export const UserIdParams = z.object({ id: z.string().min(1).max(64).describe('用户 ID / user id') }).strict();

export const AdminJurisdiction = z.object({
  id: z.string().describe('辖区 ID / jurisdiction id'),
  nameZh: z.string().describe('中文名称 / Chinese name'),
  nameEn: z.string().describe('英文名称 / English name'),
  userCount: z.number().int().describe('持有该辖区角色的账号数 / accounts with a role here'),
  unitCount: z.number().int().describe('注册单位数 / registered units'),
  createdAt: z.string().describe('创建时间 / created at'),
});
export type AdminJurisdiction = z.infer<typeof AdminJurisdiction>;
export const AdminJurisdictionsResponse = z.array(AdminJurisdiction);

const NameZh = z.string().trim().min(2, '请输入中文名称').max(50, '名称不能超过 50 字').describe('中文名称，如 顺义区 / Chinese name');
const NameEn = z.string().trim().min(1, '请输入英文名称').max(80, '英文名称不能超过 80 字').describe('英文名称 / English name');

export const CreateJurisdictionRequest = z
  .object({
    id: z
      .string()
      .trim()
      .min(2, '辖区 ID 至少 2 位')
      .max(32, '辖区 ID 不能超过 32 位')
      .regex(/^[a-z]+$/, '辖区 ID 只能由小写字母组成，如 shunyi')
      .describe('辖区 ID（小写字母，如 shunyi） / id, lowercase letters'),
    nameZh: NameZh,
    nameEn: NameEn.optional(),
  })
  .strict();
export type CreateJurisdictionRequest = z.infer<typeof CreateJurisdictionRequest>;

export const UpdateJurisdictionRequest = z.object({ nameZh: NameZh.optional(), nameEn: NameEn.optional() }).strict();
export const JurisdictionIdParams = z.object({ id: z.string().min(1).max(32).describe('辖区 ID / jurisdiction id') }).strict();
