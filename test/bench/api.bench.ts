/**
 * Benchmark (not a test): the platform gate's API against a bare Fastify route, in one run.
 * 1. Credential reads: POST /v1/connections/:id/credentials through the real API (bearer token
 *    check, the one-statement gate read, libsodium opening the key, secret and passphrase, the
 *    audit row in the same transaction, zod-checked JSON) over 2,000 online connections, beside a
 *    bare Fastify route answering a fixed body of the same shape. The load comes from a child
 *    process (api-load.ts), the same for both sides; rounds alternate ours and bare.
 * 2. Event latency: from a state change (the trader's pause, one transaction with its event) to
 *    the long poll's answer arriving at a client, beside a bare Fastify long poll answered by an
 *    EventEmitter. Measured in this process: the change and the client's answer share one clock.
 * Run: npm run bench:api
 */
import { fork } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Fastify from 'fastify'
import { createApp } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { startPlatformApi } from '../../src/platform/server.js'
import { randomCredentials, seedConnection } from '../helpers/seed.js'
import { makeTmpDir } from '../helpers/tmp.js'
import type { LoadRequest, LoadResult } from './api-load.js'
import { countingLogger, machineLine, median, percentile } from './harness.js'

const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 2_000)
const READS = Number(process.env['BENCH_READS'] ?? 4_000)
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16)
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5)
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 100)

console.log(`# bench:api: ${machineLine()}`)
const wallStart = performance.now()
const tmp = makeTmpDir('bfc-bench-api-')
const { logger, counts } = countingLogger('info')
const config = parseConfig({ DATABASE_PATH: join(tmp.dir, 'bot.sqlite'), MASTER_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'info' })
const app = await createApp(config, logger, { monitor: false })

// ── seed: online connections sealed with the real sealer, half with a passphrase ──
const ids: string[] = []
const owners = new Map<string, number>()
app.database.transaction(() => {
  for (let i = 0; i < CONNECTIONS; i++) {
    const userId = 900_000_000 + Math.floor(i / 5)
    app.repos.users.touch(userId)
    const row = seedConnection(app.repos.connections, app.sealer, { userId, name: `c${i}`, exchange: i % 2 ? 'kucoin' : 'mexc', credentials: randomCredentials(i % 2 === 1) })
    app.repos.connections.updateStatus(row.id, { status: 'online', consecutiveFailures: 0, lastTestedAt: Date.now(), lastReport: null })
    ids.push(row.id)
    owners.set(row.id, userId)
  }
})
const token = app.platform.tokens.create('bench', ['status', 'credentials']).token
const ours = await startPlatformApi({
  logger,
  tokens: app.platform.tokens,
  gate: app.platform.gate,
  audit: app.repos.platformAudit,
  events: app.repos.platformEvents,
  waiters: app.platform.waiters,
  metrics: app.platform.metrics,
  ready: async () => ({ database: true, telegram: true }),
  settings: { host: '127.0.0.1', port: 0, credentialsPerMinute: 1e9 },
})

// ── the baseline: bare Fastify, same version, no logger, a fixed body of the same shape ──
const sample = { connectionId: ids[1]!, exchange: 'kucoin', market: 'spot', ...randomCredentials(true) }
const emitter = new EventEmitter()
emitter.setMaxListeners(0)
const bare = Fastify()
bare.post('/v1/connections/:id/credentials', async () => sample)
bare.get('/wait', () => new Promise((resolve) => emitter.once('change', () => resolve({ events: [{ id: '1', kind: 'paused' }], cursor: '1' }))))
await bare.listen({ host: '127.0.0.1', port: 0 })
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`

// ── the load generator ──
const child = fork(fileURLToPath(new URL('./api-load.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
await new Promise<void>((resolve) => child.once('message', () => resolve()))
let nextId = 1
const load = (args: LoadRequest) =>
  new Promise<LoadResult>((resolve, reject) => {
    const id = nextId++
    const on = (raw: unknown) => {
      const msg = raw as { id: number; ok: boolean; result?: LoadResult; error?: string }
      if (msg.id !== id) return
      child.off('message', on)
      if (msg.ok) resolve(msg.result!)
      else reject(new Error(msg.error))
    }
    child.on('message', on)
    child.send({ id, op: 'run', args })
  })
const oursReq: LoadRequest = { method: 'POST', urls: ids.map((id) => `${ours.url}/v1/connections/${id}/credentials`), headers: { authorization: `Bearer ${token}` }, count: READS, concurrency: CONCURRENCY }
const bareReq: LoadRequest = { ...oursReq, urls: ids.map((id) => `${bareUrl}/v1/connections/${id}/credentials`), headers: {} }

interface Round { rps: number; p50: number; p99: number; statuses: Record<string, number> }
const summarize = (r: LoadResult): Round => ({ rps: r.latencies.length / r.seconds, p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99), statuses: r.statuses })
await load({ ...oursReq, count: 500 }) // warm-up: JIT, prepared statements, connections
await load({ ...bareReq, count: 500 })
const reads: Array<{ ours: Round; bare: Round }> = []
for (let round = 0; round < ROUNDS; round++) {
  const o = summarize(await load(oursReq))
  const b = summarize(await load(bareReq))
  reads.push({ ours: o, bare: b })
  console.log(`reads round ${round + 1}: ours ${o.rps.toFixed(0)}/s p99 ${o.p99.toFixed(2)} ms (${JSON.stringify(o.statuses)}) | bare ${b.rps.toFixed(0)}/s p99 ${b.p99.toFixed(2)} ms`)
}

// ── event latency: change → long-poll answer at the client ──
/** Change number `i`: even ones pause a connection, odd ones resume it, so every change is real and makes one event. */
async function oursEvent(i: number): Promise<number> {
  const id = ids[Math.floor(i / 2) % ids.length]!
  const userId = owners.get(id)!
  const after = String(app.repos.platformEvents.bounds().newest)
  const answer = fetch(`${ours.url}/v1/events?after=${after}&wait=30`, { headers: { authorization: `Bearer ${token}` } }).then(async (r) => {
    await r.json()
    return performance.now()
  })
  while (app.platform.waiters.size() === 0) await new Promise((r) => setTimeout(r, 1))
  const t0 = performance.now()
  if (i % 2 === 0) app.platform.gate.pause(userId, id)
  else app.platform.gate.resume(userId, id)
  // From the commit: the change's own transaction is the state change, not its delivery.
  const committed = performance.now()
  changeMs.push(committed - t0)
  return (await answer) - committed
}
const changeMs: number[] = []
async function bareEvent(): Promise<number> {
  const answer = fetch(`${bareUrl}/wait`).then(async (r) => {
    await r.json()
    return performance.now()
  })
  while (emitter.listenerCount('change') === 0) await new Promise((r) => setTimeout(r, 1))
  const t0 = performance.now()
  emitter.emit('change')
  return (await answer) - t0
}
const oursLat: number[] = []
const bareLat: number[] = []
for (let i = 0; i < 20; i++) {
  await oursEvent(i) // warm-up
  await bareEvent()
}
for (let i = 20; i < 20 + EVENTS; i++) {
  oursLat.push(await oursEvent(i))
  bareLat.push(await bareEvent())
}

// ── report ──
const med = (f: (r: { ours: Round; bare: Round }) => number) => median(reads.map(f))
const ratioRange = (f: (r: { ours: Round; bare: Round }) => number) => {
  const xs = reads.map(f).sort((a, b) => a - b)
  return `${xs[0]!.toFixed(2)} to ${xs.at(-1)!.toFixed(2)}`
}
console.log('')
console.log(`| Metric | Ours (median of ${ROUNDS} rounds) | Bare Fastify | Ratio ours/bare (median; range) |`)
console.log('|---|---|---|---|')
console.log(`| Credential reads/s (${CONCURRENCY} in flight) | ${med((r) => r.ours.rps).toFixed(0)} | ${med((r) => r.bare.rps).toFixed(0)} | **${med((r) => r.ours.rps / r.bare.rps).toFixed(2)}** (${ratioRange((r) => r.ours.rps / r.bare.rps)}) |`)
console.log(`| Credential read p50, ms | ${med((r) => r.ours.p50).toFixed(2)} | ${med((r) => r.bare.p50).toFixed(2)} | **${med((r) => r.ours.p50 / r.bare.p50).toFixed(2)}** (${ratioRange((r) => r.ours.p50 / r.bare.p50)}) |`)
console.log(`| Credential read p99, ms | ${med((r) => r.ours.p99).toFixed(2)} | ${med((r) => r.bare.p99).toFixed(2)} | **${med((r) => r.ours.p99 / r.bare.p99).toFixed(2)}** (${ratioRange((r) => r.ours.p99 / r.bare.p99)}) |`)
console.log(`| Event latency p50, ms (${EVENTS} changes) | ${median(oursLat).toFixed(2)} | ${median(bareLat).toFixed(2)} | **${(median(oursLat) / median(bareLat)).toFixed(2)}** |`)
console.log(`| Event latency p99, ms | ${percentile(oursLat, 99).toFixed(2)} | ${percentile(bareLat, 99).toFixed(2)} | **${(percentile(oursLat, 99) / percentile(bareLat, 99)).toFixed(2)}** |`)
console.log(`| The change itself (pause/resume transaction with its event), ms p50 / p99 | ${median(changeMs).toFixed(2)} / ${percentile(changeMs, 99).toFixed(2)} | (emit: none) | |`)
console.log('')
const audited = app.repos.platformAudit.recent(1).at(0)?.id ?? 0
console.log(`audit rows written: ${audited} (credential reads sent: ${500 + READS * ROUNDS}); log lines: ${counts.lines} ${JSON.stringify(counts.byLevel)}; whole run ${((performance.now() - wallStart) / 1000).toFixed(0)} s`)
for (const [msg, n] of counts.messages) console.log(`  ${n} × ${msg}`)

child.send({ id: 0, op: 'exit' })
await ours.close()
await bare.close()
await app.stop()
tmp.cleanup()
// Let stdout drain before leaving (process.exit can drop the table when stdout is a pipe).
process.stdout.write('', () => process.exit(0))
