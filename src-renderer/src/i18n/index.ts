import { createI18n } from 'vue-i18n'
import { MESSAGES, type MessageSchema } from '../../../src-shared/i18n'
import type { Lang } from '../../../src-shared/settings'

export type { MessageSchema }

/** vue-i18n in composition mode over the one shared catalogue; the locale is set from settings at start. */
export function createAppI18n(locale: Lang = 'en') {
  return createI18n<[MessageSchema], Lang, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: MESSAGES,
    datetimeFormats: {
      en: { time: { hour: '2-digit', minute: '2-digit', second: '2-digit' }, clock: { hour: '2-digit', minute: '2-digit' } },
      'zh-CN': { time: { hour: '2-digit', minute: '2-digit', second: '2-digit' }, clock: { hour: '2-digit', minute: '2-digit' } },
    },
  })
}
