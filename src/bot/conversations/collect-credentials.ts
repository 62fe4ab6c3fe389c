import type { CredentialField, Credentials } from '../../domain/types.js'
import type { ExchangeAdapter } from '../../exchanges/adapter.js'
import type { FlowContext } from '../context.js'
import { cancelKeyboard } from '../keyboards.js'
import { fieldList, pasteContext, type Flow, type FlowKit } from './flow-kit.js'

/**
 * Asks for each credential field the exchange needs that is not held yet. Every message is
 * deleted on arrival by the intake (before this code runs). One message may carry several fields
 * (key and secret pasted together, with or without the exchange's labels): each is checked with
 * the adapter's format rules and the prompts it answers are skipped. A bad value is explained by
 * field and problem, never echoed. Only field names ever enter the conversation's state; the
 * values stay in the intake.
 */
export async function collectCredentials(conversation: Flow, kit: FlowKit, adapter: ExchangeAdapter, ctx: FlowContext): Promise<void> {
  const { chatId, deps, flowId } = kit
  const t = ctx.t.bind(ctx)
  const fields = adapter.credentialFields.map((f) => f.field)
  const have = new Set<CredentialField>(await conversation.external(() => deps.intake.heldFields(chatId).filter((f) => fields.includes(f))))
  // A key pasted before the key step (at the name, say) was kept: say so above the next prompt.
  let note = have.size > 0 ? t('credential-using-early', { fields: fieldList(t, fields.filter((f) => have.has(f))) }) : ''
  for (;;) {
    const field = fields.find((f) => !have.has(f))
    if (!field) break
    await conversation.external(() => deps.intake.expect(chatId, field))
    // An exchange whose credentials look different (Coinbase: a key name and a PEM) has its own prompt.
    const ask = adapter.credentialFields.find((f) => f.field === field)?.ownPrompt ? `credential-ask-${field}-${adapter.id}` : `credential-ask-${field}`
    const prompt = t(ask, { exchange: adapter.label, keyTerm: keyTermNote(adapter, t) })
    await kit.ask(ctx, note ? `${note}\n\n${prompt}` : prompt, { parse_mode: 'HTML', reply_markup: cancelKeyboard(flowId, t) })
    note = ''
    for (;;) {
      const e = await kit.next()
      const et = e.ctx.t.bind(e.ctx)
      const fieldName = et(`field-${field}`)
      // A repeated tap on an earlier step's button: already answered by next(), nothing to say.
      if (e.kind === 'action') continue
      if (e.kind === 'media') {
        // A screenshot of the exchange's dialog shows the secret: that key is burnt. Start over
        // with a new key (a new key comes with a new secret, so nothing held is worth keeping).
        await conversation.external(() => deps.intake.forgetValues(chatId))
        have.clear()
        await e.ctx.reply(et(e.credential.deleted ? 'credential-screenshot' : 'credential-screenshot-kept', { exchange: adapter.label }), { parse_mode: 'HTML' })
        break
      }
      if (e.kind !== 'credential') {
        // A sticker, voice note or a stray text that was not taken as a credential.
        await e.ctx.reply(et('credential-send-text', { field: fieldName }), { reply_markup: cancelKeyboard(flowId, et) })
        continue
      }
      const { credential } = e
      if (!credential.deleted) await e.ctx.reply(et('credential-not-deleted'))
      if (e.forwarded) {
        await conversation.external(() => deps.intake.drop(chatId, credential.handle))
        // The "not deleted" warning above already told them to delete it themselves.
        await e.ctx.reply(et(credential.deleted ? 'credential-forwarded' : 'credential-forwarded-kept', { field: fieldName }), { reply_markup: cancelKeyboard(flowId, et) })
        continue
      }
      const r = await conversation.external(() => deps.intake.accept(chatId, credential.handle, pasteContext(deps, adapter, field)))
      for (const f of r.accepted) have.add(f)
      const lines: string[] = []
      if (r.accepted.length > 0) lines.push(et(credential.deleted ? 'credential-received' : 'credential-received-kept', { field: fieldList(et, r.accepted) }))
      for (const p of r.problems) lines.push(et('credential-problem', { field: et(`field-${p.field}`), reason: et(`format-${p.problem}`) }))
      if (r.command && r.accepted.length === 0) lines.push(et('credential-command-taken', { field: fieldName }))
      const stillMissing = r.accepted.length === 0
      await e.ctx.reply(lines.join('\n'), stillMissing ? { reply_markup: cancelKeyboard(flowId, et) } : {})
      if (!stillMissing) break
    }
  }
  await conversation.external(() => deps.intake.stopExpecting(chatId))
}

/** " (the Access Key)" where the exchange's screen names the key differently from "API key", else nothing. */
function keyTermNote(adapter: ExchangeAdapter, t: (key: string, params?: Record<string, string>) => string): string {
  return adapter.keyTerm && adapter.keyTerm.toLowerCase() !== 'api key' ? t('credential-key-term', { term: adapter.keyTerm }) : ''
}

/** Reads the values the flow collected; only call inside `conversation.external`. */
export function revealAll(kit: FlowKit): Credentials {
  const get = (f: CredentialField) => kit.deps.intake.value(kit.chatId, f)
  const creds: Credentials = { apiKey: get('apiKey') ?? '', secret: get('secret') ?? '' }
  const pass = get('passphrase')
  if (pass !== undefined) creds.passphrase = pass
  return creds
}
