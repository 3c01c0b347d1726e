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
  'application.people_set': '选定技能大师和团队成员',
  'application.declarations_set': '填写申报承诺',
  'application.paper_dossier_requested': '通知报送纸质材料',
  'application.submitted': '提交申报',
  'application.returned': '退回补正',
  'application.resubmitted': '补正后重新提交',
  'calendar.override_set': '设置工作日安排',
  'call.created': '开设申报批次',
  'demo.loaded': '载入演示数据',
  'dossier.downloaded': '下载申报材料汇编',
  'jurisdiction.created': '创建辖区',
  'person.created': '登记人员',
  'person.deleted': '删除人员',
  'person.updated': '修改人员信息',
  'unit.created': '创建单位',
  'unit.profile_updated': '修改单位信息',
  'unit.registered': '单位注册',
  'unit.user_added': '添加单位账号',
  'unit.user_removed': '删除单位账号',
  'user.created': '创建用户',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
