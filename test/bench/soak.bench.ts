/**
 * Soak benchmark (not a test): the real app (createApp, long polling, Telegram throttling on as
 * in production, a real SQLite file) against the fake Bot API and the fake exchange, both in a
 * child process (soak-load.ts) that drives a steady mixed load and cycles faults. This process
 * holds only the bot, so its memoryUsage() every 10 s is the bot's own curve. Stops by itself.
 * Run: npm run bench:soak [-- --minutes 10 --users 16 --throttle on|off]
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createApp } from '../../src/app.js'
import { makeTmpDir } from '../helpers/tmp.js'
import { benchConfig, countingLogger, forkFakes, machineLine, sleep } from './harness.js'
import type { SoakCounts } from './soak-load.js'

const { values: argv } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    users: { type: 'string', default: '16' },
    interval: { type: 'string', default: '10' },
    throttle: { type: 'string', default: 'on' },
  },
})
const MINUTES = Number(argv.minutes)
const USERS = Number(argv.users)
const INTERVAL_S = Number(argv.interval)
const THROTTLE = argv.throttle !== 'off'

/** One memory sample of this (the bot's) process. */
interface Sample {
  t: number
  rss: number
  heapUsed: number
  heapTotal: number
  external: number
  handles: number
  ops: number
}

const problems = { unhandledRejections: 0, uncaughtExceptions: 0, warnings: new Map<string, number>(), notes: [] as string[] }
process.on('unhandledRejection', (reason) => {
  problems.unhandledRejections++
  if (problems.notes.length < 20) problems.notes.push(`unhandledRejection: ${reason instanceof Error ? reason.stack : String(reason)}`)
})
process.on('uncaughtException', (err) => {
  problems.uncaughtExceptions++
  if (problems.notes.length < 20) problems.notes.push(`uncaughtException: ${err.stack ?? err.message}`)
})
process.on('warning', (w) => problems.warnings.set(`${w.name}: ${w.message}`, (problems.warnings.get(`${w.name}: ${w.message}`) ?? 0) + 1))

const gc = (globalThis as { gc?: () => void }).gc
const MB = 2 ** 20
const child = await forkFakes(new URL('./soak-load.ts', import.meta.url).href)
const tmp = makeTmpDir('bfc-soak-')
const dbPath = join(tmp.dir, 'bot.sqlite')
const { logger, counts: logs } = countingLogger('info')
const app = await createApp(benchConfig(child.ready, dbPath), logger, { botInfo: child.ready.tg.botInfo, throttle: THROTTLE })
await app.start()
console.log(`# bench:soak: ${machineLine()}`)
console.log(`${MINUTES} min, ${USERS} simulated users, throttle ${THROTTLE ? 'on' : 'off'}, sample every ${INTERVAL_S} s, gc before sampling: ${gc ? 'yes' : 'no (run with node --expose-gc)'}`)

let latest: SoakCounts | undefined
child.onMessage((msg) => {
  if (msg['type'] === 'progress') latest = msg['counts'] as SoakCounts
})
const opsOf = (c: SoakCounts | undefined) => (c ? c.connect.online + c.connect.offline + c.connect.refused + c.connect.other + c.cancelled + c.status + c.test + c.deleted : 0)

const t0 = performance.now()
const samples: Sample[] = []
function sample(): Sample {
  gc?.()
  const m = process.memoryUsage()
  const s = { t: (performance.now() - t0) / 1000, rss: m.rss / MB, heapUsed: m.heapUsed / MB, heapTotal: m.heapTotal / MB, external: m.external / MB, handles: process.getActiveResourcesInfo().length, ops: opsOf(latest) }
  samples.push(s)
  console.log(`t=${s.t.toFixed(0).padStart(4)} s  rss ${s.rss.toFixed(1)} MB  heapUsed ${s.heapUsed.toFixed(1)} MB  heapTotal ${s.heapTotal.toFixed(1)}  external ${s.external.toFixed(1)}  handles ${s.handles}  ops ${s.ops}  stalls ${latest?.stalls ?? 0}  log errors ${logs.byLevel['error'] ?? 0}`)
  return s
}
sample()
const timer = setInterval(sample, INTERVAL_S * 1000)
const result = await child.request<SoakCounts>('run', { minutes: MINUTES, users: USERS })
await sleep(5_000) // let the last handlers and retries finish
clearInterval(timer)
latest = result
sample()
await app.stop()
await child.close()
const dbMB = ['', '-wal'].reduce((a, s) => { try { return a + statSync(dbPath + s).size / MB } catch { return a } }, 0)
tmp.cleanup()

// ── report ──
/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length
  const mx = xs.reduce((a, b) => a + b, 0) / n
  const my = ys.reduce((a, b) => a + b, 0) / n
  let num = 0
  let den = 0
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my)
    den += (xs[i]! - mx) ** 2
  }
  return den === 0 ? 0 : num / den
}
function spark(ys: number[]): string {
  const bars = '▁▂▃▄▅▆▇█'
  const lo = Math.min(...ys)
  const hi = Math.max(...ys)
  return ys.map((y) => bars[hi === lo ? 0 : Math.round(((y - lo) / (hi - lo)) * (bars.length - 1))]).join('')
}
const second = samples.filter((s) => s.t >= samples.at(-1)!.t / 2)
const perMin = (f: (s: Sample) => number) => slope(second.map((s) => s.t / 60), second.map(f))
const heapSlope = perMin((s) => s.heapUsed)
const rssSlope = perMin((s) => s.rss)
const meanHeap = second.reduce((a, s) => a + s.heapUsed, 0) / second.length

console.log('\n| t (min) | rss MB | heapUsed MB | heapTotal MB | external MB | active handles | operations done |')
console.log('|---|---|---|---|---|---|---|')
const everyMinute = samples.filter((s, i) => i === 0 || i === samples.length - 1 || Math.floor(s.t / 60) !== Math.floor(samples[i - 1]!.t / 60))
for (const s of everyMinute) console.log(`| ${(s.t / 60).toFixed(1)} | ${s.rss.toFixed(1)} | ${s.heapUsed.toFixed(1)} | ${s.heapTotal.toFixed(1)} | ${s.external.toFixed(1)} | ${s.handles} | ${s.ops} |`)
console.log(`\nheapUsed every ${INTERVAL_S} s: ${spark(samples.map((s) => s.heapUsed))}  (${Math.min(...samples.map((s) => s.heapUsed)).toFixed(1)} to ${Math.max(...samples.map((s) => s.heapUsed)).toFixed(1)} MB)`)
console.log(`rss      every ${INTERVAL_S} s: ${spark(samples.map((s) => s.rss))}  (${Math.min(...samples.map((s) => s.rss)).toFixed(1)} to ${Math.max(...samples.map((s) => s.rss)).toFixed(1)} MB)`)
console.log(`second half (${second.length} samples): heapUsed slope ${heapSlope.toFixed(3)} MB/min (${((heapSlope / meanHeap) * 100).toFixed(2)}% of its mean per min), rss slope ${rssSlope.toFixed(3)} MB/min`)
const c = result
const secs = samples.at(-1)!.t
console.log(
  `\noperations completed: ${opsOf(c)} in ${(secs / 60).toFixed(1)} min (${(opsOf(c) / secs).toFixed(1)}/s): /connect saved online ${c.connect.online}, saved offline ${c.connect.offline}, ` +
    `refused (withdrawal, or key not accepted) ${c.connect.refused}, other outcome ${c.connect.other}; cancelled mid-flow ${c.cancelled}; /status ${c.status}; /test ${c.test}; /delete ${c.deleted}`,
)
console.log(`faults injected: ${c.exchangeFaults} exchange fault windows (10 s each), ${c.telegramFaults} Bot API faults; Bot API calls by outcome ${JSON.stringify(c.telegramCalls)}; exchange requests ${c.exchangeRequests}`)
console.log(`load side: stalls ${c.stalls}, desyncs ${c.desyncs}, load-script errors ${c.loadErrors}, fakes' rss ${c.childRssMB} MB${c.stallNotes.length ? `\n  ${c.stallNotes.join('\n  ')}` : ''}`)
console.log(`bot process: unhandled rejections ${problems.unhandledRejections}, uncaught exceptions ${problems.uncaughtExceptions}, process warnings ${[...problems.warnings].map(([k, v]) => `${v}× ${k}`).join('; ') || 0}`)
for (const n of problems.notes) console.log(`  ${n}`)
console.log(`bot log lines ${logs.lines} (${Object.entries(logs.byLevel).map(([k, v]) => `${k} ${v}`).join(', ')})`)
for (const [m, n] of [...logs.messages].sort((a, b) => b[1] - a[1])) console.log(`  ${n}× ${m}`)
console.log(`database at the end: ${dbMB.toFixed(1)} MB (file + WAL)`)
process.exit(problems.unhandledRejections + problems.uncaughtExceptions > 0 ? 1 : 0)
