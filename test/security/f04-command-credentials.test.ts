import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import { conversationStore } from '../helpers/conversation-store.js'
import { EGRESS_IP, startE2E, type E2E } from '../helpers/e2e.js'
import { allBotText, reportOf, runConnect, toKeyPrompt, toNamePrompt, tr } from '../helpers/e2e-flows.js'

// Scan the conversations plugin's state (its replay log) the way test/security/no-leak.test.ts does.
vi.mock('@grammyjs/conversations', async (importOriginal) => {
  const mod = await importOriginal<typeof import('@grammyjs/conversations')>()
  const { conversationStore: store } = await import('../helpers/conversation-store.js')
  return {
    ...mod,
    conversations: (options: Parameters<typeof mod.conversations>[0] = {}) =>
      mod.conversations({ ...options, storage: options.storage ?? ({ type: 'key', adapter: store.adapter } as never) }),
  }
})

// Every test here was seen failing on 144ec40, the code the review examined (see the commit adding this line).
/**
 * Review F4: a credential typed as (or after) a command was kept in the chat, echoed back by the
 * bot and recorded in the conversation's replay log. Now, while a credential is expected, every
 * text is the credential (only an exact /cancel is a command); a command whose arguments look like
 * a credential is deleted and never recorded; no reply echoes a command or its arguments.
 */
describe('F4: credentials in commands are never kept, echoed or recorded', () => {
  let e: E2E
  let nextId = 40_400
  const newUser = (languageCode = 'en') => e.tg.createUser({ id: nextId++, firstName: 'Slash', languageCode })
  const inState = (s: string) => conversationStore.everWritten().includes(s) || conversationStore.live().includes(s)

  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())

  it('a KuCoin passphrase starting with "/" is taken as the passphrase: deleted, never echoed, not in the replay log, and the key connects', async () => {
    const user = newUser()
    const passphrase = '/trade2026desk'
    const creds = fakeCredentials('kucoin')
    e.ex.addAccount({ exchange: 'kucoin', ...creds, passphrase, ipWhitelist: [EGRESS_IP] })
    await toKeyPrompt(e, user, 'KuCoin')
    e.tg.sendText(user, creds.apiKey)
    await e.next(user)
    await e.next(user)
    e.tg.sendText(user, creds.secret)
    await e.next(user)
    expect((await e.next(user)).text).toContain('API passphrase')
    const sent = e.tg.sendText(user, passphrase)
    expect((await e.next(user)).text).toContain(tr('en', 'credential-received', { field: tr('en', 'field-passphrase') }))
    const report = await reportOf(e, await e.next(user))
    expect(report.text).toContain('Connection works')
    expect(e.tg.isDeleted(user, sent.messageId)).toBe(true)
    expect(allBotText(e, user)).not.toContain(passphrase.slice(1))
    expect(inState(passphrase.slice(1)), 'passphrase in the conversation state').toBe(false)
  })

  it('at a credential prompt "/help" is read as the credential (and the trader is told why); only /cancel stops', async () => {
    const user = newUser('pt-BR')
    const l = 'pt-BR'
    const pick = await e.say(user, '/connect')
    const checklist = await e.tap(user, pick, 'MEXC')
    const market = await e.tap(user, checklist, tr(l, 'button-key-ready'))
    const name = await e.tap(user, market, tr(l, 'market-spot'))
    await e.tap(user, name, name.keyboard![0]![0]!.text)
    const help = e.tg.sendText(user, '/help')
    const reply = await e.next(user)
    expect(reply.text).toContain(tr(l, 'credential-command-taken', { field: tr(l, 'field-apiKey') }))
    expect(e.tg.isDeleted(user, help.messageId)).toBe(true)
    expect((await e.say(user, `/cancel@${e.tg.botInfo.username}`)).text).toBe(tr(l, 'flow-cancelled'))
  })

  it('/replace <key> is deleted with a reason and nothing of it is echoed', async () => {
    const user = newUser()
    const m = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...m })
    await runConnect(e, user, { exchange: 'mexc', credentials: m, name: 'Main' })
    const typed = fakeCredentials('mexc').apiKey
    const sent = e.tg.sendText(user, `/replace ${typed}`)
    const reply = await e.next(user)
    expect(reply.text).toBe(tr('en', 'command-credential-deleted'))
    expect(e.tg.isDeleted(user, sent.messageId)).toBe(true)
    expect(allBotText(e, user)).not.toContain(typed)
  })

  it('/connect <key> <secret> is deleted, told why, never enters a flow or the replay log', async () => {
    const user = newUser('pt-BR')
    const c = fakeCredentials('mexc')
    const sent = e.tg.sendText(user, `/connect ${c.apiKey} ${c.secret}`)
    expect((await e.next(user)).text).toBe(tr('pt-BR', 'command-credential-deleted'))
    expect(e.tg.isDeleted(user, sent.messageId)).toBe(true)
    expect(inState(c.secret)).toBe(false)
    expect(inState(c.apiKey)).toBe(false)
    expect(allBotText(e, user)).not.toContain(c.apiKey)
  })

  it('a command typed mid-flow is not echoed back', async () => {
    const user = newUser()
    await toNamePrompt(e, user)
    const reply = await e.say(user, '/x9Trade2026Desk')
    expect(reply.text).toBe(tr('en', 'flow-command-mid-flow'))
    expect(reply.text).not.toContain('Trade2026')
    await e.say(user, '/cancel')
  })

  it('a name typed after a command is not echoed when no connection has it', async () => {
    const user = newUser()
    const m = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...m })
    await runConnect(e, user, { exchange: 'mexc', credentials: m, name: 'Mine' })
    const reply = await e.say(user, '/status Hunter2Desk')
    expect(reply.text).toBe(tr('en', 'connection-not-found'))
    expect(reply.keyboard!.flat().map((b) => b.text)).toEqual(['Mine'])
    expect(allBotText(e, user)).not.toContain('Hunter2Desk')
  })
})
