import type { BotContext } from '../context.js'
import { escapeHtml } from '../html.js'
import { BotComposer } from '../composer.js'

const composer = new BotComposer<BotContext>()

// Each IP in its own <code>, so one tap copies it into the exchange's whitelist field.
composer.chatType('private').command('ips', async (ctx) => {
  const ips = ctx.deps.settings.egressIps
  if (ips.length === 0) return ctx.reply(ctx.t('ips-none'), { parse_mode: 'HTML' })
  await ctx.reply(ctx.t('ips-text', { ips: ips.map((ip) => `<code>${escapeHtml(ip)}</code>`).join('\n') }), { parse_mode: 'HTML' })
})

/** /ips: our server IPs to whitelist on the exchange, at any time (also mid-setup). */
export const ipsFeature = composer
