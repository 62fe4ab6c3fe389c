import { autoRetry } from '@grammyjs/auto-retry'
import { sequentialize } from '@grammyjs/runner'
import { GrammyError, HttpError, InlineKeyboard } from 'grammy'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type FakeTelegram, type FakeUser, startFakeTelegram } from '../../fakes/telegram-server.js'
import { type BotUnderTest, createBot, startPolling, startRunner } from './bot-harness.js'

let fake: FakeTelegram
let alice: FakeUser
let bob: FakeUser
let running: BotUnderTest | undefined

beforeEach(async () => {
  fake = await startFakeTelegram()
  alice = fake.createUser({ id: 1001, firstName: 'Alice', languageCode: 'en' })
  bob = fake.createUser({ id: 1002, firstName: 'Bob', languageCode: 'pt-br' })
})

afterEach(async () => {
  await running?.stop()
  running = undefined
  await fake.close()
})

/** Resolves once `n` values were pushed; for waiting on what the bot itself observed. */
function collector<T>(n: number): { items: T[], push: (v: T) => void, done: Promise<T[]> } {
  const items: T[] = []
  let resolve!: (v: T[]) => void
  const done = new Promise<T[]>((r) => { resolve = r })
  return { items, done, push: (v) => { items.push(v); if (items.length === n) resolve(items) } }
}

const exchangePicker = new InlineKeyboard().text('MEXC', 'ex:mexc').text('KuCoin', 'ex:kucoin')

describe('fake telegram with bot.start() long polling', () => {
  it('carries a command to the bot and its reply, with an inline keyboard, back to the user', async () => {
    running = await startPolling(fake, (bot) => {
      bot.command('start', ctx => ctx.reply(`Hello <b>${ctx.from?.first_name}</b>`, { parse_mode: 'HTML', reply_markup: exchangePicker }))
    })
    fake.sendCommand(alice, 'start')
    const reply = await fake.nextBotMessage(alice)
    expect(reply.text).toBe('Hello Alice')
    expect(reply.entities).toEqual([{ type: 'bold', offset: 6, length: 5 }])
    expect(reply.keyboard?.flat().map(b => b.text)).toEqual(['MEXC', 'KuCoin'])
    expect(fake.callsTo('sendMessage')[0]?.payload.chat_id).toBe(alice.id)
  })

  it('delivers a tapped button as a callback query; the bot answers and edits the message', async () => {
    running = await startPolling(fake, (bot) => {
      bot.command('connect', ctx => ctx.reply('Pick an exchange', { reply_markup: exchangePicker }))
      bot.callbackQuery(/^ex:(.+)$/, async (ctx) => {
        await ctx.answerCallbackQuery({ text: 'Noted' })
        await ctx.editMessageText(`You picked ${ctx.match[1]}`)
      })
    })
    fake.sendCommand(alice, '/connect')
    const picker = await fake.nextBotMessage(alice)
    const queryId = fake.tapButton(alice, picker, 'KuCoin')
    await fake.waitFor(() => picker.history.length === 1)
    expect(picker.text).toBe('You picked kucoin')
    expect(picker.keyboard).toBeUndefined()
    expect(picker.history[0]?.text).toBe('Pick an exchange')
    expect(fake.callbackAnswer(queryId)).toEqual({ text: 'Noted' })
    expect(() => fake.tapButton(alice, picker, 'MEXC')).toThrow(/no button "MEXC"/)
  })

  it('lets the bot delete a user message and reports Telegram\'s errors for repeated or refused deletes', async () => {
    const first = collector<string>(2)
    const second = collector<string>(2)
    running = await startPolling(fake, (bot) => {
      bot.on('message:text', async (ctx) => {
        const sink = ctx.from.id === alice.id ? first : second
        for (let i = 0; i < 2; i++) {
          await ctx.deleteMessage().then(() => sink.push('deleted'), (e: GrammyError) => sink.push(e.description))
        }
      })
    })
    const secret = fake.sendText(alice, 'my-api-secret')
    expect(await first.done).toEqual(['deleted', 'Bad Request: message to delete not found'])
    expect(fake.isDeleted(alice, secret.messageId)).toBe(true)

    fake.refuseDeletes(bob)
    const kept = fake.sendText(bob, 'another-secret')
    expect(await second.done).toEqual(["Bad Request: message can't be deleted for everyone", "Bad Request: message can't be deleted for everyone"])
    expect(fake.isDeleted(bob, kept.messageId)).toBe(false)
  })

  it('refuses an edit that changes nothing, and an edit of a message that does not exist', async () => {
    running = await startPolling(fake, () => {})
    const sent = await running.bot.api.sendMessage(alice.id, 'Testing…')
    await running.bot.api.editMessageText(alice.id, sent.message_id, 'Online')
    await expect(running.bot.api.editMessageText(alice.id, sent.message_id, 'Online')).rejects.toThrow(/message is not modified/)
    await expect(running.bot.api.editMessageText(alice.id, 999, 'x')).rejects.toThrow('message to edit not found')
    expect(fake.botMessages(alice)[0]?.history.map(v => v.text)).toEqual(['Testing…'])
  })

  it('surfaces malformed HTML and MarkdownV2 as Telegram\'s "can\'t parse entities" errors', async () => {
    const failures = collector<unknown>(1)
    running = await startPolling(fake, (bot) => {
      bot.on('message:text', ctx => ctx.reply(`<b>${ctx.message.text}`, { parse_mode: 'HTML' }).catch(failures.push))
    })
    fake.sendText(alice, 'unclosed')
    const [err] = await failures.done
    expect(err).toBeInstanceOf(GrammyError)
    expect((err as GrammyError).description).toBe('Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"')
    await expect(running.bot.api.sendMessage(alice.id, 'Version 1.0', { parse_mode: 'MarkdownV2' }))
      .rejects.toThrow('Bad Request: can\'t parse entities: Character \'.\' is reserved and must be escaped with the preceding \'\\\'')
    expect(fake.botMessages(alice)).toHaveLength(0)
  })

  it('passes stickers, photos, voice, documents, forwards and edits to the matching grammY filters', async () => {
    const seen = collector<string>(6)
    running = await startPolling(fake, (bot) => {
      bot.on('message:sticker', () => seen.push('sticker'))
      bot.on('message:photo', () => seen.push('photo'))
      bot.on('message:voice', () => seen.push('voice'))
      bot.on('message:document', () => seen.push('document'))
      bot.on('message:forward_origin', () => seen.push('forward'))
      bot.on('edited_message:text', ctx => seen.push(`edited:${ctx.editedMessage.text}`))
    })
    fake.sendSticker(alice)
    fake.sendPhoto(alice)
    fake.sendVoice(alice)
    fake.sendDocument(alice)
    fake.forwardText(alice, 'fwd', { from: bob })
    const original = fake.sendText(alice, 'key-1')
    fake.editUserMessage(alice, original, 'key-2')
    expect(await seen.done).toEqual(['sticker', 'photo', 'voice', 'document', 'forward', 'edited:key-2'])
  })
})

describe('fake telegram with @grammyjs/runner', () => {
  it('delivers every update exactly once across concurrent chats, replies in order per chat', async () => {
    running = startRunner(fake, (bot) => {
      bot.use(sequentialize(ctx => ctx.chat?.id.toString()))
      bot.on('message:text', ctx => ctx.reply(`echo ${ctx.message.text}`))
    })
    for (let i = 0; i < 15; i++) {
      fake.sendText(alice, `a${i}`)
      fake.sendText(bob, `b${i}`)
    }
    await fake.waitFor(() => fake.botMessages(alice).length === 15 && fake.botMessages(bob).length === 15)
    expect(fake.botMessages(alice).map(m => m.text)).toEqual(Array.from({ length: 15 }, (_, i) => `echo a${i}`))
    const updates = fake.calls.filter(c => c.method === 'getUpdates').length
    expect(updates).toBeGreaterThan(0)
    for (let id = 1; id <= 30; id++) expect(fake.deliveryCount(id)).toBe(1)
  })
})

describe('getUpdates semantics', () => {
  it('keeps updates until an offset confirms them, and honours negative offsets', async () => {
    const { bot } = createBot(fake, () => {})
    fake.sendText(alice, 'one')
    fake.sendText(alice, 'two')
    fake.sendText(alice, 'three')
    expect((await bot.api.getUpdates({ offset: 0 })).map(u => u.update_id)).toEqual([1, 2, 3])
    expect((await bot.api.getUpdates({ offset: 0, limit: 2 })).map(u => u.update_id)).toEqual([1, 2])
    expect((await bot.api.getUpdates({ offset: 2 })).map(u => u.update_id)).toEqual([2, 3])
    expect((await bot.api.getUpdates({ offset: 1 })).map(u => u.update_id)).toEqual([2, 3])
    expect((await bot.api.getUpdates({ offset: -1 })).map(u => u.update_id)).toEqual([3])
    expect(await bot.api.getUpdates({ offset: 4, timeout: 0 })).toEqual([])
    expect(fake.pendingUpdates).toHaveLength(0)
  })

  it('holds a long poll open until an update arrives, and 409s the older of two concurrent polls', async () => {
    const { bot } = createBot(fake, () => {})
    const first = bot.api.getUpdates({ timeout: 10 })
    await fake.waitFor(() => fake.callsTo('getUpdates').length === 1)
    // An hour-long poll: only the update can end it within the test (no wall-time limit of our own).
    const second = bot.api.getUpdates({ timeout: 3600 })
    await expect(first).rejects.toThrow('Conflict: terminated by other getUpdates request')
    fake.sendText(alice, 'wake up')
    const updates = await second
    expect(updates.map(u => u.message?.text)).toEqual(['wake up'])
  })

  it('drops update types outside allowed_updates', async () => {
    const { bot } = createBot(fake, () => {})
    const picker = fake.sendText(alice, 'x')
    fake.forgeCallback(alice, picker, 'data')
    const updates = await bot.api.getUpdates({ allowed_updates: ['callback_query'] })
    expect(updates.map(u => Object.keys(u)[1])).toEqual(['callback_query'])
  })
})

describe('faults', () => {
  it('answers a 429 with retry_after, which auto-retry waits out before succeeding', async () => {
    running = await startPolling(fake, (bot) => { bot.api.config.use(autoRetry()) })
    fake.rateLimit({ retryAfter: 1, count: 1, methods: ['sendMessage'] })
    await running.bot.api.sendMessage(alice.id, 'after the storm')
    const sends = fake.callsTo('sendMessage')
    expect(sends.map(c => c.outcome)).toEqual(['error', 'ok'])
    expect(sends[0]?.description).toBe('Too Many Requests: retry after 1')
    expect((sends[1]?.at ?? 0) - (sends[0]?.at ?? 0)).toBeGreaterThanOrEqual(950)
  })

  it('survives a storm of 429s on every method: everything is delivered once', async () => {
    running = await startPolling(fake, (bot) => {
      bot.api.config.use(autoRetry())
      bot.on('message:text', ctx => ctx.reply(`ok ${ctx.message.text}`))
    })
    fake.rateLimit({ retryAfter: 0.05, count: 12 })
    for (let i = 0; i < 4; i++) fake.sendText(alice, String(i))
    await fake.waitFor(() => fake.botMessages(alice).length === 4)
    expect(fake.botMessages(alice).map(m => m.text).sort()).toEqual(['ok 0', 'ok 1', 'ok 2', 'ok 3'])
    expect(fake.callsTo('sendMessage').filter(c => c.errorCode === 429)).toHaveLength(12)
  })

  it('without auto-retry the 429 reaches the caller with parameters.retry_after', async () => {
    running = await startPolling(fake, () => {})
    fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', retry_after: 3 })
    const err = await running.bot.api.sendMessage(alice.id, 'x').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(GrammyError)
    expect((err as GrammyError).parameters.retry_after).toBe(3)
  })

  it('answers 403 while the user has blocked the bot, until they write again', async () => {
    running = await startPolling(fake, () => {})
    fake.blockBot(alice)
    await expect(running.bot.api.sendMessage(alice.id, 'ping')).rejects.toThrow('Forbidden: bot was blocked by the user')
    await expect(running.bot.api.sendChatAction(alice.id, 'typing')).rejects.toThrow('Forbidden: bot was blocked by the user')
    await running.bot.api.sendMessage(bob.id, 'others still reachable')
    fake.sendCommand(alice, 'start')
    await running.bot.api.sendMessage(alice.id, 'welcome back')
  })

  it('drops the connection without a response, and answers 5xx as JSON or as nginx\'s HTML page', async () => {
    running = await startPolling(fake, () => {})
    fake.dropConnections({ count: 1, methods: ['sendMessage'] })
    await expect(running.bot.api.sendMessage(alice.id, 'x')).rejects.toBeInstanceOf(HttpError)
    fake.serverError({ count: 1, errorCode: 502, description: 'Bad Gateway' })
    await expect(running.bot.api.sendMessage(alice.id, 'x')).rejects.toThrow('Bad Gateway')
    fake.serverError({ count: 1, html: true, methods: ['sendMessage'] })
    await expect(running.bot.api.sendMessage(alice.id, 'x')).rejects.toBeInstanceOf(HttpError)
    await running.bot.api.sendMessage(alice.id, 'x')
    expect(fake.callsTo('sendMessage').map(c => c.outcome)).toEqual(['dropped', 'error', 'error', 'ok'])
  })
})
