import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { binanceSecret, createBinanceAdapter } from '../../../src/exchanges/binance.js'
import { createBybitAdapter } from '../../../src/exchanges/bybit.js'
import { canonicalPem, pemProblem } from '../../../src/exchanges/pem.js'

// Real keys, generated the way a trader does for Binance's "self-generated" keys.
const ed = generateKeyPairSync('ed25519')
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
const ED_PEM = ed.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
const RSA_PEM = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
const RSA_PKCS1 = rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString()
const binance = createBinanceAdapter({ urls: {} })
const bybit = createBybitAdapter({ urls: {} })
const KEY = 'Fhs4lGae2qAi6VNjbJjebUAwXrIChb7mlf372UOICMwdKaNdNBGKtfdeUff2TTTT'

describe('PEM private keys as a secret', () => {
  it('accepts Binance Ed25519 and RSA keys (PKCS#8 and PKCS#1), however the paste bent the lines', () => {
    for (const pem of [ED_PEM, RSA_PEM, RSA_PKCS1]) {
      expect(binance.validateField('secret', pem, { apiKey: KEY })).toBeNull()
      // Telegram and phones turn line breaks into CRLF or spaces, or add blank lines around.
      expect(binance.validateField('secret', pem.replace(/\n/g, '\r\n'))).toBeNull()
      expect(binance.validateField('secret', pem.replace(/\n/g, ' ').trim())).toBeNull()
      expect(binance.validateField('secret', `\n\n${pem}\n\n`)).toBeNull()
    }
  })

  it('hands ccxt one canonical form: Ed25519 at most 120 characters, RSA longer (ccxt picks the algorithm by length)', () => {
    const bent = ED_PEM.replace(/\n/g, '\r\n  ')
    expect(canonicalPem(bent)).toBe(ED_PEM)
    expect(binanceSecret(bent).length).toBeLessThanOrEqual(120)
    expect(binanceSecret(RSA_PKCS1).length).toBeGreaterThan(120)
    expect(binanceSecret(RSA_PKCS1)).toContain('BEGIN PRIVATE KEY')
    expect(binanceSecret('NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j')).toBe('NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j')
  })

  it.each([
    ['the public key instead of the private one', ed.publicKey.export({ format: 'pem', type: 'spki' }).toString(), 'PEM_PUBLIC_KEY'],
    ['a password-protected key', ed.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString(), 'PEM_ENCRYPTED'],
    ['an EC key (Binance signs with Ed25519 or RSA only)', ec.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), 'PEM_UNSUPPORTED'],
    ['a block cut in the middle', ED_PEM.slice(0, 60), 'PEM_INVALID'],
    ['a block with its body damaged', ED_PEM.replace(/\n[A-Za-z0-9+/]{10}/, '\nAAAAAAAAAA'), 'PEM_INVALID'],
    ['mismatched BEGIN and END', ED_PEM.replace('END PRIVATE KEY', 'END RSA PRIVATE KEY'), 'PEM_INVALID'],
    ['a zero-width space inside', ED_PEM.replace('\n', '\u200b\n'), 'WHITESPACE'],
    ['10 KB of PEM-looking text', `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(10_000)}\n-----END PRIVATE KEY-----`, 'TOO_LONG'],
  ])('refuses %s, saying why', (_name, value, problem) => {
    expect(binance.validateField('secret', value)).toBe(problem)
  })

  it('a private key pasted as the API key is a swap, never echoed back as valid', () => {
    expect(binance.validateField('apiKey', ED_PEM)).toBe('LOOKS_LIKE_SECRET')
    expect(bybit.validateField('apiKey', RSA_PEM)).toBe('LOOKS_LIKE_SECRET')
  })

  it('Bybit takes RSA (its self-generated keys) but not Ed25519', () => {
    expect(bybit.validateField('secret', RSA_PEM)).toBeNull()
    expect(bybit.validateField('secret', ED_PEM)).toBe('PEM_UNSUPPORTED')
    expect(pemProblem(RSA_PEM, ['ed25519'])).toBe('PEM_UNSUPPORTED')
  })
})
