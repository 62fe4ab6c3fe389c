import { randomBytes } from 'node:crypto'
import { maskKey } from '../../src/secrets/redact.js'
import type { Sealer } from '../../src/secrets/sealer.js'
import type { ConnectionsRepo } from '../../src/storage/connections.repo.js'
import type { Credentials, ExchangeId } from '../../src/domain/types.js'

/** Stores a sealed connection the way the connection service does (proven, unless told otherwise), for storage-level tests. */
export function seedConnection(
  repo: ConnectionsRepo,
  sealer: Sealer,
  opts: { userId: number; name: string; exchange?: ExchangeId; credentials: Credentials; proven?: boolean },
) {
  const id = randomBytes(9).toString('base64url')
  const place = (field: 'apiKey' | 'secret' | 'passphrase') => ({ connectionId: id, userId: opts.userId, field })
  return repo.insert({
    id,
    userId: opts.userId,
    exchange: opts.exchange ?? 'mexc',
    name: opts.name,
    market: 'spot',
    maskedKey: maskKey(opts.credentials.apiKey),
    keyFingerprint: sealer.fingerprint(opts.credentials.apiKey),
    sealKeyId: sealer.currentKeyId,
    sealedApiKey: sealer.seal(opts.credentials.apiKey, place('apiKey')),
    sealedSecret: sealer.seal(opts.credentials.secret, place('secret')),
    sealedPassphrase: opts.credentials.passphrase ? sealer.seal(opts.credentials.passphrase, place('passphrase')) : null,
    // As the service stores them: only a key the exchange accepted is saved. `proven: false` is a row from before that rule.
    provenAt: opts.proven === false ? null : Date.now(),
  })
}

/** Random credentials in the exchanges' shapes, unique per call so byte scans are meaningful. */
export function randomCredentials(passphrase = false): Credentials {
  return {
    apiKey: `mx0v${randomBytes(15).toString('hex')}`,
    secret: randomBytes(16).toString('hex'),
    ...(passphrase ? { passphrase: `Pp-${randomBytes(6).toString('hex')}` } : {}),
  }
}
