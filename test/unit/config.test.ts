import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../src/config.js'

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
      CHECK_INTERVAL_SECONDS: '60',
      EGRESS_IPS: '203.0.113.7, 2001:db8::1',
      LOG_LEVEL: 'debug',
      WEBHOOK_URL: 'https://bot.example.com/hook',
      WEBHOOK_SECRET: 'abcdefghijklmnop',
    })
    expect(c.telegramApiRoot).toBe('http://127.0.0.1:9000')
    expect(c.previousMasterKeys).toHaveLength(2)
    expect(c.exchangeUrls).toEqual({ mexc: 'http://127.0.0.1:1234', kucoin: 'http://127.0.0.1:1235', kucoinFutures: 'http://127.0.0.1:1236' })
    expect(c.egressIps).toEqual(['203.0.113.7', '2001:db8::1'])
    expect(c.webhook).toEqual({ url: 'https://bot.example.com/hook', secret: 'abcdefghijklmnop', port: 8080 })
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
    const p = problems({ MASTER_KEY: badKey, BOT_TOKEN: 'not-a-token-secretvalue', CHECK_INTERVAL_SECONDS: 'soon', EGRESS_IPS: '1.2.3.4,nope', EXCHANGE_URL_MEXC: 'ftp://x' })
    expect(p.find((l) => l.startsWith('MASTER_KEY '))).toMatch(/base64 of exactly 32 bytes/)
    expect(p.find((l) => l.startsWith('BOT_TOKEN '))).toMatch(/BotFather/)
    expect(p.find((l) => l.startsWith('CHECK_INTERVAL_SECONDS '))).toMatch(/whole number/)
    expect(p.find((l) => l.startsWith('EGRESS_IPS '))).toMatch(/"nope" is not one/)
    expect(p.find((l) => l.startsWith('EXCHANGE_URL_MEXC '))).toMatch(/http/)
    const all = p.join('\n')
    expect(all).not.toContain(badKey)
    expect(all).not.toContain('secretvalue')
  })

  it('refuses a webhook secret without a webhook URL', () => {
    expect(problems({ WEBHOOK_SECRET: 'abcdefghijklmnop' })).toEqual(['WEBHOOK_SECRET is set but WEBHOOK_URL is not'])
  })
})
