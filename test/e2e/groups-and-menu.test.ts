import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerCommands } from '../../src/bot/commands.js'
import { coinbaseEcKey, fakeCredentials } from '../fakes/exchange-server.js'
import { startE2E, type E2E } from '../helpers/e2e.js'
import { tr } from '../helpers/e2e-flows.js'

describe('group chats', () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())

  it('/connect in a group is refused with a link to the private chat, which starts the setup', async () => {
    const user = e.tg.createUser({ id: 7001, firstName: 'Gus', languageCode: 'en' })
    const group = e.tg.createGroup({ title: 'Traders' })
    e.tg.sendText(user, '/connect', { chat: group })
    const refused = await e.tg.nextBotMessage(group)
    const link = `https://t.me/${e.tg.botInfo.username}?start=connect`
    expect(refused.text).toBe(tr('en', 'group-refused', { link }))
    e.tg.sendText(user, `/connect@${e.tg.botInfo.username}`, { chat: group })
    expect((await e.tg.nextBotMessage(group)).text).toContain(link)
    e.tg.sendText(user, '/status', { chat: group })
    expect((await e.tg.nextBotMessage(group)).text).toContain(link)
    // Following the link: /start connect in private opens /connect.
    expect((await e.say(user, '/start connect')).text).toContain('Which exchange')
    await e.say(user, '/cancel')
  })

  it('a credential-looking message in a group is deleted with a warning; ordinary chat is left alone', async () => {
    const user = e.tg.createUser({ id: 7002, firstName: 'Hal', languageCode: 'pt-BR' })
    const group = e.tg.createGroup({ title: 'Grupo' })
    const creds = fakeCredentials('kucoin')
    const before = e.tg.botMessages(group).length
    e.tg.sendText(user, 'bom dia a todos', { chat: group })
    const key = e.tg.sendText(user, creds.secret, { chat: group })
    const warning = await e.tg.waitFor(() => e.tg.botMessages(group)[before])
    expect(warning.text).toBe(tr('pt-BR', 'group-credential-deleted'))
    expect(e.tg.isDeleted(group, key.messageId)).toBe(true)
    expect(e.tg.botMessages(group)).toHaveLength(before + 1) // nothing said about "bom dia"
  })

  it('a private key pasted as a multi-line PEM in a group, or a Coinbase key name, is deleted with a warning', async () => {
    const user = e.tg.createUser({ id: 7004, firstName: 'Pem', languageCode: 'en' })
    const group = e.tg.createGroup({ title: 'Traders' })
    const { apiKey, secret } = coinbaseEcKey()
    const before = e.tg.botMessages(group).length
    const pem = e.tg.sendText(user, secret, { chat: group })
    expect((await e.tg.waitFor(() => e.tg.botMessages(group)[before])).text).toBe(tr('en', 'group-credential-deleted'))
    expect(e.tg.isDeleted(group, pem.messageId)).toBe(true)
    const name = e.tg.sendText(user, apiKey, { chat: group })
    expect((await e.tg.waitFor(() => e.tg.botMessages(group)[before + 1])).text).toBe(tr('en', 'group-credential-deleted'))
    expect(e.tg.isDeleted(group, name.messageId)).toBe(true)
  })

  it('when the bot may not delete in the group it says so and tells the user to rotate the key', async () => {
    const user = e.tg.createUser({ id: 7003, firstName: 'Ivy', languageCode: 'en' })
    const group = e.tg.createGroup({ title: 'No admin', type: 'group' })
    e.tg.refuseDeletes(group)
    const key = e.tg.sendText(user, fakeCredentials('mexc').apiKey, { chat: group })
    const warning = await e.tg.nextBotMessage(group)
    expect(warning.text).toBe(tr('en', 'group-credential-not-deleted'))
    expect(e.tg.isDeleted(group, key.messageId)).toBe(false)
    e.tg.allowDeletes()
  })
})

describe('command menu', () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())

  it('is registered for private chats in English (default) and Portuguese', () => {
    const en = e.tg.commands({ scope: { type: 'all_private_chats' } })
    const pt = e.tg.commands({ scope: { type: 'all_private_chats' }, languageCode: 'pt' })
    const names = ['connect', 'connections', 'status', 'test', 'rename', 'replace', 'delete', 'pause', 'resume', 'settings', 'help', 'cancel']
    expect(en.map((c) => c.command)).toEqual(names)
    expect(pt.map((c) => c.command)).toEqual(names)
    expect(en.find((c) => c.command === 'connect')?.description).toBe('Connect an exchange')
    expect(pt.find((c) => c.command === 'connect')?.description).toBe('Conectar uma exchange')
    for (const c of pt) expect(c.description).toBe(tr('pt-BR', `cmd-${c.command}`))
  })

  it('a failing setMyCommands is logged and the bot keeps answering', async () => {
    e.tg.failNext('setMyCommands', { error_code: 400, description: 'Bad Request: BOT_COMMAND_INVALID' })
    await expect(registerCommands(e.app.bot!.api, (l, k) => tr(l, k), e.app.logger)).resolves.toBeUndefined()
    expect(e.logs()).toContain('could not register the command menu')
    const user = e.tg.createUser({ id: 7101, firstName: 'Jo', languageCode: 'en' })
    expect((await e.say(user, '/help')).text).toContain('Commands')
  })
})
