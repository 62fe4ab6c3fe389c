import { eq, sql } from 'drizzle-orm'
import type { Db } from './database.js'
import { users } from './schema.js'

/** A stored user row. */
export type UserRow = typeof users.$inferSelect

/** Queries on users: Telegram id, language, notification preference, active flag. */
export function createUsersRepo(db: Db) {
  // Read on every update (i18n, the user tracker): prepared once, not rebuilt per call.
  const byId = db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare()
  const get = (id: number): UserRow | undefined => byId.get({ id })
  return {
    /**
     * Creates the user on first contact; marks an existing one active again (they wrote to us).
     * The common case, a known active user, is a read: no write lock taken per update.
     */
    touch(id: number): UserRow {
      const known = get(id)
      if (known?.active) return known
      return db
        .insert(users)
        .values({ id })
        .onConflictDoUpdate({ target: users.id, set: { active: true, updatedAt: sql`(unixepoch('subsec') * 1000)` }, setWhere: sql`${users.active} = 0` })
        .returning()
        .get() ?? get(id)!
    },
    get,
    setLanguage(id: number, language: string | null): void {
      db.update(users).set({ language, updatedAt: Date.now() }).where(eq(users.id, id)).run()
    },
    /** Remembers Telegram's language for this user, so pushed notifications speak it too. */
    setTelegramLanguage(id: number, code: string | null): void {
      db.update(users).set({ telegramLanguage: code }).where(eq(users.id, id)).run()
    },
    setNotifications(id: number, on: boolean): void {
      db.update(users).set({ notifications: on, updatedAt: Date.now() }).where(eq(users.id, id)).run()
    },
    /** A 403 from Telegram (bot blocked) sets this false; the next message from the user resets it. */
    setActive(id: number, active: boolean): void {
      db.update(users).set({ active, updatedAt: Date.now() }).where(eq(users.id, id)).run()
    },
  }
}

/** The users repository's type, for injection. */
export type UsersRepo = ReturnType<typeof createUsersRepo>
