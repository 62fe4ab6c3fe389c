import type { ConnectionView } from '../../services/connection-view.js'
import type { BotContext } from '../context.js'
import { pickerKeyboard } from '../keyboards.js'

/** The argument text after a command, trimmed ("/status My Key" → "My Key"). */
export function commandArgs(ctx: BotContext): string {
  return typeof ctx.match === 'string' ? ctx.match.trim() : ''
}

/**
 * Finds the connection a command names, case-insensitively, among the caller's own connections
 * only. With no name it offers a picker (or picks the only one), so nobody has to remember names.
 */
export async function resolveTarget(
  ctx: BotContext,
  action: 'test' | 'status' | 'rename' | 'replace' | 'delete' | 'pause' | 'resume',
  opts: { autoPickSingle: boolean },
): Promise<ConnectionView | null> {
  const userId = ctx.from!.id
  const list = ctx.deps.connections.list(userId)
  if (list.length === 0) {
    await ctx.reply(ctx.t('no-connections'), { parse_mode: 'HTML' })
    return null
  }
  const name = commandArgs(ctx)
  if (!name) {
    if (list.length === 1 && opts.autoPickSingle) return list[0]!
    await ctx.reply(ctx.t(`pick-${action}`), { reply_markup: pickerKeyboard(list, action) })
    return null
  }
  const typed = name.normalize('NFC').replace(/\s+/g, ' ')
  const wanted = typed.toLowerCase()
  // An exact match wins; otherwise a single case-insensitive one (several: the picker decides).
  const loose = list.filter((c) => c.name.toLowerCase() === wanted)
  const found = list.find((c) => c.name === typed) ?? (loose.length === 1 ? loose[0] : undefined)
  if (!found && loose.length > 1) {
    await ctx.reply(ctx.t(`pick-${action}`), { reply_markup: pickerKeyboard(loose, action) })
    return null
  }
  if (!found) {
    // Never echo what was typed: a command argument may be a mistyped secret.
    await ctx.reply(ctx.t('connection-not-found'), { parse_mode: 'HTML', reply_markup: pickerKeyboard(list, action) })
    return null
  }
  return found
}
