/**
 * The corridor map: outlines of Shanghai, Jiangsu, Zhejiang and Anhui from the
 * Apache-2.0 map JSON of echarts@4.9.0 (resources/maps/LICENSE-echarts-4.9.0.txt).
 * Region names are the Chinese names of the source files (松江区, 苏州市, …).
 *
 * Only regions that lie wholly inside the corridor's frame are drawn, so no
 * outline is ever cut at the chart's edge: the map ends where whole regions end.
 */
import corridor from '../../resources/maps/g60-corridor.json'

/** The name the corridor's outlines are registered under with `echarts.registerMap`. */
export const CORRIDOR_MAP_NAME = 'g60-corridor'

/** A GeoJSON feature of the map file: a region's name, province and label point (`cp`, lon/lat). */
interface RegionFeature {
  type: 'Feature'
  properties: { name: string; province: string; cp?: [number, number] }
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }
}

/**
 * The frame regions must lie in to be drawn, [[west, south], [east, north]] in degrees:
 * the nine cities' outlines (116.69–121.37°E, 28.52–32.54°N, read from the map file)
 * with room for the whole regions around them (Shanghai to the sea, Nanjing, Ningbo).
 */
export const CORRIDOR_FRAME: [[number, number], [number, number]] = [
  [116.3, 28.4],
  [122.3, 32.75],
]

/** Every [lon, lat] point of a Polygon or MultiPolygon's rings. */
function points(coords: unknown): [number, number][] {
  if (Array.isArray(coords) && typeof coords[0] === 'number') return [coords as [number, number]]
  return Array.isArray(coords) ? coords.flatMap(points) : []
}

/** A region's extent, [[west, south], [east, north]]. */
export function regionBounds(f: RegionFeature): [[number, number], [number, number]] {
  const ps = points(f.geometry.coordinates)
  const xs = ps.map((p) => p[0])
  const ys = ps.map((p) => p[1])
  return [
    [Math.min(...xs), Math.min(...ys)],
    [Math.max(...xs), Math.max(...ys)],
  ]
}

const inside = (b: [[number, number], [number, number]]) => b[0][0] >= CORRIDOR_FRAME[0][0] && b[0][1] >= CORRIDOR_FRAME[0][1] && b[1][0] <= CORRIDOR_FRAME[1][0] && b[1][1] <= CORRIDOR_FRAME[1][1]

const ALL = (corridor as { features: RegionFeature[] }).features
const SHOWN = ALL.filter((f) => inside(regionBounds(f)))

/** The corridor's region outlines as GeoJSON: the regions wholly inside `CORRIDOR_FRAME` (echarts 4.9.0 map files, Apache-2.0). */
export function corridorGeoJson(): { type: 'FeatureCollection'; features: RegionFeature[] } {
  return { type: 'FeatureCollection', features: SHOWN }
}

/** The extent of the drawn regions, [[west, north], [east, south]] as ECharts' `boundingCoords` wants it. */
export function corridorBounds(): [[number, number], [number, number]] {
  const bs = SHOWN.map(regionBounds)
  return [
    [Math.min(...bs.map((b) => b[0][0])), Math.max(...bs.map((b) => b[1][1]))],
    [Math.max(...bs.map((b) => b[1][0])), Math.min(...bs.map((b) => b[0][1]))],
  ]
}

/** The province each drawn region belongs to, by region name. */
export function regionProvince(name: string): string | undefined {
  return SHOWN.find((f) => f.properties.name === name)?.properties.province
}

/** Names of the drawn regions. */
export function regionNames(): string[] {
  return SHOWN.map((f) => f.properties.name)
}
