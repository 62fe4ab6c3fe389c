import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import type { FakeUser } from '../fakes/telegram-server.js'
import { startE2E, type E2E } from '../helpers/e2e.js'
import { dataOf, runConnect, tr } from '../helpers/e2e-flows.js'

type Locale = 'en' | 'pt-BR'

/**
 * Issue 11.7: a stale button anywhere gets a short, true answer. A report's "Test again" after
 * its connection was deleted says so in one alert (no "Testing…" notice, no message), and the
 * report loses its buttons; a connection picker tapped after the connection went says the same.
 */
describe('buttons of a connection that was deleted since', () => {
  let e: E2E
  let nextId = 11_700
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())
  const newUser = (languageCode: Locale): FakeUser => e.tg.createUser({ id: nextId++, firstName: 'Stale', languageCode })

  for (const l of ['en', 'pt-BR'] as const) {
    it(`${l}: "Test again" on the report of a deleted connection: one true alert, nothing tested, no message, the buttons go`, async () => {
      const user = newUser(l)
      const c = fakeCredentials('mexc')
      e.ex.addAccount({ exchange: 'mexc', ...c })
      const { report } = await runConnect(e, user, { exchange: 'mexc', credentials: c, locale: l, name: 'Gone' })
      const confirm = await e.say(user, '/delete Gone')
      await e.tap(user, confirm, tr(l, 'button-delete-yes')).catch(() => confirm)
      await e.tg.waitFor(() => (e.app.connections.list(user.id).length === 0 ? true : null))
      expect(report.keyboard, 'the old report still shows its buttons until tapped').toBeDefined()
      const sent = e.tg.botMessages(user).length
      const requests = e.ex.requestCount('mexc')
      const q = e.tg.forgeCallback(user, report, dataOf(report, tr(l, 'button-test-again')))
      const answer = await e.tg.waitFor(() => e.tg.callbackAnswer(q))
      expect(answer).toMatchObject({ text: tr(l, 'button-connection-deleted'), showAlert: true })
      expect(answer.text).not.toBe(tr(l, 'test-started'))
      await e.tg.waitFor(() => (report.keyboard === undefined ? true : null))
      expect(e.tg.botMessages(user).length, 'no "not found" message, no "testing…"').toBe(sent)
      expect(e.ex.requestCount('mexc')).toBe(requests)
    })

    it(`${l}: a connection picker tapped after that connection was deleted says so, and runs nothing`, async () => {
      const user = newUser(l)
      for (const name of ['One', 'Two']) {
        const c = fakeCredentials('mexc')
        e.ex.addAccount({ exchange: 'mexc', ...c })
        await runConnect(e, user, { exchange: 'mexc', credentials: c, locale: l, name })
      }
      const picker = await e.say(user, '/test')
      const one = e.app.connections.list(user.id).find((x) => x.name === 'One')!
      e.app.connections.remove(user.id, one.id)
      const sent = e.tg.botMessages(user).length
      const q = e.tg.forgeCallback(user, picker, dataOf(picker, 'One'))
      expect(await e.tg.waitFor(() => e.tg.callbackAnswer(q))).toMatchObject({ text: tr(l, 'button-connection-deleted') })
      expect(e.tg.botMessages(user).length).toBe(sent)
      // "Two" still works from the same picker: the picker turns into its test.
      const q2 = e.tg.forgeCallback(user, picker, dataOf(picker, 'Two'))
      await e.tg.waitFor(() => e.tg.callbackAnswer(q2))
      await e.tg.waitFor(() => (picker.text.includes('Two') && picker.keyboard?.flat().some((b) => b.text === tr(l, 'button-test-again')) ? true : null), 10_000)
    })
  }
})
