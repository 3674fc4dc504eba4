// i18next set up for the workbench: zh-CN first, en-US second; the choice is remembered per browser.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS } from './en-US.ts';
import { zhCN } from './zh-CN.ts';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'tousu.language';

export function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en-US' || saved === 'zh-CN') return saved;
  } catch {
    // storage may be disabled: fall back to the default
  }
  return 'zh-CN';
}

export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not fatal
  }
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export function setupI18n(): typeof i18n {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnObjects: true,
  });
  return i18n;
}
