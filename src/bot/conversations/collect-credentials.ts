import type { CredentialField, Credentials } from '../../domain/types.js'
import type { ExchangeAdapter } from '../../exchanges/adapter.js'
import { cancelKeyboard } from '../keyboards.js'
import type { FlowContext } from '../context.js'
import type { Flow, FlowKit } from './flow-kit.js'

/** Handles of the credentials a flow collected; the values stay in the intake. */
export type CredentialHandles = Partial<Record<CredentialField, string>>

/**
 * Asks for each credential field the exchange needs, in order. Every message is deleted on
 * arrival by the intake (before this code runs); a bad value is explained by its problem, never
 * echoed, and asked again. Returns handles only: no value ever enters the conversation's state.
 */
export async function collectCredentials(conversation: Flow, kit: FlowKit, adapter: ExchangeAdapter, ctx: FlowContext): Promise<CredentialHandles> {
  const { chatId, deps, flowId } = kit
  const handles: CredentialHandles = {}
  for (const { field, ownPrompt } of adapter.credentialFields) {
    await conversation.external(() => deps.intake.expect(chatId, field))
    // An exchange whose credentials look different (Coinbase: a key name and a PEM) has its own prompt.
    const ask = ownPrompt ? `credential-ask-${field}-${adapter.id}` : `credential-ask-${field}`
    await ctx.reply(ctx.t(ask, { exchange: adapter.label }), { parse_mode: 'HTML', reply_markup: cancelKeyboard(flowId, ctx.t.bind(ctx)) })
    for (;;) {
      const e = await kit.next()
      const t = e.ctx.t.bind(e.ctx)
      const fieldName = t(`field-${field}`)
      // A repeated tap on an earlier step's button: already answered by next(), nothing to say.
      if (e.kind === 'action') continue
      if (e.kind !== 'credential') {
        // A sticker, photo, file, voice or a stray text that was not taken as a credential.
        await e.ctx.reply(t('credential-send-text', { field: fieldName }), { reply_markup: cancelKeyboard(flowId, t) })
        continue
      }
      const { credential } = e
      if (!credential.deleted) await e.ctx.reply(t('credential-not-deleted'))
      if (e.forwarded) {
        // The "not deleted" warning above already told them to delete it themselves.
        await e.ctx.reply(t(credential.deleted ? 'credential-forwarded' : 'credential-forwarded-kept', { field: fieldName }), { reply_markup: cancelKeyboard(flowId, t) })
        continue
      }
      const known = { ...handles }
      const problem = await conversation.external(() => {
        const value = deps.intake.reveal(chatId, credential.handle)
        if (value === undefined) return 'EXPIRED'
        return deps.connections.validateField(adapter.id, field, value, revealAll(kit, known))
      })
      if (problem) {
        await e.ctx.reply(t('credential-problem', { field: fieldName, reason: t(`format-${problem}`) }), { reply_markup: cancelKeyboard(flowId, t) })
        continue
      }
      await e.ctx.reply(t(credential.deleted ? 'credential-received' : 'credential-received-kept', { field: fieldName }))
      handles[field] = credential.handle
      break
    }
  }
  await conversation.external(() => deps.intake.stopExpecting(chatId))
  return handles
}

/** Reads the values behind handles; only call inside `conversation.external`. */
export function revealAll(kit: FlowKit, handles: CredentialHandles): Credentials {
  const get = (h: string | undefined) => (h ? kit.deps.intake.reveal(kit.chatId, h) : undefined)
  const creds: Credentials = { apiKey: get(handles.apiKey) ?? '', secret: get(handles.secret) ?? '' }
  const pass = get(handles.passphrase)
  if (pass !== undefined) creds.passphrase = pass
  return creds
}
