/**
 * Shared plumbing of the bot benchmarks (not a test): the fakes run in a child process so the
 * bot's process measures only itself, requests go to the child over IPC, and the real app is
 * built the way test/helpers/e2e.ts builds it.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { cpus, loadavg, totalmem } from 'node:os'
import { Writable } from 'node:stream'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { UserFromGetMe } from 'grammy/types'
import { parseConfig, type Config } from '../../src/config.js'
import { createLogger, type AppLogger } from '../../src/logger.js'

/** Our egress IP as the fake exchange sees it (same value as the e2e tests). */
export const EGRESS_IP = '203.0.113.7'

/** What a fake-hosting child reports once its servers listen. */
export interface FakesReady {
  type: 'ready'
  tg: { url: string; token: string; botInfo: UserFromGetMe }
  exchangeUrls: { mexc: string; kucoin: string; kucoinFutures: string }
}

/** A request from the bot process to the child. */
export interface ChildRequest {
  id: number
  op: string
  args?: unknown
}

/** The child's answer to one {@link ChildRequest}. */
export type ChildReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string }

/** A running child process hosting the fakes (and the load generator). */
export interface FakesChild {
  ready: FakesReady
  process: ChildProcess
  /** Sends one request and resolves with the child's result. */
  request<T>(op: string, args?: unknown): Promise<T>
  /** Listens to unsolicited messages (progress reports). */
  onMessage(listener: (msg: Record<string, unknown>) => void): void
  /** Asks the child to exit and waits for it. */
  close(): Promise<void>
}

/** Forks `file` (a .ts script, run through tsx) and waits for its `ready` message. */
export async function forkFakes(file: string): Promise<FakesChild> {
  const child = fork(fileURLToPath(file), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  const listeners: Array<(msg: Record<string, unknown>) => void> = []
  let nextId = 1
  const ready = await new Promise<FakesReady>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`fakes child exited early (code ${code})`)))
    child.on('message', (raw) => {
      const msg = raw as Record<string, unknown>
      if (msg['type'] === 'ready') return resolve(msg as unknown as FakesReady)
      if (typeof msg['id'] === 'number' && 'ok' in msg) {
        const reply = msg as unknown as ChildReply
        const p = pending.get(reply.id)
        pending.delete(reply.id)
        if (reply.ok) p?.resolve(reply.result)
        else p?.reject(new Error(reply.error))
        return
      }
      for (const l of listeners) l(msg)
    })
  })
  return {
    ready,
    process: child,
    request<T>(op: string, args?: unknown): Promise<T> {
      const id = nextId++
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
        child.send({ id, op, args } satisfies ChildRequest)
      })
    },
    onMessage(listener) {
      listeners.push(listener)
    },
    async close() {
      if (child.exitCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.send({ id: 0, op: 'exit' } satisfies ChildRequest)
      await exited
    },
  }
}

/** The child side of the IPC: answers requests with `handlers[op](args)`, reports `ready`. */
export function serveParent(ready: FakesReady, handlers: Record<string, (args: unknown) => unknown>, onExit: () => Promise<void>): void {
  process.on('message', (raw) => {
    const req = raw as ChildRequest
    if (req.op === 'exit') {
      void onExit().finally(() => process.exit(0))
      return
    }
    const handler = handlers[req.op]
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown op ${req.op}`)
        return handler(req.args)
      })
      .then(
        (result) => process.send?.({ id: req.id, ok: true, result } satisfies ChildReply),
        (err: unknown) => process.send?.({ id: req.id, ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies ChildReply),
      )
  })
  // The parent going away (Ctrl-C, crash) must not leave the fakes listening.
  process.on('disconnect', () => void onExit().finally(() => process.exit(0)))
  process.send?.(ready)
}

/** The app's config against the child's fakes, as in test/helpers/e2e.ts (production log level). */
export function benchConfig(ready: FakesReady, databasePath: string, env: Record<string, string> = {}): Config {
  return parseConfig({
    BOT_TOKEN: ready.tg.token,
    TELEGRAM_API_ROOT: ready.tg.url,
    DATABASE_PATH: databasePath,
    MASTER_KEY: randomBytes(32).toString('base64'),
    EXCHANGE_URL_MEXC: ready.exchangeUrls.mexc,
    EXCHANGE_URL_KUCOIN: ready.exchangeUrls.kucoin,
    EXCHANGE_URL_KUCOIN_FUTURES: ready.exchangeUrls.kucoinFutures,
    EGRESS_IPS: EGRESS_IP,
    EXCHANGE_TIMEOUT_MS: '2000',
    TEST_TIMEOUT_MS: '5000',
    LOG_LEVEL: 'info',
    // Load generators drive many actions per user: the per-user anti-abuse limits would only measure themselves.
    MAX_CONNECTIONS_PER_USER: '1000',
    CONNECT_PER_HOUR: '1000',
    TEST_PER_HOUR: '10000',
    ...env,
  })
}

/** Log lines counted by level; the distinct warn/error messages kept (bounded) for the report. */
export interface LogCounts {
  lines: number
  byLevel: Record<string, number>
  /** "level msg (err.type: err.message)" → occurrences, for warn and above. */
  messages: Map<string, number>
}

const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' }

/** A real app logger (pino, scrubbing hooks included) whose output is counted, not printed. */
export function countingLogger(level: string): { logger: AppLogger; counts: LogCounts } {
  const counts: LogCounts = { lines: 0, byLevel: {}, messages: new Map() }
  const destination = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split('\n')) {
        if (!line) continue
        counts.lines++
        try {
          const rec = JSON.parse(line) as { level?: number; msg?: string; err?: { type?: string; message?: string } }
          const name = LEVEL_NAMES[rec.level ?? 0] ?? String(rec.level)
          counts.byLevel[name] = (counts.byLevel[name] ?? 0) + 1
          if ((rec.level ?? 0) >= 40 && counts.messages.size < 200) {
            const err = rec.err ? ` (${rec.err.type ?? 'Error'}: ${String(rec.err.message ?? '').slice(0, 120)})` : ''
            const key = `${name} ${rec.msg ?? ''}${err}`
            counts.messages.set(key, (counts.messages.get(key) ?? 0) + 1)
          }
        } catch {
          counts.byLevel['unparsed'] = (counts.byLevel['unparsed'] ?? 0) + 1
        }
      }
      cb()
    },
  })
  return { logger: createLogger({ level, destination }), counts }
}

/** One line naming the machine, as BENCHMARKS.md records it. */
export function machineLine(): string {
  const cpu = cpus()
  const load = loadavg().map((x) => x.toFixed(2)).join(' ')
  return `${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, node ${process.version}, load average ${load}, ${new Date().toISOString()}`
}

/** The p-th percentile (0..100) of `xs`, nearest rank. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number
}

/** The median of `xs`. */
export function median(xs: readonly number[]): number {
  return percentile(xs, 50)
}

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Starts a CPU profile (and, with BENCH_HEAP_PROFILE, an allocation profile) of what runs until
 * the returned stop is awaited, written to the BENCH_PROFILE folder as `<name>-<time>.*`;
 * undefined when BENCH_PROFILE is not set.
 */
export async function startProfile(name: string): Promise<(() => Promise<void>) | undefined> {
  const dir = process.env['BENCH_PROFILE']
  if (!dir) return undefined
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  const heap = Boolean(process.env['BENCH_HEAP_PROFILE'])
  if (heap) await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never)
  return async () => {
    writeFileSync(join(dir, `${name}-${Date.now()}.cpuprofile`), JSON.stringify((await session.post('Profiler.stop')).profile))
    if (heap) writeFileSync(join(dir, `${name}-${Date.now()}.heapprofile`), JSON.stringify((await session.post('HeapProfiler.stopSampling')).profile))
    session.disconnect()
  }
}
