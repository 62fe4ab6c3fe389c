import type { CredentialField, Credentials, ExchangeId } from '../../domain/types.js'
import type { ExchangeAdapter } from '../../exchanges/adapter.js'
import type { FlowContext } from '../context.js'
import type { Accepted } from '../credential-intake.js'
import { cancelKeyboard, wrongExchangeKeyboard } from '../keyboards.js'
import { fieldList, pasteContext, type Flow, type FlowKit } from './flow-kit.js'

/** An unread message a step starts with (a key pasted early, or the paste that made the trader switch exchange). */
export interface Carried {
  handle: string
  deleted: boolean
}

/** How collecting ended: every field held (`note`: an acknowledgement still to show), or the trader switched exchange. */
export type Collected = { note: string } | { switchTo: ExchangeId; carried: Carried }

/** Options of one collection. */
export interface CollectOptions {
  /** /connect can switch exchange; /replace cannot (the connection's exchange is fixed). */
  switchable: boolean
  /** Shown above the first prompt (the /replace intro, the switch just made). */
  intro?: string
  /** A message the first prompt replaces (a picker the trader just answered). */
  inPlace?: number
  /** Read first, before anything is asked. */
  carried?: Carried
  /** The connection's name (the /replace wording of the wrong-exchange question). */
  name?: string
}

/**
 * Asks for each credential field the exchange needs that is not held yet. Every message is
 * deleted on arrival by the intake (before this code runs). One message may carry several fields
 * (key and secret pasted together, with or without the exchange's labels): each is checked with
 * the adapter's format rules and the prompts it answers are skipped. A key with another
 * exchange's signature is not read: the trader is asked whether they picked the wrong exchange.
 * Each answered prompt is edited into its acknowledgement, so a field costs one message. A bad
 * value is explained by field and problem, never echoed. Only field names ever enter the
 * conversation's state; the values stay in the intake.
 */
export async function collectCredentials(conversation: Flow, kit: FlowKit, adapter: ExchangeAdapter, ctx: FlowContext, opts: CollectOptions): Promise<Collected> {
  const { chatId, deps, flowId } = kit
  const t = ctx.t.bind(ctx)
  const fields = adapter.credentialFields.map((f) => f.field)
  const have = new Set<CredentialField>(await conversation.external(() => deps.intake.heldFields(chatId).filter((f) => fields.includes(f))))
  // A key pasted before the key step (at the name, say) was kept: say so above the next prompt.
  let note = have.size > 0 ? t('credential-using-early', { fields: fieldList(t, fields.filter((f) => have.has(f))) }) : ''
  let intro = opts.intro ?? ''
  let inPlace = opts.inPlace
  // Another exchange's key pasted before this step is asked about first.
  const early = kit.takeForeign()
  let carried = opts.carried ?? (early ? { handle: early.handle, deleted: true } : undefined)
  /** The wrong-exchange question on screen, and the paste it is about. */
  let asked: { found: ExchangeId; carried: Carried } | undefined

  /** Shows what a read gave; true when the field asked for (or more) is now held. */
  async function show(r: Accepted, deleted: boolean, c: FlowContext, field: CredentialField): Promise<boolean> {
    const et = c.t.bind(c)
    for (const f of r.accepted) have.add(f)
    const lines: string[] = []
    if (r.accepted.length > 0) lines.push(et(deleted ? 'credential-received' : 'credential-received-kept', { field: fieldList(et, r.accepted) }))
    for (const p of r.problems) lines.push(et('credential-problem', { field: et(`field-${p.field}`), reason: et(`format-${p.problem}`) }))
    if (r.command && r.accepted.length === 0) lines.push(et('credential-command-taken', { field: et(`field-${field}`) }))
    if (lines.length === 0) lines.push(et('credential-send-text', { field: et(`field-${field}`) }))
    if (r.accepted.length === 0) {
      await kit.say(c, lines.join('\n'), { reply_markup: cancelKeyboard(flowId, et) }, 'again')
      return false
    }
    // The prompt becomes its acknowledgement; with the message still in the chat (not deleted)
    // the acknowledgement goes below it instead, and with no prompt on screen, above the next one.
    if (deleted && kit.asking()) await kit.answered(lines.join('\n'))
    else if (deleted) {
      await kit.closeButtons()
      note = [note, ...lines].filter(Boolean).join('\n')
    } else {
      await kit.closeButtons()
      await c.reply(lines.join('\n'))
    }
    return true
  }

  /** Asks whether the paste is `found`'s key: switch (in /connect), keep going, or cancel. */
  async function askWrongExchange(found: ExchangeId, paste: Carried, c: FlowContext): Promise<void> {
    const et = c.t.bind(c)
    const other = deps.connections.adapter(found)
    const shapes = [et(`key-shape-${found}`), ...(adapter.keySignature || adapter.keyLook ? [et(`key-shape-${adapter.id}`)] : [])].join('; ')
    const text = opts.switchable
      ? et('wrong-exchange', { found: other.label, picked: adapter.label, shapes })
      : et('wrong-exchange-replace', { found: other.label, picked: adapter.label, shapes, name: opts.name ?? '' })
    asked = { found, carried: paste }
    // The prompt the key answered turns into the question (one message fewer), when it is on screen.
    const prompt = kit.onScreen()
    await kit.ask(c, text, { parse_mode: 'HTML', reply_markup: wrongExchangeKeyboard(flowId, et, { picked: adapter.label, ...(opts.switchable ? { switchTo: { id: found, label: other.label } } : {}) }) }, prompt !== undefined ? { inPlace: prompt } : {})
  }

  for (;;) {
    const field = fields.find((f) => !have.has(f))
    if (!field) break
    await conversation.external(() => deps.intake.expect(chatId, field))
    if (!carried) {
      // An exchange whose credentials look different (Coinbase: a key name and a PEM) has its own prompt.
      const askKey = adapter.credentialFields.find((f) => f.field === field)?.ownPrompt ? `credential-ask-${field}-${adapter.id}` : `credential-ask-${field}`
      const prompt = t(askKey, { exchange: adapter.label, keyTerm: keyTermNote(adapter, t) })
      await kit.ask(ctx, [intro, note, prompt].filter(Boolean).join('\n\n'), { parse_mode: 'HTML', reply_markup: cancelKeyboard(flowId, t) }, inPlace !== undefined ? { inPlace } : {})
      intro = ''
      note = ''
      inPlace = undefined
    }
    for (;;) {
      let paste: Carried
      let c = ctx
      if (carried) {
        paste = carried
        carried = undefined
      } else {
        const e = await kit.next()
        const et = e.ctx.t.bind(e.ctx)
        c = e.ctx
        const fieldName = et(`field-${field}`)
        if (e.kind === 'action') {
          if (asked && e.action.a === 'switch' && e.action.exchange === asked.found && opts.switchable) return { switchTo: asked.found, carried: asked.carried }
          if (asked && e.action.a === 'keep') {
            const q = asked
            asked = undefined
            // Keep going: read the paste as this exchange's, as it is.
            const r = await conversation.external(() => deps.intake.accept(chatId, q.carried.handle, pasteContext(deps, adapter, field)))
            if (await show(r, q.carried.deleted, e.ctx, field)) break
          }
          // A repeated tap on an earlier step's button: already answered by next(), nothing to say.
          continue
        }
        if (e.kind === 'media') {
          // A screenshot of the exchange's dialog shows the secret: that key is burnt. Start over
          // with a new key (a new key comes with a new secret, so nothing held is worth keeping).
          await conversation.external(() => deps.intake.forgetValues(chatId))
          have.clear()
          asked = undefined
          await kit.closeButtons()
          await e.ctx.reply(et(e.credential.deleted ? 'credential-screenshot' : 'credential-screenshot-kept', { exchange: adapter.label }), { parse_mode: 'HTML' })
          break
        }
        if (e.kind !== 'credential') {
          // A sticker, voice note or a stray text that was not taken as a credential.
          await kit.say(e.ctx, et(asked ? 'wrong-exchange-tap' : 'credential-send-text', { field: fieldName }), { reply_markup: cancelKeyboard(flowId, et) }, asked ? 'aside' : 'again')
          continue
        }
        const { credential } = e
        if (!credential.deleted) await e.ctx.reply(et('credential-not-deleted'))
        if (e.forwarded) {
          await conversation.external(() => deps.intake.drop(chatId, credential.handle))
          // The "not deleted" warning above already told them to delete it themselves.
          await kit.say(e.ctx, et(credential.deleted ? 'credential-forwarded' : 'credential-forwarded-kept', { field: fieldName }), { reply_markup: cancelKeyboard(flowId, et) }, asked ? 'aside' : 'again')
          continue
        }
        paste = { handle: credential.handle, deleted: credential.deleted }
        asked = undefined
      }
      const r = await kit.readFor(paste.handle, adapter, field)
      if (r.foreign) {
        await askWrongExchange(r.foreign, paste, c)
        continue
      }
      if (await show(r, paste.deleted, c, field)) break
    }
  }
  await conversation.external(() => deps.intake.stopExpecting(chatId))
  return { note }
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
