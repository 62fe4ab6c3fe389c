/**
 * Benchmark (not a test): one monitor sweep over N stored connections (default 10,000; half
 * MEXC, half KuCoin, spot) against the fake exchange on loopback, through the real pipeline:
 * SQLite file, sealed credentials opened with libsodium, ccxt adapters, status and history
 * writes, the transition recorder. Reports wall time, checks per second, CPU per check, peak
 * RSS, and the ratio to bare ccxt calls of the same endpoints (fresh instance per check, same
 * concurrency) measured in the same run, half before and half after the sweep. The fake runs in
 * a child process, so the CPU figures are the bot's alone.
 *
 * Run: npm run bench:monitor [-- <connections>]   (BENCH_CONCURRENCY, BENCH_BASELINE, BENCH_SWEEPS)
 */
import { fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { availableParallelism, cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Credentials, ExchangeId } from '../../src/domain/types.js'
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
import { bareSpotCheck, type FakeUrls } from './ccxt-baseline.js'

const N = Number(process.argv[2] ?? process.env['BENCH_CONNECTIONS'] ?? 10_000)
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16)
const BASELINE = Number(process.env['BENCH_BASELINE'] ?? 2_000)
const SWEEPS = Number(process.env['BENCH_SWEEPS'] ?? 1)
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
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
async function measure(fn: () => Promise<void>): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await fn()
  const cpu = process.cpuUsage(cpu0)
  return { wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 }
}
async function bare(count: number, offset: number): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    for (let i = next++; i < count; i = next++) {
      const k = (offset + i) % N
      await bareSpotCheck(exchanges[k]!, creds[k]!, urls)
    }
  }))
}
const monitorFor = (targets: () => Array<{ id: string; exchange: string }>) =>
  createMonitor({ targets, test: (id) => service.testById(id, 'monitor'), logger, settings: { intervalMs: 300_000, concurrency: CONCURRENCY, exchangeRps: Infinity } })

// ── warm-up (JIT, sockets), then: bare half, sweep, bare half ─────────────────────────
const all = repos.connections.listForSweep()
await bare(200, 0)
await monitorFor(() => all.slice(0, 200)).sweepOnce()
const bare1 = await measure(() => bare(BASELINE / 2, 1_000))
// With --expose-gc (the npm script passes it): live heap before and after, to show nothing is retained per connection.
const gc = (globalThis as { gc?: () => void }).gc
const liveHeap = () => (gc?.(), process.memoryUsage().heapUsed)
const heapBefore = liveHeap()
const rssBefore = process.memoryUsage().rss
peakRss = rssBefore
let stats = { planned: 0, tested: 0, vanished: 0, errors: 0, requests: 0, durationMs: 0 }
const sweep = await measure(async () => {
  stats = await monitorFor(() => repos.connections.listForSweep()).sweepOnce()
})
const sweepPeakRss = peakRss
const heapAfter = liveHeap()
// BENCH_SWEEPS > 1: extra sweeps, live heap after each, to tell a leak (grows every sweep) from warm caches.
const heapAfterExtra: number[] = []
for (let i = 1; i < SWEEPS; i++) {
  await monitorFor(() => repos.connections.listForSweep()).sweepOnce()
  heapAfterExtra.push(liveHeap())
}
const bare2 = await measure(() => bare(BASELINE / 2, 5_000))
clearInterval(sampler)
const fakeStats = await ask<{ cpuMs: number; requests: number }>({ type: 'stats' }, 'stats')

const online = repos.connections.listForSweep().filter((c) => repos.connections.getById(c.id)?.status === 'online').length
const bareWall = (bare1.wallMs + bare2.wallMs) / BASELINE
const bareCpu = (bare1.cpuMs + bare2.cpuMs) / BASELINE
const oursWall = sweep.wallMs / stats.tested
const oursCpu = sweep.cpuMs / stats.tested
const mb = (b: number) => (b / 1024 / 1024).toFixed(0)

console.log(`# monitor sweep bench: ${new Date().toISOString()}, node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model.trim()}), ${mb(totalmem())} MB RAM`)
console.log(`connections ${N} (seeded in ${(seedMs / 1000).toFixed(1)} s), concurrency ${CONCURRENCY}, no exchange budget, spread 0`)
console.log(`sweep: tested ${stats.tested}, errors ${stats.errors}, vanished ${stats.vanished}, requests ${stats.requests}, still online ${online}, outbox rows ${repos.outbox.pendingCount()}`)
console.log(`ours: wall ${(sweep.wallMs / 1000).toFixed(1)} s, ${(stats.tested / (sweep.wallMs / 1000)).toFixed(0)} checks/s, CPU ${oursCpu.toFixed(2)} ms/check, peak RSS during sweep ${mb(sweepPeakRss)} MB (before it ${mb(rssBefore)} MB; process max ${mb(process.resourceUsage().maxRSS * 1024)} MB)`)
console.log(`live heap${gc ? '' : ' (no --expose-gc: not collected first)'}: ${mb(heapBefore)} MB before the sweep, ${mb(heapAfter)} MB after${heapAfterExtra.map((b, i) => `, ${mb(b)} MB after sweep ${i + 2}`).join('')}`)
console.log(`bare ccxt (${BASELINE} checks, same concurrency): ${(1000 / bareWall).toFixed(0)} checks/s, CPU ${bareCpu.toFixed(2)} ms/check`)
console.log(`ratio ours/bare: CPU per check ${(oursCpu / bareCpu).toFixed(2)}, wall per check ${(oursWall / bareWall).toFixed(2)}`)
console.log(`fake exchange process: ${fakeStats.requests} requests, CPU ${(fakeStats.cpuMs / 1000).toFixed(1)} s total`)

child.send({ type: 'stop' })
database.close()
tmp.cleanup()
