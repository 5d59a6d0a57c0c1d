import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zh from './zh.json';

export const LANGUAGES = ['zh', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

/** Chinese first; English one click away. Resources are bundled: no request at run time. */
export async function initI18n(language: UiLanguage = 'zh'): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    lng: language,
    fallbackLng: 'zh',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  return i18next;
}

export async function setLanguage(language: UiLanguage): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}
