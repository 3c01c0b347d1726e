import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { useMe } from '../features/auth/api';
import { setLang } from '../i18n';

export function Brand() {
  const { t } = useTranslation();
  return (
    <Link to="/" className="jx-brand">
      <div className="jx-brand-mark">匠</div>
      <div>
        <div className="jx-brand-title">
          {t('brand.name')} · {t('brand.title')}
        </div>
        <div className="jx-brand-sub">{t('brand.sub')}</div>
      </div>
    </Link>
  );
}

export function LangSwitch({ light = true }: { light?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Button type="text" style={{ color: light ? '#fff' : undefined }} onClick={() => setLang(i18n.language === 'zh-CN' ? 'en-US' : 'zh-CN')}>
      {t('shell.lang')}
    </Button>
  );
}

export function PublicLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const links: [string, string][] = [
    ['/', 'nav.home'],
    ['/calls', 'nav.calls'],
    ['/notices', 'nav.notices'],
    ['/studios', 'nav.studios'],
    ['/policies', 'nav.policies'],
    ['/self-check', 'nav.selfCheck'],
  ];
  return (
    <>
      <header className="jx-header">
        <Brand />
        <nav className="jx-nav">
          {links.map(([to, key]) => (
            <NavLink key={to} to={to} end={to === '/'}>
              {t(key)}
            </NavLink>
          ))}
        </nav>
        <LangSwitch />
        <Link to={me.data ? '/app' : '/login'}>
          <Button ghost>{me.data ? t('nav.workspace') : t('nav.login')}</Button>
        </Link>
      </header>
      <Outlet />
      <footer className="jx-footer">
        主办：北京市大兴区人力资源和社会保障局 · 北京经济技术开发区人力资源和社会保障服务中心 · 北京市顺义区人力资源和社会保障局（演示） · {t('home.demoNote')}
      </footer>
    </>
  );
}
