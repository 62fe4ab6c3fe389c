import { pickLocale } from './i18n.js'
import { GrammyError, HttpError, InlineKeyboard, type Api } from 'grammy'
import { LOCALES, TRANSIENT_CODES, type ExchangeId, type TestReport } from '../domain/types.js'
import type { NotificationPayload, SendFailure, SendJob } from '../monitor/notification.js'
import type { UsersRepo } from '../storage/users.repo.js'
import { pack } from './callback-data.js'
import { API_MANAGEMENT_URL } from './exchange-links.js'
import { escapeHtml } from './html.js'
import { renderCheck, type Translate } from './render/report.js'

/** What the sender needs from the composition root. */
export interface NotifySenderDeps {
  /**
   * A plain `new Api(token, { apiRoot })` without auto-retry or throttler transformers: the
   * outbox worker owns retries and pacing, and must see each 429 to pause every send.
   */
  api: Api
  users: Pick<UsersRepo, 'get'>
  /** `i18n.t` of the bot's @grammyjs/i18n instance (it loads notify.ftl with the other files). */
  translate: (locale: string, key: string, params?: Record<string, string | number>) => string
  egressIps: readonly string[]
  /** Brand label of an exchange (`registry.getAdapter(id).label`); default: the id upper-cased. */
  exchangeLabel?: (id: ExchangeId) => string
}

/** A rendered notification: HTML text and its buttons. */
export interface RenderedNotification {
  text: string
  keyboard: InlineKeyboard | undefined
}

const MAX_TEXT = 4096
const utc = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`

/**
 * The bot side of the monitor's notifications: renders the locale-free payload in the user's
 * language at send time, sends it with grammY, and maps grammY's errors to what the outbox
 * worker does next. The monitor itself never sees Telegram.
 */
export function createNotifySender(deps: NotifySenderDeps) {
  const label = deps.exchangeLabel ?? ((id: ExchangeId) => id.toUpperCase())

  /** The notification's text (head, failing checks with cause and fix, footer) and buttons. */
  function render(p: NotificationPayload, locale: string): RenderedNotification {
    const t: Translate = (key, params) => deps.translate(locale, key, params)
    const exchangeOnly = p.checks.length > 0 && p.checks.every((c) => c.code !== undefined && TRANSIENT_CODES.has(c.code))
    const head = p.kind === 'offline' && exchangeOnly ? 'notify-offline-exchange' : `notify-${p.kind}`
    const date = String(p.checks.find((c) => c.id === 'expiry')?.detail?.['date'] ?? '')
    const lines = [t(head, { name: escapeHtml(p.name), exchange: label(p.exchange), since: utc(p.since), date: escapeHtml(date) })]
    if (p.kind !== 'recovered' && !(p.kind === 'offline' && exchangeOnly)) {
      const report: TestReport = { exchange: p.exchange, market: p.market, verdict: 'offline', transient: exchangeOnly, checks: p.checks, startedAt: p.since, durationMs: 0, requestCount: 0 }
      // Telegram refuses texts over 4096 characters: keep the checks that fit (the first is the blocker).
      let room = MAX_TEXT - lines[0]!.length - 300
      for (const c of p.checks) {
        const block = renderCheck(c, report, t, deps.egressIps)
        if (block.length + 1 > room && lines.length > 1) break
        lines.push(lines.length === 1 ? `\n${block}` : block)
        room -= block.length + 1
      }
    }
    if (p.kind === 'offline' && !exchangeOnly) lines.push('', t('notify-footer-fix'))
    if (p.kind === 'reminder' || p.kind === 'expiry') lines.push('', t('notify-footer-fix'))
    if (p.kind === 'stopped') lines.push('', t('notify-footer-stopped', { name: escapeHtml(p.name) }))
    lines.push(`<i>${t('notify-footer-settings')}</i>`)
    let keyboard: InlineKeyboard | undefined
    if (p.kind === 'offline' || p.kind === 'reminder' || p.kind === 'expiry') keyboard = new InlineKeyboard().text(t('notify-button-test'), pack({ a: 'test', id: p.connectionId }))
    if (p.kind === 'stopped') {
      keyboard = new InlineKeyboard().text(t('notify-button-replace'), pack({ a: 'replace', id: p.connectionId })).text(t('notify-button-test'), pack({ a: 'test', id: p.connectionId }))
    }
    if (p.kind === 'unsafe') keyboard = new InlineKeyboard().text(t('notify-button-replace'), pack({ a: 'replace', id: p.connectionId }))
    // A fix to make on the exchange: one tap to its API page.
    if (keyboard && !exchangeOnly) keyboard.row().url(t('button-open-api-page', { exchange: label(p.exchange) }), API_MANAGEMENT_URL[p.exchange])
    return { text: lines.join('\n'), keyboard }
  }

  /** Sends one job in the recipient's chosen language, else their Telegram language, else English. */
  async function send(job: SendJob): Promise<void> {
    const user = deps.users.get(job.userId)
    const locale = user?.language ?? (user?.telegramLanguage ? pickLocale(user.telegramLanguage) : LOCALES[0])
    const { text, keyboard } = render(job.payload, locale)
    await deps.api.sendMessage(job.chatId, text, { parse_mode: 'HTML', ...(keyboard ? { reply_markup: keyboard } : {}) })
  }

  /**
   * 429 → wait exactly retry_after; 403 (blocked, deactivated) and "chat not found" → the user
   * is unreachable until they write again; 5xx, 401/404/409 (our side or Telegram's, not the
   * message's) and network errors → back off; any other 400 means this message can never go out.
   */
  function classify(err: unknown): SendFailure {
    if (err instanceof HttpError) return { kind: 'transient' }
    if (!(err instanceof GrammyError)) return { kind: 'permanent' }
    const code = err.error_code
    if (code === 429) return { kind: 'retry', afterMs: Math.max(0, (err.parameters.retry_after ?? 1) * 1000) }
    if (code === 403) return { kind: 'blocked' }
    if (code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(err.description)) return { kind: 'blocked' }
    if (code >= 500 || code === 401 || code === 404 || code === 409) return { kind: 'transient' }
    return { kind: 'permanent' }
  }

  return { send, classify, render }
}

/** The sender's type, for the composition root. */
export type NotifySender = ReturnType<typeof createNotifySender>
