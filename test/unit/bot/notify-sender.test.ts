import { I18n } from '@grammyjs/i18n'
import { Api, GrammyError, HttpError } from 'grammy'
import { describe, expect, it } from 'vitest'
import { LOCALES_DIR } from '../../../src/bot/i18n.js'
import { createNotifySender } from '../../../src/bot/notify-sender.js'
import { CHECK_IDS, type CheckResult } from '../../../src/domain/types.js'
import type { NotificationPayload } from '../../../src/monitor/notification.js'

const i18n = new I18n({ defaultLocale: 'en', directory: LOCALES_DIR, fluentBundleOptions: { useIsolating: false } })
const sender = createNotifySender({ api: new Api('1:x'), users: { get: () => undefined }, translate: (l, k, p) => i18n.t(l, k, p), egressIps: ['203.0.113.7', '198.51.100.9'] })
const grammy = (code: number, description: string, retry_after?: number) =>
  new GrammyError('failed', { ok: false, error_code: code, description, ...(retry_after !== undefined ? { parameters: { retry_after } } : {}) }, 'sendMessage', {})

describe('notify sender', () => {
  it('maps Telegram errors to what the outbox worker does next', () => {
    expect(sender.classify(grammy(429, 'Too Many Requests: retry after 7', 7))).toEqual({ kind: 'retry', afterMs: 7000 })
    expect(sender.classify(grammy(403, 'Forbidden: bot was blocked by the user'))).toEqual({ kind: 'blocked' })
    expect(sender.classify(grammy(403, 'Forbidden: user is deactivated'))).toEqual({ kind: 'blocked' })
    expect(sender.classify(grammy(400, 'Bad Request: chat not found'))).toEqual({ kind: 'blocked' })
    expect(sender.classify(grammy(400, "Bad Request: can't parse entities"))).toEqual({ kind: 'permanent' })
    expect(sender.classify(grammy(502, 'Bad Gateway'))).toEqual({ kind: 'transient' })
    expect(sender.classify(new HttpError('network', new Error('ECONNRESET')))).toEqual({ kind: 'transient' })
    expect(sender.classify(new TypeError('bug'))).toEqual({ kind: 'permanent' })
  })

  it.each([['en'], ['pt-BR']])('%s: never renders past Telegram\'s 4096 characters, however many checks fail', (locale) => {
    const checks: CheckResult[] = CHECK_IDS.map((id) => ({ id, state: 'fail', code: 'IP_NOT_ALLOWED', detail: { ips: '203.0.113.7, 198.51.100.9' } }))
    const p: NotificationPayload = { kind: 'reminder', connectionId: 'c1', name: 'x'.repeat(32), exchange: 'kucoin', market: 'both', since: 0, checks: [...checks, ...checks] }
    const { text, keyboard } = sender.render(p, locale)
    expect(text.length).toBeLessThanOrEqual(4096)
    expect(text).toContain(i18n.t(locale, 'diag-IP_NOT_ALLOWED-cause'))
    expect(keyboard?.inline_keyboard[0]?.[0]).toMatchObject({ callback_data: 't:c1' })
  })

  it.each([['en'], ['pt-BR']])('%s: an unconfirmed key working again is never announced as online; a button opens its card (issue 11.1)', (locale) => {
    const p: NotificationPayload = { kind: 'confirm', connectionId: 'c1', name: 'Main', exchange: 'mexc', market: 'spot', since: 0, checks: [] }
    const { text, keyboard } = sender.render(p, locale)
    expect(text).toContain(i18n.t(locale, 'notify-confirm', { name: 'Main', exchange: 'MEXC' }))
    expect(text).not.toContain(i18n.t(locale, 'notify-recovered', { name: 'Main', exchange: 'MEXC' }))
    expect(keyboard?.inline_keyboard[0]).toEqual([expect.objectContaining({ text: i18n.t(locale, 'notify-button-open'), callback_data: 's:c1' })])
    // …and the exchange's API page, where Withdraw is checked.
    expect(keyboard?.inline_keyboard[1]).toEqual([expect.objectContaining({ url: expect.stringContaining('mexc') })])
  })
})
