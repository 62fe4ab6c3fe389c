import { randomBytes, timingSafeEqual } from 'node:crypto'
import { TOKEN_SCOPES, type TokenScope } from '../domain/platform-events.js'
import type { Sealer } from '../secrets/sealer.js'
import type { ServiceTokenRow, ServiceTokensRepo } from '../storage/service-tokens.repo.js'

/** A verified caller of the platform API. */
export interface Principal {
  tokenId: string
  name: string
  scopes: readonly TokenScope[]
}

/** A token as `platform-token list` shows it: never the token, never its digest. */
export interface TokenInfo {
  id: string
  name: string
  scopes: TokenScope[]
  createdAt: number
  lastUsedAt: number | null
  revokedAt: number | null
  /** False when it is hashed under an older master key (it is re-hashed on its next use). */
  currentKey: boolean
}

/** Why a token cannot be created; the CLI explains each one. */
export class TokenError extends Error {
  override readonly name = 'TokenError'
  constructor(readonly code: 'NAME_INVALID' | 'NAME_TAKEN' | 'SCOPE_INVALID') {
    super(code)
  }
}

/** The token's shape: a public id (how it is looked up) and a 256-bit secret; the prefix lets scanners spot a leaked one. */
export const TOKEN_PATTERN = /^bfcpt_([0-9a-f]{16})_([0-9a-f]{64})$/
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/
/** `lastUsedAt` is written at most this often per token, so reads are not a write each. */
const TOUCH_EVERY_MS = 60_000

/** Parses `status`, `credentials`, or a comma list of them; null when anything is not a scope. */
export function parseScopes(values: readonly string[]): TokenScope[] | null {
  const parts = values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean)
  if (parts.length === 0 || parts.some((p) => !(TOKEN_SCOPES as readonly string[]).includes(p))) return null
  return TOKEN_SCOPES.filter((s) => parts.includes(s))
}

const scopesOf = (row: ServiceTokenRow): TokenScope[] => row.scopes.split(',').filter((s): s is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(s))

/**
 * Service tokens for the platform API. A token is shown once, at creation; only its keyed hash
 * is stored (BLAKE2b under a subkey of the master key, see Sealer.tokenDigest), so the database
 * alone cannot be used to call the API. Verification compares digests in constant time.
 */
export function createTokenService(deps: { repo: ServiceTokensRepo; sealer: Sealer; now?: () => number }) {
  const { repo, sealer } = deps
  const now = deps.now ?? Date.now
  return {
    /** Creates a token; the returned `token` is the only time it exists in the clear. */
    create(name: string, scopes: readonly string[]): { token: string; info: TokenInfo } {
      if (!NAME.test(name)) throw new TokenError('NAME_INVALID')
      const parsed = parseScopes(scopes)
      if (!parsed) throw new TokenError('SCOPE_INVALID')
      const id = randomBytes(8).toString('hex')
      const token = `bfcpt_${id}_${randomBytes(32).toString('hex')}`
      try {
        const row = repo.insert({ id, name, scopes: parsed.join(','), digest: sealer.tokenDigest(token)!, digestKeyId: sealer.currentKeyId })
        return { token, info: info(row) }
      } catch (err) {
        if (err instanceof Error && /UNIQUE constraint failed/.test(err.message)) throw new TokenError('NAME_TAKEN')
        throw err
      }
    },
    list: (): TokenInfo[] => repo.list().map(info),
    /** Revokes the live token of that name at once; false when there is none. */
    revoke: (name: string): boolean => repo.revoke(name, now()),
    /** The caller behind an `Authorization: Bearer` value, or null for anything not a live token. */
    verify(raw: string): Principal | null {
      const m = TOKEN_PATTERN.exec(raw)
      const row = m ? repo.get(m[1]!) : undefined
      const digest = sealer.tokenDigest(raw, row?.digestKeyId)
      if (!row || row.revokedAt !== null || !digest) return null
      const a = Buffer.from(digest, 'hex')
      const b = Buffer.from(row.digest, 'hex')
      if (a.length !== b.length || !timingSafeEqual(a, b)) return null
      const at = now()
      if (row.digestKeyId !== sealer.currentKeyId) repo.rehash(row.id, sealer.tokenDigest(raw)!, sealer.currentKeyId)
      if (row.lastUsedAt === null || at - row.lastUsedAt >= TOUCH_EVERY_MS) repo.touch(row.id, at)
      return { tokenId: row.id, name: row.name, scopes: scopesOf(row) }
    },
  }

  function info(row: ServiceTokenRow): TokenInfo {
    return { id: row.id, name: row.name, scopes: scopesOf(row), createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt, currentKey: row.digestKeyId === sealer.currentKeyId }
  }
}

/** The token service's type, for injection. */
export type TokenService = ReturnType<typeof createTokenService>
