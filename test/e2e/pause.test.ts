import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { FakeUser } from '../fakes/telegram-server.js'
import type { E2E } from '../helpers/e2e.js'
import { refusedCalls, tr } from '../helpers/e2e-flows.js'
import { apiClient, connectOnline, startPlatformE2E } from '../helpers/platform.js'

const plain = (html: string) => html.replace(/<\/?[a-z]+>/g, '')

/** The trader's kill switch, driven through the real bot: /pause and /resume, by name or picker, in both languages. */
describe('/pause and /resume', () => {
  let e: E2E
  let nextUser = 74_000
  let token: string
  const newUser = async (languageCode = 'en'): Promise<FakeUser> => {
    const user = e.tg.createUser({ id: nextUser++, firstName: 'Kill', languageCode })
    await e.say(user, '/start')
    return user
  }
  const gate = async (id: string) => (await apiClient(e).credentials(token, id)).status
  beforeAll(async () => {
    e = await startPlatformE2E()
    token = e.app.platform.tokens.create('engine', ['credentials']).token
  })
  afterEach(() => {
    expect(refusedCalls(e)).toEqual([])
  })
  afterAll(() => e.close())

  it('with one connection /pause needs no name; with several it offers a picker, and the tapped one is paused', async () => {
    const user = await newUser()
    const a = await connectOnline(e, user.id, { name: 'Alpha' })
    expect((await e.say(user, '/pause')).text).toBe(plain(tr('en', 'pause-done', { name: 'Alpha' })))
    expect(await gate(a.id)).toBe(409)
    const b = await connectOnline(e, user.id, { name: 'Beta' })
    const picker = await e.say(user, '/pause')
    expect(picker.text).toBe(tr('en', 'pick-pause'))
    expect(picker.keyboard?.flat().map((k) => k.text)).toEqual(['Alpha', 'Beta'])
    expect((await e.tap(user, picker, 'Beta')).text).toBe(plain(tr('en', 'pause-done', { name: 'Beta' })))
    expect(await gate(b.id)).toBe(409)
    const list = (await e.say(user, '/connections')).text
    expect(list).toContain(`Alpha · MEXC · Spot · online · ${tr('en', 'connection-paused-badge')}`)
    expect(list).toContain(`Beta · MEXC · Spot · online · ${tr('en', 'connection-paused-badge')}`)
    const resume = await e.say(user, '/resume')
    expect(resume.text).toBe(tr('en', 'pick-resume'))
    expect((await e.tap(user, resume, 'Alpha')).text).toBe(plain(tr('en', 'resume-done', { name: 'Alpha' })))
    expect(await gate(a.id)).toBe(200)
    expect(await gate(b.id)).toBe(409)
    expect((await e.say(user, '/resume Alpha')).text).toBe(plain(tr('en', 'resume-already', { name: 'Alpha' })))
  })

  it('resuming a connection that is offline says the platform will use it only once it is Online again', async () => {
    const user = await newUser()
    const { id, credentials } = await connectOnline(e, user.id, { name: 'Flaky' })
    await e.say(user, '/pause Flaky')
    e.ex.revokeAccount(credentials.apiKey)
    await e.app.connections.testById(id, 'monitor')
    const answer = await e.say(user, '/resume Flaky')
    expect(answer.text).toBe(plain(tr('en', 'resume-done-not-online', { name: 'Flaky', status: tr('en', 'status-offline') })))
    expect(await gate(id)).toBe(409)
  })

  it('speaks Portuguese, and /help and the command menu list both commands', async () => {
    const user = await newUser('pt-BR')
    await connectOnline(e, user.id, { name: 'Conta' })
    expect((await e.say(user, '/pause Conta')).text).toBe(plain(tr('pt-BR', 'pause-done', { name: 'Conta' })))
    expect((await e.say(user, '/status Conta')).text).toContain(tr('pt-BR', 'connection-platform-paused'))
    expect((await e.say(user, '/resume conta')).text).toBe(plain(tr('pt-BR', 'resume-done', { name: 'Conta' })))
    const help = await e.say(user, '/help')
    expect(help.text).toContain('/pause')
    expect(help.text).toContain('/resume')
    const menus = e.tg.calls.filter((c) => c.method === 'setMyCommands').map((c) => JSON.stringify(c.payload))
    expect(menus).toHaveLength(2)
    for (const m of menus) expect(m).toMatch(/"command":"pause".*"command":"resume"/)
  })
})
