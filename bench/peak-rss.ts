/**
 * Loads one dataset file in a fresh process and prints the process's peak
 * resident memory in bytes (`process.resourceUsage().maxRSS`), for the
 * datasets benchmark: `tsx bench/peak-rss.ts <root> <name>`.
 */
import { loadColumnarFile } from '../src-main/datasets/load-file'

const [root, name] = process.argv.slice(2)
const r = await loadColumnarFile(name!, { root: root! })
if (!r.dataset) throw new Error(`did not load: ${r.problems[0]?.message}`)
console.log(process.resourceUsage().maxRSS * 1024)
