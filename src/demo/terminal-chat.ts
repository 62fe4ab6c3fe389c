import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import type { ChatEvent, ChatMessage, FakeTelegram, FakeUser } from '../../test/fakes/telegram-server.js'
import { indent, renderEntities, renderKeyboard } from './render.js'

/** Options for {@link runTerminalChat}; streams are injectable so the chat can be tested. */
export interface TerminalChatOptions {
  fake: FakeTelegram
  user: FakeUser
  input: Readable
  output: Writable
  /** ANSI styling; defaults to whether `output` is a TTY. */
  color?: boolean
  /** How long the bot must stay silent before the next piped line is sent (ms). */
  settleMs?: number
  /** Upper bound on waiting for the bot after one line (ms). */
  maxWaitMs?: number
  /** Printed once at the start; pass '' for none. */
  banner?: string
}

const DEFAULT_BANNER = 'Type a message and press Enter. Commands start with /. A number taps a button of the latest message that has buttons. /quit leaves.'

const isTty = (s: Readable | Writable): boolean => (s as { isTTY?: boolean }).isTTY === true

/**
 * Resolves once the bot has gone quiet: no unconsumed update, no Bot API call in flight, and
 * nothing happening for `settleMs`. Piped input needs this, or every line would be sent before
 * the bot answered the first and a tap would hit buttons that don't exist yet.
 */
function waitForQuiet(fake: FakeTelegram, settleMs: number, maxWaitMs: number): Promise<void> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined
    const busy = (): boolean => {
      if (fake.pendingUpdates.length > 0) return true
      const calls = fake.calls
      for (let i = calls.length - 1; i >= 0 && i >= calls.length - 50; i--) {
        const c = calls[i]
        if (c && c.outcome === 'pending' && c.method !== 'getUpdates') return true
      }
      return false
    }
    const arm = (): void => {
      clearTimeout(timer)
      if (!busy()) timer = setTimeout(finish, settleMs)
    }
    const deadline = setTimeout(finish, maxWaitMs)
    const off = fake.onActivity(arm)
    arm()
    function finish(): void {
      clearTimeout(timer)
      clearTimeout(deadline)
      off()
      resolve()
    }
  })
}

/**
 * The human side of the no-token demo: a line-based Telegram client in the terminal, talking to
 * the real bot through the in-process fake. Bot messages print as they arrive, edits reprint
 * marked "(edited)", deletions print a notice (never the deleted text: it may be a secret), and
 * inline buttons become numbers. Ends on /quit or end of input.
 */
export async function runTerminalChat(opts: TerminalChatOptions): Promise<void> {
  const { fake, user, input, output } = opts
  const chatId = user.id
  const color = opts.color ?? isTty(output)
  const interactive = isTty(input) && isTty(output)
  const settleMs = opts.settleMs ?? 300
  const maxWaitMs = opts.maxWaitMs ?? 15_000
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive })
  rl.setPrompt('you › ')
  // Take the iterator now: lines (and EOF) that arrive while we wait for the bot's first words
  // would otherwise be emitted before anyone listens, and be lost.
  const lines = rl[Symbol.asyncIterator]()

  const print = (text: string): void => {
    if (interactive) output.write('\r\x1b[K')
    output.write(`${text}\n`)
    if (interactive) rl.prompt(true)
  }

  const showMessage = (msg: ChatMessage, edited: boolean): void => {
    const lines = renderEntities(msg.text, msg.entities, color).split('\n')
    if (msg.kind !== 'text') lines[0] = `<${msg.kind}> ${lines[0] ?? ''}`
    if (msg.keyboard) lines.push(...renderKeyboard(msg.keyboard))
    print(indent(lines, edited ? 'bot (edited) › ' : 'bot › '))
  }

  const onEvent = ({ type, message }: ChatEvent): void => {
    if (message.chatId !== chatId) return
    if (type === 'deleted') print('[message deleted by the bot]')
    else if (message.sender === 'bot') showMessage(message, type === 'edited')
  }

  /** Numbers refer to the newest live bot message that currently shows buttons. */
  const latestWithButtons = (): ChatMessage | undefined =>
    fake.botMessages(chatId).filter(m => !m.deleted && m.keyboard && m.keyboard.length > 0).at(-1)

  const handleLine = async (line: string): Promise<boolean> => {
    const text = line.trim()
    if (text === '') return true
    if (text === '/quit') return false
    const target = /^\d+$/.test(text) ? latestWithButtons() : undefined
    const button = target?.keyboard?.flat()[Number(text) - 1]
    if (target && button) {
      if (!interactive) print(`you › [${button.text}]`)
      if ('callback_data' in button) {
        const queryId = fake.tapButton(user, target, button.callback_data)
        await waitForQuiet(fake, settleMs, maxWaitMs)
        const answer = fake.callbackAnswer(queryId)
        if (answer?.text) print(`  (${answer.showAlert ? 'alert' : 'notice'}) ${answer.text}`)
      } else if ('url' in button) {
        print(`  (this button opens ${button.url})`)
      }
      return true
    }
    if (!interactive) print(`you › ${text}`)
    if (text.startsWith('/')) fake.sendCommand(user, text.split(/\s+/)[0] ?? text, text.split(/\s+/).slice(1).join(' ') || undefined)
    else fake.sendText(user, text)
    await waitForQuiet(fake, settleMs, maxWaitMs)
    return true
  }

  const unsubscribe = fake.subscribe(onEvent)
  try {
    if (opts.banner !== '') print(opts.banner ?? DEFAULT_BANNER)
    await waitForQuiet(fake, settleMs, maxWaitMs)
    if (interactive) rl.prompt()
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      if (!(await handleLine(next.value))) break
      if (interactive) rl.prompt()
    }
    await waitForQuiet(fake, settleMs, maxWaitMs)
  } finally {
    unsubscribe()
    rl.close()
  }
}
