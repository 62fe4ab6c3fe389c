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
