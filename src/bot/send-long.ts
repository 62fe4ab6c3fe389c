import type { Api } from 'grammy'
import type { InlineKeyboardMarkup } from 'grammy/types'
import { packMessages } from './render/chunk.js'

/**
 * Edits a message into `text`; if the text is longer than Telegram allows, the first part
 * replaces the message and the rest follow as new messages, with the buttons under the last.
 */
export async function editLong(api: Api, chatId: number, messageId: number, text: string, keyboard?: InlineKeyboardMarkup): Promise<void> {
  const parts = packMessages(text.split('\n\n'))
  const markup = (i: number) => (keyboard && i === parts.length - 1 ? { reply_markup: keyboard } : {})
  for (const [i, part] of parts.entries()) {
    if (i === 0) await api.editMessageText(chatId, messageId, part, { parse_mode: 'HTML', ...markup(i) })
    else await api.sendMessage(chatId, part, { parse_mode: 'HTML', ...markup(i) })
  }
}
