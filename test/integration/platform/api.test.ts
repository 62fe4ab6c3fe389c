import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { E2E } from '../../helpers/e2e.js'
import { tr } from '../../helpers/e2e-flows.js'
import { openApiProblems } from '../../helpers/openapi.js'
import { apiClient, connectOnline, startPlatformE2E, type ApiAnswer } from '../../helpers/platform.js'

const plain = (html: string) => html.replace(/<\/?[a-z]+>/g, '')

/**
 * The platform gate over real HTTP against the running app (real SQLite, real libsodium, real
 * ccxt to the fake exchange, the real bot against the fake Telegram): who may call what, when
 * credentials are served and when the gate is closed, and what the audit keeps. Every answer is
 * recorded and, at the end, validated against the OpenAPI document the API itself serves.
 */
describe('platform API: auth, scopes and the gate', () => {
  let e: E2E
  const seen: ApiAnswer[] = []
  let api: ReturnType<typeof apiClient>
  let status: string
  let creds: string
  let both: string
  let nextUser = 71_000
  const tokenId = (name: string) => e.app.platform.tokens.list().find((t) => t.name === name)!.id

  beforeAll(async () => {
    e = await startPlatformE2E()
    api = apiClient(e, seen)
    status = e.app.platform.tokens.create('engine-status', ['status']).token
    creds = e.app.platform.tokens.create('engine-creds', ['credentials']).token
    both = e.app.platform.tokens.create('engine', ['status', 'credentials']).token
  })
  afterAll(() => e.close())

  it('401 with no detail for a missing, malformed, unknown or revoked token, on every authenticated route', async () => {
    const { id } = await connectOnline(e, nextUser++)
    const revoked = e.app.platform.tokens.create('gone', ['status', 'credentials']).token
    expect(e.app.platform.tokens.revoke('gone')).toBe(true)
    const forged = `${both.slice(0, -1)}${both.endsWith('0') ? '1' : '0'}` // the right id, one wrong character
    const unknown = `bfcpt_${'0'.repeat(16)}_${'1'.repeat(64)}`
    const ways: Array<{ token?: string; headers?: Record<string, string> }> = [{}, { headers: { authorization: 'Basic bm9uc2Vuc2U=' } }, { token: 'nonsense' }, { token: forged }, { token: unknown }, { token: revoked }]
    const bodies = new Set<string>()
    for (const how of ways) {
      const answers = [
        await api.call('GET', '/v1/connections', how),
        await api.call('GET', '/v1/connections/{id}', { ...how, params: { id } }),
        await api.call('POST', '/v1/connections/{id}/credentials', { ...how, params: { id } }),
        await api.call('GET', '/v1/events', how),
        await api.call('GET', '/metrics', how),
      ]
      for (const a of answers) {
        expect(a.status, `${a.template} with ${JSON.stringify(how).slice(0, 30)}`).toBe(401)
        expect(a.headers.get('www-authenticate')).toContain('Bearer')
        bodies.add(a.text)
      }
    }
    expect([...bodies]).toEqual(['{"error":"UNAUTHORIZED"}']) // the same answer whatever was wrong
    expect(e.app.repos.platformAudit.listForConnection(id).map((r) => [r.outcome, r.httpStatus, r.tokenId])).toEqual(ways.map(() => ['unauthorized', 401, null]))
  })

  it('403 naming the scope when the token lacks it: a status token cannot read credentials, a credentials-only token cannot list', async () => {
    const { id } = await connectOnline(e, nextUser++)
    const a = await api.credentials(status, id)
    expect(a.status).toBe(403)
    expect(a.body).toEqual({ error: 'FORBIDDEN', requiredScope: 'credentials' })
    const b = await api.connections(creds)
    expect(b.status).toBe(403)
    expect(b.body).toEqual({ error: 'FORBIDDEN', requiredScope: 'status' })
    expect((await api.events(creds)).status).toBe(403)
    expect((await api.call('GET', '/metrics', { token: creds })).status).toBe(403)
    // The refused credential read is audited with the token that tried.
    expect(e.app.repos.platformAudit.listForConnection(id).map((r) => [r.outcome, r.httpStatus, r.tokenId])).toEqual([['forbidden', 403, tokenId('engine-status')]])
  })

  it('lists every user\'s connections, filtered and paged by cursor, with the fields the platform needs and never a credential', async () => {
    const owner = nextUser
    const made = [await connectOnline(e, owner), await connectOnline(e, owner, { exchange: 'kucoin' }), await connectOnline(e, owner + 1)]
    nextUser += 2
    const all: string[] = []
    let cursor: string | null = null
    do {
      const page: ApiAnswer = await api.connections(status, { limit: '2', ...(cursor ? { cursor } : {}) })
      expect(page.status).toBe(200)
      const body = page.body as { connections: Array<{ id: string }>; nextCursor: string | null }
      expect(body.connections.length).toBeLessThanOrEqual(2)
      all.push(...body.connections.map((c) => c.id))
      cursor = body.nextCursor
    } while (cursor)
    expect(new Set(all).size).toBe(all.length) // paging neither repeats nor skips
    for (const m of made) expect(all).toContain(m.id)
    expect(all).toEqual([...all].sort())

    const kucoin = (await api.connections(status, { exchange: 'kucoin' })).body as { connections: Array<Record<string, unknown>> }
    expect(kucoin.connections.map((c) => c['id'])).toContain(made[1]!.id)
    expect(kucoin.connections.every((c) => c['exchange'] === 'kucoin')).toBe(true)
    expect(((await api.connections(status, { status: 'offline' })).body as { connections: unknown[] }).connections).toEqual([])

    const one = await api.connection(status, made[1]!.id)
    expect(one.status).toBe(200)
    expect(one.body).toMatchObject({ id: made[1]!.id, telegramUserId: owner, exchange: 'kucoin', market: 'spot', status: 'online', paused: false, pausedAt: null, lastCredentialReadAt: null, keyExpiresAt: null, checkCodes: [] })
    expect((one.body as { withdrawal: string }).withdrawal).toBe('proven_disabled') // KuCoin reports the key's permissions
    expect(((await api.connection(status, made[0]!.id)).body as { withdrawal: string }).withdrawal).toBe('unverified') // MEXC cannot
    for (const m of made) for (const v of Object.values(m.credentials)) expect(seen.map((s) => s.text).join('\n')).not.toContain(v)

    const missing = await api.connection(status, 'nope-not-an-id')
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual({ error: 'NOT_FOUND' })
    const bad = await api.connections(status, { limit: '100000' })
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({ error: 'BAD_REQUEST', issues: [{ path: 'querystring/limit', code: 'too_big' }] })
  })

  it('serves the credentials of an online connection: no-store, audited with token and address, the read time kept and shown in /status', async () => {
    const user = e.tg.createUser({ id: nextUser++, firstName: 'Reader', languageCode: 'en' })
    const { id, credentials } = await connectOnline(e, user.id, { exchange: 'kucoin', name: 'Main' })
    expect((await e.say(user, '/status Main')).text).toContain(tr('en', 'connection-platform-unused'))
    const a = await api.credentials(creds, id)
    expect(a.status).toBe(200)
    expect(a.headers.get('cache-control')).toBe('no-store')
    // An empty POST labelled as JSON, or an empty JSON object, is read the same way.
    for (const body of ['', '{}']) {
      const res = await fetch(`${e.app.platform.api!.url}/v1/connections/${id}/credentials`, { method: 'POST', headers: { authorization: `Bearer ${creds}`, 'content-type': 'application/json' }, body })
      expect(res.status, `body ${JSON.stringify(body)}`).toBe(200)
      await res.arrayBuffer()
    }
    expect(a.body).toEqual({ connectionId: id, exchange: 'kucoin', market: 'spot', apiKey: credentials.apiKey, secret: credentials.secret, passphrase: credentials.passphrase })
    const row = e.app.repos.connections.getById(id)!
    expect(row.lastCredentialReadAt).not.toBeNull()
    const audit = e.app.repos.platformAudit.listForConnection(id)
    expect(audit).toHaveLength(3)
    expect(audit[2]).toMatchObject({ outcome: 'served', httpStatus: 200, tokenId: tokenId('engine-creds'), remoteAddress: '127.0.0.1', at: row.lastCredentialReadAt })
    // The listing shows when the platform last read it; so does the trader's /status.
    expect(((await api.connection(status, id)).body as { lastCredentialReadAt: string }).lastCredentialReadAt).toBe(new Date(row.lastCredentialReadAt!).toISOString())
    const card = await e.say(user, '/status Main')
    expect(card.text).toContain(tr('en', 'connection-platform-used', { when: `${new Date(row.lastCredentialReadAt!).toISOString().slice(0, 16).replace('T', ' ')} UTC` }))
  })

  it('the gate closes when a test finds the key offline, and reopens when it recovers', async () => {
    const { id, credentials } = await connectOnline(e, nextUser++)
    expect((await api.credentials(creds, id)).status).toBe(200)
    e.ex.revokeAccount(credentials.apiKey)
    await e.app.connections.testById(id, 'monitor')
    const closed = await api.credentials(creds, id)
    expect(closed.status).toBe(409)
    expect(closed.body).toEqual({ error: 'GATE_CLOSED', status: 'offline', paused: false })
    expect(closed.headers.get('cache-control')).toBe('no-store')
    e.ex.updateAccount(credentials.apiKey, { revoked: false })
    await e.app.connections.testById(id, 'monitor')
    expect((await api.credentials(creds, id)).status).toBe(200)
    expect(e.app.repos.platformAudit.listForConnection(id).map((r) => r.outcome)).toEqual(['served', 'closed', 'served'])
  })

  it('the gate closes at once when a test finds the key can withdraw (unsafe)', async () => {
    const { id, credentials } = await connectOnline(e, nextUser++, { exchange: 'kucoin' })
    expect((await api.credentials(creds, id)).status).toBe(200)
    e.ex.updateAccount(credentials.apiKey, { permissions: ['General', 'Spot', 'Transfer'] })
    await e.app.connections.testById(id, 'monitor')
    const closed = await api.credentials(creds, id)
    expect(closed.status).toBe(409)
    expect(closed.body).toEqual({ error: 'GATE_CLOSED', status: 'unsafe', paused: false })
    expect((await api.connection(status, id)).body).toMatchObject({ withdrawal: 'enabled', checkCodes: ['WITHDRAW_ENABLED'] })
  })

  it('the trader\'s /pause closes the gate at once, /resume opens it again', async () => {
    const user = e.tg.createUser({ id: nextUser++, firstName: 'Trader', languageCode: 'en' })
    const { id } = await connectOnline(e, user.id, { name: 'Bot One' })
    expect((await api.credentials(both, id)).status).toBe(200)
    const paused = await e.say(user, '/pause Bot One')
    expect(paused.text).toBe(plain(tr('en', 'pause-done', { name: 'Bot One' })))
    const closed = await api.credentials(both, id)
    expect(closed.status).toBe(409)
    expect(closed.body).toEqual({ error: 'GATE_CLOSED', status: 'online', paused: true })
    expect((await api.connection(both, id)).body).toMatchObject({ paused: true, status: 'online' })
    expect((await e.say(user, '/status Bot One')).text).toContain(tr('en', 'connection-platform-paused'))
    expect((await e.say(user, '/pause Bot One')).text).toBe(plain(tr('en', 'pause-already', { name: 'Bot One' })))
    expect((await e.say(user, '/resume Bot One')).text).toBe(plain(tr('en', 'resume-done', { name: 'Bot One' })))
    expect((await api.credentials(both, id)).status).toBe(200)
  })

  it('a deleted connection is 404: its credentials are gone with it, and the audit outlives it', async () => {
    const user = e.tg.createUser({ id: nextUser++, firstName: 'Leaver', languageCode: 'en' })
    const { id } = await connectOnline(e, user.id, { name: 'Old' })
    expect((await api.credentials(creds, id)).status).toBe(200)
    const confirm = await e.say(user, '/delete Old')
    e.tg.tapButton(user, confirm, tr('en', 'button-delete-yes'))
    await e.tg.waitFor(() => confirm.history.length > 0)
    const gone = await api.credentials(creds, id)
    expect(gone.status).toBe(404)
    expect(gone.body).toEqual({ error: 'NOT_FOUND' })
    expect((await api.connection(status, id)).status).toBe(404)
    expect(e.app.repos.platformAudit.listForConnection(id).map((r) => [r.outcome, r.httpStatus])).toEqual([['served', 200], ['not_found', 404]])
  })

  it('healthz, readyz (database and Telegram) and metrics', async () => {
    expect((await api.call('GET', '/healthz')).body).toEqual({ ok: true })
    const ready = await api.call('GET', '/readyz')
    expect(ready.status).toBe(200)
    expect(ready.body).toEqual({ ready: true, checks: { database: 'ok', telegram: 'ok' } })
    await e.app.monitor.sweepOnce()
    const m = await api.call('GET', '/metrics', { token: status })
    expect(m.status).toBe(200)
    expect(m.headers.get('content-type')).toContain('text/plain')
    const value = (series: string) => {
      const line = m.text.split('\n').find((l) => l.startsWith(`${series} `))
      return line === undefined ? undefined : Number(line.slice(series.length + 1))
    }
    expect(value('bfc_connections{status="online",exchange="kucoin",paused="false"}')).toBeGreaterThanOrEqual(1)
    expect(value('bfc_connections{status="unsafe",exchange="kucoin",paused="false"}')).toBe(1)
    expect(value('bfc_connection_tests_total{exchange="mexc",verdict="offline",transient="false"}')).toBeGreaterThanOrEqual(1)
    expect(value('bfc_outbox_pending')).toBeGreaterThanOrEqual(0)
    expect(value('bfc_monitor_sweep_duration_seconds_count')).toBe(1)
    expect(value('bfc_platform_api_requests_total{route="/v1/connections/:id/credentials",method="POST",status="409"}')).toBeGreaterThanOrEqual(3)
    expect(value('bfc_platform_events_total{kind="paused"}')).toBe(1)
    expect(value('bfc_platform_events_total{kind="deleted"}')).toBe(1)
  })

  it('every answer seen in this file matches the OpenAPI document served at /v1/openapi.json', async () => {
    const doc = await api.call('GET', '/v1/openapi.json')
    expect(doc.status).toBe(200)
    const answers = seen.filter((a) => a.template !== '/v1/openapi.json')
    expect(new Set(answers.map((a) => `${a.template} ${a.status}`)).size, 'a wide spread of routes and statuses was exercised').toBeGreaterThanOrEqual(15)
    expect(openApiProblems(doc.body as Record<string, unknown>, answers)).toEqual([])
    // The check is live: a body that breaks the contract is caught.
    const broken = { ...answers.find((a) => a.template === '/v1/connections/{id}' && a.status === 200)!, body: { id: 1 } }
    expect(openApiProblems(doc.body as Record<string, unknown>, [broken])).not.toEqual([])
  })
})
