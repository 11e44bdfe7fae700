/**
 * The baselines of the CSV benchmark (bench/suites/datasets-csv.ts), in a
 * worker thread as the app's parser is, and in plain JavaScript so no
 * TypeScript loader stands between them and V8. Each request reads the file
 * and does one job; each thread pays for its own garbage, as the app's
 * worker does. Requests are `{ id, path, job }`, answers `{ id, rows }`.
 *
 *  - `split`: decode as UTF-8, split into lines and fields, `Number()` the
 *    year and value; nothing kept.
 *  - `columns`: the same, producing the columnar form the app produces: every
 *    number cell `Number()`-ed into a `Float64Array`, every text cell
 *    dictionary-coded (one `Map` per column, ids in a `Uint32Array`), the
 *    columns transferred back to the caller. No tolerance, no validation.
 */
import { readFile } from 'node:fs/promises'
import { parentPort } from 'node:worker_threads'

/** The table's lines: after the `#` block and the header row (`first` is the first data line). */
function tableLines(text) {
  const lines = text.split('\n')
  let first = 0
  while (lines[first].startsWith('#')) first++
  return { header: lines[first].split(','), lines, first: first + 1 }
}

function splitAndNumber(text) {
  const { lines, first } = tableLines(text)
  let sum = 0
  let rows = 0
  for (let k = first; k < lines.length; k++) {
    const line = lines[k]
    if (line === '') continue
    const f = line.split(',')
    sum += Number(f[2]) + Number(f[3])
    rows++
  }
  return { rows, sum, transfer: [] }
}

function splitToColumns(text) {
  const { header, lines, first } = tableLines(text)
  const capacity = lines.length - first
  const numeric = header.map((h) => h === 'year' || h === 'value')
  const numbers = header.map((_, c) => (numeric[c] ? new Float64Array(capacity) : null))
  const ids = header.map((_, c) => (numeric[c] ? null : new Uint32Array(capacity)))
  const dicts = header.map(() => new Map())
  const m = header.length
  let rows = 0
  for (let k = first; k < lines.length; k++) {
    const line = lines[k]
    if (line === '') continue
    const f = line.split(',')
    for (let c = 0; c < m; c++) {
      const cell = f[c] ?? ''
      const nums = numbers[c]
      if (nums) nums[rows] = Number(cell)
      else {
        const d = dicts[c]
        let id = d.get(cell)
        if (id === undefined) d.set(cell, (id = d.size))
        ids[c][rows] = id
      }
    }
    rows++
  }
  const columns = header.map((name, c) => ({ name, values: numbers[c] ?? ids[c], texts: numbers[c] ? null : [...dicts[c].keys()] }))
  return { rows, columns, transfer: columns.map((c) => c.values.buffer) }
}

parentPort.on('message', async ({ id, path, job }) => {
  const text = await readFile(path, 'utf8')
  const { transfer, ...result } = job === 'split' ? splitAndNumber(text) : splitToColumns(text)
  parentPort.postMessage({ id, ...result }, transfer)
})
