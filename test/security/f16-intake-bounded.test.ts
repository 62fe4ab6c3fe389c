import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { fakeCredentials } from '../fakes/exchange-server.js'
import { conversationStore } from '../helpers/conversation-store.js'
import { startE2E, type E2E } from '../helpers/e2e.js'
import { toKeyPrompt, toNamePrompt, tr } from '../helpers/e2e-flows.js'

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
 * Review F16: the intake kept every rejected value (up to 4 KB each) until the flow ended, and
 * every message re-armed its timer, so one chat could pin unbounded memory. Now it keeps at most
 * the latest good value per field and drops every message as soon as the flow has read it.
 * With it, the two hardening notes on the intake's lifetime: it and its flow end together.
 */
describe('F16: the intake holds at most one value per field', () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())

  it('50 rejected 4 KB values leave nothing held; good values replace each other, one per field', async () => {
    const user = e.tg.createUser({ id: 41_601, firstName: 'Flood', languageCode: 'en' })
    await toKeyPrompt(e, user)
    for (let i = 0; i < 50; i++) {
      e.tg.sendText(user, `${i}`.padEnd(4096, 'Z'))
      expect((await e.next(user)).text).toContain(tr('en', 'format-TOO_LONG'))
    }
    expect(e.app.intake.held(user.id)).toEqual({ values: 0, pending: 0 })
    const first = fakeCredentials('mexc')
    e.tg.sendText(user, first.apiKey)
    await e.next(user) // got it
    await e.next(user) // secret prompt
    expect(e.app.intake.held(user.id)).toEqual({ values: 1, pending: 0 })
    // A different key pasted with its label at the secret prompt replaces the first one.
    e.tg.sendText(user, `API Key: ${fakeCredentials('mexc').apiKey}`)
    expect((await e.next(user)).text).toContain(tr('en', 'credential-received', { field: tr('en', 'field-apiKey') }))
    await e.next(user)
    expect(e.app.intake.held(user.id)).toEqual({ values: 1, pending: 0 })
    for (let i = 0; i < 20; i++) {
      e.tg.sendText(user, `not a secret ${i}`)
      await e.next(user)
    }
    expect(e.app.intake.held(user.id)).toEqual({ values: 1, pending: 0 })
    await e.say(user, '/cancel')
    expect(e.app.intake.held(user.id)).toEqual({ values: 0, pending: 0 })
  })

  it('a flow that died after asking for a key does not leave the intake swallowing the chat', async () => {
    const user = e.tg.createUser({ id: 41_602, firstName: 'Died', languageCode: 'en' })
    const name = await toNamePrompt(e, user)
    // The key prompt cannot be sent: the flow fails after it started expecting a key.
    e.tg.failNext('sendMessage', { error_code: 400, description: 'Bad Request: chat not found' })
    e.tg.tapButton(user, name, name.keyboard![0]![0]!.text)
    await e.tg.waitFor(() => e.logs().includes('"chatId":41602') && e.logs().includes('update failed'))
    const hello = e.tg.sendText(user, 'hello?')
    expect((await e.next(user)).text).toBe(tr('en', 'fallback'))
    expect(e.tg.isDeleted(user, hello.messageId), 'an ordinary message after the flow died is left alone').toBe(false)
    expect(e.app.intake.size()).toBe(0)
  })
})

describe('the intake and its flow share one lifetime', () => {
  let e: E2E
  beforeAll(async () => {
    // A short idle limit: the old intake timer ran it out while the key prompt was still held up.
    e = await startE2E({ flowTimeoutMs: 1000 })
  })
  afterAll(() => e.close())

  it('a prompt delayed by a 429 leaves no window where a pasted key reaches the flow raw', async () => {
    const user = e.tg.createUser({ id: 41_603, firstName: 'Gap', languageCode: 'en' })
    const c = fakeCredentials('mexc')
    const name = await toNamePrompt(e, user)
    e.tg.rateLimit({ retryAfter: 2.5, count: 1, methods: ['sendMessage'] })
    e.tg.tapButton(user, name, name.keyboard![0]![0]!.text)
    const prompt = await e.next(user, 10_000)
    expect(prompt.text).toContain('Paste the MEXC API key')
    const key = e.tg.sendText(user, c.apiKey)
    expect((await e.next(user)).text).toContain('Got the API key')
    expect(e.tg.isDeleted(user, key.messageId)).toBe(true)
    expect(conversationStore.everWritten()).not.toContain(c.apiKey)
    expect(conversationStore.live()).not.toContain(c.apiKey)
    await e.next(user)
    await e.say(user, '/cancel')
  })
})
