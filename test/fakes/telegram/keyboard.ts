import type { InlineKeyboardButton } from 'grammy/types'
import { badRequest, DESCRIPTIONS } from './errors.js'

/** Button kinds that make an inline button more than bare text. */
const ACTIONS = ['callback_data', 'url', 'switch_inline_query', 'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat', 'callback_game', 'pay', 'login_url', 'web_app', 'copy_text']

/**
 * Validates reply_markup the way Telegram does for inline keyboards (shape, a text and an
 * action per button, callback_data at most 64 bytes) and returns the inline keyboard, if any.
 */
export function inlineKeyboardOf(markup: unknown): InlineKeyboardButton[][] | undefined {
  if (markup === undefined || markup === null || typeof markup !== 'object') return undefined
  if (!('inline_keyboard' in markup)) return undefined
  const rows = (markup as { inline_keyboard: unknown }).inline_keyboard
  if (!Array.isArray(rows) || rows.some(r => !Array.isArray(r))) throw badRequest(DESCRIPTIONS.keyboardNotArrays)
  for (const button of (rows as unknown[][]).flat()) {
    if (!button || typeof button !== 'object' || typeof (button as { text?: unknown }).text !== 'string') {
      throw badRequest(DESCRIPTIONS.textButtonsUnallowed)
    }
    const b = button as Record<string, unknown>
    if (!ACTIONS.some(k => b[k] !== undefined)) throw badRequest(DESCRIPTIONS.textButtonsUnallowed)
    if (b.callback_data !== undefined) {
      const data = String(b.callback_data)
      const bytes = Buffer.byteLength(data, 'utf8')
      if (bytes < 1 || bytes > 64) throw badRequest(DESCRIPTIONS.buttonDataInvalid)
    }
  }
  const kept = rows as InlineKeyboardButton[][]
  return kept.length === 0 ? undefined : kept
}

/** Every button of a keyboard, in reading order. */
export function buttonsOf(keyboard: InlineKeyboardButton[][] | undefined): InlineKeyboardButton[] {
  return keyboard?.flat() ?? []
}

/** Finds a button by its label or its callback_data. */
export function findButton(keyboard: InlineKeyboardButton[][] | undefined, textOrData: string): InlineKeyboardButton | undefined {
  return buttonsOf(keyboard).find(b => b.text === textOrData || ('callback_data' in b && b.callback_data === textOrData))
}
