import { z } from 'zod';

/** Roles of DESIGN.md "Who uses it"; each is held in a jurisdiction (the platform admin everywhere). */
export const ROLES = ['applicant', 'intake', 'program', 'expert', 'inspector', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  applicant: { zh: '申报单位', en: 'Applicant unit' },
  intake: { zh: '受理初审', en: 'Intake officer' },
  program: { zh: '业务主管', en: 'Program officer' },
  expert: { zh: '评审专家', en: 'Expert' },
  inspector: { zh: '纪检监察', en: 'Inspector' },
  finance: { zh: '财政', en: 'Finance' },
  admin: { zh: '平台管理员', en: 'Platform admin' },
};

export const LoginRequest = z
  .object({
    username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长').describe('用户名 / username'),
    password: z.string().min(1, '请输入密码').max(256, '密码过长').describe('密码 / password'),
  })
  .strict();

/** Password rule: 10–128 characters with letters and digits (等保 2.0 practice for government systems). */
export const PasswordRule = z
  .string()
  .min(10, '新密码至少 10 位')
  .max(128, '新密码不能超过 128 位')
  .regex(/[A-Za-z]/, '新密码须包含字母')
  .regex(/[0-9]/, '新密码须包含数字')
  .describe('新密码：10–128 位，含字母和数字 / new password: 10–128 characters with letters and digits');

export const ChangePasswordRequest = z
  .object({
    currentPassword: z.string().min(1, '请输入当前密码').max(256).describe('当前密码 / current password'),
    newPassword: PasswordRule,
  })
  .strict();

export const RoleGrant = z.object({
  role: z.enum(ROLES).describe('角色 / role'),
  jurisdiction: z.string().nullable().describe('辖区，平台管理员为 null / jurisdiction, null for platform-wide'),
  jurisdictionName: z.string().nullable().describe('辖区名称 / jurisdiction name'),
});

export const CurrentUser = z.object({
  id: z.string().describe('用户 ID / user id'),
  username: z.string().describe('用户名 / username'),
  displayName: z.string().describe('姓名或名称 / display name'),
  roles: z.array(RoleGrant).describe('所持角色 / roles held'),
  unit: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .describe('所属申报单位 / the unit the user belongs to'),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

export const LoginResponse = z.object({ user: CurrentUser });
export const MeResponse = z.object({ user: CurrentUser });

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string().describe('稳定的错误码 / stable error code'),
    message: z.string().describe('错误说明（中文） / message'),
    fields: z.record(z.string(), z.string()).optional().describe('字段错误 / field errors'),
  }),
});
