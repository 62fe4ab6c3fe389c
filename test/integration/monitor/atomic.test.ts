import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../../src/logger.js'
import { createTransitionRecorder } from '../../../src/monitor/transitions.js'
import type { TestedEvent } from '../../../src/services/connections.js'
import { startHarness, type Harness } from './harness.js'

let h: Harness
afterEach(async () => {
  await h?.stop()
})

describe('state change and notification commit together', () => {
  it('a failure while queuing rolls the state change back, so the next check queues the notification: nothing lost', async () => {
    let failOnce = true
    h = await startHarness({
      wrapRecorder: (record) => (e) => {
        record(e)
        if (failOnce && e.after.status === 'offline') {
          failOnce = false
          throw new Error('disk full') // after the outbox insert: the whole transaction must go
        }
      },
    })
    const u = await h.connectUser()
    h.exchange.revokeAccount(u.account.apiKey)
    await expect(h.service.testById(u.connectionId, 'monitor')).rejects.toThrow('disk full')
    expect(h.status(u.connectionId)).toBe('online')
    expect(h.repos.outbox.listForUser(u.userId)).toEqual([])

    await h.service.testById(u.connectionId, 'monitor')
    expect(h.status(u.connectionId)).toBe('offline')
    expect(h.repos.outbox.listForUser(u.userId).map((r) => r.kind)).toEqual(['offline'])
  })

  it('the same transition recorded twice (a replay) queues one row', async () => {
    h = await startHarness()
    const u = await h.connectUser()
    h.exchange.revokeAccount(u.account.apiKey)
    const outcome = await h.service.testById(u.connectionId, 'monitor')
    const seen: TestedEvent = { ...outcome!, source: 'monitor', userId: u.userId, statusChangedAt: h.repos.connections.getById(u.connectionId)!.statusChangedAt }
    const again = createTransitionRecorder({ outbox: h.repos.outbox, users: h.repos.users, reminderHours: 0, logger: createLogger({ level: 'silent' }) })
    h.db.transaction(() => again(seen))
    again(seen)
    expect(h.repos.outbox.listForUser(u.userId)).toHaveLength(1)
  })
})
