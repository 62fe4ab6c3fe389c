import { readFileSync, existsSync } from 'node:fs'
import type { Credentials, ExchangeId, Market } from '../../src/domain/types.js'
import { createI18n } from '../../src/bot/i18n.js'
import type { ChatMessage, FakeUser } from '../fakes/telegram-server.js'
import type { E2E } from './e2e.js'

const i18n = createI18n()

/** A bot text in a locale, from the bot's own locale files (for button labels and expectations). */
export function tr(locale: string, key: string, params: Record<string, string | number> = {}): string {
  return i18n.t(locale, key, params)
}

/** The checks a report lists as passed: its one "✅ Passed: A · B · C" line, split into labels. */
export function passedChecks(reportText: string): string[] {
  const line = reportText.split('\n').find((l) => l.startsWith('✅ ')) ?? ''
  return line.slice(2).split(/: | · /).map((s) => s.trim()).filter(Boolean)
}

/**
 * True when the report shows the exchange accepted the signature (secret, and the passphrase where
 * the report has one, passed): the identity proof a key needs before it may be saved (F6).
 */
export function identityShown(reportText: string, locale: string): boolean {
  const passed = passedChecks(reportText)
  const passphrase = tr(locale, 'check-passphrase')
  return passed.includes(tr(locale, 'check-secret')) && (!reportText.includes(passphrase) || passed.includes(passphrase))
}

/** Each exchange's button label in the picker (brand names, the same in every language). */
export const EXCHANGE_LABELS: Record<ExchangeId, string> = { binance: 'Binance', bybit: 'Bybit', okx: 'OKX', bitget: 'Bitget', gate: 'Gate.io', kucoin: 'KuCoin', mexc: 'MEXC', htx: 'HTX', bingx: 'BingX', coinbase: 'Coinbase' }

/** What one /connect run needs; `name` typed by the user, else the suggested name is tapped. */
export interface ConnectInput {
  exchange: ExchangeId
  credentials: Credentials
  market?: Market
  name?: string
  locale?: 'en' | 'pt-BR'
}

/** The outcome of one /connect run: the "testing…" message edited into the report, and what the user sent. */
export interface ConnectRun {
  report: ChatMessage
  sent: ChatMessage[]
  /** The exchange's key checklist the bot showed before asking for the market. */
  checklist: ChatMessage
}

/**
 * Drives the whole /connect conversation through the fake Telegram: exchange, checklist, market,
 * name, each credential (each must be acknowledged), then waits until "testing…" becomes the report.
 */
export async function runConnect(e: E2E, user: FakeUser, input: ConnectInput): Promise<ConnectRun> {
  const l = input.locale ?? 'en'
  const pick = await e.say(user, '/connect')
  const checklist = await e.tap(user, pick, e.app.connections.adapter(input.exchange).label)
  const market = await e.tap(user, checklist, tr(l, 'button-key-ready'))
  const askName = await e.tap(user, market, tr(l, `market-${input.market ?? 'spot'}`))
  let ask: ChatMessage
  if (input.name !== undefined) ask = await e.say(user, input.name)
  else {
    const suggestion = /"([^"]+)"/.exec(askName.keyboard?.[0]?.[0]?.text ?? '')?.[1] ?? ''
    ask = await e.tap(user, askName, tr(l, 'button-use-name', { name: suggestion }))
  }
  const { sent, after } = await sendCredentials(e, user, ask, input.credentials, l)
  return { report: await reportOf(e, after), sent, checklist }
}

/**
 * Answers the credential prompts starting at `ask`: each prompt must be the one for the next field
 * the exchange needs and each value must be acknowledged. Returns the user's messages and the
 * bot's message after the last acknowledgement (the "testing…" message).
 */
export async function sendCredentials(e: E2E, user: FakeUser, ask: ChatMessage, creds: Credentials, locale = 'en'): Promise<{ sent: ChatMessage[]; after: ChatMessage }> {
  const fields = creds.passphrase === undefined ? (['apiKey', 'secret'] as const) : (['apiKey', 'secret', 'passphrase'] as const)
  const sent: ChatMessage[] = []
  let prompt = ask
  for (const field of fields) {
    // The prompt's fixed words up to its first variable (exchange, key term) identify the field.
    const head = tr(locale, `credential-ask-${field}`, { exchange: '\u0000', keyTerm: '\u0000' }).split('\n')[0]!.replace(/<[^>]+>/g, '').split('\u0000')[0]!.slice(0, 12)
    if (!prompt.text.startsWith(head)) throw new Error(`expected the ${field} prompt, got: ${prompt.text}\n${e.tg.transcript(user)}`)
    sent.push(e.tg.sendText(user, creds[field] ?? ''))
    const got = await e.next(user)
    if (!got.text.includes(tr(locale, 'credential-received', { field: tr(locale, `field-${field}`) }))) throw new Error(`the ${field} was not accepted: ${got.text}`)
    prompt = await e.next(user)
  }
  return { sent, after: prompt }
}

/** Waits until a "testing…" message has been edited into its report and returns it. */
export async function reportOf(e: E2E, testing: ChatMessage): Promise<ChatMessage> {
  return e.tg.waitFor(() => (testing.history.length > 0 ? testing : null), e.waitTimeoutMs ?? 10_000)
}

/** Every message the bot sent in the chat, with every earlier version of edited ones. */
export function allBotText(e: E2E, chat: { id: number }): string {
  return e.tg.botMessages(chat).flatMap((m) => [m.text, m.source ?? '', ...m.history.map((h) => h.text)]).join('\n')
}

/** The SQLite file and its WAL/SHM as they are on disk now. */
export function databaseBytes(dbPath: string): Buffer {
  return Buffer.concat(['', '-wal', '-shm'].map((s) => `${dbPath}${s}`).filter(existsSync).map((p) => readFileSync(p)))
}

/** Bot API calls the fake refused (e.g. "can't parse entities" from broken HTML), as readable lines. */
export function refusedCalls(e: E2E): string[] {
  return e.tg.calls.filter((c) => c.outcome === 'error' && c.method !== 'deleteMessage').map((c) => `${c.method}: ${c.description ?? c.errorCode}`)
}

/** Walks /connect (English) up to the name prompt and returns it. */
export async function toNamePrompt(e: E2E, user: FakeUser, exchange: string = 'MEXC'): Promise<ChatMessage> {
  const pick = await e.say(user, '/connect')
  const checklist = await e.tap(user, pick, exchange)
  const market = await e.tap(user, checklist, '✅ I have created the key')
  return e.tap(user, market, 'Spot')
}

/** Walks /connect (English) up to the API key prompt, taking the suggested name, and returns it. */
export async function toKeyPrompt(e: E2E, user: FakeUser, exchange: string = 'MEXC'): Promise<ChatMessage> {
  const name = await toNamePrompt(e, user, exchange)
  return e.tap(user, name, name.keyboard![0]![0]!.text)
}
