import type { InlineKeyboardButton, MessageEntity } from 'grammy/types'

/** ANSI on/off codes per entity type; only used when the terminal can show them. */
const STYLE: Partial<Record<MessageEntity['type'], [string, string]>> = {
  bold: ['\x1b[1m', '\x1b[22m'],
  italic: ['\x1b[3m', '\x1b[23m'],
  underline: ['\x1b[4m', '\x1b[24m'],
  strikethrough: ['\x1b[9m', '\x1b[29m'],
  code: ['\x1b[36m', '\x1b[39m'],
  pre: ['\x1b[36m', '\x1b[39m'],
}

/**
 * Renders a Telegram text with its entities for a terminal. The markup (HTML tags, escapes) is
 * already gone, because the fake parsed it exactly as Telegram would; this only adds ANSI
 * styling when `color` is on and spells out link targets, which a terminal can't hide.
 */
export function renderEntities(text: string, entities: readonly MessageEntity[], color: boolean): string {
  const inserts: Array<{ at: number, text: string, order: number }> = []
  for (const e of entities) {
    const style = STYLE[e.type]
    if (color && style) {
      inserts.push({ at: e.offset, text: style[0], order: 1 })
      inserts.push({ at: e.offset + e.length, text: style[1], order: 0 })
    }
    if (e.type === 'text_link' && e.url !== text.slice(e.offset, e.offset + e.length)) {
      inserts.push({ at: e.offset + e.length, text: ` (${e.url})`, order: 0 })
    }
  }
  inserts.sort((a, b) => b.at - a.at || b.order - a.order)
  let out = text
  for (const ins of inserts) out = out.slice(0, ins.at) + ins.text + out.slice(ins.at)
  return out
}

/** Numbers the buttons of a keyboard row by row: `[1] MEXC  [2] KuCoin`, one line per row. */
export function renderKeyboard(keyboard: readonly InlineKeyboardButton[][]): string[] {
  let n = 0
  return keyboard.map(row => row.map(b => `[${++n}] ${b.text}`).join('  '))
}

/** Indents continuation lines so a multi-line message stays visually one block. */
export function indent(lines: string[], head: string): string {
  const pad = ' '.repeat(head.length)
  return lines.map((l, i) => (i === 0 ? head : pad) + l).join('\n')
}
