import { looksLikeCredential as pasteLooksLikeCredential, type FieldShape } from '../domain/paste.js'
import type { BotDeps } from './context.js'

/** The format checks of every exchange we support, as one "would some exchange take this as a key or secret?". */
export function fieldShapeOf(deps: Pick<BotDeps, 'connections'>): FieldShape {
  return (token) => deps.connections.exchanges().some((a) => a.credentialFields.some((f) => f.field !== 'passphrase' && a.validateField(f.field, token) === null))
}

/**
 * True when a text could carry a credential: any word in it (also inside a sentence, after a
 * command or under a label such as "Secret Key:") has the shape of a key or secret, or it holds a
 * PEM private key. Used to take keys out of places they do not belong: groups, the wrong step of a
 * flow, command arguments, edits.
 */
export function looksLikeCredential(ctx: { deps: Pick<BotDeps, 'connections'> }, text: string): boolean {
  return pasteLooksLikeCredential(text, fieldShapeOf(ctx.deps))
}
