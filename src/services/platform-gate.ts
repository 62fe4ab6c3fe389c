import { AppError } from '../domain/errors.js'
import type { CredentialField, Credentials, DiagnosisCode } from '../domain/types.js'
import type { Sealer } from '../secrets/sealer.js'
import type { ConnectionRow, ConnectionsRepo } from '../storage/connections.repo.js'
import type { PlatformAuditRepo } from '../storage/platform-audit.repo.js'
import { toView, type ConnectionView } from './connection-view.js'
import type { EventRecorder } from './events.js'

/** Whether the key's withdrawal permission is known to be off (`confirmed_by_trader` comes with the trader's confirmation flow). */
export type WithdrawalState = 'proven_disabled' | 'confirmed_by_trader' | 'unverified' | 'enabled'

/** A connection as the platform sees it: state and identity, never a credential. */
export interface PlatformConnection {
  id: string
  userId: number
  exchange: string
  market: string
  name: string
  status: string
  paused: boolean
  pausedAt: number | null
  lastTestedAt: number | null
  lastCredentialReadAt: number | null
  /** Diagnosis codes of the checks that did not pass in the last test. */
  checkCodes: DiagnosisCode[]
  maskedKey: string
  /** When the exchange will expire the key, where it says (filled in by the adapters that know). */
  keyExpiresAt: number | null
  withdrawal: WithdrawalState
}

/** Who asked, for the audit trail. */
export interface GateCaller {
  tokenId: string
  remoteAddress: string | null
}

/** A credential request's result; only `served` carries plaintext. */
export type CredentialRead =
  | { outcome: 'served'; connection: PlatformConnection; credentials: Credentials }
  | { outcome: 'closed'; status: string; paused: boolean }
  | { outcome: 'not_found' }

/** What the gate needs; the sealer is here because serving credentials means opening them. */
export interface PlatformGateDeps {
  connections: ConnectionsRepo
  audit: PlatformAuditRepo
  sealer: Sealer
  events: EventRecorder
  transaction: <T>(fn: () => T) => T
  now?: () => number
}

const SEALED = { apiKey: 'sealedApiKey', secret: 'sealedSecret', passphrase: 'sealedPassphrase' } as const
const HTTP = { served: 200, closed: 409, not_found: 404, failed: 500 } as const

/** Maps a stored row to what the platform may see. */
export function toPlatformConnection(row: ConnectionRow): PlatformConnection {
  const view = toView(row)
  const withdraw = view.report?.checks.find((c) => c.id === 'withdraw')
  return {
    id: row.id,
    userId: row.userId,
    exchange: row.exchange,
    market: row.market,
    name: row.name,
    status: row.status,
    paused: row.pausedAt !== null,
    pausedAt: row.pausedAt,
    lastTestedAt: row.lastTestedAt,
    lastCredentialReadAt: row.lastCredentialReadAt,
    checkCodes: (view.report?.checks ?? []).flatMap((c) => (c.state !== 'pass' && c.code ? [c.code] : [])),
    maskedKey: row.maskedKey,
    keyExpiresAt: null,
    withdrawal: withdraw?.state === 'pass' ? 'proven_disabled' : withdraw?.state === 'fail' ? 'enabled' : 'unverified',
  }
}

/**
 * The platform gate's use cases: the platform's credential read, and the trader's kill switch.
 * With the connection service, this is the only code that opens sealed credentials, and it does
 * so only for a connection that is online and not paused at the moment of the request, decided
 * by one SQL statement; the audit record commits in the same transaction, so nothing is served
 * unaudited.
 */
export function createPlatformGate(deps: PlatformGateDeps) {
  const { connections, audit, sealer, events, transaction } = deps
  const now = deps.now ?? Date.now

  function openAll(row: ConnectionRow): Credentials {
    const place = (field: CredentialField) => ({ connectionId: row.id, userId: row.userId, field })
    const creds: Credentials = { apiKey: sealer.open(row[SEALED.apiKey], place('apiKey')), secret: sealer.open(row[SEALED.secret], place('secret')) }
    if (row.sealedPassphrase) creds.passphrase = sealer.open(row.sealedPassphrase, place('passphrase'))
    return creds
  }

  /** Pauses or resumes one of the user's connections; `changed` is false when it already was. */
  function setPaused(userId: number, id: string, pause: boolean): { changed: boolean; connection: ConnectionView } {
    const at = now()
    return transaction(() => {
      const changed = connections.setPaused(id, userId, pause ? at : null)
      const row = connections.getOwned(id, userId)
      if (!row) throw new AppError('NOT_FOUND', { what: 'connection' })
      const view = toView(row)
      if (changed && pause) events.paused(view, userId, at)
      else if (changed) events.resumed(view, userId, at)
      return { changed, connection: view }
    })
  }

  return {
    /**
     * The platform's credential read: the unsealed key, secret and passphrase while the
     * connection is online and not paused, else why not. Audited in the same transaction.
     */
    credentials(id: string, caller: GateCaller): CredentialRead {
      const at = now()
      const record = (outcome: keyof typeof HTTP) => audit.add({ at, tokenId: caller.tokenId, connectionId: id, outcome, httpStatus: HTTP[outcome], remoteAddress: caller.remoteAddress })
      try {
        return transaction((): CredentialRead => {
          const row = connections.gateRead(id, at)
          if (!row) {
            const current = connections.getById(id)
            record(current ? 'closed' : 'not_found')
            return current ? { outcome: 'closed', status: current.status, paused: current.pausedAt !== null } : { outcome: 'not_found' }
          }
          const credentials = openAll(row) // a failure rolls the read time back
          record('served')
          return { outcome: 'served', connection: toPlatformConnection(row), credentials }
        })
      } catch (err) {
        record('failed')
        throw err
      }
    },
    /** The trader's kill switch: the gate refuses the credentials from this commit on, and a `paused` event is written with it. */
    pause: (userId: number, id: string) => setPaused(userId, id, true),
    /** Lifts a pause; a `resumed` event is written with it. */
    resume: (userId: number, id: string) => setPaused(userId, id, false),
    /** The platform's listing of every user's connections (no credential), by id after a cursor. */
    list(filter: { status?: string | undefined; exchange?: string | undefined; after?: string | undefined; limit: number }): PlatformConnection[] {
      return connections.listForPlatform(filter).map(toPlatformConnection)
    },
    get(id: string): PlatformConnection | undefined {
      const row = connections.getById(id)
      return row ? toPlatformConnection(row) : undefined
    },
  }
}

/** The platform gate's type, for injection into the API and the bot. */
export type PlatformGate = ReturnType<typeof createPlatformGate>
