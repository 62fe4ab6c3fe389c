import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { GrammyError, InlineKeyboard, InputFile, webhookCallback } from 'grammy'
import type { Update } from 'grammy/types'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type FakeTelegram, type FakeUser, startFakeTelegram } from '../../fakes/telegram-server.js'
import { parseHtml } from '../../fakes/telegram/format-html.js'
import { parseMarkdownLegacy, parseMarkdownV2 } from '../../fakes/telegram/format-markdown.js'
import { createBot } from './bot-harness.js'

let fake: FakeTelegram
let alice: FakeUser

beforeEach(async () => {
  fake = await startFakeTelegram()
  alice = fake.createUser({ id: 2001, firstName: 'Alice', languageCode: 'en' })
})
afterEach(async () => { await fake.close() })

const describeError = (fn: () => unknown): string => {
  try {
    fn()
    return 'ok'
  } catch (e) {
    return (e as Error).message
  }
}

describe('entity parsers (error texts from tdlib\'s own test vectors)', () => {
  it.each([
    ['🏟 🏟&lt;<abacaba', 'Unclosed start tag at byte offset 13'],
    ['🏟 🏟&lt;<abac aba>', 'Unsupported start tag "abac" at byte offset 13'],
    ['🏟 🏟&lt;<i   =aba>', 'Empty attribute name in the tag "i" at byte offset 13'],
    ['🏟 🏟&lt;<i    aba>', 'Can\'t find end tag corresponding to start tag "i"'],
    ['🏟 🏟&lt;</', 'Unexpected end tag at byte offset 13'],
    ['🏟 🏟&lt;<b></b></', 'Unexpected end tag at byte offset 20'],
    ['🏟 🏟&lt;<i>a</i   ', 'Unclosed end tag at byte offset 17'],
    ['🏟 🏟&lt;<i>a</em   >', 'Unmatched end tag at byte offset 17, expected "</i>", found "</em>"'],
    ['🏟 🏟&lt;<i    aba  =  190azAz-.,', 'Unexpected end of name token at byte offset 27'],
  ])('HTML %j → %s', (html, error) => {
    expect(describeError(() => parseHtml(html))).toBe(error)
  })

  it('decodes HTML entities and builds entities with UTF-16 offsets', () => {
    expect(parseHtml('&ge;&lt;&gt;&amp;&quot;&laquo;')).toEqual({ text: '&ge;<>&"&laquo;', entities: [] })
    expect(parseHtml('🏟 <b>x &amp; <a href="https://e.x">y</a></b>')).toEqual({
      text: '🏟 x & y',
      entities: [{ type: 'bold', offset: 3, length: 5 }, { type: 'text_link', offset: 7, length: 1, url: 'https://e.x' }],
    })
  })

  it.each([
    ['Version 1.0', 'Character \'.\' is reserved and must be escaped with the preceding \'\\\''],
    ['🏟 🏟_abacaba', 'Can\'t find end of Italic entity at byte offset 9'],
    ['🏟 🏟_abac * asd ', 'Can\'t find end of Bold entity at byte offset 15'],
    ['🏟 🏟`', 'Can\'t find end of Code entity at byte offset 9'],
    ['🏟 🏟__', 'Can\'t find end of Underline entity at byte offset 9'],
    ['[telegram\\.org](asd', 'Can\'t find end of a URL at byte offset 16'],
    ['🏟 🏟||test\\|', 'Can\'t find end of Spoiler entity at byte offset 9'],
  ])('MarkdownV2 %j → %s', (md, error) => {
    expect(describeError(() => parseMarkdownV2(md))).toBe(error)
  })

  it('accepts well-formed MarkdownV2 and legacy Markdown', () => {
    expect(parseMarkdownV2('*bold* \\. `a.b` [x](https://e.x)')).toEqual({
      text: 'bold . a.b x',
      entities: [{ type: 'bold', offset: 0, length: 4 }, { type: 'code', offset: 7, length: 3 }, { type: 'text_link', offset: 11, length: 1, url: 'https://e.x' }],
    })
    expect(describeError(() => parseMarkdownLegacy('*open'))).toBe('Can\'t find end of the entity starting at byte offset 0')
  })
})

describe('Bot API surface', () => {
  it('answers unknown methods with 404 Not Found and a wrong token with 401 Unauthorized', async () => {
    const { bot } = createBot(fake, () => {})
    const raw = bot.api.raw as unknown as Record<string, (p: object) => Promise<unknown>>
    const notFound = await raw.sendTelepathy?.({ chat_id: alice.id }).catch((e: unknown) => e)
    expect(notFound).toBeInstanceOf(GrammyError)
    expect((notFound as GrammyError).error_code).toBe(404)
    expect((notFound as GrammyError).description).toBe('Not Found')
    const res = await fetch(`${fake.url}/bot1:wrong/getMe`)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' })
  })

  it('enforces Telegram\'s limits on text, callback data and keyboards, and unknown chats', async () => {
    const { bot } = createBot(fake, () => {})
    await expect(bot.api.sendMessage(alice.id, 'x'.repeat(4097))).rejects.toThrow('Bad Request: message is too long')
    await bot.api.sendMessage(alice.id, 'x'.repeat(4096))
    await expect(bot.api.sendMessage(alice.id, '  ')).rejects.toThrow('Bad Request: message text is empty')
    await expect(bot.api.sendMessage(alice.id, 'x', { reply_markup: new InlineKeyboard().text('Go', 'd'.repeat(65)) }))
      .rejects.toThrow('Bad Request: BUTTON_DATA_INVALID')
    await bot.api.sendMessage(alice.id, 'x', { reply_markup: new InlineKeyboard().text('Go', 'é'.repeat(32)) })
    await expect(bot.api.sendMessage(alice.id, 'x', { reply_markup: { inline_keyboard: [[{ text: 'bare' }]] } as never }))
      .rejects.toThrow('Text buttons are unallowed in the inline keyboard')
    await expect(bot.api.sendMessage(alice.id, 'x', { reply_markup: { inline_keyboard: [{ text: 'flat' }] } as never }))
      .rejects.toThrow('must be an Array of Arrays')
    await expect(bot.api.sendMessage(424242, 'x')).rejects.toThrow('Bad Request: chat not found')
  })

  it('stores commands per scope and language', async () => {
    const { bot } = createBot(fake, () => {})
    await bot.api.setMyCommands([{ command: 'start', description: 'Start' }])
    await bot.api.setMyCommands([{ command: 'start', description: 'Começar' }], { language_code: 'pt' })
    await bot.api.setMyCommands([{ command: 'status', description: 'Status' }], { scope: { type: 'chat', chat_id: alice.id } })
    expect(await bot.api.getMyCommands({ language_code: 'pt' })).toEqual([{ command: 'start', description: 'Começar' }])
    expect(fake.commands({ scope: { type: 'chat', chat_id: alice.id } }).map(c => c.command)).toEqual(['status'])
    await bot.api.deleteMyCommands({ language_code: 'pt' })
    expect(fake.commands({ languageCode: 'pt' })).toEqual([])
    await expect(bot.api.setMyCommands([{ command: 'Bad Command', description: 'x' }])).rejects.toThrow('BOT_COMMAND_INVALID')
  })

  it('decodes multipart uploads as grammY sends them', async () => {
    const { bot } = createBot(fake, () => {})
    const sent = await bot.api.sendDocument(alice.id, new InputFile(Buffer.from('hello world'), 'report.txt'), {
      caption: '<i>weekly</i>', parse_mode: 'HTML', reply_markup: new InlineKeyboard().text('Ack', 'ack'),
    })
    expect(sent.document?.file_name).toBe('report.txt')
    const call = fake.callsTo('sendDocument')[0]
    expect(call?.files).toEqual([expect.objectContaining({ filename: 'report.txt', size: 11 })])
    const stored = fake.botMessages(alice)[0]
    expect(stored?.text).toBe('weekly')
    expect(stored?.keyboard?.[0]?.[0]?.text).toBe('Ack')
  })

  it('handles chat actions, getChat, groups and leaveChat', async () => {
    const { bot } = createBot(fake, () => {})
    const group = fake.createGroup({ title: 'Traders' })
    await bot.api.sendChatAction(alice.id, 'typing')
    expect(fake.chatActions).toEqual([{ chatId: alice.id, action: 'typing' }])
    expect((await bot.api.getChat(group.id)).type).toBe('supergroup')
    await bot.api.sendMessage(group.id, 'hello group')
    await bot.api.leaveChat(group.id)
    await expect(bot.api.sendMessage(group.id, 'x')).rejects.toThrow('Forbidden: bot is not a member of the supergroup chat')
  })

  it('writes a readable transcript', async () => {
    const { bot } = createBot(fake, () => {})
    const mine = fake.sendText(alice, '/start')
    const reply = await bot.api.sendMessage(alice.id, 'Pick', { reply_markup: new InlineKeyboard().text('MEXC', 'ex:mexc') })
    await bot.api.deleteMessage(alice.id, mine.messageId)
    await bot.api.editMessageText(alice.id, reply.message_id, 'Picked')
    expect(fake.transcript(alice)).toBe('#1 [Alice] (deleted) /start\n#2 [bot] (edited x1) Picked')
  })
})

describe('webhook mode', () => {
  let server: Server | undefined
  afterEach(async () => {
    await new Promise(r => server ? server.close(r) : r(undefined))
    server = undefined
  })

  it('POSTs updates with the secret header; the bot rejects a wrong secret; getUpdates is refused', async () => {
    const { bot } = createBot(fake, (b) => {
      b.on('message:text', ctx => ctx.reply(`hook: ${ctx.message.text}`))
    })
    server = createServer(webhookCallback(bot, 'http', { secretToken: 's3cret' }))
    await new Promise<void>(r => server?.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
    await bot.api.setWebhook(url, { secret_token: 's3cret' })
    expect((await bot.api.getWebhookInfo()).url).toBe(url)
    await expect(bot.api.getUpdates()).rejects.toThrow('Conflict: can\'t use getUpdates method while webhook is active')

    fake.sendText(alice, 'ping')
    const reply = await fake.nextBotMessage(alice)
    expect(reply.text).toBe('hook: ping')
    await fake.waitFor(() => fake.pendingUpdates.length === 0)

    const message = fake.sendText(alice, 'x').message as NonNullable<Update['message']>
    const forged = await fake.postWebhookUpdate({ message }, { secretToken: 'wrong' })
    expect(forged.status).toBe(401)
  })
})
