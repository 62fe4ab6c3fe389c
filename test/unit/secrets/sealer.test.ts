import { randomBytes } from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import { isAppError } from '../../../src/domain/errors.js'
import { createSealer, type Sealer, type SealPlace } from '../../../src/secrets/sealer.js'

const place: SealPlace = { connectionId: 'c_abc123', userId: 1001, field: 'secret' }
const SECRET = 'f3a1c9e2b4d6a8c0e2f4a6b8c0d2e4f6'

function openFails(s: Sealer, sealed: string, p: SealPlace, reason: string) {
  try {
    s.open(sealed, p)
  } catch (err) {
    expect(isAppError(err, 'SEAL_FAILED')).toBe(true)
    expect((err as { params: { reason: string } }).params.reason).toBe(reason)
    expect(String((err as Error).message)).not.toContain(SECRET)
    return
  }
  throw new Error('open succeeded but should have failed')
}

describe('sealer', () => {
  let sealer: Sealer
  beforeEach(async () => {
    sealer = await createSealer([randomBytes(32)])
  })

  it('round-trips and never stores the plaintext', () => {
    const sealed = sealer.seal(SECRET, place)
    expect(sealed.startsWith(`v1.${sealer.currentKeyId}.`)).toBe(true)
    expect(sealed).not.toContain(SECRET)
    expect(Buffer.from(sealed).includes(Buffer.from(SECRET))).toBe(false)
    expect(sealer.open(sealed, place)).toBe(SECRET)
  })

  it('uses a fresh nonce per seal', () => {
    expect(sealer.seal(SECRET, place)).not.toBe(sealer.seal(SECRET, place))
  })

  it.each([
    ['another connection', { ...place, connectionId: 'c_other' }],
    ['another owner', { ...place, userId: 1002 }],
    ['another field', { ...place, field: 'apiKey' as const }],
  ])('refuses a ciphertext moved to %s', (_, moved) => {
    openFails(sealer, sealer.seal(SECRET, place), moved, 'TAMPERED_OR_MOVED')
  })

  it('refuses a flipped byte in the nonce or the ciphertext', () => {
    const sealed = sealer.seal(SECRET, place)
    const [v, id, nonce, ct] = sealed.split('.') as [string, string, string, string]
    const flip = (b64: string, i: number) => {
      const buf = Buffer.from(b64, 'base64url')
      buf[i] = buf[i]! ^ 0x01
      return buf.toString('base64url')
    }
    openFails(sealer, [v, id, flip(nonce, 3), ct].join('.'), place, 'TAMPERED_OR_MOVED')
    openFails(sealer, [v, id, nonce, flip(ct, 0)].join('.'), place, 'TAMPERED_OR_MOVED')
    openFails(sealer, [v, id, nonce, flip(ct, Buffer.from(ct, 'base64url').length - 1)].join('.'), place, 'TAMPERED_OR_MOVED')
  })

  it('refuses a value sealed under a key it does not hold, and malformed values', async () => {
    const other = await createSealer([randomBytes(32)])
    openFails(sealer, other.seal(SECRET, place), place, 'UNKNOWN_KEY')
    openFails(sealer, 'v1.nope', place, 'MALFORMED')
    openFails(sealer, `v2.${sealer.currentKeyId}.AAAA.AAAA`, place, 'MALFORMED')
  })

  it('refuses a key-id swap even when both keys are loaded', async () => {
    const k1 = randomBytes(32)
    const k2 = randomBytes(32)
    const old = await createSealer([k1])
    const both = await createSealer([k2, k1])
    const sealed = old.seal(SECRET, place)
    expect(both.open(sealed, place)).toBe(SECRET)
    const relabelled = sealed.replace(`.${old.currentKeyId}.`, `.${both.currentKeyId}.`)
    openFails(both, relabelled, place, 'TAMPERED_OR_MOVED')
  })

  it('fingerprints keys deterministically per master key, without revealing them', async () => {
    const k1 = randomBytes(32)
    const a = await createSealer([k1])
    const b = await createSealer([randomBytes(32), k1])
    expect(a.fingerprint('mx0vglABCDEF')).toBe(a.fingerprint(' mx0vglABCDEF '))
    expect(a.fingerprint('mx0vglABCDEF')).not.toContain('mx0vgl')
    expect(b.fingerprints('mx0vglABCDEF')).toContain(a.fingerprint('mx0vglABCDEF'))
    expect(b.fingerprint('mx0vglABCDEF')).not.toBe(a.fingerprint('mx0vglABCDEF'))
  })

  it('hashes tokens and fingerprints keys exactly as earlier versions did: stored digests stay valid across upgrades (pinned vectors)', async () => {
    // Service tokens and key fingerprints are stored only as these hashes: a changed derivation
    // (its domain string, its length, its encoding) would lock every platform client out and
    // let a key already connected be connected again. Master key = 32 bytes of 0x01.
    const s = await createSealer([Buffer.alloc(32, 1)])
    expect(s.currentKeyId).toBe('8d5e6244cdfb006d')
    expect(s.tokenDigest('bfc_test_token_0123456789')).toBe('e19a2ba36f3264724a607989f596dba44542fcbd6ba4ffbd5cc3a5e1c2463a12')
    expect(s.fingerprint('mx0vKeyForVector')).toBe('10203d8ac174351e58c1eb91a368d59849dd001e58bbec8fecd30c0da7b758c3')
    // A credential sealed by an earlier version (format v1, URL-safe base64) still opens.
    const place = { connectionId: 'c-vector', userId: 42, field: 'secret' } as const
    expect(s.open('v1.8d5e6244cdfb006d.GoMT7bpg8c-sc8jbqJ0EfDW1nk570nj6.fSYBrF3WguXfaj1FJalwA9oxCfY7ESI34rKqIBlv3RoSgQ', place)).toBe('vector-secret-0123')
  })

  it('hashes service tokens under a subkey of each master key: stable per key, unlike the fingerprint, null for a key it does not hold', async () => {
    const k1 = randomBytes(32)
    const a = await createSealer([k1])
    const b = await createSealer([randomBytes(32), k1])
    const token = `bfcpt_0123456789abcdef_${'c'.repeat(64)}`
    expect(a.tokenDigest(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(a.tokenDigest(token)).toBe(a.tokenDigest(token))
    expect(b.tokenDigest(token, a.currentKeyId)).toBe(a.tokenDigest(token)) // the old key still verifies mid-rotation
    expect(b.tokenDigest(token)).not.toBe(a.tokenDigest(token))
    expect(a.tokenDigest(token)).not.toBe(a.fingerprint(token)) // its own subkey: no cross-use with key fingerprints
    expect(a.tokenDigest(`${token.slice(0, -1)}d`)).not.toBe(a.tokenDigest(token))
    expect(a.tokenDigest(token, 'feedfacefeedface')).toBeNull()
  })
})

describe('sealer start-up checks', () => {
  const configInvalid = async (keys: Uint8Array[], reason: string) => {
    const err = await createSealer(keys).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(isAppError(err, 'CONFIG_INVALID')).toBe(true)
    expect((err as { params: { reason: string } }).params).toEqual({ reason })
  }

  it('refuses to start without a master key', async () => {
    await configInvalid([], 'no master key')
  })

  it.each([0, 16, 31, 33, 64])('refuses a %i-byte master key, wherever it is in the list', async (n) => {
    await configInvalid([randomBytes(n)], 'master key must be 32 bytes')
    await configInvalid([randomBytes(32), randomBytes(n)], 'master key must be 32 bytes')
  })
})

describe('sealer formats that stored rows depend on', () => {
  // Fixed keys: a key id, a fingerprint or a sealed value written today must read the same after any refactor.
  const K1 = Uint8Array.from({ length: 32 }, (_, i) => i)
  const K2 = Uint8Array.from({ length: 32 }, (_, i) => 255 - i)
  const API_KEY = 'mx0vglQ8hW3kZ7pT2rY9uE4iO6aS1dF5'
  const STORED = 'v1.f9c01fc62d95c8c3.LNBhup32hg31XYdGtFI1SvyNg7lMsM60.lwWFkrFXCrro4K9xbCdhD6AyOSg0oAJy3dkzRBjSAv10nmluh-bGJDrQy32AR3Kz'

  it('derives the same 16-hex key ids, newest first, each key once', async () => {
    const s = await createSealer([K1, K2, K1])
    expect(s.currentKeyId).toBe('f9c01fc62d95c8c3')
    expect(s.keyIds).toEqual(['f9c01fc62d95c8c3', '64316d812ae72e8c'])
    expect((await createSealer([K2, K1])).keyIds).toEqual(['64316d812ae72e8c', 'f9c01fc62d95c8c3'])
  })

  it('derives the same fingerprints: under the current key, and under every key in order', async () => {
    const s = await createSealer([K1, K2])
    expect(s.fingerprint(API_KEY)).toBe('66f8a47e78aaa56267b2358fb477a0ee9f3b1ba3902c2bef41a0359afac71238')
    expect(s.fingerprints(` ${API_KEY}\n`)).toEqual(['66f8a47e78aaa56267b2358fb477a0ee9f3b1ba3902c2bef41a0359afac71238', '3205d5fa084fa46a002eae3a5146d2c013a4cda3e5cfb6c9a41e7cd0669fb28b'])
  })

  it('opens a value sealed by an earlier version, only at the place it was sealed for', async () => {
    const s = await createSealer([K2, K1])
    expect(s.open(STORED, place)).toBe(SECRET)
    expect(s.keyIdOf(STORED)).toBe('f9c01fc62d95c8c3')
    openFails(s, STORED, { ...place, field: 'passphrase' }, 'TAMPERED_OR_MOVED')
  })

  it('keeps its own copy of the keys: the caller may wipe its buffers', async () => {
    const k = Uint8Array.from(K1)
    const s = await createSealer([k])
    k.fill(0)
    expect(s.currentKeyId).toBe('f9c01fc62d95c8c3')
    expect(s.open(s.seal(SECRET, place), place)).toBe(SECRET)
    expect(s.open(STORED, place)).toBe(SECRET)
  })
})

describe('sealer: malformed stored values', () => {
  let sealer: Sealer
  let sealed: string
  beforeEach(async () => {
    sealer = await createSealer([randomBytes(32)])
    sealed = sealer.seal(SECRET, place)
  })

  it('refuses a value that names another format version, even if the rest would open', () => {
    openFails(sealer, sealed.replace(/^v1\./, 'v2.'), place, 'MALFORMED')
  })

  it('refuses extra or missing parts', () => {
    openFails(sealer, `${sealed}.extra`, place, 'MALFORMED')
    openFails(sealer, sealed.split('.').slice(0, 3).join('.'), place, 'MALFORMED')
    openFails(sealer, '', place, 'MALFORMED')
  })

  it('refuses parts that are not base64url, and a nonce of the wrong length', () => {
    const [v, id, nonce, ct] = sealed.split('.') as [string, string, string, string]
    openFails(sealer, [v, id, '!!!!', ct].join('.'), place, 'MALFORMED')
    openFails(sealer, [v, id, nonce, '@@@@'].join('.'), place, 'MALFORMED')
    openFails(sealer, [v, id, Buffer.alloc(23).toString('base64url'), ct].join('.'), place, 'MALFORMED')
    openFails(sealer, [v, id, Buffer.alloc(25).toString('base64url'), ct].join('.'), place, 'MALFORMED')
  })

  it('reads the key id of a value without opening it, and nothing from a value without one', () => {
    expect(sealer.keyIdOf(sealed)).toBe(sealer.currentKeyId)
    expect(sealer.keyIdOf('garbage')).toBe('')
  })
})
