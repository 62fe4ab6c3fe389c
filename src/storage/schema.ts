import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

const createdAt = () => integer('created_at', { mode: 'number' }).notNull().default(sql`(unixepoch('subsec') * 1000)`)
const updatedAt = () => integer('updated_at', { mode: 'number' }).notNull().default(sql`(unixepoch('subsec') * 1000)`)

/** Telegram users; `active` drops to false when they block the bot, so the outbox stops sending. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey(), // Telegram user id (private chat id is the same number)
  language: text('language'), // null = follow Telegram's language_code
  telegramLanguage: text('telegram_language'), // last language_code Telegram sent, for messages we push
  notifications: integer('notifications', { mode: 'boolean' }).notNull().default(true),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

/**
 * One exchange API key of one user. Credentials are stored only sealed (see secrets/sealer.ts);
 * `keyFingerprint` is a keyed hash that lets us refuse a key connected twice without storing it.
 */
export const connections = sqliteTable(
  'connections',
  {
    id: text('id').primaryKey(), // random, generated before sealing so it can be bound into the AD
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    exchange: text('exchange').notNull(),
    name: text('name').notNull(),
    market: text('market').notNull(),
    maskedKey: text('masked_key').notNull(),
    keyFingerprint: text('key_fingerprint').notNull(),
    sealKeyId: text('seal_key_id').notNull(),
    sealedApiKey: text('sealed_api_key').notNull(),
    sealedSecret: text('sealed_secret').notNull(),
    sealedPassphrase: text('sealed_passphrase'),
    status: text('status').notNull().default('untested'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    lastTestedAt: integer('last_tested_at'),
    lastReport: text('last_report'), // JSON TestReport: codes and non-secret facts only
    statusChangedAt: integer('status_changed_at'),
    // Platform gate (issue 14): while set, the gate refuses this connection's credentials (/pause).
    pausedAt: integer('paused_at'),
    // When the platform last read the credentials through the gate (shown in /status).
    lastCredentialReadAt: integer('last_credential_read_at'),
    // When the exchange last accepted these credentials' signature (domain/identity.ts). Only a
    // proven row owns its key fingerprint; null only on rows saved before that rule.
    provenAt: integer('proven_at'),
    // Tests in a row whose key, secret or passphrase the exchange refused; at the configured
    // limit the monitor stops re-testing the key (`monitorPausedAt`) until a test proves it again.
    authFailures: integer('auth_failures').notNull().default(0),
    monitorPausedAt: integer('monitor_paused_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('connections_user_name').on(t.userId, t.name),
    // Partial: a row that never proved it holds the secret cannot block the key's real owner.
    uniqueIndex('connections_key_fingerprint').on(t.keyFingerprint).where(sql`${t.provenAt} IS NOT NULL`),
    index('connections_seal_key').on(t.sealKeyId),
    index('connections_due').on(t.lastTestedAt),
  ],
)

/** Every test's outcome, newest kept per connection (bounded by HISTORY_KEEP). */
export const testResults = sqliteTable(
  'test_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    connectionId: text('connection_id').notNull().references(() => connections.id, { onDelete: 'cascade' }),
    testedAt: integer('tested_at').notNull(),
    source: text('source').notNull(), // connect | manual | monitor
    verdict: text('verdict').notNull(),
    transient: integer('transient', { mode: 'boolean' }).notNull(),
    codes: text('codes').notNull(), // comma-separated diagnosis codes, for quick reading
    report: text('report').notNull(),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('test_results_connection').on(t.connectionId, t.testedAt)],
)

/**
 * Notifications are written here first and sent by a worker, so a crash or a Telegram outage
 * delays them but never drops or doubles them: `idempotencyKey` is unique per transition.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    connectionId: text('connection_id').references(() => connections.id, { onDelete: 'set null' }),
    idempotencyKey: text('idempotency_key').notNull(),
    kind: text('kind').notNull(),
    payload: text('payload').notNull(), // JSON: locale key + params, never a credential
    status: text('status').notNull().default('pending'), // pending | sent | dead | skipped (blocked, notifications off) | cancelled (connection deleted or replaced)
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: integer('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_idempotency').on(t.idempotencyKey),
    index('outbox_due').on(t.status, t.nextAttemptAt),
    // The worker sends a user's rows in order: "is an older row of this user still pending?"
    index('outbox_user_pending').on(t.userId, t.status, t.id),
  ],
)

/**
 * Processes that use the master keys right now: the running bot and a running `rotate-key`.
 * Each refreshes its heartbeat while it runs and removes its row on a clean stop, so
 * `rotate-key` can refuse while the bot seals under a key it would retire (and the bot can
 * refuse to start in the middle of a rotation). A crashed process leaves a row whose heartbeat
 * goes stale; stale rows are ignored.
 */
export const instances = sqliteTable('instances', {
  id: text('id').primaryKey(), // random per process start
  role: text('role').notNull(), // bot | rotate-key
  pid: integer('pid').notNull(),
  host: text('host').notNull(),
  sealKeyId: text('seal_key_id').notNull(), // the key this process seals new credentials under
  startedAt: integer('started_at').notNull(),
  heartbeatAt: integer('heartbeat_at').notNull(),
})

/**
 * Service tokens of the platform gate. Only a keyed hash of the token is stored (`digest`, under
 * the master key named by `digestKeyId`), so a copy of the database cannot be used to call the API.
 * The id is the token's public part and is what requests are looked up by.
 */
export const serviceTokens = sqliteTable(
  'service_tokens',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    scopes: text('scopes').notNull(), // comma-separated: status, credentials
    digest: text('digest').notNull(),
    digestKeyId: text('digest_key_id').notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  // A name names one live token; a revoked token keeps its row (the audit refers to it) and its name can be reused.
  (t) => [uniqueIndex('service_tokens_live_name').on(t.name).where(sql`${t.revokedAt} IS NULL`)],
)

/**
 * Every credential request to the gate: who (token), which connection, when, what happened, from
 * where. Written in the transaction that serves the credentials, so nothing is served unaudited.
 * No foreign key on the connection: the record outlives a deleted connection.
 */
export const platformAudit = sqliteTable(
  'platform_audit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    tokenId: text('token_id'), // null when the request carried no valid token
    connectionId: text('connection_id'),
    outcome: text('outcome').notNull(), // served | closed | not_found | unauthorized | forbidden | rate_limited | bad_request | failed
    httpStatus: integer('http_status').notNull(),
    remoteAddress: text('remote_address'),
  },
  (t) => [index('platform_audit_connection').on(t.connectionId, t.at), index('platform_audit_token').on(t.tokenId, t.at)],
)

/**
 * The platform's event feed: written in the same transaction as the change it reports, with an
 * AUTOINCREMENT id (SQLite never reuses or lowers one, so a cursor is a safe bookmark across
 * restarts). `dedupeKey` makes recording the same change twice a no-op. The `push*` columns are
 * the optional webhook delivery (null when no webhook was configured when the event was written).
 */
export const platformEvents = sqliteTable(
  'platform_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    connectionId: text('connection_id').notNull(),
    userId: integer('user_id').notNull(),
    exchange: text('exchange').notNull(),
    status: text('status').notNull(), // the connection's status after the change (deleted: its last one)
    paused: integer('paused', { mode: 'boolean' }).notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: integer('created_at').notNull(),
    pushStatus: text('push_status'), // null (no webhook) | pending | sent | dead
    pushAttempts: integer('push_attempts').notNull().default(0),
    pushNextAt: integer('push_next_at'),
    pushError: text('push_error'),
  },
  (t) => [uniqueIndex('platform_events_dedupe').on(t.dedupeKey), index('platform_events_push').on(t.pushStatus, t.id)],
)
