/** Source language: every text of the web app has its key here first. */
export const zhCN = {
  brand: { name: '匠心', title: '技能大师工作室服务平台', sub: '北京市 大兴区 · 经开区 · 顺义区' },
  nav: { home: '首页', calls: '申报批次', notices: '公示公告', studios: '工作室名录', policies: '政策文件', selfCheck: '资格自测', login: '登录', workspace: '进入工作台' },
  home: {
    heroTitle: '技能大师工作室 申报 · 评审 · 公示 · 管理 一网通办',
    heroText: '单位在线自测技能大师是否符合条件，按所在辖区的政策填报申报书和材料，及时收到补正通知；专家在线评审，名单公示 5 个工作日，认定结果和资金拨付全程留痕、可查可核。',
    districts: '三个辖区的现行政策',
    openCalls: '正在申报',
    noCalls: '目前没有开放的申报批次',
    process: '办理流程',
    steps: ['网上申报', '初审补正', '专家评审', '社会公示', '认定立项', '资金拨付'],
    closesAt: '截止',
    demoNote: '演示环境：数据为虚构，仅供体验。',
  },
  login: {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    required: '请输入{{field}}',
    demo: '演示账号（密码均为 demo12345）',
    tooMany: '登录失败次数过多，请 {{minutes}} 分钟后再试',
  },
  shell: { logout: '退出登录', changePassword: '修改密码', role: '当前角色', lang: 'English' },
  roles: { applicant: '申报单位', intake: '受理初审', program: '业务主管', expert: '评审专家', inspector: '纪检监察', finance: '财政', admin: '平台管理员' },
  homeRole: { jurisdiction: '辖区' },
  common: { loading: '加载中…', error: '加载失败', retry: '重试', comingSoon: '该功能正在建设中' },
};
export type Messages = typeof zhCN;
