import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import { join } from 'node:path'
import { createApp, type App, type AppOverrides } from '../../src/app.js'
import { parseConfig, type Config } from '../../src/config.js'
import { createLogger } from '../../src/logger.js'
import { startFakeExchange, type FakeExchangeServer } from '../fakes/exchange-server.js'
import { startFakeTelegram, type ChatMessage, type FakeTelegram, type FakeUser } from '../fakes/telegram-server.js'
import { makeTmpDir } from './tmp.js'

/** Our egress IP in tests: the fake exchange sees every call as coming from it. */
export const EGRESS_IP = '203.0.113.7'

/** A running bot against both fakes, with every log line captured for leak scans. */
export interface E2E {
  app: App
  config: Config
  tg: FakeTelegram
  ex: FakeExchangeServer
  dir: string
  dbPath: string
  logs: () => string
  /** Sends text and returns the bot's next message in that chat. */
  say(user: FakeUser, text: string): Promise<ChatMessage>
  /** Taps a button on a bot message and returns the bot's next message. */
  tap(user: FakeUser, msg: ChatMessage, button: string): Promise<ChatMessage>
  next(user: FakeUser, timeoutMs?: number): Promise<ChatMessage>
  /**
   * How long a wait for the bot may take before it counts as a hang (undefined: the fake's
   * default). Never an assertion on speed: tests that load the machine on purpose raise it.
   */
  waitTimeoutMs: number | undefined
  /**
   * Stops the app as a crash would leave it (open flows unfinished), runs `afterStop` (e.g. drop
   * in-memory state a test shares across apps), then starts a new app on the same file and key.
   */
  restart(afterStop?: () => void): Promise<void>
  close(): Promise<void>
}

/** Starts the fakes and the real app (real SQLite file, real libsodium, real ccxt over HTTP, polling). */
export async function startE2E(opts: { env?: Record<string, string>; flowTimeoutMs?: number; setupTimeoutMs?: number; throttle?: boolean; monitor?: boolean; overrides?: AppOverrides; waitTimeoutMs?: number } = {}): Promise<E2E> {
  const tmp = makeTmpDir('bfc-e2e-')
  const tg = await startFakeTelegram({ token: `7000000001:AAH${randomBytes(24).toString('base64url')}` })
  const ex = await startFakeExchange()
  ex.callerIp = EGRESS_IP
  const dbPath = join(tmp.dir, 'bot.sqlite')
  const config = parseConfig({
    BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.url,
    DATABASE_PATH: dbPath,
    MASTER_KEY: randomBytes(32).toString('base64'),
    EXCHANGE_URL_BINANCE: ex.exchangeUrls.binance,
    EXCHANGE_URL_BYBIT: ex.exchangeUrls.bybit,
    EXCHANGE_URL_OKX: ex.exchangeUrls.okx,
    EXCHANGE_URL_MEXC: ex.exchangeUrls.mexc,
    EXCHANGE_URL_KUCOIN: ex.exchangeUrls.kucoin,
    EXCHANGE_URL_KUCOIN_FUTURES: ex.exchangeUrls.kucoinFutures,
    EXCHANGE_URL_BITGET: ex.exchangeUrls.bitget,
    EXCHANGE_URL_BINGX: ex.exchangeUrls.bingx,
    EXCHANGE_URL_HTX: ex.exchangeUrls.htx,
    EXCHANGE_URL_HTX_FUTURES: ex.exchangeUrls.htxFutures,
    EXCHANGE_URL_COINBASE: ex.exchangeUrls.coinbase,
    EXCHANGE_URL_GATE: ex.exchangeUrls.gate,
    EGRESS_IPS: EGRESS_IP,
    EXCHANGE_TIMEOUT_MS: '2000',
    TEST_TIMEOUT_MS: '5000',
    LOG_LEVEL: 'debug',
    ...opts.env,
  })
  const chunks: string[] = []
  const logger = createLogger({ level: 'trace', destination: new Writable({ write: (c, _e, cb) => { chunks.push(String(c)); cb() } }) })
  const build = async (): Promise<App> => {
    const app = await createApp(config, logger, { ...opts.overrides, botInfo: tg.botInfo, throttle: opts.throttle === true, monitor: opts.monitor === true, ...(opts.flowTimeoutMs ? { flowTimeoutMs: opts.flowTimeoutMs } : {}), ...(opts.setupTimeoutMs ? { setupTimeoutMs: opts.setupTimeoutMs } : {}) })
    await app.start()
    return app
  }
  const next = (user: FakeUser, timeoutMs?: number) => {
    const wait = timeoutMs ?? opts.waitTimeoutMs
    return tg.nextBotMessage(user, wait ? { timeoutMs: wait } : {})
  }
  const e: E2E = {
    app: await build(),
    config,
    tg,
    ex,
    dir: tmp.dir,
    dbPath,
    logs: () => chunks.join(''),
    next,
    waitTimeoutMs: opts.waitTimeoutMs,
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
