import { Sqlite } from '../../src/storage/sqlite-driver.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pack, type Action } from '../../src/bot/callback-data.js'
import type { ConnectionView } from '../../src/services/connection-view.js'
import { fakeCredentials } from '../fakes/exchange-server.js'
import type { ChatMessage, FakeUser } from '../fakes/telegram-server.js'
import { startE2E, type E2E } from '../helpers/e2e.js'
import { runConnect, toNamePrompt, tr } from '../helpers/e2e-flows.js'
import { htmlBreaks, queryJson } from '../helpers/hostile.js'

/**
 * Every action code in src/bot/callback-data.ts, aimed at user A's connection or A's open flow.
 * A `Record` over `Action['a']`: adding an action code does not compile until it is listed here.
 */
const FORGED: Record<Action['a'], (target: { id: string; flow: string }) => Action> = {
  exchange: ({ flow }) => ({ a: 'exchange', flow, exchange: 'kucoin' }),
  market: ({ flow }) => ({ a: 'market', flow, exchange: 'kucoin', market: 'futures' }),
  ready: ({ flow }) => ({ a: 'ready', flow, exchange: 'kucoin' }),
  suggested: ({ flow }) => ({ a: 'suggested', flow, exchange: 'kucoin', market: 'spot' }),
  cancel: ({ flow }) => ({ a: 'cancel', flow }),
  restart: ({ flow }) => ({ a: 'restart', flow }),
  continue: ({ flow }) => ({ a: 'continue', flow }),
  connect: () => ({ a: 'connect' }),
  test: ({ id }) => ({ a: 'test', id }),
  status: ({ id }) => ({ a: 'status', id }),
  rename: ({ id }) => ({ a: 'rename', id }),
  replace: ({ id }) => ({ a: 'replace', id }),
  delete: ({ id }) => ({ a: 'delete', id }),
  'delete-yes': ({ id }) => ({ a: 'delete-yes', id }),
  'delete-no': ({ id }) => ({ a: 'delete-no', id }),
  pause: ({ id }) => ({ a: 'pause', id }),
  resume: ({ id }) => ({ a: 'resume', id }),
  lang: () => ({ a: 'lang', locale: 'pt-BR' }),
  notify: () => ({ a: 'notify', on: false }),
}

/**
 * Security proof 5: user B cannot see, test, rename, replace or delete A's connection, by name,
 * by id in a command, or by forged callback data of any action code; A's rows (connection, test
 * history, settings) stay byte-identical and A's open flow is not moved.
 */
describe('ownership: another user\'s connection is "not found", never data', () => {
  let e: E2E
  let a: FakeUser
  let b: FakeUser
  let alpha: ConnectionView
  let aFlow: string
  let aFlowMessage: ChatMessage
  const footprintOfA = () =>
    [
      queryJson(e.dbPath, 'SELECT * FROM connections WHERE user_id = ? ORDER BY id', a.id),
      queryJson(e.dbPath, 'SELECT * FROM test_results WHERE connection_id = ? ORDER BY id', alpha.id),
      queryJson(e.dbPath, 'SELECT * FROM users WHERE id = ?', a.id),
    ].join('\n')
  /** B's bot messages from index `since` on (every version, and their buttons' data). */
  const seenByB = (since = 0) =>
    e.tg.botMessages(b).slice(since).flatMap((m) => [m.text, m.source ?? '', ...m.history.map((h) => h.text), JSON.stringify(m.keyboard ?? [])]).join('\n')

  beforeAll(async () => {
    e = await startE2E()
    a = e.tg.createUser({ id: 61_001, firstName: 'Alice', languageCode: 'en' })
    b = e.tg.createUser({ id: 61_002, firstName: 'Bob', languageCode: 'en' })
    for (const [user, name] of [[a, 'Alpha'], [b, 'Mine']] as const) {
      const c = fakeCredentials('mexc')
      e.ex.addAccount({ exchange: 'mexc', ...c })
      await runConnect(e, user, { exchange: 'mexc', credentials: { apiKey: c.apiKey, secret: c.secret }, name })
    }
    alpha = e.app.connections.list(a.id)[0]!
    // A is in the middle of a second /connect: its flow id is on A's buttons.
    aFlowMessage = await toNamePrompt(e, a)
    aFlow = /^fs:([^:]+):/.exec(aFlowMessage.keyboard!.flat().map((k) => ('callback_data' in k ? k.callback_data : '')).find((d) => d?.startsWith('fs:')) ?? '')![1]!
  })
  afterAll(() => e.close())

  it('by name, in any case: /status, /test, /rename, /replace, /delete of "Alpha" → not found, with a picker of B\'s own connections only', async () => {
    const before = footprintOfA()
    for (const cmd of ['status', 'test', 'rename', 'replace', 'delete', 'pause', 'resume']) {
      for (const name of ['Alpha', 'alpha', ' ALPHA ']) {
        const reply = await e.say(b, `/${cmd} ${name}`)
        expect(reply.text, `/${cmd} ${name}`).toBe(tr('en', 'connection-not-found'))
        expect(reply.keyboard!.flat().map((k) => k.text), 'the picker offers only B\'s connections').toEqual(['Mine'])
      }
    }
    expect(footprintOfA()).toBe(before)
    // Neither B's typed name nor anything of A's card comes back.
    expect(seenByB()).not.toContain(alpha.maskedKey)
    expect(seenByB()).not.toContain(alpha.id)
  })

  it('by id in a command: /status <A\'s id> and the others → not found', async () => {
    const before = footprintOfA()
    const since = e.tg.botMessages(b).length
    for (const cmd of ['status', 'test', 'rename', 'replace', 'delete', 'pause', 'resume']) {
      const reply = await e.say(b, `/${cmd} ${alpha.id}`)
      expect(reply.text, `/${cmd} <id>`).toBe(tr('en', 'connection-not-found'))
    }
    expect(footprintOfA()).toBe(before)
    // Nothing of A came back (and B's argument is not echoed either).
    expect(seenByB(since)).not.toContain('Alpha')
    expect(seenByB(since)).not.toContain(alpha.maskedKey)
  })

  for (const [code, forge] of Object.entries(FORGED) as Array<[Action['a'], (typeof FORGED)[Action['a']]]>) {
    it(`forged callback "${code}" with A's id or flow: answered, reveals nothing, A's rows byte-identical`, async () => {
      const before = footprintOfA()
      const requests = e.ex.requestCount()
      const data = pack(forge({ id: alpha.id, flow: aFlow }))
      expect(data.length).toBeLessThanOrEqual(64)
      const where = await e.say(b, '/help') // a neutral message of B's to forge the query on
      const sentBefore = e.tg.botMessages(b).length
      const query = e.tg.forgeCallback(b, where, data)
      const answer = await e.tg.waitFor(() => e.tg.callbackAnswer(query))
      if (code === 'test') expect((await e.next(b)).text).toBe(tr('en', 'error-NOT_FOUND'))
      if (['status', 'rename', 'replace', 'delete', 'delete-yes', 'pause', 'resume'].includes(code)) expect(answer.text).toBe(tr('en', 'error-NOT_FOUND'))
      if (['cancel', 'continue'].includes(code)) expect(answer.text).toBe(tr('en', 'flow-ended'))
      if (['exchange', 'market', 'ready', 'suggested', 'restart'].includes(code)) {
        // An old /connect button with no flow of B's running starts B's own setup at that step.
        expect((await e.next(b)).text).not.toContain('Alpha')
        expect((await e.say(b, '/cancel')).text).toContain('Cancelled')
      }
      if (code === 'connect') {
        expect((await e.next(b)).text).toContain('Which exchange') // B's own new flow, nothing of A's
        expect((await e.say(b, '/cancel')).text).toContain('Cancelled')
      }
      if (code === 'lang') {
        // B changed B's own language; set it back so later answers are in English.
        const settings = await e.say(b, '/settings')
        e.tg.tapButton(b, settings, 'English')
        await e.tg.waitFor(() => settings.history.length > 0)
      }
      // A round trip: every reply to the forged query has arrived before we look.
      expect((await e.say(b, '/help')).text).toContain('Commands')
      expect(footprintOfA(), 'A\'s connection, history and settings unchanged').toBe(before)
      expect(e.ex.requestCount(), 'no test ran with A\'s key').toBe(requests)
      const seen = seenByB(sentBefore - 1) // from the message the query was forged on (it may have been edited)
      for (const secret of ['Alpha', alpha.maskedKey, alpha.id]) expect(seen, 'B was shown nothing of A').not.toContain(secret)
      expect(htmlBreaks(e)).toEqual([])
    })
  }

  it('A\'s sealed credentials copied into B\'s row do not open: B\'s /test says "cannot be read", A\'s key is never used', async () => {
    const rowA = e.app.repos.connections.getById(alpha.id)!
    const mine = e.app.connections.list(b.id)[0]!
    const rowB = e.app.repos.connections.getById(mine.id)!
    const raw = new Sqlite(e.dbPath)
    const swap = raw.prepare('UPDATE connections SET sealed_api_key = ?, sealed_secret = ? WHERE id = ?')
    try {
      swap.run(rowA.sealedApiKey, rowA.sealedSecret, mine.id) // an attacker with write access to the file
      const requests = e.ex.requestCount()
      const since = e.tg.botMessages(b).length
      e.tg.sendText(b, '/test Mine')
      const answer = await e.tg.waitFor(() => e.tg.botMessages(b).slice(since).find((m) => m.text === tr('en', 'error-SEAL_FAILED')), 10_000)
      expect(answer.text).toContain('cannot be read')
      expect(e.ex.requestCount(), 'no request was signed with A\'s moved credentials').toBe(requests)
      expect(seenByB(since)).not.toContain('Connection works')
    } finally {
      swap.run(rowB.sealedApiKey, rowB.sealedSecret, mine.id)
      raw.close()
    }
  })

  it('A\'s open flow was not moved by B\'s forged flow buttons, and A still owns everything', async () => {
    const ask = await e.tap(a, aFlowMessage, aFlowMessage.keyboard![0]![0]!.text)
    expect(ask.text).toContain('Paste the MEXC API key')
    expect((await e.say(a, '/cancel')).text).toContain('Cancelled')
    expect(e.app.connections.list(a.id).map((c) => c.name)).toEqual(['Alpha'])
    expect(e.app.connections.list(b.id).map((c) => c.name)).toEqual(['Mine'])
    expect(() => e.app.connections.get(b.id, alpha.id)).toThrow()
    await expect(e.app.connections.test(b.id, alpha.id)).rejects.toThrow()
    expect(() => e.app.connections.rename(b.id, alpha.id, 'Stolen')).toThrow()
    await expect(e.app.connections.replace(b.id, alpha.id, { apiKey: 'x', secret: 'y' })).rejects.toThrow()
    expect(() => e.app.connections.remove(b.id, alpha.id)).toThrow()
    expect(() => e.app.platform.gate.pause(b.id, alpha.id)).toThrow()
    expect(e.app.repos.connections.getById(alpha.id)!.pausedAt).toBeNull()
    expect(e.app.connections.list(a.id).map((c) => c.name)).toEqual(['Alpha'])
  })
})
