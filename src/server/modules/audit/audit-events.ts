/**
 * The catalogue of audit event types (STYLE.md 5). Every write names one of these; adding a write means
 * adding its event here.
 */
export const AUDIT_ACTIONS = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'auth.session_revoked': '会话被撤销',
  'application.created': '创建申报',
  'application.form_saved': '保存表单',
  'application.material_uploaded': '上传材料',
  'application.material_removed': '删除材料',
  'application.submitted': '提交申报',
  'application.returned': '退回补正',
  'application.resubmitted': '补正后重新提交',
  'calendar.override_set': '设置工作日安排',
  'call.created': '开设申报批次',
  'demo.loaded': '载入演示数据',
  'jurisdiction.created': '创建辖区',
  'unit.created': '创建单位',
  'user.created': '创建用户',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
