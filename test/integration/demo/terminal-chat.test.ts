import { PassThrough } from 'node:stream'
import { Bot, InlineKeyboard } from 'grammy'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { renderEntities } from '../../../src/demo/render.js'
import { runTerminalChat } from '../../../src/demo/terminal-chat.js'
import { type FakeTelegram, type FakeUser, startFakeTelegram } from '../../fakes/telegram-server.js'

let fake: FakeTelegram
let user: FakeUser
let bot: Bot
let polling: Promise<void>

/** A tiny bot with the shapes the real one uses: HTML, a keyboard, an edit, a deletion. */
function echoBot(): Bot {
  const b = new Bot(fake.token, { botInfo: fake.botInfo, client: { apiRoot: fake.url } })
  b.command('start', ctx => ctx.reply('<b>Welcome</b> &amp; pick one:', {
    parse_mode: 'HTML',
    reply_markup: new InlineKeyboard().text('MEXC', 'ex:mexc').text('KuCoin', 'ex:kucoin').row().url('Docs', 'https://example.org/docs'),
  }))
  b.callbackQuery(/^ex:(.+)$/, async (ctx) => {
    await ctx.answerCallbackQuery({ text: 'Saved' })
    await ctx.editMessageText(`Chose <i>${ctx.match[1]}</i>`, { parse_mode: 'HTML' })
  })
  b.hears(/^secret/, async (ctx) => {
    await ctx.deleteMessage()
    await ctx.reply('I deleted your key message.')
  })
  b.on('message:text', ctx => ctx.reply(`echo: ${ctx.message.text}`))
  return b
}

async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough()
  const output = new PassThrough()
  let printed = ''
  output.on('data', (c: Buffer) => { printed += c.toString() })
  const done = runTerminalChat({ fake, user, input, output, settleMs: 60, banner: '' })
  for (const line of lines) input.write(`${line}\n`)
  input.end()
  await done
  return printed
}

beforeEach(async () => {
  fake = await startFakeTelegram()
  user = fake.createUser({ id: 3001, firstName: 'Dana', languageCode: 'en' })
  bot = echoBot()
  let ready!: () => void
  const started = new Promise<void>((r) => { ready = r })
  polling = bot.start({ onStart: () => ready(), timeout: 10 })
  await started
})

afterEach(async () => {
  await bot.stop()
  await polling
  await fake.close()
})

describe('runTerminalChat', () => {
  it('prints bot messages, numbers buttons, taps them, and shows edits and deletions', async () => {
    const printed = await chat(['/start', '2', 'secret-abc123', 'hello', '3'])
    expect(printed).toBe([
      'you › /start',
      'bot › Welcome & pick one:',
      '      [1] MEXC  [2] KuCoin',
      '      [3] Docs',
      'you › [KuCoin]',
      'bot (edited) › Chose kucoin',
      '  (notice) Saved',
      'you › secret-abc123',
      '[message deleted by the bot]',
      'bot › I deleted your key message.',
      'you › hello',
      'bot › echo: hello',
      'you › 3',
      'bot › echo: 3',
      '',
    ].join('\n'))
    expect(printed).not.toContain('\x1b[')
    expect(fake.isDeleted(user, 3)).toBe(true)
  })

  it('stops at /quit without sending what follows', async () => {
    const printed = await chat(['hi', '/quit', 'never sent'])
    expect(printed).toContain('bot › echo: hi')
    expect(fake.messages(user).map(m => m.text)).toEqual(['hi', 'echo: hi'])
  })

  it('treats a number as text when no message has buttons', async () => {
    await chat(['1'])
    expect(fake.lastBotMessage(user)?.text).toBe('echo: 1')
  })
})

describe('renderEntities', () => {
  it('styles with ANSI only when asked, and spells out hidden link targets', () => {
    const entities = [{ type: 'bold' as const, offset: 0, length: 4 }, { type: 'text_link' as const, offset: 5, length: 4, url: 'https://x.y' }]
    expect(renderEntities('Safe docs', entities, false)).toBe('Safe docs (https://x.y)')
    expect(renderEntities('Safe docs', entities, true)).toBe('\x1b[1mSafe\x1b[22m docs (https://x.y)')
  })
})
