/**
 * The contract between the monitor (which decides and queues) and the bot layer (which renders
 * and sends): plain data, no locale, no Telegram. The bot renders it in the user's language at
 * send time, so a notification queued during an outage still reads right when it goes out.
 */
import { EXCHANGE_IDS, type CheckResult, type ExchangeId, type Market } from '../domain/types.js'

/**
 * What happened to a connection, from the user's point of view. `expiry` is the reminder that
 * a key stops working on a date the exchange stated (7 days and 1 day before). `stopped`: the
 * exchange kept refusing the key, secret or passphrase, so the monitor stopped testing it (told once).
 */
export const NOTIFICATION_KINDS = ['offline', 'unsafe', 'recovered', 'reminder', 'expiry', 'stopped'] as const
/** A notification's kind; each has its own text in notify.ftl. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** Stored as the outbox row's JSON payload: facts only, never a credential. */
export interface NotificationPayload {
  kind: NotificationKind
  connectionId: string
  /** The connection's name when the event happened (a later rename does not rewrite history). */
  name: string
  exchange: ExchangeId
  market: Market
  /** When the current state began (ms). */
  since: number
  /** The checks that did not pass, with their diagnosis codes: the cause and the fix to show. */
  checks: CheckResult[]
}

/** One delivery: who gets it and what. The private chat id is the Telegram user id. */
export interface SendJob {
  outboxId: number
  userId: number
  chatId: number
  payload: NotificationPayload
}

/** How a failed send is handled; the bot layer maps its transport's errors onto these. */
export type SendFailure =
  | { kind: 'blocked' } // the user blocked the bot: stop until they write again
  | { kind: 'retry'; afterMs: number } // flood control: wait exactly this long (429 retry_after)
  | { kind: 'transient' } // network or server trouble: back off and retry
  | { kind: 'permanent' } // this message can never go out: dead-letter it

/** Delivers one notification; throws the transport's error on failure. */
export type SendFn = (job: SendJob) => Promise<void>
/** Maps a thrown send error to what the worker should do. */
export type ClassifyFn = (err: unknown) => SendFailure

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** Parses a stored payload; throws on anything malformed, which the worker dead-letters. */
export function parsePayload(json: string): NotificationPayload {
  const p: unknown = JSON.parse(json)
  if (
    !isObject(p) ||
    !(NOTIFICATION_KINDS as readonly unknown[]).includes(p['kind']) ||
    typeof p['connectionId'] !== 'string' ||
    typeof p['name'] !== 'string' ||
    !(EXCHANGE_IDS as readonly unknown[]).includes(p['exchange']) ||
    typeof p['since'] !== 'number' ||
    !Array.isArray(p['checks'])
  ) {
    throw new Error('malformed notification payload')
  }
  return p as unknown as NotificationPayload
}
