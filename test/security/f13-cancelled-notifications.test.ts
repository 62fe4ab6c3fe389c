import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { NotificationPayload } from '../../src/monitor/notification.js'
import type { FakeUser } from '../fakes/telegram-server.js'
import { EGRESS_IP, startE2E, type E2E } from '../helpers/e2e.js'
import { reportOf, runConnect, sendCredentials } from '../helpers/e2e-flows.js'
import { startHarness, type Harness } from '../integration/monitor/harness.js'

/**
 * Review F13: deleting a connection only set `outbox.connection_id` to NULL and the worker never
 * looked, so the user was told "Old key is offline" (with a dead "Test again" button) about a
 * connection they had just deleted; a replaced key's stale alerts went out the same way.
 */
describe('F13 through the running app: no notification about a deleted or replaced connection', () => {
  let e: E2E
  let nextUser = 13_000
  beforeAll(async () => {
    // The monitor and the outbox worker are started by hand, so an alert is surely pending when the user acts.
    e = await startE2E()
  })
  afterAll(() => e.close())
  afterEach(async () => {
    await e.app.outboxWorker!.stop()
  })

  /** A user with one Online MEXC connection whose key the exchange has since revoked, and the Offline alert queued but unsent. */
  async function pendingOfflineAlert(name: string): Promise<{ user: FakeUser; id: string; alertId: number }> {
    const user = e.tg.createUser({ id: nextUser++, firstName: 'Old', languageCode: 'en' })
    const a = e.ex.addAccount({ exchange: 'mexc', ipWhitelist: [EGRESS_IP] })
    const { report } = await runConnect(e, user, { exchange: 'mexc', credentials: { apiKey: a.apiKey, secret: a.secret }, name })
    expect(report.text).toContain(`Saved as ${name}`)
    const id = e.app.connections.list(user.id)[0]!.id
    e.ex.revokeAccount(a.apiKey)
    await e.app.monitor.sweepOnce()
    const [alert] = e.app.repos.outbox.listForUser(user.id)
    expect(alert).toMatchObject({ kind: 'offline', status: 'pending', connectionId: id })
    return { user, id, alertId: alert!.id }
  }

  /** Starts the worker and waits until it has settled every row (nothing pending). */
  async function drainOutbox(): Promise<void> {
    e.app.outboxWorker!.start()
    for (let i = 0; e.app.repos.outbox.pendingCount() > 0; i++) {
      if (i > 1_000) throw new Error('the outbox never drained')
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  it('/delete cancels the pending Offline alert in the same transaction; the worker sends nothing', async () => {
    const { user, alertId } = await pendingOfflineAlert('Old key')
    const confirm = await e.say(user, '/delete Old key')
    e.tg.tapButton(user, confirm, '🗑 Yes, delete')
    await e.tg.waitFor(() => confirm.history.length > 0 || null)
    expect(confirm.text).toContain('Old key was deleted')
    expect(e.app.repos.outbox.get(alertId)).toMatchObject({ status: 'cancelled', lastError: 'connection deleted' })

    const before = e.tg.botMessages(user).length
    await drainOutbox()
    expect(e.tg.botMessages(user).slice(before)).toEqual([])
    expect(e.app.repos.outbox.get(alertId)!.sentAt).toBeNull()
  })

  it('/replace with a working key cancels the alerts about the old key; the worker sends nothing stale', async () => {
    const { user, id, alertId } = await pendingOfflineAlert('Swap')
    const fresh = e.ex.addAccount({ exchange: 'mexc', ipWhitelist: [EGRESS_IP] })
    const intro = await e.say(user, '/replace')
    expect(intro.text).toContain('New credentials for Swap')
    const ask = await e.next(user)
    const { after } = await sendCredentials(e, user, ask, { apiKey: fresh.apiKey, secret: fresh.secret })
    expect((await reportOf(e, after)).text).toContain('Swap now uses the new key')
    expect(e.app.connections.get(user.id, id).status).toBe('online')
    expect(e.app.repos.outbox.get(alertId)).toMatchObject({ status: 'cancelled', lastError: 'credentials replaced' })

    const before = e.tg.botMessages(user).length
    await drainOutbox()
    expect(e.tg.botMessages(user).slice(before)).toEqual([])
  })

  it('a pending alert about another, kept connection still goes out (control)', async () => {
    const { user, alertId } = await pendingOfflineAlert('Kept')
    await drainOutbox()
    expect(e.app.repos.outbox.get(alertId)!.status).toBe('sent')
    expect(e.tg.botMessages(user).at(-1)!.text).toContain('Kept')
  })
})

describe('F13 in the worker: a row whose connection is gone is cancelled, never sent', () => {
  let h: Harness
  afterEach(() => h?.stop())

  it('a connection deleted by another path (its outbox link set to NULL): the worker cancels the row', async () => {
    h = await startHarness()
    const u = await h.connectUser({ name: 'Gone' })
    const payload: NotificationPayload = { kind: 'offline', connectionId: u.connectionId, name: 'Gone', exchange: 'mexc', market: 'spot', since: Date.now(), checks: [] }
    h.repos.outbox.enqueue({ userId: u.userId, connectionId: u.connectionId, idempotencyKey: 'f13:gone', kind: 'offline', payload: JSON.stringify(payload) })
    // A row queued before this fix, or a delete that bypassed the service: only the FK's SET NULL ran.
    h.db.sql.prepare('DELETE FROM connections WHERE id = ?').run(u.connectionId)
    expect(h.repos.outbox.listForUser(u.userId)).toMatchObject([{ status: 'pending', connectionId: null }])

    h.worker.start()
    await h.until(() => h.repos.outbox.pendingCount() === 0, 5_000, 'settled')
    expect(h.repos.outbox.listForUser(u.userId)).toMatchObject([{ status: 'cancelled', sentAt: null }])
    expect(h.telegram.callsTo('sendMessage')).toEqual([])
  })
})
