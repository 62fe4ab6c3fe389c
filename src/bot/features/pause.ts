import { isAppError } from '../../domain/errors.js'
import type { ConnectionView } from '../../services/connection-view.js'
import { unpack } from '../callback-data.js'
import type { BotContext } from '../context.js'
import { escapeHtml } from '../html.js'
import { resolveTarget } from './resolve-target.js'
import { BotComposer } from '../composer.js'

const composer = new BotComposer<BotContext>()
const privateChat = composer.chatType('private')

/** Pauses or resumes one of the caller's connections (the gate refuses it from this commit on); null when it is not theirs. */
function apply(ctx: BotContext, id: string, pause: boolean): { changed: boolean; connection: ConnectionView } | null {
  try {
    return pause ? ctx.deps.gate.pause(ctx.from!.id, id) : ctx.deps.gate.resume(ctx.from!.id, id)
  } catch (err) {
    if (isAppError(err, 'NOT_FOUND')) return null
    throw err
  }
}

/** Says what changed: paused, resumed (and whether the platform can use it now), or nothing to do. */
function tell(ctx: BotContext, pause: boolean, r: { changed: boolean; connection: ConnectionView }) {
  const t = ctx.t.bind(ctx)
  const c = r.connection
  const key = pause ? (r.changed ? 'pause-done' : 'pause-already') : !r.changed ? 'resume-already' : c.status === 'online' ? 'resume-done' : 'resume-done-not-online'
  return ctx.reply(t(key, { name: escapeHtml(c.name), status: t(`status-${c.status}`) }), { parse_mode: 'HTML' })
}

for (const [command, pause] of [['pause', true], ['resume', false]] as const) {
  privateChat.command(command, async (ctx) => {
    const c = await resolveTarget(ctx, command, { autoPickSingle: true })
    if (!c) return
    const r = apply(ctx, c.id, pause)
    if (r) await tell(ctx, pause, r)
    else await ctx.reply(ctx.t('error-NOT_FOUND'))
  })
}

privateChat.callbackQuery(/^(pz|rz):/, async (ctx) => {
  const action = unpack(ctx.callbackQuery.data)
  if (action?.a !== 'pause' && action?.a !== 'resume') return ctx.answerCallbackQuery()
  const r = apply(ctx, action.id, action.a === 'pause')
  if (!r) return ctx.answerCallbackQuery({ text: ctx.t('error-NOT_FOUND') })
  await ctx.answerCallbackQuery()
  await tell(ctx, action.a === 'pause', r)
})

/** /pause and /resume [name]: the trader's kill switch for the platform's use of a connection. */
export const pauseFeature = composer
