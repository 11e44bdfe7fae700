/** Files the browser tests write for the app, and read back from it. */
import { readdir } from 'node:fs/promises'

/**
 * A user's CSV that replaces the bundled "rectification" dataset: one
 * Songjiang "demolished-area" row (m2, no year) whose value cell is
 * `demolished` as typed (e.g. `3,100,000`, or `three million` for a bad
 * cell), with a test source. The figures are test figures, not shipped data.
 */
export function rectificationCsv(demolished: string): string {
  return [
    '#id,rectification',
    '#title_zh,城市整治（测试）',
    '#title_en,Rectification (test)',
    '#unit,m2',
    '#entity,songjiang,松江区,Songjiang',
    '#indicator,demolished-area,拆除面积,Area demolished,m2',
    'entity,indicator,year,value,tier,source_title,source_url,quote',
    `songjiang,demolished-area,,"${demolished}",official,Test bulletin,https://example.org/test,test quote`,
    '',
  ].join('\n')
}

/** The finished files in a folder, sorted (an atomic write's temporary file starts with a dot). */
export async function written(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => !f.startsWith('.')).sort()
}
