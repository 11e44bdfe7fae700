/**
 * The id of a dataset file that has no `#id` row: its name, made kebab-case.
 * A name that does not reduce to one cleanly (Chinese, spaces, brackets, as
 * Windows names a copy: `城市 GDP 2020（副本）.csv`) keeps its ASCII words
 * and gets a short hash of the whole name, so the id is stable for that name
 * and different for another.
 */
import { basename, extname } from 'node:path'
import { ID_PATTERN } from '../../src-shared/dataset-rules'
import { fnvHex } from './fnv'

/** The file's name without folder and extension (`城市 GDP 2020（副本）`). */
export function fileStem(file: string): string {
  return basename(file, extname(file))
}

/** A kebab-case dataset id for `file` (see the module comment); always matches `ID_PATTERN`. */
export function idFromFileName(file: string): string {
  const stem = fileStem(file).normalize('NFC')
  const simple = stem.toLowerCase().replace(/[\s_]+/g, '-')
  if (ID_PATTERN.test(simple)) return simple
  const words = stem.toLowerCase().match(/[a-z0-9]+/g) ?? []
  return [...words, fnvHex(stem)].join('-')
}
