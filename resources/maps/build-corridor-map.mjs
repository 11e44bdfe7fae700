// Builds resources/maps/g60-corridor.json from the Apache-2.0 province outlines
// of echarts@4.9.0 (see LICENSE-echarts-4.9.0.txt). Run once, by hand:
//   npm pack echarts@4.9.0 && tar xzf echarts-4.9.0.tgz
//   node resources/maps/build-corridor-map.mjs package/map/json/province
// Decodes ECharts' compressed coordinates, keeps the four provinces of the
// corridor, simplifies outlines (Douglas–Peucker, 0.008°, under a pixel at panel size) and rounds to 3 decimals.
import { readFileSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = process.argv[2]
if (!dir) throw new Error('usage: node build-corridor-map.mjs <echarts-4.9.0>/map/json/province')
const PROVINCES = ['shanghai', 'jiangsu', 'zhejiang', 'anhui']
const TOLERANCE = 0.008

function decodeRing(s, offsets, scale) {
  const out = []
  let px = offsets[0]
  let py = offsets[1]
  for (let i = 0; i < s.length; i += 2) {
    let x = s.charCodeAt(i) - 64
    let y = s.charCodeAt(i + 1) - 64
    x = (x >> 1) ^ -(x & 1)
    y = (y >> 1) ^ -(y & 1)
    px += x
    py += y
    out.push([px / scale, py / scale])
  }
  return out
}

function perpendicular(p, a, b) {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const len = Math.hypot(dx, dy)
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1])
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len
}

function simplify(points, tol) {
  if (points.length < 3) return points
  let max = 0
  let idx = 0
  for (let i = 1; i < points.length - 1; i++) {
    const d = perpendicular(points[i], points[0], points[points.length - 1])
    if (d > max) {
      max = d
      idx = i
    }
  }
  if (max <= tol) return [points[0], points[points.length - 1]]
  return [...simplify(points.slice(0, idx + 1), tol).slice(0, -1), ...simplify(points.slice(idx), tol)]
}

const round = (v) => Math.round(v * 1000) / 1000

function ring(points) {
  const r = simplify(points, TOLERANCE).map(([x, y]) => [round(x), round(y)])
  if (r.length < 4) return null
  const [a, b] = [r[0], r[r.length - 1]]
  if (a[0] !== b[0] || a[1] !== b[1]) r.push([...a])
  return r
}

const features = []
for (const p of PROVINCES) {
  const json = JSON.parse(readFileSync(join(dir, `${p}.json`), 'utf8'))
  const scale = json.UTF8Scale ?? 1024
  for (const f of json.features) {
    const g = f.geometry
    const polys = g.type === 'Polygon' ? [g.coordinates.map((c, i) => [c, g.encodeOffsets[i]])] : g.coordinates.map((poly, j) => poly.map((c, i) => [c, g.encodeOffsets[j][i]]))
    const decoded = polys
      .map((poly) => poly.map(([c, off]) => ring(decodeRing(c, off, scale))).filter(Boolean))
      .filter((poly) => poly.length > 0)
    if (decoded.length === 0) continue
    features.push({
      type: 'Feature',
      id: f.id,
      properties: { name: f.properties.name, province: p, cp: f.properties.cp },
      geometry: decoded.length === 1 ? { type: 'Polygon', coordinates: decoded[0] } : { type: 'MultiPolygon', coordinates: decoded },
    })
  }
}
const out = join(dirname(fileURLToPath(import.meta.url)), 'g60-corridor.json')
writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }))
console.log(`${features.length} features → ${out}`)
