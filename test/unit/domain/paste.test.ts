import { generateKeyPairSync, randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isCredentialShaped, looksLikeCredential, readPaste, tokenize, trimPaste, type PasteContext } from '../../../src/domain/paste.js'
import type { CredentialField } from '../../../src/domain/types.js'
import { fieldShapeOf } from '../../../src/bot/credential-sniff.js'
import { createExchangeRegistry } from '../../../src/exchanges/registry.js'
import type { FormatProblem } from '../../../src/exchanges/adapter.js'

const adapters = createExchangeRegistry({ urls: {} }).listAdapters()
const mexc = adapters.find((a) => a.id === 'mexc')!
const kucoin = adapters.find((a) => a.id === 'kucoin')!
/** The bot's own field shape (src/bot/credential-sniff.ts), rebuilt on the real adapters. */
const shape = fieldShapeOf({ connections: { exchanges: () => adapters } } as never)
const ctxFor = (a: typeof mexc, expected?: CredentialField, known = {}): PasteContext<FormatProblem> => ({
  fields: a.credentialFields.map((f) => f.field),
  ...(expected ? { expected } : {}),
  validate: (f, v, o) => a.validateField(f, v, o),
  known,
  fieldShape: shape,
})
const pem = (kind: 'ed25519' | 'ec' | 'rsa') =>
  kind === 'ec'
    ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString()
    : kind === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
      : generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()

// ── generators ─────────────────────────────────────────────────────────────────────────────
const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
const hex = fc.constantFrom(...'0123456789abcdef')
const str = (unit: fc.Arbitrary<string>, n: number) => fc.array(unit, { minLength: n, maxLength: n }).map((a) => a.join(''))
/** Real-shaped values: MEXC key `mx0` + alphanumerics (with a digit), 32-hex secret; KuCoin 24-hex key, UUID secret. */
const mexcKey = fc.tuple(str(alnum, 13), fc.integer({ min: 0, max: 9 })).map(([s, d]) => `mx0v${s}${d}`)
const mexcSecret = str(hex, 31).map((s) => `a${s}`.slice(0, 31) + '7')
const kucoinKey = str(hex, 22).map((s) => `6a${s}`)
const kucoinSecret = fc.uuid({ version: 4 })
/** A passphrase as KuCoin users choose them: letters, a digit, some symbols (never ":" or "=", which would read as a label). */
const passphrase = fc.tuple(str(fc.constantFrom(...'abcdefghXYZ-_!#.'), 6), fc.integer({ min: 0, max: 99 })).map(([s, d]) => `P${s}${d}`)
const space = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\n\n', ' \n ')
const edge = fc.array(fc.constantFrom(' ', '\n', '\t', '\u200b', '\ufeff', '\u00a0'), { maxLength: 4 }).map((a) => a.join(''))
const label = (field: CredentialField) =>
  fc.tuple(
    fc.constantFrom(...{ apiKey: ['API Key', 'Access Key', 'api_key', 'Chave de API', 'Key'], secret: ['Secret Key', 'Secret', 'API Secret', 'Chave secreta', 'secret_key'], passphrase: ['Passphrase', 'API Passphrase', 'Senha', 'Senha da API'] }[field]),
    fc.constantFrom(': ', ':', ' = ', ':\n', '\n'),
    fc.boolean(),
  ).map(([l, sep, upper]) => `${upper ? l.toUpperCase() : l}${sep}`)

describe('trimPaste', () => {
  it('removes spaces, newlines and invisible characters at both ends only, and is idempotent', () => {
    fc.assert(
      fc.property(edge, fc.string({ minLength: 1 }), edge, (a, s, b) => {
        const t = trimPaste(a + s + b)
        expect(trimPaste(t)).toBe(t)
        expect(t).toBe(trimPaste(s))
        expect(t).not.toMatch(/^[\s\p{Cf}]|[\s\p{Cf}]$/u)
      }),
      { numRuns: 500 },
    )
  })
})

describe('readPaste: one value', () => {
  it('a bare value is the asked field', () => {
    expect(readPaste('mx0vDemoHealthy001', ctxFor(mexc, 'apiKey'))).toEqual({ values: { apiKey: 'mx0vDemoHealthy001' }, problems: [] })
  })
  it('a labelled value goes to its label\'s field, whatever was asked', () => {
    expect(readPaste('API key: mx0vDemoHealthy001', ctxFor(mexc, 'secret')).values).toEqual({ apiKey: 'mx0vDemoHealthy001' })
  })
  it('a bad value is reported by field and problem, never by value', () => {
    const r = readPaste('mx0vDemo Healthy001', ctxFor(mexc, 'apiKey'))
    expect(r).toEqual({ values: {}, problems: [{ field: 'apiKey', problem: 'WHITESPACE' }] })
  })
  it('a passphrase starting with "/" is a passphrase', () => {
    expect(readPaste('/trade2026desk', ctxFor(kucoin, 'passphrase')).values).toEqual({ passphrase: '/trade2026desk' })
  })
  it('with nothing asked (a key pasted early), a lone value is a key or a secret, never a free-form passphrase', () => {
    expect(readPaste('0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', ctxFor(kucoin)).values).toEqual({ secret: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0' })
    expect(readPaste('DemoPass-2026', ctxFor(kucoin))).toEqual({ values: {}, problems: [] })
  })
})

describe('readPaste: several values', () => {
  it('key and secret in either order, any separators, labels or not, edges trimmed: each lands in its field (MEXC)', () => {
    fc.assert(
      fc.property(mexcKey, mexcSecret, space, edge, edge, fc.boolean(), fc.option(fc.tuple(label('apiKey'), label('secret'))), (key, secret, sep, a, b, swap, labels) => {
        const parts = labels ? [`${labels[0]}${key}`, `${labels[1]}${secret}`] : [key, secret]
        const text = a + (swap ? [parts[1], parts[0]] : parts).join(labels ? '\n' : sep) + b
        expect(readPaste(text, ctxFor(mexc, 'apiKey'))).toEqual({ values: { apiKey: key, secret }, problems: [] })
      }),
      { numRuns: 400 },
    )
  })

  it('key, secret and passphrase in one message, one line or several, with or without labels (KuCoin)', () => {
    fc.assert(
      fc.property(kucoinKey, kucoinSecret, passphrase, space, fc.boolean(), fc.tuple(label('apiKey'), label('secret'), label('passphrase')), (key, secret, pass, sep, labelled, labels) => {
        const text = labelled ? `${labels[0]}${key}\n${labels[1]}${secret}\n${labels[2]}${pass}` : [key, secret, pass].join(sep)
        expect(readPaste(text, ctxFor(kucoin, 'apiKey'))).toEqual({ values: { apiKey: key, secret, passphrase: pass }, problems: [] })
      }),
      { numRuns: 400 },
    )
  })

  it('at the secret prompt, secret + passphrase fill both; key + secret pasted again fill both', () => {
    const ctx = ctxFor(kucoin, 'secret', { apiKey: '64d1f0a2b3c4d5e6f7a8b9c0' })
    expect(readPaste('0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0 DemoPass-2026', ctx).values).toEqual({ secret: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', passphrase: 'DemoPass-2026' })
    expect(readPaste('64d1f0a2b3c4d5e6f7a8b9c0\n0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', ctx).values).toEqual({ apiKey: '64d1f0a2b3c4d5e6f7a8b9c0', secret: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0' })
  })

  it('a key in a sentence is found; the words around it are not taken for anything', () => {
    expect(readPaste('ok so my key is mx0vDemoHealthy001 thanks', ctxFor(mexc, 'apiKey'))).toEqual({ values: { apiKey: 'mx0vDemoHealthy001' }, problems: [] })
  })

  it('a good key with a bad secret: the key is taken, the secret reported', () => {
    expect(readPaste('mx0vDemoHealthy001 a1b2c3', ctxFor(mexc, 'apiKey'))).toEqual({ values: { apiKey: 'mx0vDemoHealthy001' }, problems: [{ field: 'secret', problem: 'WRONG_LENGTH' }] })
  })

  it('words alone never fill a field: the whole text is reported as the asked field', () => {
    expect(readPaste('xx yy zz', ctxFor(kucoin, 'apiKey'))).toEqual({ values: {}, problems: [{ field: 'apiKey', problem: 'WHITESPACE' }] })
    expect(readPaste('abc def', ctxFor(kucoin, 'passphrase'))).toEqual({ values: {}, problems: [{ field: 'passphrase', problem: 'WHITESPACE' }] })
  })

  it('a JSON file\'s content: quotes and commas around values are dropped', () => {
    expect(readPaste('{"apiKey": "mx0vDemoHealthy001", "secret": "a1b2c3d4e5f60718293a4b5c6d7e8f90"}', ctxFor(mexc, 'apiKey')).values).toEqual({ apiKey: 'mx0vDemoHealthy001', secret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' })
  })

  it('never throws, and every value it returns is a piece of the text, trimmed', () => {
    const lenient: PasteContext<'BAD'> = { fields: ['apiKey', 'secret', 'passphrase'], expected: 'apiKey', validate: (_f, v) => (v.length > 0 ? null : 'BAD'), fieldShape: () => true }
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.oneof(fc.string(), space, label('secret'), mexcKey), { maxLength: 8 }).map((a) => a.join(' '))), (text) => {
        const r = readPaste(text, lenient)
        for (const v of Object.values(r.values)) {
          expect(text.replace(/["']/g, '')).toContain(v.replace(/["']/g, ''))
          expect(v).toBe(trimPaste(v))
        }
      }),
      { numRuns: 400 },
    )
  })
})

describe('private keys as PEM blocks', () => {
  it('a PEM block is one value, inner newlines intact, with or without a label before it', () => {
    for (const kind of ['ed25519', 'ec', 'rsa'] as const) {
      const block = pem(kind).trimEnd()
      expect(tokenize(block)).toEqual([{ value: block }])
      expect(tokenize(`Private key:\n${block}\n`)).toEqual([{ value: block, label: 'secret', strong: true }])
      expect(tokenize(`Secret: ${block}`)).toEqual([{ value: block, label: 'secret', strong: true }])
    }
  })

  it('Coinbase: a key name and an EC private key pasted together are two values', () => {
    const name = `organizations/${randomUUID()}/apiKeys/${randomUUID()}`
    const block = pem('ec').trimEnd()
    expect(tokenize(`API Key Name: ${name}\nPrivate Key:\n${block}`)).toEqual([
      { value: name, label: 'apiKey', strong: true },
      { value: block, label: 'secret', strong: true },
    ])
  })

  it('a PEM block among any other text stays whole', () => {
    const block = pem('ed25519').trimEnd()
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(!a.includes('-----') && !b.includes('-----'))
        expect(tokenize(`${a}\n${block}\n${b}`).map((t) => t.value)).toContain(block)
        expect(looksLikeCredential(`${a} ${block} ${b}`, shape)).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('a PEM key is read as the asked field by an exchange that takes one', () => {
    const block = pem('ed25519').trimEnd()
    const ed25519: PasteContext<'BAD'> = {
      fields: ['apiKey', 'secret'],
      expected: 'secret',
      validate: (f, v) => (f === 'secret' ? (v.startsWith('-----BEGIN PRIVATE KEY-----') ? null : 'BAD') : /^[A-Za-z0-9]{64}$/.test(v) ? null : 'BAD'),
      fieldShape: () => false,
    }
    expect(readPaste(`\n${block}\n\n`, ed25519).values).toEqual({ secret: block })
  })
})

describe('looksLikeCredential', () => {
  it('any key or secret among ordinary words is found', () => {
    const word = str(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzçãé,.!?'), 5)
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.oneof(mexcKey, mexcSecret, kucoinKey, kucoinSecret), fc.array(word, { maxLength: 6 }), (before, secret, after) => {
        expect(looksLikeCredential([...before, secret, ...after].join(' '), shape)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('text without digits is never a credential unless a label names its value', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ _-.#éç!?\n') }), (text) => {
        fc.pre(!/(key|secret|pass|senha|chave|segredo|frase|api|private|public|name)/i.test(text))
        expect(looksLikeCredential(text, shape)).toBe(false)
      }),
      { numRuns: 500 },
    )
  })

  it('a labelled value counts, a label word in a sentence does not', () => {
    expect(looksLikeCredential('Passphrase: DemoPass-2026', shape)).toBe(true)
    expect(looksLikeCredential('Senha: DemoPass-2026', shape)).toBe(true)
    expect(looksLikeCredential('password please', shape)).toBe(false)
    expect(looksLikeCredential('what is a secret key for?', shape)).toBe(false)
    expect(looksLikeCredential('Passphrase: abc', shape)).toBe(false) // too short to be one
  })

  it('a command with a key as its argument is a credential; with a name it is not', () => {
    expect(looksLikeCredential('/connect mx0vDemoHealthy001 a1b2c3d4e5f60718293a4b5c6d7e8f90', shape)).toBe(true)
    expect(looksLikeCredential('/replace 64d1f0a2b3c4d5e6f7a8b9c0', shape)).toBe(true)
    expect(looksLikeCredential('/status MEXC spot 2', shape)).toBe(false)
  })

  it('shape: letters AND digits, key-like length; a UUID or a Coinbase key name always', () => {
    expect(isCredentialShaped('mx0vDemoHealthy001.', shape)).toBe(true)
    expect(isCredentialShaped('MyMainKucoinAccount', shape)).toBe(false)
    expect(isCredentialShaped('12345678901234567890', shape)).toBe(false)
    expect(isCredentialShaped(randomUUID(), () => false)).toBe(true)
    expect(isCredentialShaped(`organizations/${randomUUID()}/apiKeys/${randomUUID()}`, () => false)).toBe(true)
  })
})
