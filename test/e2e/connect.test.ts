import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import { startE2E, EGRESS_IP, type E2E } from '../helpers/e2e.js'

describe('/connect end to end', () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())

  it('connects a healthy MEXC key, deletes every credential message, and saves it Online', async () => {
    const creds = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...creds })
    const user = e.tg.createUser({ id: 1001, firstName: 'Ana', languageCode: 'en' })
    const pick = await e.say(user, '/connect')
    expect(pick.text).toContain('Which exchange')
    const checklist = await e.tap(user, pick, 'MEXC')
    expect(checklist.text).toContain('API Management')
    expect(checklist.text).toContain(EGRESS_IP)
    const market = await e.tap(user, checklist, '✅ I have created the key')
    const name = await e.tap(user, market, 'Spot')
    expect(name.text).toContain('MEXC spot')
    const askKey = await e.tap(user, name, 'Use "MEXC spot"')
    expect(askKey.text).toContain('API key')
    const keyMsg = e.tg.sendText(user, creds.apiKey)
    const gotKey = await e.next(user)
    expect(gotKey.text).toContain('Got the API key')
    const askSecret = await e.next(user)
    expect(askSecret.text).toContain('secret key')
    const secretMsg = e.tg.sendText(user, creds.secret)
    await e.next(user) // got it
    const testing = await e.next(user)
    expect(testing.text).toContain('Testing')
    const report = await e.tg.waitFor(() => (testing.history.length > 0 ? testing : null), 10_000)
    expect(report.text).toContain('Connection works')
    expect(report.text).toContain('Saved as MEXC spot')
    expect(e.tg.isDeleted(user, keyMsg.message.message_id)).toBe(true)
    expect(e.tg.isDeleted(user, secretMsg.message.message_id)).toBe(true)
    const list = e.app.connections.list(user.id)
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ name: 'MEXC spot', exchange: 'mexc', status: 'online' })
    expect(e.app.intake.size()).toBe(0)
    for (const m of e.tg.botMessages(user)) {
      expect(m.text).not.toContain(creds.secret)
      expect(m.text).not.toContain(creds.apiKey)
    }
    expect(e.logs()).not.toContain(creds.secret)
  })
})
