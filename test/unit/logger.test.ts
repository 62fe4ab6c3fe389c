import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../src/logger.js'
import { maskKey, scrubText } from '../../src/secrets/redact.js'

const API_KEY = 'mx0vglQ8hW3kZ7pT2rY9uE4iO6aS1dF5'
const SECRET = '9f8e7d6c5b4a39281706f5e4d3c2b1a0'
const PASSPHRASE = 'My-Kucoin-Pass-77'
const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1'

function capture() {
  const lines: string[] = []
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk))
      cb()
    },
  })
  const logger = createLogger({ level: 'trace', destination })
  return { logger, text: () => lines.join('') }
}

describe('logger redaction', () => {
  it('writes no credential, whatever shape it arrives in', () => {
    const { logger, text } = capture()
    logger.info({ apiKey: API_KEY, secret: SECRET, passphrase: PASSPHRASE }, 'flat')
    logger.info({ connection: { credentials: { apiKey: API_KEY, secret: SECRET } }, deep: { a: { b: { c: { password: PASSPHRASE } } } } }, 'nested')
    logger.warn({ request: { url: `https://api.mexc.com/api/v3/account?timestamp=1&signature=${SECRET}`, headers: { 'X-MEXC-APIKEY': API_KEY, 'KC-API-PASSPHRASE': PASSPHRASE, 'KC-API-KEY': API_KEY } } }, 'ccxt-like request options')
    const ccxtLike = new Error(`mexc GET https://api.mexc.com/api/v3/account?recvWindow=5000&timestamp=1&signature=${SECRET} 400 {"code":10072,"msg":"Api key info invalid"} headers {"X-MEXC-APIKEY":"${API_KEY}"}`)
    logger.error({ err: ccxtLike }, 'exchange failed')
    logger.error({ err: new Error('wrapped', { cause: { options: { secret: SECRET, apiKey: API_KEY } } }) }, 'with cause')
    logger.error(ccxtLike)
    logger.info({ list: [{ secret: SECRET }, { token: BOT_TOKEN }] }, 'array')
    logger.child({ apiKey: API_KEY }).info('child binding')
    logger.info({ url: `https://api.telegram.org/bot${BOT_TOKEN}/getMe` }, 'bot api url')
    const out = text()
    for (const s of [API_KEY, SECRET, PASSPHRASE, BOT_TOKEN]) expect(out).not.toContain(s)
    expect(out).toContain('[redacted]')
    // What is safe is kept, so the log is still useful.
    expect(out).toContain('Api key info invalid')
    expect(out).toContain('exchange failed')
  })

  it('scrubs signing material from free text', () => {
    expect(scrubText(`GET /x?apiKey=${API_KEY}&signature=${SECRET}`)).toBe('GET /x?apiKey=[redacted]&signature=[redacted]')
  })

  it('masks keys to their first and last four characters, and short values entirely', () => {
    expect(maskKey(API_KEY)).toBe('mx0v…1dF5')
    expect(maskKey(API_KEY)).not.toContain(API_KEY.slice(4, -4))
    expect(maskKey('short')).toBe('••••')
  })
})
