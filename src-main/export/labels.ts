/**
 * The few words exports print themselves (caption and PDF index), in both
 * languages. Chart titles, source lines and units come from the chart layer.
 */
import type { SourceMark } from '../../src-shared/charts/types'
import type { Tier } from '../../src-shared/dataset'
import type { Lang } from '../../src-shared/settings'

interface Words {
  asOf: (date: string) => string
  unit: (unit: string) => string
  marks: Record<SourceMark, string>
  tiers: Record<Tier, string>
  sep: string
  listSep: string
  packTitle: string
  packSubtitle: (date: string) => string
  figures: string
  sources: string
  notExported: string
  page: (n: number) => string
  noUrl: string
}

export const WORDS: Record<Lang, Words> = {
  en: {
    asOf: (d) => `Data as of ${d}`,
    unit: (u) => `Unit: ${u}`,
    marks: { secondary: 'includes secondary figures', derived: 'includes derived figures', conflict: 'sources disagree' },
    tiers: { article: 'Article', official: 'Official', secondary: 'Secondary', derived: 'Derived' },
    sep: ' · ',
    listSep: ', ',
    packTitle: 'G60 Briefing: figures and sources',
    packSubtitle: (d) => `Exported ${d}. Every figure below carries its source and tier.`,
    figures: 'Figures',
    sources: 'Sources',
    notExported: 'not exported, no data',
    page: (n) => `p. ${n}`,
    noUrl: 'source article',
  },
  'zh-CN': {
    asOf: (d) => `数据截至 ${d}`,
    unit: (u) => `单位：${u}`,
    marks: { secondary: '含二手来源数据', derived: '含推算数据', conflict: '来源数据不一致' },
    tiers: { article: '原文', official: '官方', secondary: '二手', derived: '推算' },
    sep: ' · ',
    listSep: '、',
    packTitle: 'G60 简报：图表与来源',
    packSubtitle: (d) => `导出于 ${d}。以下每个数据均注明来源及其等级。`,
    figures: '图表',
    sources: '来源',
    notExported: '无数据，未导出',
    page: (n) => `第 ${n} 页`,
    noUrl: '原文',
  },
}
