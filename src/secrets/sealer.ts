import sodium from 'libsodium-wrappers'
import { AppError } from '../domain/errors.js'
import type { CredentialField } from '../domain/types.js'

/** Where a ciphertext belongs: bound into the AEAD associated data so it cannot be moved. */
export interface SealPlace {
  connectionId: string
  userId: number
  field: CredentialField
}

/** Seals and opens credentials; the only holder of master keys in the process. */
export interface Sealer {
  /** Id of the newest key, the one every new seal uses. */
  readonly currentKeyId: string
  /** Ids of every key this sealer can open with (newest first). */
  readonly keyIds: readonly string[]
  seal(plaintext: string, place: SealPlace): string
  /** Opens a sealed value; throws AppError SEAL_FAILED with a reason, never the plaintext. */
  open(sealed: string, place: SealPlace): string
  /** The key id a sealed value names, without opening it. */
  keyIdOf(sealed: string): string
  /** Keyed hash of an API key under the current key: detects duplicates without storing the key. */
  fingerprint(apiKey: string): string
  /** The API key's fingerprint under every loaded key, so duplicates are caught mid-rotation too. */
  fingerprints(apiKey: string): string[]
  /**
   * Keyed hash of a platform service token under the master key `keyId` (default: the current
   * one), with its own derived subkey; null when that key is not loaded. Only this is stored.
   */
  tokenDigest(token: string, keyId?: string): string | null
}

const VERSION = 'v1'
const B64 = () => sodium.base64_variants.URLSAFE_NO_PADDING

/** Why an open failed, for logs and tests (all map to one user-facing message). */
export type OpenFailure = 'MALFORMED' | 'UNKNOWN_KEY' | 'TAMPERED_OR_MOVED'

function associatedData(place: SealPlace, keyId: string): Uint8Array {
  // Every part is fixed-format (ids have no '|'), so the encoding is unambiguous.
  return sodium.from_string(`bfc|${VERSION}|conn:${place.connectionId}|user:${place.userId}|field:${place.field}|key:${keyId}`)
}

function keyIdFor(key: Uint8Array): string {
  return sodium.crypto_generichash(16, sodium.from_string('bfc-key-id'), key, 'hex').slice(0, 16)
}

/**
 * XChaCha20-Poly1305 (IETF) with a random 192-bit nonce per seal, so random nonces are safe at
 * any volume; the associated data binds each ciphertext to its connection, owner, field and key
 * id, so a copied or tampered value fails to open. Stored form: `v1.<keyId>.<nonce>.<ciphertext>`.
 * `keys[0]` seals; every key opens the rows that name it (rotation).
 */
export async function createSealer(keys: readonly Uint8Array[]): Promise<Sealer> {
  await sodium.ready
  if (keys.length === 0) throw new AppError('CONFIG_INVALID', { reason: 'no master key' })
  const byId = new Map<string, Uint8Array>()
  for (const k of keys) {
    if (k.length !== sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES) throw new AppError('CONFIG_INVALID', { reason: 'master key must be 32 bytes' })
    byId.set(keyIdFor(k), Uint8Array.from(k))
  }
  const current = Uint8Array.from(keys[0]!)
  const currentKeyId = keyIdFor(current)
  const fingerprintKeys = [...byId.values()].map((k) => sodium.crypto_generichash(32, sodium.from_string('bfc-fingerprint'), k))
  const tokenKeys = new Map([...byId].map(([id, k]) => [id, sodium.crypto_generichash(32, sodium.from_string('bfc-platform-token'), k)]))
  const fingerprintWith = (fk: Uint8Array, apiKey: string) => sodium.crypto_generichash(32, sodium.from_string(apiKey.trim()), fk, 'hex')
  const fail = (reason: OpenFailure): never => {
    throw new AppError('SEAL_FAILED', { reason })
  }

  return {
    currentKeyId,
    keyIds: [...byId.keys()],
    seal(plaintext, place) {
      const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
      const message = sodium.from_string(plaintext)
      const ct = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(message, associatedData(place, currentKeyId), null, nonce, current)
      sodium.memzero(message)
      return [VERSION, currentKeyId, sodium.to_base64(nonce, B64()), sodium.to_base64(ct, B64())].join('.')
    },
    open(sealed, place) {
      const parts = sealed.split('.')
      if (parts.length !== 4 || parts[0] !== VERSION) return fail('MALFORMED')
      const [, keyId, nonceB64, ctB64] = parts as [string, string, string, string]
      const key = byId.get(keyId)
      if (!key) return fail('UNKNOWN_KEY')
      let nonce: Uint8Array
      let ct: Uint8Array
      try {
        nonce = sodium.from_base64(nonceB64, B64())
        ct = sodium.from_base64(ctB64, B64())
      } catch {
        return fail('MALFORMED')
      }
      if (nonce.length !== sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES) return fail('MALFORMED')
      let plain: Uint8Array
      try {
        plain = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ct, associatedData(place, keyId), nonce, key)
      } catch {
        return fail('TAMPERED_OR_MOVED')
      }
      const text = sodium.to_string(plain)
      sodium.memzero(plain)
      return text
    },
    keyIdOf(sealed) {
      return sealed.split('.')[1] ?? ''
    },
    fingerprint(apiKey) {
      return fingerprintWith(fingerprintKeys[0]!, apiKey)
    },
    fingerprints(apiKey) {
      return fingerprintKeys.map((fk) => fingerprintWith(fk, apiKey))
    },
    tokenDigest(token, keyId = currentKeyId) {
      const tk = tokenKeys.get(keyId)
      return tk ? sodium.crypto_generichash(32, sodium.from_string(token), tk, 'hex') : null
    },
  }
}
