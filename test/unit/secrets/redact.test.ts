import { describe, expect, it } from 'vitest'
import { maskKey, REDACTED, scrub, scrubText, SECRET_KEY_PATTERN } from '../../../src/secrets/redact.js'

const SECRET = '9f8e7d6c5b4a39281706f5e4d3c2b1a0'
const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1'
const R = REDACTED

describe('scrubText: query parameters', () => {
  it.each(['signature', 'sign', 'apikey', 'api_key', 'secret', 'passphrase', 'timestamp'])('hides the value of %s after ? or &, in any case', (name) => {
    expect(scrubText(`GET /x?${name}=${SECRET}`)).toBe(`GET /x?${name}=${R}`)
    expect(scrubText(`GET /x?a=1&${name.toUpperCase()}=${SECRET}&b=2`)).toBe(`GET /x?a=1&${name.toUpperCase()}=${R}&b=2`)
  })

  it('stops at the next parameter, a space or a quote, and keeps what is not secret', () => {
    expect(scrubText(`https://api.mexc.com/api/v3/account?recvWindow=5000&timestamp=1700000000000&signature=${SECRET} 400 {"code":10072}`)).toBe(
      `https://api.mexc.com/api/v3/account?recvWindow=5000&timestamp=${R}&signature=${R} 400 {"code":10072}`,
    )
    expect(scrubText(`"url":"/x?sign=${SECRET}","y":1`)).toBe(`"url":"/x?sign=${R}","y":1`)
    // (`signature`: a `sign=` value is also caught by the header rule, whose value runs to the next quote-less stop.)
    expect(scrubText(`'/x?signature=${SECRET}'`)).toBe(`'/x?signature=${R}'`)
    expect(scrubText(`/x?sign=${SECRET}\tnext`)).toBe(`/x?sign=${R}\tnext`)
  })

  it('hides every occurrence, and an empty value stays empty', () => {
    expect(scrubText(`/a?sign=${SECRET} /b?sign=${SECRET}`)).toBe(`/a?sign=${R} /b?sign=${R}`)
    expect(scrubText('/a?sign=&x=1')).toBe(`/a?sign=${R}&x=1`)
  })

  it('leaves a parameter that only ends like a secret name, and text without parameters', () => {
    expect(scrubText(`/x?mysignature=${SECRET}`)).toBe(`/x?mysignature=${SECRET}`)
    expect(scrubText('Api key info invalid')).toBe('Api key info invalid')
  })
})

describe('scrubText: headers and fields in free text', () => {
  it.each(['X-MEXC-APIKEY', 'KC-API-KEY', 'KC-API-SIGN', 'KC-API-PASSPHRASE', 'Authorization', 'apiKey', 'secret', 'passphrase', 'password'])('hides %s in header, JSON and key=value form', (name) => {
    expect(scrubText(`${name}: ${SECRET}`)).toBe(`${name}: ${R}`)
    expect(scrubText(`{"${name}":"${SECRET}","other":"kept"}`)).toBe(`{"${name}":"${R}","other":"kept"}`)
    expect(scrubText(`${name.toLowerCase()}=${SECRET}`)).toBe(`${name.toLowerCase()}=${R}`)
    expect(scrubText(`${name}  :  "${SECRET}"`)).toBe(`${name}  :  "${R}"`)
  })

  it('stops at a comma, a brace, an ampersand or a space', () => {
    expect(scrubText(`{secret:${SECRET}}`)).toBe(`{secret:${R}}`)
    expect(scrubText(`secret=${SECRET}&next=1`)).toBe(`secret=${R}&next=1`)
    expect(scrubText(`secret=${SECRET},next=1`)).toBe(`secret=${R},next=1`)
    expect(scrubText(`secret=${SECRET} and more`)).toBe(`secret=${R} and more`)
  })

  it('leaves a header whose name is not on the list', () => {
    expect(scrubText('Content-Type: application/json')).toBe('Content-Type: application/json')
  })
})

describe('scrubText: bearer tokens, JWTs, private keys and quoted signing strings', () => {
  // A Coinbase-style JWT (header.payload.signature), each part base64url.
  const JWT = 'eyJhbGciOiJFUzI1NiIsImtpZCI6Im9yZ2FuaXphdGlvbnMvYWJjIn0.eyJzdWIiOiJvcmdhbml6YXRpb25zL2FiYyJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU'

  it('hides a bearer token that is not a JWT, however many spaces follow Bearer', () => {
    expect(scrubText(`Authorization: Bearer ${SECRET}`)).toBe(`Authorization: ${R}`)
    expect(scrubText(`Authorization: Bearer   ${SECRET} next`)).toBe(`Authorization: ${R} next`)
  })

  it('hides a JWT anywhere in free text, all three parts, outside any header', () => {
    const out = scrubText(`request failed: ${JWT} at /api/v3/brokerage/accounts`)
    expect(out).toBe(`request failed: ${R} at /api/v3/brokerage/accounts`)
    for (const part of JWT.split('.')) expect(out).not.toContain(part.slice(4))
    expect(scrubText(`[${JWT}]`)).toBe(`[${R}]`)
  })

  it('leaves a short dotted eyJ word that cannot be a JWT', () => {
    expect(scrubText('eyJa.eyJb.c')).toBe('eyJa.eyJb.c')
  })

  it('hides a private key cut off before its END line, to the end of the text', () => {
    const cut = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg'
    expect(scrubText(`pasted: ${cut}`)).toBe(`pasted: ${R}`)
  })

  it("keeps Bybit's origin_string marker and hides what it quotes", () => {
    expect(scrubText(`error sign! origin_string[1700000000000mykey5000accountType=UNIFIED]`)).toBe(`error sign! origin_string[${R}]`)
  })
})

describe('scrubText: Telegram bot tokens', () => {
  it('hides a token anywhere, such as inside a Bot API URL', () => {
    expect(scrubText(`POST https://api.telegram.org/bot${BOT_TOKEN}/sendMessage failed`)).toBe(`POST https://api.telegram.org/bot${R}/sendMessage failed`)
    expect(scrubText(`${BOT_TOKEN} and ${BOT_TOKEN}`)).toBe(`${R} and ${R}`)
  })

  it('needs at least 5 digits and 30 characters after the colon', () => {
    const tail30 = 'A'.repeat(30)
    expect(scrubText(`12345:${tail30}`)).toBe(R)
    expect(scrubText(`1234:${tail30}`)).toBe(`1234:${tail30}`)
    expect(scrubText(`12345:${tail30.slice(1)}`)).toBe(`12345:${tail30.slice(1)}`)
    expect(scrubText(`12345:${'a_b-9'.repeat(8)}`)).toBe(R)
  })
})

describe('SECRET_KEY_PATTERN', () => {
  it.each([
    'apiKey', 'api_key', 'api-key', 'APIKEY', 'secret', 'secretKey', 'secret_key', 'secret-key', 'apiSecret', 'api_secret', 'passphrase', 'password', 'pass',
    'token', 'botToken', 'bot_token', 'masterKey', 'master-key', 'signature', 'sign', 'Authorization', 'cookie', 'X-MEXC-APIKEY', 'x-mexc-signature',
    'KC-API-KEY', 'KC-API-KEY-VERSION', 'X-BAPI-API-KEY', 'X-BAPI-SIGN', 'OK-ACCESS-PASSPHRASE', 'ok-access-sign', 'credentials', 'plaintext', 'sealed',
    'privateKey', 'private_key', 'private-key', 'PRIVATEKEY',
  ])('matches %s', (k) => {
    expect(SECRET_KEY_PATTERN.test(k)).toBe(true)
  })

  it.each(['maskedKey', 'keyId', 'tokenCount', 'hasPassword', 'secrets', 'passes', 'KC-API-', 'x-bapi-', 'ok-access-', 'kc-api-key2', 'name', 'exchange', 'apiKeyMasked', 'signed'])('does not match %s', (k) => {
    expect(SECRET_KEY_PATTERN.test(k)).toBe(false)
  })
})

describe('scrub', () => {
  it('passes non-objects through and scrubs strings', () => {
    expect(scrub(null)).toBe(null)
    expect(scrub(undefined)).toBe(undefined)
    expect(scrub(42)).toBe(42)
    expect(scrub(true)).toBe(true)
    expect(scrub(`/x?sign=${SECRET}`)).toBe(`/x?sign=${R}`)
  })

  it('redacts secret-named fields at any depth, scrubs every other string and keeps the rest', () => {
    const input = {
      exchange: 'mexc',
      count: 3,
      ok: false,
      apiKey: 'mx0vglQ8hW3kZ7pT2rY9uE4iO6aS1dF5',
      nested: { secret: SECRET, url: `/x?signature=${SECRET}`, headers: { 'KC-API-PASSPHRASE': 'p', Accept: 'json' } },
      list: [{ token: BOT_TOKEN }, `text ${BOT_TOKEN}`, 7],
    }
    expect(scrub(input)).toStrictEqual({
      exchange: 'mexc',
      count: 3,
      ok: false,
      apiKey: R,
      nested: { secret: R, url: `/x?signature=${R}`, headers: { 'KC-API-PASSPHRASE': R, Accept: 'json' } },
      list: [{ token: R }, `text ${R}`, 7],
    })
  })

  it('redacts any value under a secret name, whatever its type, but keeps an absent one absent', () => {
    expect(scrub({ secret: '', password: 0, token: false, credentials: { apiKey: 'k' }, apiKey: null, passphrase: undefined })).toStrictEqual({
      secret: R,
      password: R,
      token: R,
      credentials: R,
      apiKey: null,
      passphrase: undefined,
    })
  })

  it('returns a copy and leaves the input untouched', () => {
    const input = { secret: SECRET, inner: { apiKey: 'k' } }
    scrub(input)
    expect(input).toStrictEqual({ secret: SECRET, inner: { apiKey: 'k' } })
  })

  it('shows bytes as their length only', () => {
    expect(scrub(Buffer.from(SECRET))).toBe('[32 bytes]')
    expect(scrub(new Uint8Array(24))).toBe('[24 bytes]')
    expect(scrub({ blob: new Uint8Array([1, 2, 3]) })).toStrictEqual({ blob: '[3 bytes]' })
  })

  it('keeps the first 50 items of an array, each scrubbed', () => {
    const list = Array.from({ length: 60 }, (_, i) => ({ i, secret: SECRET }))
    expect(scrub(list)).toStrictEqual(Array.from({ length: 50 }, (_, i) => ({ i, secret: R })))
  })

  it('cuts objects deeper than 8 levels and marks cycles', () => {
    type Nest = { level: number; next?: Nest | string }
    let deep: Nest = { level: 11 }
    for (let level = 10; level >= 0; level--) deep = { level, next: deep }
    let expected: Nest = { level: 8, next: '[depth]' }
    for (let level = 7; level >= 0; level--) expected = { level, next: expected }
    expect(scrub(deep)).toStrictEqual(expected)

    const loop: Record<string, unknown> = { name: 'a' }
    loop['self'] = loop
    loop['list'] = [loop]
    expect(scrub(loop)).toStrictEqual({ name: 'a', self: '[circular]', list: ['[circular]'] })
  })

  it('counts depth through arrays too', () => {
    let deep: unknown = { end: true }
    for (let i = 0; i < 10; i++) deep = [deep]
    let expected: unknown = '[depth]'
    for (let i = 0; i < 9; i++) expected = [expected]
    expect(scrub(deep)).toStrictEqual(expected)
  })

  it('still scrubs a string past the depth limit', () => {
    let deep: unknown = `/x?sign=${SECRET}`
    for (let i = 0; i < 12; i++) deep = [deep]
    expect(JSON.stringify(scrub(deep))).not.toContain(SECRET)
  })
})

describe('scrub: errors', () => {
  class ExchangeFault extends Error {
    override readonly name = 'ExchangeFault'
  }

  /** An error with a fixed stack, so the expected frames are exact. */
  function withStack(err: Error, frames: string[]): Error {
    err.stack = [`${err.name}: ${err.message}`, ...frames].join('\n')
    return err
  }
  /** An error without a stack, for tests about the other fields. */
  const bare = (err: Error): Error => Object.assign(err, { stack: '' })

  it('becomes {type, message, code, stack} with only frames 2 to 6 of the stack, all scrubbed', () => {
    const frames = Array.from({ length: 8 }, (_, i) => `    at f${i} (/app/x.ts:${i})`)
    frames[1] = `    at fetch https://api.mexc.com/x?signature=${SECRET}`
    const err = withStack(Object.assign(new ExchangeFault(`GET /x?signature=${SECRET} 400`), { code: 'ECONNRESET' }), frames)
    expect(scrub(err)).toStrictEqual({
      type: 'ExchangeFault',
      message: `GET /x?signature=${R} 400`,
      code: 'ECONNRESET',
      stack: [frames[0], `    at fetch https://api.mexc.com/x?signature=${R}`, frames[2], frames[3], frames[4]].join('\n'),
    })
  })

  it('keeps a string or number code, drops any other, and drops every other own field', () => {
    const base = (code: unknown) => bare(Object.assign(new Error('boom'), { code, request: { apiKey: 'k', url: '/x' } }))
    expect(scrub(base(10072))).toStrictEqual({ type: 'Error', message: 'boom', code: 10072 })
    expect(scrub(base('E1'))).toStrictEqual({ type: 'Error', message: 'boom', code: 'E1' })
    expect(scrub(base({ secret: SECRET }))).toStrictEqual({ type: 'Error', message: 'boom' })
    expect(scrub(base(undefined))).toStrictEqual({ type: 'Error', message: 'boom' })
  })

  it('has no stack field when the error has no stack', () => {
    const err = new Error('boom')
    err.stack = ''
    expect(scrub(err)).toStrictEqual({ type: 'Error', message: 'boom' })
  })

  it('scrubs the cause, whatever it is, and cuts a long cause chain', () => {
    const objCause = bare(new Error('wrapped', { cause: { options: { secret: SECRET, apiKey: 'k', host: 'mexc' } } }))
    expect(scrub(objCause)).toStrictEqual({ type: 'Error', message: 'wrapped', cause: { options: { secret: R, apiKey: R, host: 'mexc' } } })
    const textCause = bare(new Error('wrapped', { cause: `/x?sign=${SECRET}` }))
    expect(scrub(textCause)).toStrictEqual({ type: 'Error', message: 'wrapped', cause: `/x?sign=${R}` })

    let chain: Error = bare(new Error('e10'))
    for (let i = 9; i >= 0; i--) chain = bare(new Error(`e${i}`, { cause: chain }))
    let expected: unknown = '[depth]'
    for (let i = 8; i >= 0; i--) expected = { type: 'Error', message: `e${i}`, cause: expected }
    expect(scrub(chain)).toStrictEqual(expected)
  })

  it('is scrubbed inside objects and arrays too', () => {
    const err = bare(new Error(`/x?sign=${SECRET}`))
    expect(scrub({ err, list: [err] })).toStrictEqual({ err: { type: 'Error', message: `/x?sign=${R}` }, list: ['[circular]'] })
  })
})

describe('maskKey', () => {
  it('shows the first and last four characters from 12 characters on', () => {
    expect(maskKey('mx0vglQ8hW3kZ7pT2rY9uE4iO6aS1dF5')).toBe('mx0v…1dF5')
    expect(maskKey('abcdefghijkl')).toBe('abcd…ijkl')
  })

  it('shows nothing of a value shorter than 12 characters', () => {
    expect(maskKey('abcdefghijk')).toBe('••••')
    expect(maskKey('')).toBe('••••')
  })

  it('ignores surrounding spaces, for the length rule too', () => {
    expect(maskKey('  abcdefghijklmnop \n')).toBe('abcd…mnop')
    expect(maskKey('   abcdefghij   ')).toBe('••••')
  })
})
