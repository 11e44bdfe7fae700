export default {
  app: {
    title: 'G60 Briefing',
    subtitle: 'G60 S&T Innovation Valley of the Yangtze River Delta',
  },
  nav: {
    label: 'Dashboards',
    overview: 'Overview',
    rectification: 'Urban rectification',
    industry: 'Industry before and after {year}',
    cities: 'The nine cities',
  },
  settings: {
    theme: 'Theme',
    language: 'Language',
    themes: { light: 'Light', dark: 'Dark', projector: 'Projector' },
    langs: { system: 'System', 'zh-CN': '中文', en: 'English' },
  },
  notices: {
    dismiss: 'Dismiss',
  },
  overview: {
    intro: 'Three dashboards tell the story of the G60 S&T Innovation Valley with sourced figures. Every number names its source in its tooltip.',
    open: 'Open',
    descriptions: {
      rectification: 'Demolition of illicit buildings and the phasing-out of inefficient firms that made room for the valley.',
      industry: "Songjiang's economy in 2011–2015 and 2016–2020: GDP, fiscal revenue, real-estate dependence and innovation.",
      cities: 'One valley, nine cities: their shares of the national economy, their provinces and their GDP.',
    },
  },
  marks: {
    secondary: 'Secondary source',
    derived: 'Derived',
    conflict: 'Sources conflict',
  },
  chart: {
    empty: 'No data for this chart',
  },
  data: {
    bundled: 'Data: bundled datasets',
    folder: 'Data: {folder} ({n} datasets of yours)',
    loadedAt: 'loaded {time}',
    loading: 'Loading…',
    open: 'Open data folder…',
    dropHint: 'or drop JSON, CSV or XLSX files here',
    problemsTitle: 'Some data could not be loaded: {n} problems in {files} file(s).',
    problemsHint: 'The last good data stays on screen. Fix the cells below and save: the file is reloaded automatically.',
    file: 'File',
    row: 'Row',
    column: 'Column',
    problem: 'Problem',
    got: 'found: {got}',
    expected: 'expected: {expected}',
    reveal: 'Show in folder',
  },
  errors: {
    startup: 'The app could not start: {message}',
  },
}
