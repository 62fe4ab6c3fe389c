/**
 * Benchmark (not a test): monitor sweeps over N stored connections (default 10,000; half MEXC,
 * half KuCoin, spot) against the fake exchange on loopback, through the real pipeline: SQLite
 * file, sealed credentials opened with libsodium, the pooled ccxt adapters, status and history
 * writes, the transition recorder. The baseline is bare ccxt: a fresh instance per check (what
 * any caller of ccxt does at least), the same endpoints, the same concurrency, no sealing,
 * storage or report. Sweeps and baseline rounds alternate (bare, sweep, bare, sweep, …, bare),
 * so each sweep's ratio is against the bare rounds on either side of it; the summary gives the
 * median and range over the sweeps. Also per sweep: the live heap before and after (with
 * --expose-gc, as the npm script runs it), new TCP connections per check at the fake, and ccxt
 * instances built. The fake and the bare baseline each run in a child process, so the bot's
 * CPU and heap figures are its own; the baseline's CPU is measured in its process.
 *
 * Run: npm run bench:monitor [-- <connections>]
 *   BENCH_SWEEPS (default 5), BENCH_BASELINE (bare checks per round, default 500), BENCH_CONCURRENCY (16),
 *   BENCH_PROFILE (a folder: writes a CPU profile of the first sweep alone there)
 */
import { fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Credentials, ExchangeId } from '../../src/domain/types.js'
import { ccxtPoolStats } from '../../src/exchanges/ccxt-client.js'
import { createExchangeRegistry } from '../../src/exchanges/registry.js'
import { createLogger } from '../../src/logger.js'
import { createMonitor } from '../../src/monitor/scheduler.js'
import { createTransitionRecorder } from '../../src/monitor/transitions.js'
import { createSealer } from '../../src/secrets/sealer.js'
import { createConnectionService } from '../../src/services/connections.js'
import { createConnectionsRepo } from '../../src/storage/connections.repo.js'
import { openDatabase } from '../../src/storage/database.js'
import { createOutboxRepo } from '../../src/storage/outbox.repo.js'
import { createTestResultsRepo } from '../../src/storage/test-results.repo.js'
import { createUsersRepo } from '../../src/storage/users.repo.js'
import { makeTmpDir } from '../helpers/tmp.js'
import { seedConnection } from '../helpers/seed.js'
import type { FakeUrls } from './ccxt-baseline.js'

const N = Number(process.argv[2] ?? process.env['BENCH_CONNECTIONS'] ?? 10_000)
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16)
const BASELINE = Number(process.env['BENCH_BASELINE'] ?? 500)
const SWEEPS = Number(process.env['BENCH_SWEEPS'] ?? 5)
const IP = '203.0.113.7'

// ── the fake exchange, in a child process ──────────────────────────────────────────────
const child: ChildProcess = fork(fileURLToPath(new URL('./fake-exchange-process.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_IP: IP } })
const ask = <T>(msg: unknown, type: string): Promise<T> =>
  new Promise((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== type) return
      child.off('message', on)
      resolve(m as T)
    }
    child.on('message', on)
    if (msg) child.send(msg as object)
  })
const { urls } = await ask<{ urls: FakeUrls }>(null, 'ready')

// ── the bot's side, wired as app.ts wires it ──────────────────────────────────────────
const tmp = makeTmpDir('bfc-bench-')
const database = openDatabase(join(tmp.dir, 'bench.sqlite'))
const logger = createLogger({ level: 'silent' })
const sealer = await createSealer([randomBytes(32)])
const repos = { users: createUsersRepo(database.db), connections: createConnectionsRepo(database.db), testResults: createTestResultsRepo(database.db, 50), outbox: createOutboxRepo(database.db) }
const service = createConnectionService({
  ...repos,
  sealer,
  exchanges: createExchangeRegistry({ urls }),
  transaction: database.transaction,
  settings: { egressIps: [IP], requestTimeoutMs: 10_000, totalTimeoutMs: 30_000, offlineAfterFailures: 3 },
  logger,
  onTested: createTransitionRecorder({ outbox: repos.outbox, users: repos.users, reminderHours: 24, logger }),
})

const exchanges: ExchangeId[] = Array.from({ length: N }, (_, i) => (i % 2 === 0 ? 'mexc' : 'kucoin'))
const { list: creds } = await ask<{ list: Credentials[] }>({ type: 'accounts', exchanges }, 'accounts')
const seedStart = performance.now()
for (let from = 0; from < N; from += 500) {
  database.transaction(() => {
    for (let i = from; i < Math.min(N, from + 500); i++) {
      const userId = 1_000_000 + Math.floor(i / 5)
      repos.users.touch(userId)
      const row = seedConnection(repos.connections, sealer, { userId, name: `c${i}`, exchange: exchanges[i]!, credentials: creds[i]! })
      repos.connections.updateStatus(row.id, { status: 'online', consecutiveFailures: 0, lastTestedAt: null, lastReport: null, statusChangedAt: Date.now() })
    }
  })
}
const seedMs = performance.now() - seedStart

// ── measurement helpers ────────────────────────────────────────────────────────────────
let peakRss = 0
// memoryUsage.rss() alone: the full memoryUsage() walks the heap spaces and cost 3% of a sweep.
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50)
async function measure(fn: () => Promise<void>): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await fn()
  const cpu = process.cpuUsage(cpu0)
  return { wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 }
}
// The bare baseline runs in its own process (bare-ccxt-process.ts): its fresh instances' memory must not show in our heap.
const bareChild: ChildProcess = fork(fileURLToPath(new URL('./bare-ccxt-process.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] })
const fromBare = <T>(type: string): Promise<T> =>
  new Promise((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== type) return
      bareChild.off('message', on)
      resolve(m as T)
    }
    bareChild.on('message', on)
  })
await fromBare('started')
bareChild.send({ type: 'setup', urls, exchanges, creds })
await fromBare('ready')
async function bare(count: number, offset: number): Promise<{ wallMs: number; cpuMs: number }> {
  const done = fromBare<{ wallMs: number; cpuMs: number }>('done')
  bareChild.send({ type: 'run', count, offset, concurrency: CONCURRENCY })
  return done
}
const monitorFor = (targets: () => Array<{ id: string; exchange: string }>) =>
  createMonitor({ targets, test: (id) => service.testById(id, 'monitor'), logger, settings: { intervalMs: 300_000, concurrency: CONCURRENCY, exchangeRps: Infinity } })
// With --expose-gc (the npm script passes it): the live heap, collected first.
const gc = (globalThis as { gc?: () => void }).gc
const liveHeap = () => (gc?.(), process.memoryUsage().heapUsed)
const fakeStats = () => ask<{ cpuMs: number; requests: number; connections: number }>({ type: 'stats' }, 'stats')
const mb = (b: number) => (b / 1024 / 1024).toFixed(1)
const loads: string[] = [loadavg()[0]!.toFixed(1)]

// ── warm-up (JIT, sockets), then: bare, sweep, bare, sweep, …, bare ─────────────────────
const all = repos.connections.listForSweep()
await bare(200, 0)
await monitorFor(() => all.slice(0, 200)).sweepOnce()

interface Round { wallMs: number; cpuMs: number; checks: number; heapBefore?: number; heapAfter?: number; connects?: number; built?: number; peakRss?: number }
const bareRounds: Round[] = []
const sweeps: Round[] = []
let stats = { planned: 0, tested: 0, vanished: 0, errors: 0, requests: 0, durationMs: 0 }
async function bareRound(i: number): Promise<void> {
  bareRounds.push({ ...(await bare(BASELINE, 1_000 + i * BASELINE)), checks: BASELINE })
}
await bareRound(0)
for (let i = 1; i <= SWEEPS; i++) {
  const heapBefore = liveHeap()
  const f0 = await fakeStats()
  const p0 = ccxtPoolStats()
  peakRss = process.memoryUsage().rss
  const profiler = i === 1 && process.env['BENCH_PROFILE'] ? new Session() : undefined
  if (profiler) {
    profiler.connect()
    await profiler.post('Profiler.enable')
    await profiler.post('Profiler.start')
  }
  const m = await measure(async () => {
    stats = await monitorFor(() => repos.connections.listForSweep()).sweepOnce()
  })
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop')
    writeFileSync(join(process.env['BENCH_PROFILE']!, `monitor-sweep-${Date.now()}.cpuprofile`), JSON.stringify(profile))
    profiler.disconnect()
  }
  const sweepPeak = peakRss
  const heapAfter = liveHeap()
  const f1 = await fakeStats()
  sweeps.push({ ...m, checks: stats.tested, heapBefore, heapAfter, connects: f1.connections - f0.connections, built: ccxtPoolStats().built - p0.built, peakRss: sweepPeak })
  loads.push(loadavg()[0]!.toFixed(1))
  const s = sweeps.at(-1)!
  console.log(
    `sweep ${i}: ${s.checks} checks in ${(s.wallMs / 1000).toFixed(1)} s (${(s.checks / (s.wallMs / 1000)).toFixed(0)}/s), CPU ${(s.cpuMs / s.checks).toFixed(2)} ms/check, ` +
      `live heap ${mb(heapBefore)} → ${mb(heapAfter)} MB, ${(s.connects! / s.checks).toFixed(3)} new TCP connections/check, ${s.built} ccxt instances built, peak RSS ${mb(sweepPeak)} MB; errors ${stats.errors}`,
  )
  await bareRound(i)
  const b = bareRounds.at(-1)!
  console.log(`bare ${i}: ${BASELINE} checks, ${(BASELINE / (b.wallMs / 1000)).toFixed(0)}/s, CPU ${(b.cpuMs / BASELINE).toFixed(2)} ms/check`)
}
clearInterval(sampler)
const fake = await fakeStats()

// ── summary ────────────────────────────────────────────────────────────────────────────
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const fmt = (xs: number[], d = 2) => `**${median(xs).toFixed(d)}** (${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)})`
const perCheck = (r: Round, k: 'cpuMs' | 'wallMs') => r[k] / r.checks
// Each sweep against the mean of the bare rounds just before and just after it.
const around = (i: number, k: 'cpuMs' | 'wallMs') => (perCheck(bareRounds[i]!, k) + perCheck(bareRounds[i + 1]!, k)) / 2
const cpuRatios = sweeps.map((s, i) => perCheck(s, 'cpuMs') / around(i, 'cpuMs'))
const wallRatios = sweeps.map((s, i) => perCheck(s, 'wallMs') / around(i, 'wallMs'))
const online = repos.connections.listForSweep().filter((c) => repos.connections.getById(c.id)?.status === 'online').length
const pool = ccxtPoolStats()

console.log(`\n# monitor sweep bench: ${new Date().toISOString()}, node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, load average (1 min) per sweep ${loads.join(' → ')}`)
console.log(`connections ${N} (seeded in ${(seedMs / 1000).toFixed(1)} s), concurrency ${CONCURRENCY}, no exchange budget, spread 0; ${SWEEPS} sweeps alternating with ${SWEEPS + 1} bare rounds of ${BASELINE} checks`)
console.log(`last sweep: tested ${stats.tested}, errors ${stats.errors}, vanished ${stats.vanished}, still online ${online}, outbox rows ${repos.outbox.pendingCount()}; ccxt pool: ${pool.built} built, ${pool.leased} leased, ${pool.dropped} dropped`)
console.log('')
console.log('| Figure (median over sweeps, range) | Ours: pooled, full pipeline | Bare ccxt, fresh instance per check | Ratio ours/bare, same run |')
console.log('|---|---|---|---|')
console.log(`| CPU ms per check | ${fmt(sweeps.map((s) => perCheck(s, 'cpuMs')))} | ${fmt(bareRounds.map((b) => perCheck(b, 'cpuMs')))} | ${fmt(cpuRatios)} |`)
console.log(`| checks/s per core (1000 / CPU ms) | ${fmt(sweeps.map((s) => 1000 / perCheck(s, 'cpuMs')), 0)} | ${fmt(bareRounds.map((b) => 1000 / perCheck(b, 'cpuMs')), 0)} | |`)
console.log(`| checks/s, wall (${CONCURRENCY} in flight) | ${fmt(sweeps.map((s) => s.checks / (s.wallMs / 1000)), 0)} | ${fmt(bareRounds.map((b) => b.checks / (b.wallMs / 1000)), 0)} | wall per check ${fmt(wallRatios)} |`)
console.log(`| new TCP connections per check | ${fmt(sweeps.map((s) => s.connects! / s.checks), 3)} | 2 (a fresh agent per instance) | |`)
console.log(`| live heap after each sweep, MB | ${sweeps.map((s) => mb(s.heapAfter!)).join(' → ')} | | |`)
console.log(`| live heap change during each sweep, MB | ${sweeps.map((s) => (s.heapAfter! - s.heapBefore! >= 0 ? '+' : '') + mb(s.heapAfter! - s.heapBefore!)).join(', ')} | (own process) | |`)
console.log(`| peak RSS during a sweep, MB | ${fmt(sweeps.map((s) => s.peakRss! / 2 ** 20), 0)} | | |`)
console.log(`\nfake exchange process: ${fake.requests} requests, ${fake.connections} TCP connections, CPU ${(fake.cpuMs / 1000).toFixed(1)} s total`)

child.send({ type: 'stop' })
bareChild.send({ type: 'stop' })
database.close()
tmp.cleanup()
