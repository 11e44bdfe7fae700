import type { DataLicence } from '../src-shared/ipc-contract'

/** Third-party data and assets shipped with the app, shown in About. */
export const DATA_LICENCES: readonly DataLicence[] = [
  {
    name: 'Bundled figures (resources/datasets)',
    licence: 'Facts cited from their sources',
    note: 'Each figure carries its source title, URL and tier; see docs/datasets.md.',
  },
  {
    name: 'Noto Sans SC',
    licence: 'SIL Open Font License 1.1',
    note: 'Bundled so that Chinese text renders offline, via @fontsource/noto-sans-sc.',
  },
  {
    name: 'Corridor map outlines',
    licence: 'Apache License 2.0',
    note: 'From the map JSON of echarts 4.9.0; see resources/maps/LICENSE-echarts-4.9.0.txt.',
  },
  {
    name: 'Apache ECharts',
    licence: 'Apache License 2.0',
    note: 'Chart rendering.',
  },
]
