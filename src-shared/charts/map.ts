/**
 * The corridor map: outlines of Shanghai, Jiangsu, Zhejiang and Anhui from the
 * Apache-2.0 map JSON of echarts@4.9.0 (resources/maps/LICENSE-echarts-4.9.0.txt).
 * Region names are the Chinese names of the source files (松江区, 苏州市, …).
 */
import corridor from '../../resources/maps/g60-corridor.json'

export const CORRIDOR_MAP_NAME = 'g60-corridor'

export function corridorGeoJson(): object {
  return corridor
}
