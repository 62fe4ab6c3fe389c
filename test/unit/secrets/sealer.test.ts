import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
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
  beforeAll(async () => {
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
