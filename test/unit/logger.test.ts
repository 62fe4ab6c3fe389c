import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../src/logger.js'
import { maskKey, scrubText } from '../../src/secrets/redact.js'

const API_KEY = 'mx0vglQ8hW3kZ7pT2rY9uE4iO6aS1dF5'
const SECRET = '9f8e7d6c5b4a39281706f5e4d3c2b1a0'
const PASSPHRASE = 'My-Kucoin-Pass-77'
const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1'
const SERVICE_TOKEN = `bfcpt_0123456789abcdef_${'ab12'.repeat(16)}`

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
    logger.warn({ note: `engine sent ${SERVICE_TOKEN} as an id` }, `platform token ${SERVICE_TOKEN} in a message`)
    const out = text()
    for (const s of [API_KEY, SECRET, PASSPHRASE, BOT_TOKEN, SERVICE_TOKEN.slice(23, 39)]) expect(out).not.toContain(s)
    expect(out).toContain('bfcpt_0123456789abcdef_[redacted]')
    expect(out).toContain('[redacted]')
    // What is safe is kept, so the log is still useful.
    expect(out).toContain('Api key info invalid')
    expect(out).toContain('exchange failed')
  })

  it('scrubs the signing material of Bitget, BingX, HTX, Gate and Coinbase, and a pasted private key', () => {
    const pem = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oaTtbM6JqKzYoAoGCCqGSM49\nAwEHoUQDQgAEnLy0Q2uxzBMqH8QbyTMBa1YJpxwaHpTeRD2ZcXsQ/Ux4aC7iAtfM\n-----END EC PRIVATE KEY-----\n'
    const jwt = 'eyJhbGciOiJFUzI1NiIsImtpZCI6Im9yZ2FuaXphdGlvbnMvYWJjIn0.eyJzdWIiOiJvcmdhbml6YXRpb25zL2FiYyJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU'
    const lines = [
      `{"ACCESS-KEY":"bg_${SECRET}","ACCESS-SIGN":"${SECRET}","ACCESS-PASSPHRASE":"${PASSPHRASE}"}`,
      `X-BX-APIKEY: ${API_KEY}`,
      `GET https://api.huobi.pro/v2/user/api-key?AccessKeyId=${API_KEY}&Timestamp=x&accessKey=${API_KEY}&uid=1&Signature=${SECRET}`,
      `{"KEY":"${API_KEY}","SIGN":"${SECRET}"}`,
      `Authorization: Bearer ${jwt}`,
      `pasted ${pem} then`,
      `escaped ${JSON.stringify(pem)} too`,
    ]
    const out = scrubText(lines.join('\n'))
    for (const s of [API_KEY, SECRET, PASSPHRASE, jwt, 'MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oaTtbM6JqKzYoAoGCCqGSM49']) expect(out).not.toContain(s)
    expect(out).toContain('then')
    expect(out).toContain('too')
  })

  it('scrubs signing material from free text', () => {
    expect(scrubText(`GET /x?apiKey=${API_KEY}&signature=${SECRET}`)).toBe('GET /x?apiKey=[redacted]&signature=[redacted]')
  })

  it('scrubs the Binance, Bybit and OKX headers, and the API key Bybit quotes in its 10004 message', () => {
    const bybit = `bybit {"retCode":10004,"retMsg":"error sign! origin_string[1700000000000${API_KEY}5000accountType=UNIFIED]"}`
    const headers = `{"X-MBX-APIKEY":"${API_KEY}","X-BAPI-API-KEY":"${API_KEY}","X-BAPI-SIGN":"${SECRET}","OK-ACCESS-KEY":"${API_KEY}","OK-ACCESS-PASSPHRASE":"${PASSPHRASE}"}`
    for (const text of [bybit, headers]) {
      const out = scrubText(text)
      for (const s of [API_KEY, SECRET, PASSPHRASE]) expect(out).not.toContain(s)
    }
    expect(scrubText(bybit)).toContain('error sign!')
  })

  it('masks keys to their first and last four characters, and short values entirely', () => {
    expect(maskKey(API_KEY)).toBe('mx0v…1dF5')
    expect(maskKey(API_KEY)).not.toContain(API_KEY.slice(4, -4))
    expect(maskKey('short')).toBe('••••')
  })
})
