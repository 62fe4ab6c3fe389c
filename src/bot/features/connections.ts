import { Composer } from 'grammy'
import type { BotContext } from '../context.js'
import { renderHeadline } from '../render/report.js'

const composer = new Composer<BotContext>()

composer.chatType('private').command('connections', async (ctx) => {
  const list = ctx.deps.connections.list(ctx.from.id)
  if (list.length === 0) return ctx.reply(ctx.t('no-connections'), { parse_mode: 'HTML' })
  const lines = list.map((c) => `${renderHeadline(c, ctx.t.bind(ctx))} · ${ctx.t(`status-${c.status}`)}${c.pausedAt ? ` · ${ctx.t('connection-paused-badge')}` : ''}`)
  await ctx.reply([ctx.t('connections-title', { count: list.length }), '', ...lines, '', ctx.t('connections-hint')].join('\n'), { parse_mode: 'HTML' })
})

/** /connections: the user's connections with status badges. */
export const connectionsFeature = composer
