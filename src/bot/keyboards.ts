import { InlineKeyboard } from 'grammy'
import type { Market } from '../domain/types.js'
import type { ExchangeAdapter } from '../exchanges/adapter.js'
import type { ConnectionView } from '../services/connection-view.js'
import { pack } from './callback-data.js'

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

/** "I have created the key" and cancel. */
export function readyKeyboard(flow: string, t: T): InlineKeyboard {
  return new InlineKeyboard().text(t('button-key-ready'), pack({ a: 'ready', flow })).row().text(t('button-cancel'), pack({ a: 'cancel', flow }))
}

/** Market picker limited to what the exchange adapter can check. */
export function marketKeyboard(flow: string, markets: readonly Market[], t: T): InlineKeyboard {
  const kb = new InlineKeyboard()
  for (const m of markets) kb.text(t(`market-${m}`), pack({ a: 'market', flow, market: m }))
  return kb.row().text(t('button-cancel'), pack({ a: 'cancel', flow }))
}

/** One-tap suggested name (the label is user-visible text, the data carries no name). */
export function nameKeyboard(flow: string, suggestion: string, t: T): InlineKeyboard {
  return new InlineKeyboard().text(t('button-use-name', { name: suggestion }), pack({ a: 'suggested', flow })).row().text(t('button-cancel'), pack({ a: 'cancel', flow }))
}

/** Only a cancel button, under credential prompts. */
export function cancelKeyboard(flow: string, t: T): InlineKeyboard {
  return new InlineKeyboard().text(t('button-cancel'), pack({ a: 'cancel', flow }))
}

/** Buttons under a report: test again, and for a failing key, replace it. */
export function reportKeyboard(c: ConnectionView, t: T): InlineKeyboard {
  const kb = new InlineKeyboard().text(t('button-test-again'), pack({ a: 'test', id: c.id }))
  // A new key helps when the key is at fault, not when the exchange was merely unreachable.
  const keyAtFault = c.status === 'unsafe' || (c.status === 'offline' && c.report?.transient !== true)
  if (keyAtFault) kb.text(t('button-replace'), pack({ a: 'replace', id: c.id }))
  return kb
}

/** A picker of the user's connections for a command typed without a name. */
export function pickerKeyboard(list: readonly ConnectionView[], action: 'test' | 'status' | 'rename' | 'replace' | 'delete'): InlineKeyboard {
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
