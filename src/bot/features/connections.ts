import type { BotContext } from '../context.js'
import { labelOf } from '../exchange-links.js'
import { statusListKeyboard } from '../keyboards.js'
import { renderListLine } from '../render/report.js'
import { BotComposer } from '../composer.js'

const composer = new BotComposer<BotContext>()

composer.chatType('private').command('connections', async (ctx) => {
  const list = ctx.deps.connections.list(ctx.from.id)
  if (list.length === 0) return ctx.reply(ctx.t('no-connections'), { parse_mode: 'HTML' })
  const lines = list.map((c) => renderListLine(c, ctx.t.bind(ctx), labelOf(ctx.deps)))
  await ctx.reply([ctx.t('connections-title', { count: list.length }), '', ...lines, '', ctx.t('connections-hint')].join('\n'), {
    parse_mode: 'HTML',
    reply_markup: statusListKeyboard(list),
  })
})

/** /connections: the user's connections with status badges and a button to open each. */
export const connectionsFeature = composer
