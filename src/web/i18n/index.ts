import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';

export const LANGS = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof LANGS)[number];

const saved = (typeof localStorage !== 'undefined' && localStorage.getItem('jx.lang')) as Lang | null;

// zh-CN is the source language and ships with the first page; en-US is fetched when chosen.
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

async function loadEnglish() {
  const { enUS } = await import('./en-US');
  i18n.addResourceBundle('en-US', 'translation', enUS, true, false);
}

export async function setLang(lang: Lang) {
  if (lang === 'en-US') await loadEnglish();
  localStorage.setItem('jx.lang', lang);
  await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

if (saved === 'en-US') void setLang('en-US');

export default i18n;

/**
 * Adds a feature's texts under its own top-level key (e.g. `addMessages('selfCheck', zh, en)` → `t('selfCheck.title')`),
 * so each feature keeps its messages beside its code. zh-CN is the source language; en-US must have the same keys.
 */
export function addMessages<T extends Record<string, unknown>>(key: string, zh: T, en: T) {
  i18n.addResourceBundle('zh-CN', 'translation', { [key]: zh }, true, true);
  i18n.addResourceBundle('en-US', 'translation', { [key]: en }, true, true);
}
