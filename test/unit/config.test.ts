import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, parseConfig } from '../../src/config.js'

const KEY = Buffer.alloc(32, 7).toString('base64')

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env)
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError)
    return (err as ConfigError).problems
  }
  throw new Error('expected a ConfigError')
}

describe('parseConfig', () => {
  it('gives the documented defaults for an empty environment (demo mode)', () => {
    const c = parseConfig({})
    expect(c.botToken).toBeUndefined()
    expect(c.telegramApiRoot).toBe('https://api.telegram.org')
    expect(c.databasePath).toBe('db/bot.sqlite')
    expect(c.masterKeyFile).toBe('db/master.key')
    expect(c.checkIntervalSeconds).toBe(300)
    expect(c.egressIps).toEqual([])
    expect(c.logLevel).toBe('info')
    expect(c.webhook).toBeUndefined()
    expect(c.offlineAfterFailures).toBe(3)
  })

  it('parses every variable', () => {
    const c = parseConfig({
      BOT_TOKEN: '123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9000/',
      DATABASE_PATH: '/var/lib/bfc/bot.sqlite',
      MASTER_KEY: KEY,
      MASTER_KEY_PREVIOUS: `${Buffer.alloc(32, 1).toString('base64')}, ${Buffer.alloc(32, 2).toString('base64')}`,
      EXCHANGE_URL_MEXC: 'http://127.0.0.1:1234',
      EXCHANGE_URL_KUCOIN: 'http://127.0.0.1:1235',
      EXCHANGE_URL_KUCOIN_FUTURES: 'http://127.0.0.1:1236',
      EXCHANGE_URL_BINANCE: 'http://127.0.0.1:1237/binance/',
      EXCHANGE_URL_BYBIT: 'https://api-testnet.bybit.com',
      EXCHANGE_URL_OKX: 'http://127.0.0.1:1239',
      CHECK_INTERVAL_SECONDS: '60',
      EGRESS_IPS: '203.0.113.7, 2001:db8::1',
      LOG_LEVEL: 'debug',
      WEBHOOK_URL: 'https://bot.example.com/hook',
      WEBHOOK_SECRET: 'abcdefghijklmnop',
    })
    expect(c.telegramApiRoot).toBe('http://127.0.0.1:9000')
    expect(c.previousMasterKeys).toHaveLength(2)
    expect(c.exchangeUrls).toEqual({
      mexc: 'http://127.0.0.1:1234',
      kucoin: 'http://127.0.0.1:1235',
      kucoinFutures: 'http://127.0.0.1:1236',
      binance: 'http://127.0.0.1:1237/binance',
      bybit: 'https://api-testnet.bybit.com',
      okx: 'http://127.0.0.1:1239',
    })
    expect(c.egressIps).toEqual(['203.0.113.7', '2001:db8::1'])
    expect(c.webhook).toEqual({ url: 'https://bot.example.com/hook', secret: 'abcdefghijklmnop', host: '127.0.0.1', port: 8080 })
    expect(c.allowUnreadableConnections).toBe(false)
  })

  it('parses the URL overrides of Bitget, BingX, HTX (spot and contract hosts), Coinbase and Gate.io, and refuses a bad one by name', () => {
    const c = parseConfig({
      EXCHANGE_URL_BITGET: 'http://127.0.0.1:2001/bitget/',
      EXCHANGE_URL_BINGX: 'https://open-api-vst.bingx.com',
      EXCHANGE_URL_HTX: 'https://api-aws.huobi.pro',
      EXCHANGE_URL_HTX_FUTURES: 'https://api.hbdm.com',
      EXCHANGE_URL_COINBASE: 'http://127.0.0.1:2002/coinbase',
      EXCHANGE_URL_GATE: 'https://api-testnet.gateapi.io',
    })
    expect(c.exchangeUrls).toEqual({
      bitget: 'http://127.0.0.1:2001/bitget',
      bingx: 'https://open-api-vst.bingx.com',
      htx: 'https://api-aws.huobi.pro',
      htxFutures: 'https://api.hbdm.com',
      coinbase: 'http://127.0.0.1:2002/coinbase',
      gate: 'https://api-testnet.gateapi.io',
    })
    expect(problems({ EXCHANGE_URL_HTX_FUTURES: 'api.hbdm.vn' }).find((l) => l.startsWith('EXCHANGE_URL_HTX_FUTURES '))).toMatch(/http/)
  })

  it('names each bad variable on its own line and never prints a secret value', () => {
    const badKey = 'c2VjcmV0LW1hc3Rlci1rZXktdmFsdWU='
    const p = problems({ MASTER_KEY: badKey, BOT_TOKEN: 'not-a-token-secretvalue', CHECK_INTERVAL_SECONDS: 'soon', EGRESS_IPS: '1.2.3.4,nope', EXCHANGE_URL_MEXC: 'ftp://x', EXCHANGE_URL_OKX: 'okx.com' })
    expect(p.find((l) => l.startsWith('MASTER_KEY '))).toMatch(/base64 of exactly 32 bytes/)
    expect(p.find((l) => l.startsWith('BOT_TOKEN '))).toMatch(/BotFather/)
    expect(p.find((l) => l.startsWith('CHECK_INTERVAL_SECONDS '))).toMatch(/whole number/)
    expect(p.find((l) => l.startsWith('EGRESS_IPS '))).toMatch(/"nope" is not one/)
    expect(p.find((l) => l.startsWith('EXCHANGE_URL_MEXC '))).toMatch(/http/)
    expect(p.find((l) => l.startsWith('EXCHANGE_URL_OKX '))).toMatch(/http/)
    expect(p).toContain('EXCHANGE_URL_MEXC must be an http(s) URL such as https://api.example.com')
    expect(problems({ DATABASE_PATH: '   ', MASTER_KEY_FILE: ' ' })).toEqual(['DATABASE_PATH must not be blank', 'MASTER_KEY_FILE must not be blank'])
    const all = p.join('\n')
    expect(all).not.toContain(badKey)
    expect(all).not.toContain('secretvalue')
  })

  it('refuses a webhook secret without a webhook URL', () => {
    expect(problems({ WEBHOOK_SECRET: 'abcdefghijklmnop' })).toEqual(['WEBHOOK_SECRET is set but WEBHOOK_URL is not'])
  })

  it('webhook: the listening address defaults to loopback and must be an address or host name', () => {
    const base = { WEBHOOK_URL: 'https://bot.example.com/hook', WEBHOOK_SECRET: 'abcdefghijklmnop' }
    expect(parseConfig(base).webhook?.host).toBe('127.0.0.1')
    expect(parseConfig({ ...base, WEBHOOK_HOST: '0.0.0.0' }).webhook?.host).toBe('0.0.0.0')
    expect(parseConfig({ ...base, WEBHOOK_HOST: '::' }).webhook?.host).toBe('::')
    expect(problems({ ...base, WEBHOOK_HOST: 'not a host!' })[0]).toMatch(/^WEBHOOK_HOST must be an IP address or host name/)
  })

  it('plain http to API hosts only to this machine, unless ALLOW_PLAIN_HTTP=true', () => {
    for (const host of ['127.0.0.1', 'localhost', '[::1]', '127.8.9.10']) {
      expect(parseConfig({ EXCHANGE_URL_MEXC: `http://${host}:1234` }).exchangeUrls.mexc).toBe(`http://${host}:1234`)
    }
    expect(problems({ TELEGRAM_API_ROOT: 'http://bot-api.internal:8081', EXCHANGE_URL_KUCOIN: 'http://10.0.0.5' })).toEqual([
      'TELEGRAM_API_ROOT uses plain http to a host that is not this machine: use https (or set ALLOW_PLAIN_HTTP=true for a trusted private network)',
      'EXCHANGE_URL_KUCOIN uses plain http to a host that is not this machine: use https (or set ALLOW_PLAIN_HTTP=true for a trusted private network)',
    ])
    expect(parseConfig({ TELEGRAM_API_ROOT: 'http://bot-api.internal:8081', ALLOW_PLAIN_HTTP: 'true' }).telegramApiRoot).toBe('http://bot-api.internal:8081')
    expect(parseConfig({ EXCHANGE_URL_MEXC: 'https://sandbox.example.com' }).exchangeUrls.mexc).toBe('https://sandbox.example.com')
  })

  it('ALLOW_UNREADABLE_CONNECTIONS is a true/false flag, off by default', () => {
    expect(parseConfig({}).allowUnreadableConnections).toBe(false)
    expect(parseConfig({ ALLOW_UNREADABLE_CONNECTIONS: 'true' }).allowUnreadableConnections).toBe(true)
    expect(parseConfig({ ALLOW_UNREADABLE_CONNECTIONS: 'false' }).allowUnreadableConnections).toBe(false)
    expect(problems({ ALLOW_UNREADABLE_CONNECTIONS: 'yes please' })).toEqual(['ALLOW_UNREADABLE_CONNECTIONS must be true or false'])
  })

  it('loadConfig removes the secret variables from the process environment once read', () => {
    const saved = { ...process.env }
    try {
      process.env.BOT_TOKEN = '123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1'
      process.env.MASTER_KEY = KEY
      process.env.MASTER_KEY_PREVIOUS = Buffer.alloc(32, 1).toString('base64')
      process.env.WEBHOOK_URL = 'https://bot.example.com/hook'
      process.env.WEBHOOK_SECRET = 'abcdefghijklmnop'
      const c = loadConfig()
      expect(c.botToken).toBe('123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1')
      expect(c.masterKey).toBe(KEY)
      for (const name of ['BOT_TOKEN', 'MASTER_KEY', 'MASTER_KEY_PREVIOUS', 'WEBHOOK_SECRET']) expect(process.env[name], name).toBeUndefined()
      expect(process.env.WEBHOOK_URL).toBe('https://bot.example.com/hook')
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
      Object.assign(process.env, saved)
    }
  })

  it('platform gate: off by default; PLATFORM_API_PORT turns it on, on 127.0.0.1 unless PLATFORM_API_HOST says otherwise', () => {
    const off = parseConfig({})
    expect(off.platformApi).toBeUndefined()
    expect(off.platformWebhook).toBeUndefined()
    expect(off.platformEventsKeepDays).toBe(30)
    expect(parseConfig({ PLATFORM_API_PORT: '8787' }).platformApi).toEqual({ host: '127.0.0.1', port: 8787, credentialsPerMinute: 60 })
    expect(parseConfig({ PLATFORM_API_PORT: '0', PLATFORM_API_HOST: '10.0.0.5', PLATFORM_CREDENTIALS_PER_MINUTE: '600' }).platformApi).toEqual({ host: '10.0.0.5', port: 0, credentialsPerMinute: 600 })
    const secret = 'whsec-0123456789abcdef0123456789abcdef'
    expect(parseConfig({ PLATFORM_WEBHOOK_URL: 'https://engine.example.com/bfc', PLATFORM_WEBHOOK_SECRET: secret }).platformWebhook).toEqual({ url: 'https://engine.example.com/bfc', secret })
  })

  it('platform gate: a webhook needs its secret (and the reverse), a short secret is refused without being printed', () => {
    expect(problems({ PLATFORM_WEBHOOK_URL: 'https://engine.example.com/bfc' })).toEqual(['PLATFORM_WEBHOOK_URL is set but PLATFORM_WEBHOOK_SECRET is not: pushed events must be signed'])
    expect(problems({ PLATFORM_WEBHOOK_SECRET: 'x'.repeat(40) })).toEqual(['PLATFORM_WEBHOOK_SECRET is set but PLATFORM_WEBHOOK_URL is not'])
    const p = problems({ PLATFORM_WEBHOOK_URL: 'https://e.example.com', PLATFORM_WEBHOOK_SECRET: 'tooshortsecretvalue', PLATFORM_API_PORT: '70000' })
    expect(p.find((l) => l.startsWith('PLATFORM_WEBHOOK_SECRET '))).toMatch(/32-256 printable/)
    expect(p.find((l) => l.startsWith('PLATFORM_API_PORT '))).toMatch(/whole number from 0 to 65535/)
    expect(p.join('\n')).not.toContain('tooshortsecretvalue')
  })
})
