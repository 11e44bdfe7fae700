import { createI18n } from 'vue-i18n'
import type { Lang } from '../../../src-shared/settings'
import en from './en'
import zhCN from './zh-CN'

export type MessageSchema = typeof en

/** vue-i18n in composition mode; the locale is set from settings at start. */
export function createAppI18n(locale: Lang = 'en') {
  return createI18n<[MessageSchema], Lang, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, 'zh-CN': zhCN },
    datetimeFormats: {
      en: { time: { hour: '2-digit', minute: '2-digit', second: '2-digit' } },
      'zh-CN': { time: { hour: '2-digit', minute: '2-digit', second: '2-digit' } },
    },
  })
}
