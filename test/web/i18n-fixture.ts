// Real i18next instances over the workbench's dictionaries, so the tests read the sentences agents see.
import i18next, { type i18n } from 'i18next';
import { enUS } from '../../web/src/i18n/en-US.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';

export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export async function makeI18n(lng: 'zh-CN' | 'en-US'): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng,
    fallbackLng: 'zh-CN',
    returnObjects: true,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** A translate function over one instance, typed like the one the web code receives. */
export function translator(instance: i18n): Translate {
  return (key, vars) => instance.t(key, vars ?? {}) as unknown as string;
}
