/**
 * The chart layer's own words, English: chart and dashboard titles, KPI labels
 * and the phrases chart builders compose (legends, formulas, spans). Part of the
 * one catalogue (`en.ts` holds it as `charts`), so the catalogue test covers it;
 * `charts-zh-CN.ts` has the same keys.
 */
export default {
  /** Chart titles by chart id. */
  titles: {
    'rect-firms': 'Songjiang: firms phased out and adjusted, 2015–2017',
    'rect-land': 'Construction land reduced and green area added (ha)',
    'rect-energy': 'Songjiang: energy use cut',
    'rect-jiuting-residents': 'Jiuting in 2013: residents',
    'rect-jiuting-economy': "Jiuting's economy in 2013",
    'industry-gdp': 'Songjiang GDP',
    'industry-growth': 'Before and after: average yearly growth (computed)',
    'industry-fiscal': 'Fiscal revenue and taxes (years with figures only)',
    'industry-shares': 'Structure: three shares of three different bases',
    'industry-innovation': 'High-tech enterprises and R&D intensity',
    'cities-map': 'The G60 corridor: nine cities',
    'cities-shares': "The nine cities' national shares",
    'cities-provinces': 'City GDP in one common year, by province',
    'cities-nine-shares': "Each city's share of the nine cities' GDP",
    'cities-gdp': 'City GDP, 2015–2022',
  },
  /** KPI card labels by card id. */
  kpis: {
    'demolished-area': 'Illicit or irregular buildings demolished (floor area)',
    'demolished-area-context': 'District total as the article gives it',
    'enterprises-phased-out': 'Low-efficiency enterprises phased out',
    'jiuting-population': "Jiuting's population",
    'gdp-2020': 'Songjiang GDP',
    'gdp-growth-after': 'GDP growth a year (computed)',
    'gdp-growth-before': 'before, {span}: {rate} a year',
    'real-estate-tax-share': 'Real-estate share of district taxes',
    'real-estate-tax-share-context': '{prev}% in {prevYear}',
    'high-tech-enterprises': 'High-tech enterprises',
    'gdp-share-national': 'Share of national GDP',
    'fiscal-income-share-local': 'Share of local fiscal income',
    'hightech-share-national': 'Share of high-tech enterprises',
    'corridor-area': 'Corridor area',
    'corridor-population': 'Corridor population',
    fractionEquivalent: '{fraction} (fraction equivalent)',
    /** The year a KPI's figure refers to, first on its context line. */
    year: '{year}',
    /** Said on the context line of a KPI whose source gives no year (never a guessed one). */
    noYear: 'no year given',
  },
  /** Dashboard titles and one-line takeaways. */
  dashboards: {
    rectification: 'Urban rectification: making room for innovation',
    rectificationTakeaway: 'Songjiang cleared irregular buildings and phased out low-efficiency firms, freeing land for technology and green space.',
    industry: 'Industry before and after {year}',
    industryTakeaway: 'From reliance on real estate to innovation: the G60 valley grew from 1.0 to 3.0.',
    cities: 'One corridor, nine cities',
    citiesTakeaway: "Nine cities across Shanghai, Jiangsu, Zhejiang and Anhui hold a notable share of China's economy and innovation.",
  },
  /** Phrases the chart builders compose. */
  words: {
    shareInArticle: 'Share in the article',
    sharesByYear: 'As sources put it, by year†',
    shareOfNine: "Share of the nine cities' GDP",
    computedFromNine: "Computed from the nine cities' GDP",
    withAlternate: "With {title}'s {value}: {share}%",
    nineTotal: 'Nine-city total {year}: {sum}',
    nineShareFormula: "Share = city GDP ÷ sum of the nine cities' GDP, {year} (derived)",
    index: 'Index ({base} = 100)',
    indexAxis: 'index, {base} = 100 †',
    logScale: '{unit} (log scale)',
    nineCities: 'Nine cities*',
    asReported: 'As reported',
    growthComputed: 'Growth computed from the figures above (derived)',
    growthRow: 'average yearly growth (computed)',
    growthNeeds: 'two years with values in {before} or {after}',
    spanOne: '{from}→{to}, 1 year',
    spanMany: '{from}→{to}, {n} years',
    endpoints: 'Endpoints',
    fyp: '{n}th FYP',
    plan: 'Plan',
    sentenceSep: '. ',
    listSep: '; ',
    enumSep: ', ',
    colon: ': ',
    paren: ' ({text})',
    tag: '[{text}]',
  },
  /** The source line under every chart: its lead and each tier's heading (the seed alone is "the article"). */
  sourceLine: {
    lead: 'Sources',
    article: 'Article',
    official: 'Official',
    secondary: 'Secondary',
    derived: 'Derived from',
    colon: ': ',
    paren: ' ({text})',
  },
}
