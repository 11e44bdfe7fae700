/**
 * Dataset metadata written as rows: the `#key,value` header block of a CSV or
 * the `meta` sheet of an XLSX (the same rows, `#` optional). Recognised rows:
 *
 *   id | title_zh | title_en | unit | notes_zh | notes_en   key, value
 *   entity, <id>, <zh name>, <en name>[, <group>]
 *   indicator, <id>, <zh name>, <en name>[, <unit>]
 *   group, <id>, <zh name>, <en name>
 *
 * Problems point at the row and the cell's column letter.
 */
import type { EntityMeta, IndicatorMeta, Localized } from '../../src-shared/dataset'
import { EXPECTED, parseUnit } from './fields'
import type { ProblemList } from './problems'

export interface MetaRow {
  row: number
  cells: string[]
}

export interface MetaInput {
  id?: { value: string; row: number }
  titleZh?: string
  titleEn?: string
  unit?: { value: string; row: number }
  notesZh?: string
  notesEn?: string
  entities: Map<string, EntityMeta & { row: number }>
  indicators: Map<string, IndicatorMeta & { row: number; unitGiven: boolean }>
  groups: Map<string, Localized>
}

const KEYS: Record<string, string> = {
  id: 'id',
  编号: 'id',
  标识: 'id',
  title_zh: 'title_zh',
  'title_zh-cn': 'title_zh',
  标题: 'title_zh',
  中文标题: 'title_zh',
  title_en: 'title_en',
  英文标题: 'title_en',
  unit: 'unit',
  单位: 'unit',
  notes_zh: 'notes_zh',
  说明: 'notes_zh',
  备注: 'notes_zh',
  notes_en: 'notes_en',
  英文说明: 'notes_en',
  entity: 'entity',
  实体: 'entity',
  indicator: 'indicator',
  指标: 'indicator',
  group: 'group',
  分组: 'group',
}

/** The documented keys, for messages. */
export const META_KEYS = 'id, title_zh, title_en, unit, notes_zh, notes_en, entity, indicator, group'

export const letter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + letter(i % 26))

export function metaKey(cell: string): string | undefined {
  return KEYS[cell.trim().replace(/^#\s*/, '').toLowerCase()]
}

export function readMetaRows(rows: MetaRow[], p: ProblemList): MetaInput {
  const m: MetaInput = { entities: new Map(), indicators: new Map(), groups: new Map() }
  for (const { row, cells } of rows) {
    const c = cells.map((x) => x.trim())
    const key = metaKey(c[0] ?? '')
    if (!key) {
      p.add('unknown metadata key', { row, column: 'A', got: c[0], expected: META_KEYS })
      continue
    }
    const v = c[1] ?? ''
    if (key === 'entity' || key === 'indicator' || key === 'group') {
      if (!v) {
        p.add(`${key} row without an id`, { row, column: 'B', got: '', expected: `${key}, <id>, <zh name>, <en name>` })
        continue
      }
      const name = { 'zh-CN': c[2] || v, en: c[3] || c[2] || v }
      const map = key === 'entity' ? m.entities : key === 'indicator' ? m.indicators : m.groups
      if (map.has(v)) p.add(`${key} "${v}" is listed twice`, { row, column: 'B', got: v })
      if (key === 'group') m.groups.set(v, name)
      else if (key === 'entity') m.entities.set(v, { name, row, ...(c[4] ? { group: c[4] } : {}) })
      else {
        const unit = c[4] ? parseUnit(c[4]) : undefined
        if (c[4] && !unit) p.add('unknown unit', { row, column: 'E', got: c[4], expected: EXPECTED.unit })
        m.indicators.set(v, { name, unit: unit ?? '', row, unitGiven: Boolean(c[4]) })
      }
      continue
    }
    if (key === 'id') m.id = { value: v, row }
    else if (key === 'title_zh') m.titleZh = v
    else if (key === 'title_en') m.titleEn = v
    else if (key === 'notes_zh') m.notesZh = v
    else if (key === 'notes_en') m.notesEn = v
    else if (key === 'unit') {
      const unit = parseUnit(v)
      if (!unit) p.add('unknown unit', { row, column: 'B', got: v, expected: EXPECTED.unit })
      else m.unit = { value: unit, row }
    }
  }
  for (const [id, e] of m.entities) {
    if (e.group !== undefined && m.groups.size > 0 && !m.groups.has(e.group)) {
      p.add('unknown group', { row: e.row, column: 'E', got: e.group, expected: [...m.groups.keys()].join(', ') })
      delete e.group
    }
    void id
  }
  return m
}
