import { afterEach, describe, expect, it } from 'vitest'
import { createEventRecorder } from '../../../src/services/events.js'
import type { TestedEvent } from '../../../src/services/connections.js'
import { createPlatformEventsRepo } from '../../../src/storage/platform-events.repo.js'
import { startHarness, type Harness } from '../monitor/harness.js'

let h: Harness
afterEach(async () => {
  await h?.stop()
})

/** The platform event and the state change commit together, like the notification outbox. */
describe('a state change and its platform event commit together', () => {
  it('a failure after the event is written rolls both back; the next check writes the event once', async () => {
    let failOnce = true
    let events!: ReturnType<typeof createEventRecorder>
    h = await startHarness({
      wrapRecorder: (notify) => (e) => {
        notify(e)
        events.tested(e)
        if (failOnce && e.after.status === 'offline') {
          failOnce = false
          throw new Error('disk full') // after the event row: the whole transaction must go
        }
      },
    })
    const repo = createPlatformEventsRepo(h.db.db)
    events = createEventRecorder({ events: repo, push: false })
    const u = await h.connectUser()
    h.exchange.revokeAccount(u.account.apiKey)
    await expect(h.service.testById(u.connectionId, 'monitor')).rejects.toThrow('disk full')
    expect(h.status(u.connectionId)).toBe('online')
    expect(repo.all()).toEqual([])
    // The gate still answers from the committed state: online.
    expect(h.repos.connections.gateRead(u.connectionId, Date.now())?.id).toBe(u.connectionId)

    await h.service.testById(u.connectionId, 'monitor')
    expect(h.status(u.connectionId)).toBe('offline')
    expect(repo.all().map((r) => [r.id, r.kind, r.status])).toEqual([[1, 'offline', 'offline']]) // id 1: the rolled-back one left no gap
    expect(h.repos.connections.gateRead(u.connectionId, Date.now())).toBeUndefined()
  })

  it('the same change recorded twice (a replay) is one event, and the id sequence has no gap', async () => {
    h = await startHarness()
    const repo = createPlatformEventsRepo(h.db.db)
    const events = createEventRecorder({ events: repo, push: false })
    const u = await h.connectUser()
    h.exchange.revokeAccount(u.account.apiKey)
    const outcome = await h.service.testById(u.connectionId, 'monitor')
    const seen: TestedEvent = { ...outcome!, source: 'monitor', userId: u.userId, statusChangedAt: h.repos.connections.getById(u.connectionId)!.statusChangedAt }
    h.db.transaction(() => events.tested(seen))
    h.db.transaction(() => events.tested(seen))
    events.paused(outcome!.after, u.userId, 42)
    expect(repo.all().map((r) => [r.id, r.kind])).toEqual([[1, 'offline'], [2, 'paused']])
  })
})
