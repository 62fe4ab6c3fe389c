import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import type { ChatMessage, FakeUser } from '../fakes/telegram-server.js'
import { startE2E, EGRESS_IP, type E2E } from '../helpers/e2e.js'
import { allBotText, runConnect, tr } from '../helpers/e2e-flows.js'

/**
 * User B cannot see, test, rename, replace or delete user A's connection: not by name, not by id,
 * not by forged callback data. Every attempt reads "not found" and A's row stays byte for byte.
 */
describe('ownership', () => {
  let e: E2E
  let a: FakeUser
  let b: FakeUser
  let aId: string
  let aMasked: string
  let bMessage: ChatMessage
  const A_NAME = 'Alice Main'
  const NOT_FOUND = tr('en', 'error-NOT_FOUND')
  const rowOfA = () => e.app.repos.connections.getById(aId)
  let aRow: ReturnType<typeof rowOfA>

  beforeAll(async () => {
    e = await startE2E()
    a = e.tg.createUser({ id: 6001, firstName: 'Alice', languageCode: 'en' })
    b = e.tg.createUser({ id: 6002, firstName: 'Bob', languageCode: 'en' })
    const ca = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...ca, ipWhitelist: [EGRESS_IP] })
    await runConnect(e, a, { exchange: 'mexc', credentials: ca, name: A_NAME })
    const cb = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...cb, ipWhitelist: [EGRESS_IP] })
    const { report } = await runConnect(e, b, { exchange: 'mexc', credentials: cb, name: 'Bob Main' })
    bMessage = report
    const view = e.app.connections.list(a.id)[0]!
    aId = view.id
    aMasked = view.maskedKey
    aRow = rowOfA()
  })
  afterAll(() => e.close())

  /** B's chat shows nothing of A's connection, and A's row is unchanged. */
  function expectUntouched(): void {
    expect(rowOfA()).toEqual(aRow)
    expect(allBotText(e, b)).not.toContain(aMasked)
    // A's name never appears: not even B's own typed text is echoed back.
    for (const m of e.tg.botMessages(b)) expect(m.text).not.toContain(A_NAME)
  }

  it('by name: every command answers as if A\'s connection did not exist', async () => {
    for (const cmd of ['/status', '/test', '/rename', '/replace', '/delete']) {
      const reply = await e.say(b, `${cmd} ${A_NAME}`)
      expect(reply.text, cmd).toBe(tr('en', 'connection-not-found'))
      expect(reply.keyboard?.flat().map((x) => x.text), cmd).toEqual(['Bob Main'])
    }
    expect((await e.say(b, '/connections')).text).not.toContain(A_NAME)
    expect((await e.say(b, '/status')).text).not.toContain(A_NAME)
    expectUntouched()
  })

  it('by id typed as the name: not found', async () => {
    for (const cmd of ['/status', '/test', '/rename', '/replace', '/delete']) {
      const reply = await e.say(b, `${cmd} ${aId}`)
      expect(reply.text, cmd).toBe(tr('en', 'connection-not-found'))
    }
    expectUntouched()
  })

  it('by forged callback data: status, rename, replace, delete and confirm-delete answer "not found"', async () => {
    for (const code of ['s', 'rn', 'rp', 'd', 'dy']) {
      const q = e.tg.forgeCallback(b, bMessage, `${code}:${aId}`)
      const answer = await e.tg.waitFor(() => e.tg.callbackAnswer(q))
      expect(answer.text, code).toBe(NOT_FOUND)
    }
    expectUntouched()
    expect(e.app.connections.list(a.id)).toHaveLength(1)
  })

  it('by forged callback data: test answers "not found" and no request reaches the exchange', async () => {
    const requests = e.ex.requests.length
    e.tg.forgeCallback(b, bMessage, `t:${aId}`)
    expect((await e.next(b)).text).toBe(NOT_FOUND)
    expect(e.ex.requests.length).toBe(requests)
    expectUntouched()
  })

  it('malformed or unknown callback data is refused without effect', async () => {
    for (const data of ['t:../../etc', `t:${aId}:x`, 'zz:1', 'x'.repeat(65), 'dy:', `rn:${aId}${aId}${aId}`]) {
      const q = e.tg.forgeCallback(b, bMessage, data)
      const answer = await e.tg.waitFor(() => e.tg.callbackAnswer(q))
      expect([tr('en', 'button-unknown'), NOT_FOUND, undefined], data).toContain(answer.text)
    }
    expectUntouched()
  })

  it('A still sees, tests and owns the connection', async () => {
    const status = await e.say(a, `/status ${A_NAME}`)
    expect(status.text).toContain(A_NAME)
    expect(status.text).toContain(aMasked)
    expect(e.app.connections.get(a.id, aId).name).toBe(A_NAME)
  })
})
