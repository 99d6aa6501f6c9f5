import fs from 'node:fs'
import path from 'node:path'

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

export const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d

/** Writes bench/results/<name>.json so the README's figures can be traced to a run. */
export function saveResult(name: string, result: unknown) {
  // BENCH_RESULT_SUFFIX keeps runs apart (e.g. `-node24` for the same suite on another Node.js)
  const file = path.resolve(import.meta.dirname, 'results', `${name}${process.env.BENCH_RESULT_SUFFIX ?? ''}.json`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(
    file,
    JSON.stringify({ date: new Date().toISOString(), node: process.version, ...(result as object) }, null, 2) + '\n',
  )
  console.log(`wrote ${path.relative(process.cwd(), file)}`)
}
