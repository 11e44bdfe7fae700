/**
 * The corridor map: outlines of Shanghai, Jiangsu, Zhejiang and Anhui from the
 * Apache-2.0 map JSON of echarts@4.9.0 (resources/maps/LICENSE-echarts-4.9.0.txt).
 * Region names are the Chinese names of the source files (松江区, 苏州市, …).
 */
import corridor from '../../resources/maps/g60-corridor.json'

/** The name the corridor's outlines are registered under with `echarts.registerMap`. */
export const CORRIDOR_MAP_NAME = 'g60-corridor'

/** The corridor's region outlines as GeoJSON (echarts 4.9.0 map files, Apache-2.0). */
export function corridorGeoJson(): object {
  return corridor
}
