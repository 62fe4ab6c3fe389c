import { Composer } from 'grammy'
import type { BotContext } from '../context.js'

/**
 * True when a text could be a credential for any exchange we support (their own format checks
 * accept it) or merely has the shape of one. Used to clean up keys pasted where they do not belong.
 */
export function looksLikeCredential(ctx: Pick<BotContext, 'deps'>, text: string): boolean {
  const t = text.trim()
  // A private key pasted as PEM (Coinbase, Binance): several lines, so the checks below would miss it.
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(t)) return true
  if (t.length < 16 || t.length > 256 || /\s/.test(t)) return false
  // Keys and secrets are random: letters AND digits. Words someone types as a name are not.
  if (!/\d/.test(t) || !/[A-Za-z]/.test(t)) return false
  if (/^[A-Za-z0-9_\-+/=]{24,}$/.test(t) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t)) return true
  return ctx.deps.connections.exchanges().some((a) => a.credentialFields.some((f) => f.field !== 'passphrase' && a.validateField(f.field, t) === null))
}

const composer = new Composer<BotContext>()
const groups = composer.chatType(['group', 'supergroup'])

// In a group a key is exposed to everyone there: delete it if we can and say so plainly.
groups.on('message:text', async (ctx, next) => {
  if (!looksLikeCredential(ctx, ctx.message.text)) return next()
  const deleted = await ctx.deleteMessage().then(() => true, () => false)
  await ctx.reply(ctx.t(deleted ? 'group-credential-deleted' : 'group-credential-not-deleted'), { parse_mode: 'HTML' })
})

groups.command(['connect', 'start', 'replace', 'status', 'test', 'connections', 'delete', 'rename', 'settings', 'help'], async (ctx) => {
  const link = `https://t.me/${ctx.me.username}?start=connect`
  await ctx.reply(ctx.t('group-refused', { link }), { parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
})

/** Keeps setup out of group chats and removes credentials posted there. */
export const groupGuardFeature = composer
