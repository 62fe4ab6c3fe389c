import { createPrivateKey, generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { coinbaseCcxtSecret, coinbaseKeyProblem, coinbaseSecretProblem } from '../../../src/exchanges/coinbase-credentials.js'
import { coinbaseEcKey, coinbaseEd25519Key } from '../../fakes/exchange-server.js'

describe('Coinbase key name', () => {
  it('accepts a CDP key name or an Ed25519 key id', () => {
    expect(coinbaseKeyProblem(coinbaseEcKey().apiKey)).toBeNull()
    expect(coinbaseKeyProblem(coinbaseEd25519Key().apiKey)).toBeNull()
  })

  it('explains the usual mistakes: the private key, a line break, half a name, look-alike letters', () => {
    const { apiKey, secret } = coinbaseEcKey()
    expect(coinbaseKeyProblem(secret)).toBe('LOOKS_LIKE_SECRET')
    expect(coinbaseKeyProblem(`${apiKey}\n`)).toBe('WHITESPACE')
    expect(coinbaseKeyProblem(apiKey.slice(0, 40))).toBe('WRONG_LENGTH')
    expect(coinbaseKeyProblem(apiKey.replace('o', 'о'))).toBe('BAD_CHARSET')
    expect(coinbaseKeyProblem(coinbaseEd25519Key().secret)).toBe('LOOKS_LIKE_SECRET')
  })
})

describe('Coinbase private key', () => {
  const ec = coinbaseEcKey().secret
  const ed = coinbaseEd25519Key().secret

  it('takes the SEC1 PEM Coinbase hands out, and gives ccxt the same key', () => {
    expect(coinbaseSecretProblem(ec)).toBeNull()
    expect(coinbaseCcxtSecret(ec)).toBe(ec)
  })

  it('undoes what copying from the JSON file does: quotes, \\n escapes, CRLF, line breaks turned into spaces', () => {
    for (const pasted of [JSON.stringify(ec), ec.replace(/\n/g, '\\n'), ec.replace(/\n/g, '\r\n'), ec.trim().replace(/\n/g, ' ')]) {
      expect(coinbaseSecretProblem(pasted)).toBeNull()
      expect(coinbaseCcxtSecret(pasted)).toBe(ec)
    }
  })

  it('turns a PKCS#8 EC key into SEC1, the only PEM ccxt signs ES256 with', () => {
    const pkcs8 = createPrivateKey(ec).export({ format: 'pem', type: 'pkcs8' }).toString()
    expect(coinbaseCcxtSecret(pkcs8)).toBe(ec)
  })

  it('takes an Ed25519 secret as 88 base64 characters, as a bare seed, or as PKCS#8 PEM, and gives ccxt seed + public key', () => {
    expect(coinbaseCcxtSecret(ed)).toBe(ed)
    expect(coinbaseCcxtSecret(Buffer.from(ed, 'base64').subarray(0, 32).toString('base64'))).toBe(ed)
    const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(ed, 'base64').subarray(0, 32)])
    const pem = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString()
    expect(coinbaseCcxtSecret(pem)).toBe(ed)
  })

  it('refuses what cannot sign: a public key, an encrypted key, another curve, RSA, a cut or damaged key', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    expect(coinbaseSecretProblem(publicKey.export({ format: 'pem', type: 'spki' }).toString())).toBe('PEM_PUBLIC_KEY')
    expect(coinbaseSecretProblem(privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'x' }).toString())).toBe('PEM_ENCRYPTED')
    const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey
    expect(coinbaseSecretProblem(k1.export({ format: 'pem', type: 'sec1' }).toString())).toBe('PEM_UNSUPPORTED')
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey
    expect(coinbaseSecretProblem(rsa.export({ format: 'pem', type: 'pkcs8' }).toString())).toBe('PEM_UNSUPPORTED')
    expect(coinbaseSecretProblem(ec.slice(0, 120))).toBe('PEM_INVALID')
    // A line lost in the paste: the DER inside no longer parses.
    expect(coinbaseSecretProblem(ec.split('\n').filter((_, i) => i !== 2).join('\n'))).toBe('PEM_INVALID')
    const damaged = Buffer.from(ed, 'base64')
    damaged[40] = damaged[40]! ^ 1
    expect(coinbaseSecretProblem(damaged.toString('base64'))).toBe('PEM_INVALID')
  })

  it('explains the rest: empty, too long, invisible characters, the key name pasted here, wrong length', () => {
    expect(coinbaseSecretProblem('  ')).toBe('EMPTY')
    expect(coinbaseSecretProblem('A'.repeat(5000))).toBe('TOO_LONG')
    expect(coinbaseSecretProblem(`${ec}\u200b`)).toBe('WHITESPACE')
    expect(coinbaseSecretProblem(coinbaseEcKey().apiKey)).toBe('LOOKS_LIKE_KEY')
    expect(coinbaseSecretProblem('QUJDRA==')).toBe('WRONG_LENGTH')
  })
})
