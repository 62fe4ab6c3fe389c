import { CREDENTIAL_FIELDS } from '../domain/types.js'
import type { Sealer } from '../secrets/sealer.js'
import type { ConnectionRow, ConnectionsRepo, SealedFields } from '../storage/connections.repo.js'

/** Counts from one rotation run, for the operator's summary line. */
export interface RotationResult {
  resealed: number
  failed: number
  batches: number
}

const column = { apiKey: 'sealedApiKey', secret: 'sealedSecret', passphrase: 'sealedPassphrase' } as const

/** Re-seals one row's credentials under the sealer's current key (and recomputes its fingerprint). */
export function resealRow(row: ConnectionRow, sealer: Sealer): SealedFields {
  const out: SealedFields = {
    sealKeyId: sealer.currentKeyId,
    sealedApiKey: '',
    sealedSecret: '',
    sealedPassphrase: null,
    keyFingerprint: row.keyFingerprint,
  }
  for (const field of CREDENTIAL_FIELDS) {
    const sealed = row[column[field]]
    if (sealed == null) continue
    const place = { connectionId: row.id, userId: row.userId, field }
    const plain = sealer.open(sealed, place)
    if (field === 'apiKey') out.keyFingerprint = sealer.fingerprint(plain)
    out[column[field]] = sealer.seal(plain, place)
  }
  return out
}

/**
 * Re-seals every connection under the newest key, one batch per IMMEDIATE transaction: the
 * batch is read and written under the write lock, and each row is swapped only if it still
 * holds exactly the ciphertexts that were read, so a `/replace` can never be reverted to the
 * old credentials. Safe to interrupt and to run again (it resumes from what is left). Run it
 * with the bot stopped (`rotate-key` refuses otherwise): a running bot keeps sealing under the
 * key it loaded at start.
 */
export function rotateAll(deps: {
  repo: ConnectionsRepo
  sealer: Sealer
  transaction: <T>(fn: () => T) => T
  batchSize?: number
  onBatch?: (done: number) => void
}): RotationResult {
  const { repo, sealer, transaction } = deps
  const batchSize = deps.batchSize ?? 200
  const result: RotationResult = { resealed: 0, failed: 0, batches: 0 }
  const skipped = new Set<string>()
  for (;;) {
    const seen = transaction(() => {
      const rows = repo.listSealedWithOtherKey(sealer.currentKeyId, batchSize + skipped.size).filter((r) => !skipped.has(r.id)).slice(0, batchSize)
      for (const row of rows) {
        let fields: SealedFields
        try {
          fields = resealRow(row, sealer)
        } catch {
          // A row that cannot be opened (its key is gone) is reported, never guessed at.
          skipped.add(row.id)
          result.failed++
          continue
        }
        if (repo.reseal(row, fields)) result.resealed++
      }
      return rows.length
    })
    if (seen === 0) break
    result.batches++
    deps.onBatch?.(result.resealed)
  }
  return result
}
