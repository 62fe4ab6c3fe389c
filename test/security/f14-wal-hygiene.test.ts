import { existsSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Credentials } from '../../src/domain/types.js'
import { Sqlite } from '../../src/storage/sqlite-driver.js'
import type { FakeUser } from '../fakes/telegram-server.js'
import { EGRESS_IP, startE2E, type E2E } from '../helpers/e2e.js'

/**
 * Review F14: "Deleted rows are zeroed on disk" was false while the bot ran. secure_delete
 * zeroes the page SQLite writes, but in WAL mode the old page image (with the sealed key,
 * secret and passphrase) stays in bot.sqlite-wal, and in bot.sqlite when an automatic
 * checkpoint ran between the insert and the delete, until the TRUNCATE checkpoint at stop.
 * The real app, its real SQLite file and WAL, scanned byte for byte.
 */
describe('F14: after a delete or a replace the old ciphertext is gone from bot.sqlite and bot.sqlite-wal', () => {
  let e: E2E
  let nextUser = 14_000
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())

  /** Which of the two files still hold any of `needles`. */
  function filesHolding(needles: readonly string[]): string[] {
    return ['', '-wal']
      .map((suffix) => `${e.dbPath}${suffix}`)
      .filter((p) => existsSync(p) && needles.some((n) => readFileSync(p).includes(Buffer.from(n))))
      .map((p) => p.slice(e.dir.length + 1))
  }

  async function connect(name: string, exchange: 'mexc' | 'kucoin' = 'mexc'): Promise<{ user: FakeUser; id: string; sealed: string[] }> {
    const user = e.tg.createUser({ id: nextUser++, firstName: 'Wal', languageCode: 'en' })
    await e.say(user, '/start')
    const a = e.ex.addAccount({ exchange, ipWhitelist: [EGRESS_IP] })
    const creds: Credentials = { apiKey: a.apiKey, secret: a.secret, ...(exchange === 'kucoin' ? { passphrase: a.passphrase } : {}) }
    const r = await e.app.connections.connect({ userId: user.id, exchange, market: 'spot', name, credentials: creds })
    if (r.outcome !== 'saved') throw new Error('not saved')
    const row = e.app.repos.connections.getById(r.connection.id)!
    const sealed = [row.sealedApiKey, row.sealedSecret, ...(row.sealedPassphrase ? [row.sealedPassphrase] : [])]
    return { user, id: r.connection.id, sealed }
  }

  it('/delete with the row only in the WAL (no checkpoint since the insert): gone from both files at once', async () => {
    const { user, sealed } = await connect('Fresh', 'kucoin')
    expect(filesHolding(sealed)).toEqual(['bot.sqlite-wal'])
    const confirm = await e.say(user, '/delete Fresh')
    e.tg.tapButton(user, confirm, '🗑 Yes, delete')
    await e.tg.waitFor(() => confirm.history.length > 0 || null)
    expect(confirm.text).toContain('Fresh was deleted and its keys erased')
    expect(filesHolding(sealed)).toEqual([])
  })

  it('delete after an automatic checkpoint moved the row into the main file: gone from both files', async () => {
    const { user, id, sealed } = await connect('Settled')
    e.app.database.checkpoint() // what SQLite's auto-checkpoint does every 1000 pages
    expect(filesHolding(sealed)).toEqual(['bot.sqlite'])
    e.app.connections.remove(user.id, id)
    expect(filesHolding(sealed)).toEqual([])
  })

  it('replace: the old sealed key and secret are gone from both files, the new ones are stored', async () => {
    const { user, id, sealed } = await connect('Swap')
    e.app.database.checkpoint()
    const fresh = e.ex.addAccount({ exchange: 'mexc', ipWhitelist: [EGRESS_IP] })
    const r = await e.app.connections.replace(user.id, id, { apiKey: fresh.apiKey, secret: fresh.secret })
    expect(r.outcome).toBe('saved')
    expect(filesHolding(sealed)).toEqual([])
    const now = e.app.repos.connections.getById(id)!
    expect(filesHolding([now.sealedSecret])).not.toEqual([])
  })

  it('a busy database: the delete still succeeds; the checkpoint is retried and clears the bytes once the reader is gone', async () => {
    const { user, id, sealed } = await connect('Busy')
    // Another process reads (a backup, an operator's sqlite3 shell): its snapshot pins the WAL.
    const reader = new Sqlite(e.dbPath, { readonly: true, fileMustExist: true })
    try {
      reader.exec('BEGIN')
      reader.prepare('SELECT count(*) FROM connections').get()
      expect(() => e.app.connections.remove(user.id, id)).not.toThrow()
      expect(e.app.repos.connections.getById(id)).toBeUndefined()
      // Precisely what the README says remains: the old page image in the WAL until the retry succeeds.
      expect(filesHolding(sealed)).toEqual(['bot.sqlite-wal'])
      reader.exec('COMMIT')
    } finally {
      reader.close()
    }
    for (let i = 0; filesHolding(sealed).length > 0; i++) {
      if (i > 3_000) throw new Error('the WAL was never checkpointed after the reader left')
      await new Promise((r) => setTimeout(r, 10))
    }
    expect(filesHolding(sealed)).toEqual([])
  })
})
