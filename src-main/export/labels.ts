/**
 * The few words exports print themselves (caption and PDF index), in both
 * languages, taken from the one message catalogue. Chart titles, source lines and units come from the chart layer.
 */
import type { SourceMark } from '../../src-shared/charts/types'
import { t } from '../../src-shared/i18n'
import type { Lang } from '../../src-shared/settings'

/** The words an export prints, with the ones that take a value as functions. */
export interface Words {
  asOf: (date: string) => string
  unit: (unit: string) => string
  marks: Record<SourceMark, string>
  sep: string
  listSep: string
  packTitle: string
  packSubtitle: (date: string) => string
  figures: string
  sources: string
  notExported: string
  page: (n: number) => string
}

/** Builds one language's words from the catalogue's `exportText` section. */
function words(lang: Lang): Words {
  const w = (key: Parameters<typeof t>[1], vars?: Record<string, string | number>) => t(lang, key, vars)
  return {
    asOf: (date) => w('exportText.asOf', { date }),
    unit: (unit) => w('exportText.unit', { unit }),
    marks: { secondary: w('exportText.marks.secondary'), derived: w('exportText.marks.derived'), conflict: w('exportText.marks.conflict') },
    sep: w('exportText.sep'),
    listSep: w('exportText.listSep'),
    packTitle: w('exportText.packTitle'),
    packSubtitle: (date) => w('exportText.packSubtitle', { date }),
    figures: w('exportText.figures'),
    sources: w('exportText.sources'),
    notExported: w('exportText.notExported'),
    page: (n) => w('exportText.page', { n }),
  }
}

/** The export's words per language, from the one catalogue (`src-shared/i18n`). */
export const WORDS: Record<Lang, Words> = { en: words('en'), 'zh-CN': words('zh-CN') }
