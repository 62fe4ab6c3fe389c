import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBinanceAdapter } from '../../../src/exchanges/binance.js'
import { createBybitAdapter } from '../../../src/exchanges/bybit.js'
import { createKucoinAdapter } from '../../../src/exchanges/kucoin.js'
import { createMexcAdapter } from '../../../src/exchanges/mexc.js'
import { createOkxAdapter } from '../../../src/exchanges/okx.js'
import { fakeCredentials } from '../../fakes/exchange-server.js'

const mexc = createMexcAdapter({ urls: {} })
const kucoin = createKucoinAdapter({ urls: {} })
const binance = createBinanceAdapter({ urls: {} })
const bybit = createBybitAdapter({ urls: {} })
const okx = createOkxAdapter({ urls: {} })
// Shapes from the exchanges' own docs and SDK fixtures.
const MEXC_KEY = 'mx0aBYs33eIilxBWC5'
const MEXC_SECRET = '45d0b3c26f2644f19bfb98b07741b2f5'
const KC_KEY = '6705f5c311545b000157d3eb'
const KC_SECRET = 'f03a5284-5c39-4aaa-9b20-dea10bdcf8e3'

describe('validateField accepts real-looking credentials', () => {
  it('MEXC key and secret', () => {
    expect(mexc.validateField('apiKey', MEXC_KEY)).toBeNull()
    expect(mexc.validateField('secret', MEXC_SECRET, { apiKey: MEXC_KEY })).toBeNull()
  })
  it('KuCoin key, secret and passphrase', () => {
    expect(kucoin.validateField('apiKey', KC_KEY)).toBeNull()
    expect(kucoin.validateField('secret', KC_SECRET, { apiKey: KC_KEY })).toBeNull()
    expect(kucoin.validateField('passphrase', 'My$ecret-Pass9', { apiKey: KC_KEY, secret: KC_SECRET })).toBeNull()
  })
  it('Binance HMAC key and secret (its docs samples), Bybit (docs key shape), OKX (UUID key, docs secret)', () => {
    const BN_KEY = 'Fhs4lGae2qAi6VNjbJjebUAwXrIChb7mlf372UOICMwdKaNdNBGKtfdeUff2TTTT'
    const BN_SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j'
    expect([binance.validateField('apiKey', BN_KEY), binance.validateField('secret', BN_SECRET, { apiKey: BN_KEY })]).toEqual([null, null])
    expect([bybit.validateField('apiKey', 'opjSlSOzqIeXROT5rq'), bybit.validateField('secret', 'Xk3dL9aQw2Zr7TyUi0OpAs5DfGhJkL1mNbV4', { apiKey: 'opjSlSOzqIeXROT5rq' })]).toEqual([null, null])
    const o = { apiKey: 'a3cc4c2f-4b43-4e8e-9a73-9a7c4b8e8d6f', secret: '22582BD0CFF14C41EDBF1AB98506286D', passphrase: 'My$ecret-Pass9' }
    expect([okx.validateField('apiKey', o.apiKey), okx.validateField('secret', o.secret, o), okx.validateField('passphrase', o.passphrase, o)]).toEqual([null, null, null])
  })
  it('whatever the fake exchange generates', () => {
    for (let i = 0; i < 50; i++) {
      for (const [id, adapter] of [['mexc', mexc], ['kucoin', kucoin], ['binance', binance], ['bybit', bybit], ['okx', okx]] as const) {
        const c = fakeCredentials(id)
        const problems = adapter.credentialFields.map(({ field }) => adapter.validateField(field, c[field] ?? '', c))
        expect(problems, id).toEqual(adapter.credentialFields.map(() => null))
      }
    }
  })
})

describe('validateField names the problem with hostile input', () => {
  it.each([
    ['empty', '', 'EMPTY'],
    ['only spaces', '   ', 'EMPTY'],
    ['10 KB paste', 'a'.repeat(10 * 1024), 'TOO_LONG'],
    ['trailing newline', `${MEXC_KEY}\n`, 'WHITESPACE'],
    ['inner space', 'mx0aBYs33e IilxBWC5', 'WHITESPACE'],
    ['zero-width space', `mx0aBYs33e\u200bIilxBWC5`, 'WHITESPACE'],
    ['BOM in front', `\ufeff${MEXC_KEY}`, 'WHITESPACE'],
    ['Cyrillic а look-alike', 'mx0\u0430BYs33eIilxBWC5', 'BAD_CHARSET'],
    ['fullwidth digit', 'mx0aBYs33eIilxBWC\uff15', 'BAD_CHARSET'],
    ['punctuation', 'mx0aBYs33e-IilxBWC5', 'BAD_CHARSET'],
    ['truncated', 'mx0aBYs33eIil', 'WRONG_LENGTH'],
    ['the secret pasted as key', MEXC_SECRET, 'LOOKS_LIKE_SECRET'],
  ])('MEXC apiKey: %s', (_name, value, problem) => {
    expect(mexc.validateField('apiKey', value)).toBe(problem)
  })

  it.each([
    ['the key pasted as secret', MEXC_KEY, 'LOOKS_LIKE_KEY'],
    ['non-hex', 'z5d0b3c26f2644f19bfb98b07741b2f5', 'BAD_CHARSET'],
    ['31 hex', MEXC_SECRET.slice(1), 'WRONG_LENGTH'],
    ['newline inside', `${MEXC_SECRET.slice(0, 16)}\n${MEXC_SECRET.slice(16)}`, 'WHITESPACE'],
  ])('MEXC secret: %s', (_name, value, problem) => {
    expect(mexc.validateField('secret', value)).toBe(problem)
  })

  it('spots the same value typed twice', () => {
    expect(mexc.validateField('secret', MEXC_KEY, { apiKey: MEXC_KEY })).toBe('SAME_AS_KEY')
    expect(mexc.validateField('apiKey', MEXC_SECRET, { secret: MEXC_SECRET })).toBe('LOOKS_LIKE_SECRET')
    expect(kucoin.validateField('passphrase', KC_KEY, { apiKey: KC_KEY })).toBe('SAME_AS_KEY')
    expect(kucoin.validateField('passphrase', KC_SECRET, { apiKey: KC_KEY, secret: KC_SECRET })).toBe('LOOKS_LIKE_SECRET')
  })

  it.each([
    [okx, 'apiKey', '22582BD0CFF14C41EDBF1AB98506286D', 'LOOKS_LIKE_SECRET'],
    [okx, 'secret', 'a3cc4c2f-4b43-4e8e-9a73-9a7c4b8e8d6f', 'LOOKS_LIKE_KEY'],
    [okx, 'passphrase', 'pass phrase', 'WHITESPACE'],
    [bybit, 'apiKey', 'Xk3dL9aQw2Zr7TyUi0OpAs5DfGhJkL1mNbV4', 'LOOKS_LIKE_SECRET'],
    [bybit, 'secret', 'opjSlSOzqIeXROT5rq', 'LOOKS_LIKE_KEY'],
    [binance, 'apiKey', 'Fhs4lGae2qAi6VNjbJjebUAwXrIChb7mlf372UOICMwdKaNdNBGKtfdeUff2TTT', 'WRONG_LENGTH'],
    [binance, 'secret', 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j-', 'BAD_CHARSET'],
  ] as const)('%#: Binance, Bybit, OKX %s', (adapter, field, value, problem) => {
    expect(adapter.validateField(field, value)).toBe(problem)
  })

  it.each([
    ['apiKey', KC_SECRET, 'LOOKS_LIKE_SECRET'],
    ['apiKey', '6705f5c311545b000157d3e', 'WRONG_LENGTH'],
    ['apiKey', '6705f5c311545b000157d3eg', 'BAD_CHARSET'],
    ['secret', KC_KEY, 'LOOKS_LIKE_KEY'],
    ['secret', 'f03a5284-5c39-4aaa-9b20-dea10bdcf8e', 'WRONG_LENGTH'],
    ['passphrase', 'pass phrase', 'WHITESPACE'],
    ['passphrase', 'senhaçãо', 'BAD_CHARSET'],
    ['passphrase', 'x'.repeat(65), 'WRONG_LENGTH'],
  ] as const)('KuCoin %s %s', (field, value, problem) => {
    expect(kucoin.validateField(field, value)).toBe(problem)
  })

  it('MEXC ignores a passphrase (it has none)', () => {
    expect(mexc.credentialFields.map((f) => f.field)).toEqual(['apiKey', 'secret'])
    expect(kucoin.credentialFields.map((f) => f.field)).toEqual(['apiKey', 'secret', 'passphrase'])
  })

  it('never accepts a value with any whitespace or invisible character in it', () => {
    const invisible = fc.constantFrom(' ', '\n', '\r', '\t', '\u00a0', '\u200b', '\u200d', '\u2060', '\ufeff')
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), invisible, fc.string({ maxLength: 30 }), (a, ws, b) => {
        // (A PEM private key keeps its line breaks, but a random string is never a valid PEM.)
        for (const adapter of [mexc, kucoin, binance, bybit, okx]) {
          for (const { field } of adapter.credentialFields) expect(adapter.validateField(field, a + ws + b)).not.toBeNull()
        }
      }),
    )
  })
})
