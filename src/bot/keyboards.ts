import { InlineKeyboard } from 'grammy'
import { TRANSIENT_CODES, type ExchangeId, type Market } from '../domain/types.js'
import type { ExchangeAdapter } from '../exchanges/adapter.js'
import type { ConnectionView } from '../services/connection-view.js'
import { pack } from './callback-data.js'
import { API_MANAGEMENT_URL } from './exchange-links.js'

type T = (key: string, params?: Record<string, string | number>) => string

/** Exchange picker for a flow: one button per registered adapter, in registry order (most used first), two per row. */
export function exchangeKeyboard(flow: string, adapters: readonly ExchangeAdapter[], t: T): InlineKeyboard {
  const kb = new InlineKeyboard()
  adapters.forEach((a, i) => {
    if (i > 0 && i % 2 === 0) kb.row()
    kb.text(a.label, pack({ a: 'exchange', flow, exchange: a.id }))
  })
  return kb.row().text(t('button-cancel'), pack({ a: 'cancel', flow }))
}

/**
 * The exchange's API page, "I have created the key" and cancel, under the checklist; the ready
 * button names the exchange so a late tap can resume.
 */
export function readyKeyboard(flow: string, exchange: ExchangeId, t: T, label?: string): InlineKeyboard {
  const kb = new InlineKeyboard()
  if (label) kb.url(t('button-open-api-page', { exchange: label }), API_MANAGEMENT_URL[exchange]).row()
  return kb.text(t('button-key-ready'), pack({ a: 'ready', flow, exchange })).row().text(t('button-cancel'), pack({ a: 'cancel', flow }))
}

/** Market picker limited to what the exchange adapter can check. */
export function marketKeyboard(flow: string, exchange: ExchangeId, markets: readonly Market[], t: T): InlineKeyboard {
  const kb = new InlineKeyboard()
  for (const m of markets) kb.text(t(`market-${m}`), pack({ a: 'market', flow, exchange, market: m }))
  return kb.row().text(t('button-cancel'), pack({ a: 'cancel', flow }))
}

/** One-tap suggested name (the label is user-visible text, the data carries no name). */
export function nameKeyboard(flow: string, exchange: ExchangeId, market: Market, suggestion: string, t: T): InlineKeyboard {
  return new InlineKeyboard().text(t('button-use-name', { name: suggestion }), pack({ a: 'suggested', flow, exchange, market })).row().text(t('button-cancel'), pack({ a: 'cancel', flow }))
}

/** /connect typed mid-flow: start a new setup, or carry on with this one. */
export function restartKeyboard(flow: string, t: T): InlineKeyboard {
  return new InlineKeyboard().text(t('button-restart'), pack({ a: 'restart', flow })).text(t('button-continue'), pack({ a: 'continue', flow }))
}

/** Only a cancel button, under credential prompts. */
export function cancelKeyboard(flow: string, t: T): InlineKeyboard {
  return new InlineKeyboard().text(t('button-cancel'), pack({ a: 'cancel', flow }))
}

/** Buttons under a report: test again, for a failing key replace it, and the exchange's API page. */
export function reportKeyboard(c: ConnectionView, t: T, label?: string): InlineKeyboard {
  const kb = new InlineKeyboard().text(t('button-test-again'), pack({ a: 'test', id: c.id }))
  // A new key helps when the key is at fault, not when the exchange was merely unreachable.
  const keyAtFault = c.status === 'unsafe' || (c.status === 'offline' && c.report?.transient !== true)
  if (keyAtFault) kb.text(t('button-replace'), pack({ a: 'replace', id: c.id }))
  // Something to change on the exchange: one tap to the page where the switch is.
  const needsExchange = c.report?.checks.some((x) => x.code !== undefined && !x.detail?.skipped && !TRANSIENT_CODES.has(x.code)) ?? false
  if (needsExchange && label) kb.row().url(t('button-open-api-page', { exchange: label }), API_MANAGEMENT_URL[c.exchange])
  return kb
}

/** The exchange's API-management page as a URL button (under the checklist and fixes). */
export function apiPageKeyboard(exchange: ExchangeId, label: string, t: T): InlineKeyboard {
  return new InlineKeyboard().url(t('button-open-api-page', { exchange: label }), API_MANAGEMENT_URL[exchange])
}

/** /status without a name: one button per connection opening its card, two per row. */
export function statusListKeyboard(list: readonly ConnectionView[]): InlineKeyboard {
  return pickerKeyboard(list, 'status')
}

/** What a returning trader does most: see a connection, connect another. */
export function homeKeyboard(list: readonly ConnectionView[], t: T): InlineKeyboard {
  const kb = list.length > 0 ? pickerKeyboard(list.slice(0, 10), 'status') : new InlineKeyboard()
  return kb.row().text(t('button-connect'), pack({ a: 'connect' }))
}

/** A picker of the user's connections for a command typed without a name. */
export function pickerKeyboard(list: readonly ConnectionView[], action: 'test' | 'status' | 'rename' | 'replace' | 'delete' | 'pause' | 'resume'): InlineKeyboard {
  const kb = new InlineKeyboard()
  list.slice(0, 50).forEach((c, i) => {
    kb.text(c.name, pack({ a: action, id: c.id }))
    if (i % 2 === 1) kb.row()
  })
  return kb
}

/** Delete confirmation. */
export function deleteKeyboard(id: string, t: T): InlineKeyboard {
  return new InlineKeyboard().text(t('button-delete-yes'), pack({ a: 'delete-yes', id })).text(t('button-delete-no'), pack({ a: 'delete-no', id }))
}

/** The Connect button under /start. */
export function connectKeyboard(t: T): InlineKeyboard {
  return new InlineKeyboard().text(t('button-connect'), pack({ a: 'connect' }))
}
