import type { MessageEntity } from 'grammy/types'
import { badRequest, DESCRIPTIONS } from './errors.js'
import { EntityParseError, type FormattedText, parseHtml } from './format-html.js'
import { parseMarkdownLegacy, parseMarkdownV2 } from './format-markdown.js'

export type { FormattedText } from './format-html.js'

/**
 * Applies `parse_mode` the way the Bot API does before storing a text, so malformed markup fails
 * the call with Telegram's "can't parse entities" error instead of passing silently.
 */
export function formatText(text: unknown, parseMode: unknown, entities?: unknown): FormattedText {
  const raw = typeof text === 'string' ? text : text === undefined || text === null ? '' : String(text)
  try {
    if (parseMode === undefined || parseMode === null || parseMode === '') {
      return { text: raw, entities: Array.isArray(entities) ? entities as MessageEntity[] : [] }
    }
    switch (String(parseMode).toLowerCase()) {
      case 'html': return parseHtml(raw)
      case 'markdownv2': return parseMarkdownV2(raw)
      case 'markdown': return parseMarkdownLegacy(raw)
      default: throw badRequest(DESCRIPTIONS.unsupportedParseMode)
    }
  } catch (err) {
    if (err instanceof EntityParseError) throw badRequest(DESCRIPTIONS.parse(err.message))
    throw err
  }
}
