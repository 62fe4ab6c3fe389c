import type { BotContext } from '../context.js'
import { looksLikeCredential } from '../credential-sniff.js'
import { BotComposer } from '../composer.js'

/** Kept for callers that import it from here; the check lives in credential-sniff.ts. */
export { looksLikeCredential }

const composer = new BotComposer<BotContext>()
const groups = composer.chatType(['group', 'supergroup'])

// In a group a key is exposed to everyone there: delete it if we can and say so plainly. Texts,
// captions (a screenshot with the key typed under it) and edits (an old message edited into a key).
groups.on(['message:text', 'message:caption', 'edited_message:text', 'edited_message:caption'], async (ctx, next) => {
  const msg = ctx.msg
  if (!looksLikeCredential(ctx, msg.text ?? msg.caption ?? '')) return next()
  const deleted = await ctx.api.deleteMessage(msg.chat.id, msg.message_id).then(() => true, () => false)
  await ctx.reply(ctx.t(deleted ? 'group-credential-deleted' : 'group-credential-not-deleted'), { parse_mode: 'HTML' })
})

groups.command(['connect', 'start', 'replace', 'status', 'test', 'connections', 'delete', 'rename', 'pause', 'resume', 'settings', 'help', 'ips'], async (ctx) => {
  const link = `https://t.me/${ctx.me.username}?start=connect`
  await ctx.reply(ctx.t('group-refused', { link }), { parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
})

/** Keeps setup out of group chats and removes credentials posted there. */
export const groupGuardFeature = composer
