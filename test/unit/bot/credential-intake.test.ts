import { generateKeyPairSync } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BotContext } from '../../../src/bot/context.js'
import { createCredentialIntake, PLACEHOLDER_PREFIX, readPlaceholder } from '../../../src/bot/credential-intake.js'
import { createExchangeRegistry } from '../../../src/exchanges/registry.js'

const adapters = createExchangeRegistry({ urls: {} }).listAdapters()
const CHAT = 777
const IDLE = 10 * 60_000
const SETUP = 24 * 60 * 60_000

/** The few parts of a grammY context the intake touches: a private chat, one message, deleteMessage, the conversations flavour. */
function fakeCtx(msg: Record<string, unknown> | undefined, opts: { edited?: boolean; active?: boolean; deleteFails?: boolean } = {}) {
  const message = msg ? { message_id: 1, date: 0, chat: { id: CHAT, type: 'private' }, ...msg } : undefined
  const exitAll = vi.fn(async () => {})
  const deleteMessage = vi.fn(async () => {
    if (opts.deleteFails) throw new Error('message can\'t be deleted')
    return true
  })
  const ctx = {
    chat: { id: CHAT, type: 'private' },
    message: opts.edited ? undefined : message,
    editedMessage: opts.edited ? message : undefined,
    me: { username: 'bfc_bot' },
    api: { deleteMessage },
    conversation: { active: () => (opts.active === false ? {} : { connect: 1 }), exitAll },
    deps: { connections: { exchanges: () => adapters } },
  }
  return { ctx: ctx as unknown as BotContext, message: message as Record<string, unknown> | undefined, exitAll, deleteMessage }
}

describe('credential intake', () => {
  let onIdle: ReturnType<typeof vi.fn<(chatId: number, locale: string) => void>>
  let intake: ReturnType<typeof createCredentialIntake>
  const run = async (c: ReturnType<typeof fakeCtx>) => {
    const next = vi.fn(async () => {})
    await intake.middleware(c.ctx, next)
    expect(next).toHaveBeenCalledOnce()
    return c
  }
  const mexc = adapters.find((a) => a.id === 'mexc')!
  const paste = (expected?: 'apiKey' | 'secret') => ({
    fields: ['apiKey', 'secret'] as const,
    ...(expected ? { expected } : {}),
    validate: (f: 'apiKey' | 'secret' | 'passphrase', v: string, o: object) => mexc.validateField(f, v, o),
    fieldShape: () => false,
  })

  beforeEach(() => {
    vi.useFakeTimers()
    onIdle = vi.fn<(chatId: number, locale: string) => void>()
    intake = createCredentialIntake({ idleMs: IDLE, setupMs: SETUP, onIdle })
  })
  afterEach(() => vi.useRealTimers())

  it('while a credential is expected every text is taken, replaced by a placeholder that says what it was', async () => {
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'passphrase')
    const c = await run(fakeCtx({ text: '/trade2026desk', entities: [{ type: 'bot_command', offset: 0, length: 14 }] }))
    expect(c.deleteMessage).toHaveBeenCalledWith(CHAT, 1)
    expect(c.message!.text).toMatch(new RegExp(`^${PLACEHOLDER_PREFIX}`))
    expect(c.message!.entities).toBeUndefined()
    expect(readPlaceholder(c.message!.text as string)).toMatchObject({ kind: 'answer', deleted: true })
    expect(JSON.stringify(c.message)).not.toContain('trade2026')
    expect(intake.held(CHAT)).toEqual({ values: 0, pending: 1 })
  })

  it('only an exact /cancel (or /cancel@bot) passes while a credential is expected', async () => {
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'apiKey')
    for (const text of ['/cancel', ' /cancel ', '/cancel@BFC_bot']) expect((await run(fakeCtx({ text }))).message!.text).toBe(text)
    for (const text of ['/cancel now', '/cancel@other_bot', '/help']) expect((await run(fakeCtx({ text }))).message!.text).not.toBe(text)
  })

  it('a photo or file at a credential prompt is taken out of the update (no file id is recorded)', async () => {
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'secret')
    const c = await run(fakeCtx({ photo: [{ file_id: 'SCREENSHOT', file_unique_id: 'u', width: 1, height: 1 }], caption: 'keys' }))
    expect(readPlaceholder(c.message!.text as string)).toMatchObject({ kind: 'media' })
    expect(JSON.stringify(c.message)).not.toContain('SCREENSHOT')
    expect(intake.held(CHAT)).toEqual({ values: 0, pending: 0 })
  })

  it('outside a credential prompt, a text, caption or edit that looks like a credential is taken; others pass untouched', async () => {
    expect((await run(fakeCtx({ text: 'hello there' }))).message!.text).toBe('hello there')
    const stray = await run(fakeCtx({ text: 'key: mx0vDemoHealthy001' }))
    expect(readPlaceholder(stray.message!.text as string)).toMatchObject({ kind: 'stray' })
    const cmd = await run(fakeCtx({ text: '/replace mx0vDemoHealthy001' }))
    expect(readPlaceholder(cmd.message!.text as string)).toMatchObject({ kind: 'command' })
    const caption = await run(fakeCtx({ photo: [], caption: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }))
    expect(caption.message!.caption).toBeUndefined()
    expect(readPlaceholder(caption.message!.text as string)).toMatchObject({ kind: 'stray' })
    const edit = await run(fakeCtx({ text: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }, { edited: true }))
    expect(readPlaceholder(edit.message!.text as string)).toMatchObject({ kind: 'edit' })
    // No flow: nothing is kept anywhere.
    expect(intake.size()).toBe(0)
  })

  it('a refused deletion is carried in the placeholder', async () => {
    const c = await run(fakeCtx({ text: 'mx0vDemoHealthy001' }, { deleteFails: true, active: false }))
    expect(readPlaceholder(c.message!.text as string)).toMatchObject({ kind: 'stray', deleted: false })
  })

  it('keeps at most the latest good value per field, and drops every message once read (good or bad)', async () => {
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'apiKey')
    for (let i = 0; i < 20; i++) {
      const c = await run(fakeCtx({ text: 'x'.repeat(4096) }))
      const r = intake.accept(CHAT, readPlaceholder(c.message!.text as string)!.handle, paste('apiKey'))
      expect(r.problems).toEqual([{ field: 'apiKey', problem: 'TOO_LONG' }])
      expect(intake.held(CHAT)).toEqual({ values: 0, pending: 0 })
    }
    for (const key of ['mx0vDemoHealthy001', 'mx0vDemoHealthy002']) {
      const c = await run(fakeCtx({ text: key }))
      expect(intake.accept(CHAT, readPlaceholder(c.message!.text as string)!.handle, paste('apiKey')).accepted).toEqual(['apiKey'])
    }
    expect(intake.held(CHAT)).toEqual({ values: 1, pending: 0 })
    expect(intake.value(CHAT, 'apiKey')).toBe('mx0vDemoHealthy002')
    // A handle read twice (a replay, a stale one) finds nothing: the text is gone.
    expect(intake.accept(CHAT, 'AAAAAAAAAAAA', paste('secret')).problems).toEqual([{ field: 'secret', problem: 'EXPIRED' }])
  })

  it("a paste recognised as another exchange's key is kept unread and unstored, for the flow to read once the trader picks", async () => {
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'apiKey')
    const c = await run(fakeCtx({ text: '  API key: 65f1c0ffee0123456789abcd  ' }))
    const handle = readPlaceholder(c.message!.text as string)!.handle
    const asked: Array<readonly string[]> = []
    const kucoin = (values: readonly string[]) => {
      asked.push(values)
      return 'kucoin' as const
    }
    // Asked with the paste's values (labels and spaces gone), nothing read, nothing stored, the text still held.
    expect(intake.accept(CHAT, handle, paste('apiKey'), kucoin)).toEqual({ accepted: [], problems: [], command: false, foreign: 'kucoin' })
    expect(asked).toEqual([['65f1c0ffee0123456789abcd']])
    expect(intake.held(CHAT)).toEqual({ values: 0, pending: 1 })
    expect(intake.value(CHAT, 'apiKey')).toBeUndefined()
    // Asked again (the trader stays on MEXC): the same text is read now, for this exchange's rules.
    const r = intake.accept(CHAT, handle, paste('apiKey'), () => null)
    expect(r.foreign).toBeUndefined()
    expect(r.accepted.length + r.problems.length).toBeGreaterThan(0)
    expect(intake.held(CHAT).pending).toBe(0)
    // Read once, then gone: a third call finds nothing.
    expect(intake.accept(CHAT, handle, paste('apiKey'), kucoin)).toEqual({ accepted: [], problems: [{ field: 'apiKey', problem: 'EXPIRED' }], command: false })
    expect(asked).toHaveLength(1)
  })

  it('recognition sees the whole text when it holds no separate values, and a foreign paste that starts with "/" is still flagged as a command', async () => {
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'secret')
    const asked: Array<readonly string[]> = []
    const okx = (values: readonly string[]) => {
      asked.push(values)
      return 'okx' as const
    }
    const label = await run(fakeCtx({ text: 'API key:' }))
    expect(intake.accept(CHAT, readPlaceholder(label.message!.text as string)!.handle, paste('secret'), okx)).toEqual({ accepted: [], problems: [], command: false, foreign: 'okx' })
    expect(asked).toEqual([['API key:']])
    const command = await run(fakeCtx({ text: '  /abc', entities: [{ type: 'bot_command', offset: 2, length: 4 }] }))
    expect(intake.accept(CHAT, readPlaceholder(command.message!.text as string)!.handle, paste('secret'), okx)).toEqual({ accepted: [], problems: [], command: true, foreign: 'okx' })
    expect(asked[1]).toEqual(['/abc'])
  })

  it('switching exchange forgets the values read but keeps the unread paste; an unknown chat has nothing to forget', async () => {
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'apiKey')
    const key = await run(fakeCtx({ text: 'mx0vDemoHealthy001' }))
    intake.accept(CHAT, readPlaceholder(key.message!.text as string)!.handle, paste('apiKey'))
    await run(fakeCtx({ text: 'a second paste, not read yet' }))
    expect(intake.held(CHAT)).toEqual({ values: 1, pending: 1 })
    intake.forgetReadValues(CHAT)
    expect(intake.held(CHAT)).toEqual({ values: 0, pending: 1 })
    expect(intake.value(CHAT, 'apiKey')).toBeUndefined()
    expect(() => intake.forgetReadValues(CHAT + 1)).not.toThrow()
    expect(intake.held(CHAT + 1)).toEqual({ values: 0, pending: 0 })
  })

  it('a paste nobody else claims is read at once, with recognition asked first', async () => {
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'apiKey')
    const c = await run(fakeCtx({ text: 'mx0vDemoHealthy001' }))
    const seen = vi.fn(() => null)
    const r = intake.accept(CHAT, readPlaceholder(c.message!.text as string)!.handle, paste('apiKey'), seen)
    expect(seen).toHaveBeenCalledWith(['mx0vDemoHealthy001'])
    expect(r).toEqual({ accepted: ['apiKey'], problems: [], command: false })
    expect(intake.held(CHAT)).toEqual({ values: 1, pending: 0 })
  })

  it('carries a multi-line PEM private key intact to the flow', async () => {
    const block = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trimEnd()
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'secret')
    const c = await run(fakeCtx({ text: `Private key:\n${block}\n` }))
    const pem = { fields: ['apiKey', 'secret'] as const, expected: 'secret' as const, validate: (f: string, v: string) => (f === 'secret' && v.includes('\n') ? null : 'BAD_CHARSET' as const), fieldShape: () => false }
    expect(intake.accept(CHAT, readPlaceholder(c.message!.text as string)!.handle, pem).accepted).toEqual(['secret'])
    expect(intake.value(CHAT, 'secret')).toBe(block)
  })

  it('no short timer before the first credential: the setup timer runs; once one is held, the idle timer', async () => {
    intake.begin(CHAT, 'pt-BR')
    await vi.advanceTimersByTimeAsync(IDLE * 3) // on the exchange, creating the key
    expect(onIdle).not.toHaveBeenCalled()
    intake.expect(CHAT, 'apiKey')
    await vi.advanceTimersByTimeAsync(IDLE * 3) // the key prompt is still "before the first credential"
    expect(onIdle).not.toHaveBeenCalled()
    const c = await run(fakeCtx({ text: 'mx0vDemoHealthy001' }))
    intake.accept(CHAT, readPlaceholder(c.message!.text as string)!.handle, paste('apiKey'))
    await vi.advanceTimersByTimeAsync(IDLE - 1)
    expect(onIdle).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(onIdle).toHaveBeenCalledWith(CHAT, 'pt-BR')
    expect(intake.size()).toBe(0)
    expect(intake.value(CHAT, 'apiKey')).toBeUndefined()
  })

  it('an abandoned setup ends after the setup timer', async () => {
    intake.begin(CHAT, 'en')
    await vi.advanceTimersByTimeAsync(SETUP)
    expect(onIdle).toHaveBeenCalledOnce()
    expect(intake.size()).toBe(0)
  })

  it('begin() starts clean: nothing expected, nothing held from an earlier flow', async () => {
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'apiKey')
    const c = await run(fakeCtx({ text: 'mx0vDemoHealthy001' }))
    intake.accept(CHAT, readPlaceholder(c.message!.text as string)!.handle, paste('apiKey'))
    intake.begin(CHAT, 'en')
    expect(intake.isExpecting(CHAT)).toBeNull()
    expect(intake.held(CHAT)).toEqual({ values: 0, pending: 0 })
    expect((await run(fakeCtx({ text: 'My name' }))).message!.text).toBe('My name')
  })

  it('a flow and its intake state end together: state without a flow is wiped, a flow without state is exited', async () => {
    intake.begin(CHAT, 'en')
    intake.expect(CHAT, 'apiKey')
    // The flow died (an error) after asking: the next text is an ordinary message again.
    const after = await run(fakeCtx({ text: 'hello?' }, { active: false }))
    expect(after.message!.text).toBe('hello?')
    expect(after.deleteMessage).not.toHaveBeenCalled()
    expect(intake.size()).toBe(0)
    // The intake's time ran out but the conversation is still recorded: it is exited first.
    const late = await run(fakeCtx({ text: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }, { active: true }))
    expect(late.exitAll).toHaveBeenCalledOnce()
    expect(readPlaceholder(late.message!.text as string)).toMatchObject({ kind: 'stray' })
  })
})
