import type en from './en'

const zhCN: typeof en = {
  app: {
    title: 'G60 简报',
    subtitle: '长三角 G60 科创走廊',
  },
  nav: {
    label: '仪表板',
    overview: '概览',
    rectification: '城市整治',
    industry: '{year} 年前后的产业',
    cities: '九城市',
  },
  settings: {
    theme: '主题',
    language: '语言',
    themes: { light: '浅色', dark: '深色', projector: '投影' },
    langs: { system: '跟随系统', 'zh-CN': '中文', en: 'English' },
  },
  notices: {
    dismiss: '关闭',
  },
  overview: {
    intro: '三个仪表板以有出处的数据讲述 G60 科创走廊的故事。每个数字的提示框都注明其来源。',
    open: '打开',
    descriptions: {
      rectification: '拆除违法建筑、淘汰低效企业，为科创走廊腾出空间。',
      industry: '松江 2011–2015 年与 2016–2020 年的经济：GDP、财政收入、房地产依赖与创新。',
      cities: '一廊九城：在全国经济中的占比、所属省份与 GDP。',
    },
  },
  marks: {
    secondary: '二手来源',
    derived: '推算',
    conflict: '来源有出入',
  },
  chart: {
    empty: '此图表暂无数据',
  },
  data: {
    bundled: '数据：内置数据集',
    folder: '数据：{folder}（{n} 个自有数据集）',
    loadedAt: '加载于 {time}',
    loading: '正在加载…',
    open: '打开数据文件夹…',
    dropHint: '或将 JSON、CSV、XLSX 文件拖放到此处',
    problemsTitle: '部分数据无法加载：{files} 个文件中有 {n} 个问题。',
    problemsHint: '屏幕上保留最近一次有效的数据。修改下列单元格并保存后，文件会自动重新加载。',
    file: '文件',
    row: '行',
    column: '列',
    problem: '问题',
    got: '实际：{got}',
    expected: '应为：{expected}',
    reveal: '在文件夹中显示',
  },
  errors: {
    startup: '应用无法启动：{message}',
  },
}

export default zhCN
