import type { Messages } from './zh-CN';

export const enUS: Messages = {
  brand: { name: 'Jiangxin', title: 'Skill Master Studio Services', sub: 'Beijing · Daxing · ETDZ · Shunyi' },
  nav: { home: 'Home', calls: 'Calls', notices: 'Public notices', studios: 'Studio registry', policies: 'Policies', selfCheck: 'Eligibility check', login: 'Sign in', workspace: 'My workspace' },
  home: {
    heroTitle: 'Apply, review, publish and manage Skill Master Studios in one place',
    heroText: 'Units check whether their master qualifies, apply under their district’s rules and get correction requests at once; experts score online, lists are published for 5 working days, and every decision and payment is on record.',
    districts: 'Policies in force in the three jurisdictions',
    openCalls: 'Open calls',
    noCalls: 'No call is open right now',
    process: 'How it works',
    steps: ['Apply online', 'Completeness check', 'Expert review', 'Public notice', 'Recognition', 'Funding'],
    closesAt: 'Closes',
    demoNote: 'Demo deployment: all data is fictional.',
  },
  login: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    required: 'Please enter {{field}}',
    demo: 'Demo accounts (password demo12345)',
    tooMany: 'Too many failed attempts, try again in {{minutes}} minutes',
  },
  shell: { logout: 'Sign out', changePassword: 'Change password', role: 'Role', lang: '中文' },
  roles: { applicant: 'Applicant unit', intake: 'Intake officer', program: 'Program officer', expert: 'Expert', inspector: 'Inspector', finance: 'Finance', admin: 'Platform admin' },
  homeRole: { jurisdiction: 'Jurisdiction' },
  common: { loading: 'Loading…', error: 'Could not load', retry: 'Retry', comingSoon: 'This feature is being built' },
};
