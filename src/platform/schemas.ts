/**
 * The API's contract as zod schemas: requests are validated with them, responses are checked
 * against them before they leave, and the OpenAPI document at /v1/openapi.json is generated from
 * them, so the three can never disagree.
 */
import { z } from 'zod'
import { PLATFORM_EVENT_KINDS, TOKEN_SCOPES } from '../domain/platform-events.js'

const Time = z.iso.datetime().describe('ISO 8601 time, UTC')
const Cursor = z.string().regex(/^\d{1,15}$/)

/** A connection as the platform sees it: state and identity, never a credential. */
export const ConnectionSchema = z
  .object({
    id: z.string(),
    telegramUserId: z.number().int(),
    exchange: z.string().describe('exchange id: mexc, kucoin, ...'),
    market: z.string().describe('spot | futures | both'),
    name: z.string(),
    status: z.string().describe('online | checking | offline | unsafe | untested | needs_confirmation; credentials are served only for online'),
    paused: z.boolean().describe('paused by the trader (/pause): credentials are refused'),
    pausedAt: Time.nullable(),
    lastTestedAt: Time.nullable(),
    lastCredentialReadAt: Time.nullable(),
    checkCodes: z.array(z.string()).describe('diagnosis codes of the checks that did not pass in the last test'),
    maskedKey: z.string().describe('first and last four characters of the API key'),
    keyExpiresAt: Time.nullable().describe('when the exchange expires the key, where it says; null when unknown'),
    withdrawal: z.enum(['proven_disabled', 'confirmed_by_trader', 'unverified', 'enabled']),
  })
  .meta({ id: 'Connection' })

export const ConnectionListSchema = z.object({ connections: z.array(ConnectionSchema), nextCursor: z.string().nullable().describe('pass as cursor for the next page; null at the end') }).meta({ id: 'ConnectionList' })

export const ConnectionListQuery = z.object({
  status: z.string().max(32).optional(),
  exchange: z.string().max(32).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export const ConnectionParams = z.object({ id: z.string().min(1).max(64) })

/** The unsealed credentials: only for an online, unpaused connection, only to the `credentials` scope. */
export const CredentialsSchema = z
  .object({
    connectionId: z.string(),
    exchange: z.string(),
    market: z.string(),
    apiKey: z.string(),
    secret: z.string(),
    passphrase: z.string().nullable(),
  })
  .meta({ id: 'Credentials' })

export const EventSchema = z
  .object({
    id: Cursor.describe('monotonic; pass the last one you handled as `after`'),
    kind: z.enum(PLATFORM_EVENT_KINDS),
    connectionId: z.string(),
    telegramUserId: z.number().int(),
    exchange: z.string(),
    status: z.string().describe("the connection's status after this event (deleted: its last one)"),
    paused: z.boolean(),
    at: Time,
  })
  .meta({ id: 'Event' })

export const EventPageSchema = z.object({ events: z.array(EventSchema), cursor: Cursor.describe('the last event id returned (or your `after` when none): pass it as `after` next') }).meta({ id: 'EventPage' })

export const EventsQuery = z.object({
  after: Cursor.optional().describe('the id of the last event handled; omit to start at the oldest event kept'),
  wait: z.coerce.number().int().min(0).max(60).default(0).describe('seconds to hold the request open when there is no event yet (long poll)'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export const Unauthorized = z.object({ error: z.literal('UNAUTHORIZED') }).meta({ id: 'Unauthorized' })
export const Forbidden = z.object({ error: z.literal('FORBIDDEN'), requiredScope: z.enum(TOKEN_SCOPES) }).meta({ id: 'Forbidden' })
export const NotFound = z.object({ error: z.literal('NOT_FOUND') }).meta({ id: 'NotFound' })
export const GateClosed = z.object({ error: z.literal('GATE_CLOSED'), status: z.string(), paused: z.boolean() }).meta({ id: 'GateClosed' })
export const CursorGone = z.object({ error: z.enum(['CURSOR_EXPIRED', 'CURSOR_AHEAD']), oldest: Cursor.nullable(), newest: Cursor }).meta({ id: 'CursorGone' })
export const RateLimited = z.object({ error: z.literal('RATE_LIMITED'), retryAfterSeconds: z.number().int() }).meta({ id: 'RateLimited' })
export const BadRequest = z.object({ error: z.literal('BAD_REQUEST'), issues: z.array(z.object({ path: z.string(), code: z.string() })) }).meta({ id: 'BadRequest' })

export const Health = z.object({ ok: z.boolean() })
export const Readiness = z.object({ ready: z.boolean(), checks: z.object({ database: z.enum(['ok', 'fail']), telegram: z.enum(['ok', 'fail']) }) }).meta({ id: 'Readiness' })

/** The error bodies every authenticated route can answer with. */
export const AUTH_ERRORS = { 400: BadRequest, 401: Unauthorized, 403: Forbidden } as const
