import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import Sqlite from 'better-sqlite3'
import { createApp, type App } from '../../src/app.js'
import { parseConfig, type Config } from '../../src/config.js'
import { createLogger } from '../../src/logger.js'
import { startFakeExchange } from '../fakes/exchange-server.js'
import { startFakeTelegram, type FakeUser } from '../fakes/telegram-server.js'
import { EGRESS_IP, type E2E } from './e2e.js'
import { makeTmpDir } from './tmp.js'

/** An e2e world whose app can be killed and started again on the same database, key and fakes. */
export interface RestartableE2E extends E2E {
  config: Config
  /**
   * Stops the app as a crash would leave it (open flows unfinished), runs `afterStop` (e.g. drop
   * in-memory state a test shares across apps), then starts a new app on the same file.
   */
  restart(afterStop?: () => void): Promise<void>
}

/**
 * Like `startE2E`, but keeps the config so `restart()` can build a second app over the same
 * SQLite file, master key, fake Telegram and fake exchange (a process restart, minus the process).
 */
export async function startRestartableE2E(opts: { env?: Record<string, string>; flowTimeoutMs?: number; throttle?: boolean } = {}): Promise<RestartableE2E> {
  const tmp = makeTmpDir('bfc-sec-')
  const tg = await startFakeTelegram({ token: `7000000001:AAH${randomBytes(24).toString('base64url')}` })
  const ex = await startFakeExchange()
  ex.callerIp = EGRESS_IP
  const dbPath = join(tmp.dir, 'bot.sqlite')
  const config = parseConfig({
    BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.url,
    DATABASE_PATH: dbPath,
    MASTER_KEY: randomBytes(32).toString('base64'),
    EXCHANGE_URL_MEXC: ex.exchangeUrls.mexc,
    EXCHANGE_URL_KUCOIN: ex.exchangeUrls.kucoin,
    EXCHANGE_URL_KUCOIN_FUTURES: ex.exchangeUrls.kucoinFutures,
    EGRESS_IPS: EGRESS_IP,
    EXCHANGE_TIMEOUT_MS: '2000',
    TEST_TIMEOUT_MS: '5000',
    LOG_LEVEL: 'debug',
    ...opts.env,
  })
  const chunks: string[] = []
  const logger = createLogger({ level: 'trace', destination: new Writable({ write: (c, _e, cb) => { chunks.push(String(c)); cb() } }) })
  const build = async (): Promise<App> => {
    const app = await createApp(config, logger, { botInfo: tg.botInfo, throttle: opts.throttle === true, monitor: false, ...(opts.flowTimeoutMs ? { flowTimeoutMs: opts.flowTimeoutMs } : {}) })
    await app.start()
    return app
  }
  const next = (user: FakeUser, timeoutMs?: number) => tg.nextBotMessage(user, timeoutMs ? { timeoutMs } : {})
  const e: RestartableE2E = {
    app: await build(),
    config,
    tg,
    ex,
    dir: tmp.dir,
    dbPath,
    logs: () => chunks.join(''),
    next,
    say(user, text) {
      tg.sendText(user, text)
      return next(user)
    },
    tap(user, msg, button) {
      tg.tapButton(user, msg, button)
      return next(user)
    },
    async restart(afterStop) {
      await e.app.stop()
      afterStop?.()
      e.app = await build()
    },
    async close() {
      await e.app.stop()
      await tg.close()
      await ex.stop()
      tmp.cleanup()
    },
  }
  return e
}

/** Every file under `dir` (the SQLite file, its WAL, journal and SHM, a key file, anything else the app wrote). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

/** Where each secret was found: file bytes under the app's folder, log lines, Bot API payloads, extra stores. Empty means no leak. */
export function findLeaks(e: E2E, secrets: readonly string[], extra: Record<string, string> = {}): string[] {
  const files = filesUnder(e.dir).map((p) => [p.slice(e.dir.length + 1), readFileSync(p)] as const)
  const logs = e.logs()
  const payloads = e.tg.calls.map((c) => `${c.method} ${JSON.stringify(c.payload)}`).join('\n')
  const found: string[] = []
  for (const s of secrets) {
    const needle = Buffer.from(s)
    const short = `${s.slice(0, 4)}…(${s.length})`
    for (const [name, bytes] of files) if (bytes.includes(needle)) found.push(`${short} in file ${name}`)
    if (logs.includes(s)) found.push(`${short} in a log line`)
    if (payloads.includes(s)) found.push(`${short} in a Bot API call the bot made`)
    for (const [where, text] of Object.entries(extra)) if (text.includes(s)) found.push(`${short} in ${where}`)
  }
  return found
}

/** The raw connections table, read through a separate connection (what is really committed). */
export function connectionsTable(dbPath: string): string {
  const db = new Sqlite(dbPath, { readonly: true, fileMustExist: true })
  try {
    return JSON.stringify(db.prepare('SELECT * FROM connections ORDER BY id').all())
  } finally {
    db.close()
  }
}

/** One raw connections row by id (undefined when gone), for byte-identical comparisons. */
export function connectionRow(dbPath: string, id: string): Record<string, unknown> | undefined {
  const db = new Sqlite(dbPath, { readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT * FROM connections WHERE id = ?').get(id) as Record<string, unknown> | undefined
  } finally {
    db.close()
  }
}

/** Bot API calls the fake refused for broken HTML ("can't parse entities"), as readable lines. */
export function htmlBreaks(e: E2E): string[] {
  return e.tg.calls.filter((c) => c.outcome === 'error' && /can't parse entities/i.test(c.description ?? '')).map((c) => `${c.method}: ${c.description}`)
}

/** Log lines at error level or above (pino level ≥ 50), parsed. */
export function errorLogs(e: E2E): Array<Record<string, unknown>> {
  return e.logs().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => typeof l.level === 'number' && l.level >= 50)
}

/** Any read-only query on the app's file through a separate connection, serialized for equality checks. */
export function queryJson(dbPath: string, sql: string, ...params: unknown[]): string {
  const db = new Sqlite(dbPath, { readonly: true, fileMustExist: true })
  try {
    return JSON.stringify(db.prepare(sql).all(...params))
  } finally {
    db.close()
  }
}
