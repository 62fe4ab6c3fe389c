import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../../fakes/exchange-server.js'
import type { E2E } from '../../helpers/e2e.js'
import { openApiProblems } from '../../helpers/openapi.js'
import { apiClient, connectOnline, startPlatformE2E, type ApiAnswer } from '../../helpers/platform.js'
import { until } from '../../helpers/until.js'

interface Ev { id: string; kind: string; connectionId: string; telegramUserId: number; status: string; paused: boolean }
interface Page { events: Ev[]; cursor: string }

/**
 * The event feed over real HTTP: every change the platform must react to, in order, each once,
 * across a restart of the app; the long poll answering when a change commits; stale cursors
 * refused instead of silently skipping events.
 */
describe('platform event feed', () => {
  let e: E2E
  const seen: ApiAnswer[] = []
  let api: ReturnType<typeof apiClient>
  let token: string
  let nextUser = 72_000
  const page = async (query: Record<string, string>) => {
    const a = await api.events(token, query)
    expect(a.status, a.text).toBe(200)
    return a.body as Page
  }
  /** Every event after `after`, read in pages of `limit`. */
  const drain = async (after: string, limit = 100) => {
    const all: Ev[] = []
    let cursor = after
    for (;;) {
      const p = await page({ after: cursor, limit: String(limit) })
      all.push(...p.events)
      if (p.events.length === 0) return { events: all, cursor }
      cursor = p.cursor
    }
  }
  const newest = async () => (await page({})).events.at(-1)?.id ?? '0'

  beforeAll(async () => {
    // A parked poll re-reads only on a wake-up here: a missing wake-up would hang the test, not pass it late.
    e = await startPlatformE2E({ overrides: { eventRecheckMs: 10 * 60_000 } })
    api = apiClient(e, seen)
    token = e.app.platform.tokens.create('feed', ['status']).token
  })
  afterAll(() => e.close())

  it('a connection\'s whole life is in the feed, in order, each change once, with its state after it', async () => {
    const from = await newest()
    const userId = nextUser++
    const { id, credentials } = await connectOnline(e, userId)
    e.app.platform.gate.pause(userId, id)
    e.app.platform.gate.pause(userId, id) // already paused: no second event
    e.app.platform.gate.resume(userId, id)
    e.ex.revokeAccount(credentials.apiKey)
    await e.app.connections.testById(id, 'monitor')
    await e.app.connections.testById(id, 'monitor') // still offline: nothing new
    e.ex.updateAccount(credentials.apiKey, { revoked: false })
    await e.app.connections.testById(id, 'manual')
    const fresh = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...fresh })
    expect((await e.app.connections.replace(userId, id, { apiKey: fresh.apiKey, secret: fresh.secret })).outcome).toBe('saved')
    e.app.connections.remove(userId, id)

    const { events } = await drain(from)
    const mine = events.filter((x) => x.connectionId === id)
    expect(mine.map((x) => [x.kind, x.status, x.paused])).toEqual([
      ['online', 'online', false],
      ['paused', 'online', true],
      ['resumed', 'online', false],
      ['offline', 'offline', false],
      ['online', 'online', false],
      ['key_replaced', 'online', false],
      ['deleted', 'online', false],
    ])
    expect(mine.every((x) => x.telegramUserId === userId)).toBe(true)
    const ids = events.map((x) => Number(x.id))
    expect(ids).toEqual(ids.map((_, i) => Number(from) + 1 + i)) // increasing, no gap: nothing can hide between two ids
    // Smaller pages give the same sequence.
    expect((await drain(from, 2)).events).toEqual(events)
  })

  it('a long poll is answered when a change commits: the paused event, and nothing else', async () => {
    const userId = nextUser++
    const { id } = await connectOnline(e, userId)
    const cursor = await newest()
    const waiting = page({ after: cursor, wait: '30' })
    await until(() => e.app.platform.waiters.size() === 1, 'the long poll to be parked')
    e.app.platform.gate.pause(userId, id)
    const answer = await waiting
    expect(answer.events.map((x) => [x.kind, x.connectionId])).toEqual([['paused', id]])
    expect(answer.cursor).toBe(answer.events[0]!.id)
    expect(e.app.platform.waiters.size()).toBe(0)
  })

  it('several long polls are all woken by one change; one with events already waiting answers at once', async () => {
    const userId = nextUser++
    const { id } = await connectOnline(e, userId)
    const cursor = await newest()
    const polls = [page({ after: cursor, wait: '30' }), page({ after: cursor, wait: '30' }), page({ after: cursor, wait: '30' })]
    await until(() => e.app.platform.waiters.size() === 3, 'three parked polls')
    e.app.platform.gate.pause(userId, id)
    for (const p of await Promise.all(polls)) expect(p.events.map((x) => x.kind)).toEqual(['paused'])
    const immediate = await page({ after: cursor, wait: '30' })
    expect(immediate.events.map((x) => x.kind)).toEqual(['paused'])
    expect(e.app.platform.waiters.size()).toBe(0)
  })

  it('across a restart: the cursor still works, later events continue the sequence, nothing is lost or doubled', async () => {
    const userId = nextUser++
    const a = await connectOnline(e, userId)
    const before = await drain('0')
    const mid = before.cursor
    e.app.platform.gate.pause(userId, a.id) // after the consumer's cursor, before the restart

    // A long poll in flight when the app stops is answered (empty), not dropped.
    const parked = api.events(token, { after: String(Number(mid) + 1), wait: '30' })
    await until(() => e.app.platform.waiters.size() === 1, 'the long poll to be parked')
    await e.restart()
    const cut = await parked
    expect(cut.status).toBe(200)
    expect((cut.body as Page).events).toEqual([])

    const b = await connectOnline(e, userId)
    e.app.platform.gate.pause(userId, b.id)
    const after = await drain(mid)
    expect(after.events.map((x) => [x.kind, x.connectionId])).toEqual([['paused', a.id], ['online', b.id], ['paused', b.id]])
    const everything = (await drain('0')).events
    expect(everything.map((x) => x.id)).toEqual([...before.events, ...after.events].map((x) => x.id))
    expect(new Set(everything.map((x) => x.id)).size).toBe(everything.length)
  })

  it('a cursor from before pruned events, or from the future (an older database restored), is refused with 410; no cursor starts at the oldest kept', async () => {
    const userId = nextUser++
    await connectOnline(e, userId)
    const last = Number(await newest())
    const ahead = await api.events(token, { after: String(last + 5) })
    expect(ahead.status).toBe(410)
    expect(ahead.body).toEqual({ error: 'CURSOR_AHEAD', oldest: '1', newest: String(last) })

    expect(e.app.repos.platformEvents.pruneBefore(Date.now() + 1)).toBe(last) // everything older than now
    const { id } = await connectOnline(e, userId)
    const expired = await api.events(token, { after: '0' })
    expect(expired.status).toBe(410)
    expect(expired.body).toEqual({ error: 'CURSOR_EXPIRED', oldest: String(last + 1), newest: String(last + 1) })
    const resync = await page({ after: String(last) })
    expect(resync.events.map((x) => [x.id, x.connectionId])).toEqual([[String(last + 1), id]])
    expect((await page({})).events.map((x) => x.id)).toEqual([String(last + 1)])
  })

  it('bad parameters are 400 and name the parameter; every answer matches the OpenAPI document', async () => {
    for (const query of [{ after: '-1' }, { after: 'abc' }, { wait: '61' }, { limit: '0' }] as Array<Record<string, string>>) {
      const a = await api.events(token, query)
      expect(a.status).toBe(400)
      expect((a.body as { issues: Array<{ path: string }> }).issues[0]!.path).toBe(`querystring/${Object.keys(query)[0]}`)
    }
    const doc = await api.call('GET', '/v1/openapi.json')
    expect(openApiProblems(doc.body as Record<string, unknown>, seen.filter((a) => a.template !== '/v1/openapi.json'))).toEqual([])
  })
})
