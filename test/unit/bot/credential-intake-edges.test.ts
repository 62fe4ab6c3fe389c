import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BotContext } from '../../../src/bot/context.js'
import { createCredentialIntake, PLACEHOLDER_PREFIX, readPlaceholder } from '../../../src/bot/credential-intake.js'
import { createExchangeRegistry } from '../../../src/exchanges/registry.js'

// The intake's edges a mutation run found unguarded: which updates it leaves alone, which texts a
// flow may read later, the timers' exact lifetimes, and every method on a chat it does not know.
const adapters = createExchangeRegistry({ urls: {} }).listAdapters()
const mexc = adapters.find((a) => a.id === 'mexc')!
const CHAT = 777
const OTHER = 888
const IDLE = 10 * 60_000
const SETUP = 24 * 60 * 60_000
const KEY = 'mx0vDemoHealthy001'
const HANDLE = 'AbCdEfGh_-12'

interface Opts {
  edited?: boolean
  active?: boolean
  chatType?: string
  noChat?: boolean
  noConversation?: boolean
}

function fakeCtx(msg: Record<string, unknown> | undefined, o: Opts = {}) {
  const chat = { id: CHAT, type: o.chatType ?? 'private' }
  const message = msg ? { message_id: 1, date: 0, chat, ...msg } : undefined
  const exitAll = vi.fn(async () => {})
  const deleteMessage = vi.fn(async () => true)
  const ctx = {
    chat: o.noChat ? undefined : chat,
    message: o.edited ? undefined : message,
    editedMessage: o.edited ? message : undefined,
    me: { username: 'bfc_bot' },
    api: { deleteMessage },
    conversation: o.noConversation ? undefined : { active: () => (o.active === false ? {} : { connect: 1 }), exitAll },
    deps: { connections: { exchanges: () => adapters } },
  }
  return { ctx: ctx as unknown as BotContext, message: message as Record<string, unknown> | undefined, exitAll, deleteMessage }
}

const mexcPaste = (fields: ReadonlyArray<'apiKey' | 'secret'>, expected?: 'apiKey' | 'secret') => ({
  fields,
  ...(expected ? { expected } : {}),
  validate: (f: 'apiKey' | 'secret' | 'passphrase', v: string, o: object) => mexc.validateField(f, v, o),
  fieldShape: () => false,
})
const anything = { fields: ['passphrase'] as const, expected: 'passphrase' as const, validate: () => null, fieldShape: () => false }

describe('readPlaceholder', () => {
  const p = (rest: string) => `${PLACEHOLDER_PREFIX}${rest}`
  it('reads handle, kind and whether the message was deleted', () => {
    expect(readPlaceholder(p(`${HANDLE}:answer:1`))).toEqual({ handle: HANDLE, kind: 'answer', deleted: true })
    expect(readPlaceholder(p(`${HANDLE}:media:0`))).toEqual({ handle: HANDLE, kind: 'media', deleted: false })
    expect(readPlaceholder(p(`${HANDLE}:edit`))).toEqual({ handle: HANDLE, kind: 'edit', deleted: false })
  })
  it('anything else is not a placeholder: no text, other text, a handle not exactly 12 url-safe characters, an unknown kind', () => {
    for (const t of [undefined, '', 'hello', `x${p(`${HANDLE}:answer:1`)}`, p(''), p(HANDLE), p(`${HANDLE}:other:1`), p(`x${HANDLE}:answer:1`), p(`${HANDLE}x:answer:1`), p(`${HANDLE.slice(1)}:answer:1`), p('AbCdEfGh!?12:answer:1')]) {
      expect(readPlaceholder(t)).toBeNull()
    }
  })
})

describe('credential intake: edges', () => {
  let onIdle: ReturnType<typeof vi.fn<(chatId: number, locale: string) => void>>
  let intake: ReturnType<typeof createCredentialIntake>
  const run = async (c: ReturnType<typeof fakeCtx>) => {
    const next = vi.fn(async () => {})
    await intake.middleware(c.ctx, next)
    expect(next).toHaveBeenCalledOnce()
    return c
  }
  const untouched = async (msg: Record<string, unknown> | undefined, o: Opts = {}) => {
    const before = JSON.stringify(msg)
    const c = await run(fakeCtx(msg, o))
    expect(c.deleteMessage).not.toHaveBeenCalled()
    const rest = c.message ? Object.fromEntries(Object.entries(c.message).filter(([k]) => !['message_id', 'date', 'chat'].includes(k))) : undefined
    expect(JSON.stringify(rest)).toBe(before)
    return c
  }
  const handleOf = (c: ReturnType<typeof fakeCtx>) => readPlaceholder(c.message!.text as string)!.handle

  beforeEach(() => {
    vi.useFakeTimers()
    onIdle = vi.fn<(chatId: number, locale: string) => void>()
    intake = createCredentialIntake({ idleMs: IDLE, setupMs: SETUP, onIdle })
  })
  afterEach(() => vi.useRealTimers())

  it('leaves group chats, updates without a chat or a message, and a bot without conversations to the next handler', async () => {
    await untouched({ text: KEY }, { chatType: 'group' })
    await untouched({ text: KEY }, { noChat: true })
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'apiKey')
    await untouched(undefined) // a button press: no message
    const c = await run(fakeCtx({ text: KEY }, { noConversation: true }))
    expect(readPlaceholder(c.message!.text as string)).toMatchObject({ kind: 'answer' })
  })

  it('a sticker or a location is not a credential carrier, even at a credential prompt', async () => {
    await untouched({ sticker: { file_id: 'S' } })
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'secret')
    await untouched({ sticker: { file_id: 'S' } })
    await untouched({ location: { latitude: 1, longitude: 2 } })
    expect(intake.held(CHAT)).toEqual({ values: 0, pending: 0 })
  })

  it('an edit is taken at a credential prompt whatever it says, and outside one only if it looks like a credential', async () => {
    await untouched({ text: 'hello' }, { edited: true })
    intake.begin(CHAT, 'en')
    await untouched({ text: 'my own words' }, { edited: true })
    intake.expect(CHAT, 'passphrase')
    const c = await run(fakeCtx({ text: 'my own words' }, { edited: true }))
    expect(readPlaceholder(c.message!.text as string)).toMatchObject({ kind: 'edit' })
    expect(intake.held(CHAT)).toEqual({ values: 0, pending: 0 }) // an edit is never read as the answer
  })

  it('in a flow, only a plain pasted text that looks like a key is kept for the flow; commands, captions, forwards and edits are not', async () => {
    intake.begin(CHAT, 'en')
    for (const [msg, o] of [
      [{ text: `/replace ${KEY}` }, {}],
      [{ photo: [], caption: KEY }, {}],
      [{ text: KEY, forward_origin: { type: 'hidden_user', date: 0, sender_user_name: 'x' } }, {}],
      [{ text: KEY }, { edited: true }],
    ] as const) {
      const c = await run(fakeCtx({ ...msg }, o))
      expect(c.deleteMessage).toHaveBeenCalledOnce()
      expect(intake.held(CHAT)).toEqual({ values: 0, pending: 0 })
    }
    const c = await run(fakeCtx({ text: KEY }))
    expect(readPlaceholder(c.message!.text as string)).toMatchObject({ kind: 'stray' })
    expect(intake.held(CHAT)).toEqual({ values: 0, pending: 1 })
    expect(intake.accept(CHAT, handleOf(c), mexcPaste(['apiKey', 'secret']))).toEqual({ accepted: ['apiKey'], problems: [], command: false })
    expect(intake.heldFields(CHAT)).toEqual(['apiKey'])
  })

  it('a flow that is still running with its intake state is not exited', async () => {
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'apiKey')
    const c = await run(fakeCtx({ text: KEY }, { active: true }))
    expect(c.exitAll).not.toHaveBeenCalled()
    expect(intake.held(CHAT)).toEqual({ values: 0, pending: 1 })
  })

  it('says whether an answer began with "/", after leading spaces only', async () => {
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'passphrase')
    const answer = async (text: string) => intake.accept(CHAT, handleOf(await run(fakeCtx({ text }))), anything)
    expect(await answer('  /Trade2026desk')).toEqual({ accepted: ['passphrase'], problems: [], command: true })
    expect(await answer('Trade2026desk/')).toEqual({ accepted: ['passphrase'], problems: [], command: false })
    expect(intake.value(CHAT, 'passphrase')).toBe('Trade2026desk/')
  })

  it('accept on a chat with no flow, no unread message or another handle: nothing accepted, EXPIRED only if a field was expected', async () => {
    expect(intake.accept(OTHER, HANDLE, mexcPaste(['apiKey'], 'apiKey'))).toEqual({ accepted: [], problems: [{ field: 'apiKey', problem: 'EXPIRED' }], command: false })
    intake.begin(CHAT, 'en')
    expect(intake.accept(CHAT, HANDLE, mexcPaste(['apiKey', 'secret']))).toEqual({ accepted: [], problems: [], command: false })
    intake.expect(CHAT, 'apiKey')
    await run(fakeCtx({ text: `/${KEY}` }))
    expect(intake.accept(CHAT, HANDLE, mexcPaste(['apiKey'], 'apiKey'))).toEqual({ accepted: [], problems: [{ field: 'apiKey', problem: 'EXPIRED' }], command: false })
    expect(intake.held(CHAT)).toEqual({ values: 0, pending: 1 }) // the real one is still unread
  })

  it('expect, stopExpecting, isExpecting: per chat, and harmless on a chat with no flow', async () => {
    intake.expect(OTHER, 'apiKey')
    intake.stopExpecting(OTHER)
    expect(intake.isExpecting(OTHER)).toBeNull()
    expect(intake.size()).toBe(0)
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'secret')
    expect(intake.isExpecting(CHAT)).toBe('secret')
    intake.stopExpecting(CHAT)
    expect(intake.isExpecting(CHAT)).toBeNull()
    await untouched({ text: 'My main account' })
  })

  it('drop forgets only the message behind its handle', async () => {
    intake.drop(OTHER, HANDLE)
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'apiKey')
    const c = await run(fakeCtx({ text: KEY }))
    intake.drop(CHAT, HANDLE)
    expect(intake.held(CHAT)).toEqual({ values: 0, pending: 1 })
    intake.drop(CHAT, handleOf(c))
    expect(intake.held(CHAT)).toEqual({ values: 0, pending: 0 })
    expect(intake.accept(CHAT, handleOf(c), mexcPaste(['apiKey'], 'apiKey')).accepted).toEqual([])
  })

  it('forgetValues drops every value and the unread message, and the flow goes back to the setup timer', async () => {
    intake.forgetValues(OTHER)
    expect(intake.held(OTHER)).toEqual({ values: 0, pending: 0 })
    expect(intake.heldFields(OTHER)).toEqual([])
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'apiKey')
    intake.accept(CHAT, handleOf(await run(fakeCtx({ text: KEY }))), mexcPaste(['apiKey'], 'apiKey'))
    await run(fakeCtx({ text: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }))
    expect(intake.held(CHAT)).toEqual({ values: 1, pending: 1 })
    intake.forgetValues(CHAT)
    expect(intake.held(CHAT)).toEqual({ values: 0, pending: 0 })
    expect(intake.value(CHAT, 'apiKey')).toBeUndefined()
    await vi.advanceTimersByTimeAsync(IDLE)
    expect(onIdle).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(SETUP - IDLE)
    expect(onIdle).toHaveBeenCalledOnce()
  })

  it('an unread answer already starts the short idle timer', async () => {
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'apiKey')
    await run(fakeCtx({ text: KEY }))
    await vi.advanceTimersByTimeAsync(IDLE)
    expect(onIdle).toHaveBeenCalledWith(CHAT, 'en')
    expect(intake.held(CHAT)).toEqual({ values: 0, pending: 0 })
  })

  it('any activity restarts the idle timer, and each flow ends exactly once', async () => {
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'apiKey')
    intake.accept(CHAT, handleOf(await run(fakeCtx({ text: KEY }))), mexcPaste(['apiKey'], 'apiKey'))
    await vi.advanceTimersByTimeAsync(IDLE - 1)
    await run(fakeCtx({ text: '/cancel' })) // activity (passed on to the flow)
    await vi.advanceTimersByTimeAsync(IDLE - 1)
    expect(onIdle).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(onIdle).toHaveBeenCalledOnce()
    await vi.advanceTimersByTimeAsync(SETUP * 2)
    expect(onIdle).toHaveBeenCalledOnce()
  })

  it('a flow that ends (wipe) or starts over (begin) leaves no timer behind', async () => {
    intake.begin(CHAT, 'en')
    intake.wipe(CHAT)
    intake.wipe(OTHER)
    await vi.advanceTimersByTimeAsync(SETUP)
    expect(onIdle).not.toHaveBeenCalled()
    intake.begin(CHAT, 'en')
    await vi.advanceTimersByTimeAsync(SETUP - 1)
    intake.begin(CHAT, 'pt-BR') // a second /connect just before the first one's end
    await vi.advanceTimersByTimeAsync(1)
    expect(onIdle).not.toHaveBeenCalled()
    expect(intake.size()).toBe(1)
    await vi.advanceTimersByTimeAsync(SETUP)
    expect(onIdle.mock.calls).toEqual([[CHAT, 'pt-BR']])
  })

  it('works without an idle callback', async () => {
    const quiet = createCredentialIntake({ idleMs: IDLE, setupMs: SETUP })
    quiet.begin(CHAT, 'en')
    await vi.advanceTimersByTimeAsync(SETUP)
    expect(quiet.size()).toBe(0)
  })
})
