import { looksLikeCredential as pasteLooksLikeCredential, type FieldShape } from '../domain/paste.js'
import type { BotDeps } from './context.js'

/**
 * The format checks of every exchange we support, as one "is this unmistakably some exchange's
 * key or secret?". A value counts when the adapter takes it for one field and, asked about the
 * other, says it looks like the first (its own swapped-field check: MEXC's `mx0` mark, KuCoin's
 * 24-hex key). Merely fitting a loose rule (16-40 letters and digits) is not enough, or a name
 * like "KucoinFutures2024" typed at the name step would be taken for a key.
 */
export function fieldShapeOf(deps: Pick<BotDeps, 'connections'>): FieldShape {
  return (token) =>
    deps.connections.exchanges().some((a) => {
      const asKey = a.validateField('apiKey', token)
      const asSecret = a.validateField('secret', token)
      return (asKey === null && asSecret === 'LOOKS_LIKE_KEY') || (asSecret === null && asKey === 'LOOKS_LIKE_SECRET')
    })
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
