import { afterEach, describe, expect, it } from 'vitest'
import { i18n, startHarness, type Harness } from './harness.js'

let h: Harness
afterEach(async () => {
  await h?.stop()
})

/** The rendered text as the user sees it (markup parsed), for comparing with message text. */
const plain = (key: string, params: Record<string, string | number> = {}) => i18n.t('en', key, params).replace(/<\/?[bi]>/g, '')

/** Monitor tests of a connection stored so far. */
const monitorRuns = (id: string) => h.repos.testResults.listForConnection(id, 1_000).filter((r) => r.source === 'monitor').length

async function afterMoreRuns(id: string, n: number): Promise<void> {
  const target = monitorRuns(id) + n
  await h.until(() => monitorRuns(id) >= target, 5_000, `${n} more monitor runs`)
}

describe('monitor → outbox → Telegram', () => {
  it('a revoked key: exactly one Offline notification within one interval, with cause, fix and a Test again button', async () => {
    h = await startHarness({ intervalMs: 300 })
    const u = await h.connectUser({ name: 'Main' })
    h.worker.start()
    h.monitor.start()
    await afterMoreRuns(u.connectionId, 1)
    const revokedAt = Date.now()
    h.exchange.revokeAccount(u.account.apiKey)

    const msg = await h.telegram.nextBotMessage(u.userId, { timeoutMs: 3_000 })
    // "Within one interval", exactly: the first monitor run after the revocation already failed,
    // and the notification is about that very run (its state began then), whatever the load.
    const runs = h.repos.testResults.listForConnection(u.connectionId, 1_000).filter((r) => r.source === 'monitor')
    expect(runs.filter((r) => r.testedAt >= revokedAt).every((r) => r.verdict === 'offline')).toBe(true)
    const firstFailing = runs.filter((r) => r.verdict === 'offline').reduce((a, b) => (b.testedAt < a.testedAt ? b : a))
    const row = h.repos.outbox.listForUser(u.userId)[0]!
    expect((JSON.parse(row.payload) as { since: number }).since).toBe(firstFailing.testedAt)
    // Queued by that first failing run: before any later run started (runs of one connection never overlap).
    for (const later of runs.filter((r) => r.testedAt > firstFailing.testedAt)) expect(row.createdAt).toBeLessThanOrEqual(later.testedAt)
    expect(msg.text).toContain('Main')
    expect(msg.text).toContain(plain('diag-INVALID_KEY-cause'))
    for (const step of plain('diag-INVALID_KEY-fix-mexc').split('\n')) expect(msg.text).toContain(step.trim())
    expect(msg.keyboard?.[0]?.[0]).toMatchObject({ text: plain('notify-button-test'), callback_data: `t:${u.connectionId}` })
    expect(h.status(u.connectionId)).toBe('offline')

    await afterMoreRuns(u.connectionId, 3)
    expect(h.telegram.botMessages(u.userId)).toHaveLength(1)
    expect(h.repos.outbox.listForUser(u.userId).map((r) => [r.kind, r.status])).toEqual([['offline', 'sent']])
  })

  it('an outage shorter than the threshold: Checking, then Online again, and nothing is sent', async () => {
    h = await startHarness({ intervalMs: 200, threshold: 3 })
    const u = await h.connectUser()
    h.worker.start()
    h.monitor.start()
    await afterMoreRuns(u.connectionId, 1)
    h.exchange.setScenario('outage', { exchange: 'mexc' })
    await h.until(() => {
      const row = h.repos.connections.getById(u.connectionId)
      return row?.status === 'checking' && row.consecutiveFailures === 2
    }, 3_000, 'two failed checks')
    h.exchange.clearScenarios()
    await h.until(() => h.status(u.connectionId) === 'online', 3_000, 'online again')
    await afterMoreRuns(u.connectionId, 2)

    expect(h.repos.outbox.listForUser(u.userId)).toEqual([])
    expect(h.telegram.callsTo('sendMessage')).toEqual([])
  })

  it('a longer outage: one Offline after N failures, nothing while it lasts, then one Recovered', async () => {
    h = await startHarness({ intervalMs: 200, threshold: 3 })
    const u = await h.connectUser({ name: 'Scalper' })
    h.worker.start()
    h.monitor.start()
    await afterMoreRuns(u.connectionId, 1)
    h.exchange.setScenario('outage', { exchange: 'mexc' })

    const offline = await h.telegram.nextBotMessage(u.userId, { timeoutMs: 3_000 })
    const failures = h.repos.testResults.listForConnection(u.connectionId, 1_000).filter((r) => r.transient)
    expect(failures.length).toBeGreaterThanOrEqual(3)
    expect(offline.text).toContain(plain('notify-offline-exchange', { name: 'Scalper', exchange: 'MEXC' }))
    await afterMoreRuns(u.connectionId, 3)
    expect(h.telegram.botMessages(u.userId)).toHaveLength(1)

    h.exchange.clearScenarios()
    const recovered = await h.telegram.nextBotMessage(u.userId, { timeoutMs: 3_000 })
    expect(recovered.text).toContain(plain('notify-recovered', { name: 'Scalper', exchange: 'MEXC' }))
    expect(recovered.keyboard).toBeUndefined()
    await afterMoreRuns(u.connectionId, 2)
    expect(h.telegram.botMessages(u.userId)).toHaveLength(2)
  })

  it('withdrawal switched on for a KuCoin key: one urgent Unsafe notification', async () => {
    h = await startHarness({ intervalMs: 250 })
    const u = await h.connectUser({ exchange: 'kucoin', name: 'KC' })
    h.worker.start()
    h.monitor.start()
    await afterMoreRuns(u.connectionId, 1)
    h.exchange.updateAccount(u.account.apiKey, { permissions: ['General', 'Spot', 'Transfer'] })

    const msg = await h.telegram.nextBotMessage(u.userId, { timeoutMs: 3_000 })
    expect(h.status(u.connectionId)).toBe('unsafe')
    expect(msg.text).toContain(plain('notify-unsafe', { name: 'KC', exchange: 'KuCoin' }).split('\n')[0]!)
    expect(msg.text).toContain(plain('diag-WITHDRAW_ENABLED-cause'))
    expect(msg.keyboard?.[0]?.[0]).toMatchObject({ callback_data: `rp:${u.connectionId}` })
    await afterMoreRuns(u.connectionId, 3)
    expect(h.telegram.botMessages(u.userId)).toHaveLength(1)
  })

  it('notifications off: the state changes, nothing is queued or sent', async () => {
    h = await startHarness({ intervalMs: 200 })
    const quiet = await h.connectUser()
    const loud = await h.connectUser()
    h.repos.users.setNotifications(quiet.userId, false)
    h.worker.start()
    h.monitor.start()
    await afterMoreRuns(quiet.connectionId, 1)
    h.exchange.revokeAccount(quiet.account.apiKey)
    h.exchange.revokeAccount(loud.account.apiKey)

    await h.telegram.nextBotMessage(loud.userId, { timeoutMs: 3_000 })
    await h.until(() => h.status(quiet.connectionId) === 'offline', 3_000, 'quiet user offline')
    await afterMoreRuns(quiet.connectionId, 2)
    expect(h.repos.outbox.listForUser(quiet.userId)).toEqual([])
    expect(h.telegram.botMessages(quiet.userId)).toEqual([])
  })

  it('a connection still offline gets one reminder per period, then nothing until the next period', async () => {
    h = await startHarness({ intervalMs: 200, reminderHours: 24 })
    const u = await h.connectUser({ name: 'Old' })
    h.exchange.revokeAccount(u.account.apiKey)
    await h.service.test(u.userId, u.connectionId, 'manual') // the user saw it go offline in /test: no push
    expect(h.status(u.connectionId)).toBe('offline')
    h.db.sql.prepare('UPDATE connections SET status_changed_at = ? WHERE id = ?').run(Date.now() - 25 * 3_600_000, u.connectionId)
    h.worker.start()
    h.monitor.start()

    const msg = await h.telegram.nextBotMessage(u.userId, { timeoutMs: 3_000 })
    expect(msg.text).toContain('Reminder')
    expect(msg.text).toContain(plain('diag-INVALID_KEY-cause'))
    await afterMoreRuns(u.connectionId, 3)
    expect(h.repos.outbox.listForUser(u.userId).map((r) => r.kind)).toEqual(['reminder'])
  })

  it('renders in the language the user chose', async () => {
    h = await startHarness({ intervalMs: 200 })
    const u = await h.connectUser({ name: 'Principal', language: 'pt-BR' })
    h.worker.start()
    h.monitor.start()
    await afterMoreRuns(u.connectionId, 1)
    h.exchange.revokeAccount(u.account.apiKey)
    const msg = await h.telegram.nextBotMessage(u.userId, { timeoutMs: 3_000 })
    expect(msg.text).toContain(i18n.t('pt-BR', 'diag-INVALID_KEY-cause'))
    expect(msg.keyboard?.[0]?.[0]?.text).toBe(i18n.t('pt-BR', 'notify-button-test'))
  })
})
