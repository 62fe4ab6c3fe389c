import { afterEach, describe, expect, it, vi } from 'vitest'
import { i18n, startHarness, type Harness } from './harness.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

let h: Harness
afterEach(async () => {
  await h?.stop()
  vi.useRealTimers()
})

const plain = (locale: string, key: string, params: Record<string, string | number> = {}) => i18n.t(locale, key, params).replace(/<\/?[bi]>/g, '')
const monitorRuns = (id: string) => h.repos.testResults.listForConnection(id, 1_000).filter((r) => r.source === 'monitor').length
async function afterMoreRuns(id: string, n: number): Promise<void> {
  const target = monitorRuns(id) + n
  await h.until(() => monitorRuns(id) >= target, 5_000, `${n} more monitor runs`)
}

describe('key expiry reminders through the outbox', () => {
  it('a Bybit key with a stated expiry date: one reminder 7 days before, one 1 day before, each sent once', async () => {
    // Only Date is faked (and keeps ticking): sockets, timers and the fake exchange run for real,
    // and the whole process, the fake Bybit included, agrees on what day it is.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
    const expiresAt = Date.UTC(2031, 5, 30, 12)
    vi.setSystemTime(expiresAt - 30 * DAY)
    // SQLite stamps rows with its own (real) clock: keep settled rows, or the years-ahead test
    // clock would prune them as old.
    h = await startHarness({ intervalMs: 150, worker: { keepSettledMs: 100 * 365 * DAY } })
    // Bound to our IP, but Bybit states a date (after an account password change, keys expire in 7 days).
    const u = await h.connectUser({ exchange: 'bybit', name: 'Swing', language: 'pt-BR', account: { expiresAt } })
    h.worker.start()
    h.monitor.start()

    await afterMoreRuns(u.connectionId, 2)
    expect(h.repos.outbox.listForUser(u.userId)).toEqual([]) // 30 days left: nothing yet

    vi.setSystemTime(expiresAt - 6 * DAY)
    const week = await h.telegram.nextBotMessage(u.userId, { timeoutMs: 5_000 })
    expect(week.text).toContain(plain('pt-BR', 'notify-expiry', { name: 'Swing', exchange: 'Bybit', date: '2031-06-30' }))
    expect(week.text).toContain(plain('pt-BR', 'diag-KEY_EXPIRES-cause', { date: '2031-06-30', daysLeft: 6 }))
    expect(week.text).toContain(plain('pt-BR', 'diag-KEY_EXPIRES-fix-bybit', { date: '2031-06-30', ips: '203.0.113.7' }).split('\n')[0]!)
    expect(week.keyboard?.[0]?.[0]).toMatchObject({ text: plain('pt-BR', 'notify-button-test'), callback_data: `t:${u.connectionId}` })
    await afterMoreRuns(u.connectionId, 3)
    expect(h.telegram.botMessages(u.userId)).toHaveLength(1)

    vi.setSystemTime(expiresAt - 12 * HOUR)
    const day = await h.telegram.nextBotMessage(u.userId, { timeoutMs: 5_000 })
    expect(day.text).toContain(plain('pt-BR', 'diag-KEY_EXPIRES-cause', { date: '2031-06-30', daysLeft: 1 }))
    await afterMoreRuns(u.connectionId, 3)
    expect(h.telegram.botMessages(u.userId)).toHaveLength(2)
    expect(h.repos.outbox.listForUser(u.userId).map((r) => [r.kind, r.idempotencyKey, r.status])).toEqual([
      ['expiry', `${u.connectionId}:expiry:2031-06-30:7d`, 'sent'],
      ['expiry', `${u.connectionId}:expiry:2031-06-30:1d`, 'sent'],
    ])
    // The connection stayed Online all along: a reminder is not an outage.
    expect(h.status(u.connectionId)).toBe('online')

    // Past the date Bybit refuses the key (33004): the usual Offline notification, nothing more about expiry.
    vi.setSystemTime(expiresAt + HOUR)
    const offline = await h.telegram.nextBotMessage(u.userId, { timeoutMs: 5_000 })
    expect(offline.text).toContain(plain('pt-BR', 'diag-KEY_EXPIRED-cause'))
    expect(h.status(u.connectionId)).toBe('offline')
  })

  it('a user who turned notifications off gets no reminder row at all', async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
    const expiresAt = Date.UTC(2031, 0, 10)
    vi.setSystemTime(expiresAt - 3 * DAY)
    h = await startHarness({ intervalMs: 150 })
    const u = await h.connectUser({ exchange: 'bybit', account: { expiresAt } })
    h.repos.users.setNotifications(u.userId, false)
    h.worker.start()
    h.monitor.start()
    await afterMoreRuns(u.connectionId, 3)
    expect(h.repos.outbox.listForUser(u.userId)).toEqual([])
  })
})
