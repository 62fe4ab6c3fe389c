/**
 * Which exchange a pasted API key belongs to, from the key shapes the adapters declare. Pure and
 * library-free, so the bot can ask "did you pick the wrong exchange?" the moment a key is pasted,
 * before any request is made. Two strengths of evidence:
 * - a signature (`keySignature`: MEXC `mx0…`, Bitget `bg_…`, KuCoin 24 hex, HTX's four dashed
 *   groups, a Coinbase key name) names its exchange whatever was picked;
 * - a look (`keyLook`: Bybit 18 letters and digits, OKX a UUID, Binance 64 characters, Gate.io
 *   32 hex) is only a likeness: it counts only when the paste cannot be a key or secret of the
 *   exchange picked, and only when exactly one exchange's look fits.
 * A value two signatures (or two looks) claim is ambiguous and names nobody.
 */
import type { ExchangeId } from '../domain/types.js'
import type { ExchangeAdapter } from './adapter.js'

/** What recognition needs of an adapter: its id and the shapes of its keys. */
export type KeySigned = Pick<ExchangeAdapter, 'id' | 'keySignature' | 'keyLook'>

/** The exchanges whose key signature `value` carries or, failing any, whose key look it has (empty: nobody's). */
export function whoseKey(value: string, adapters: readonly KeySigned[]): ExchangeId[] {
  const signed = adapters.filter((a) => a.keySignature !== undefined && matchesWhole(a.keySignature, value)).map((a) => a.id)
  if (signed.length > 0) return signed
  return adapters.filter((a) => a.keyLook !== undefined && matchesWhole(a.keyLook, value)).map((a) => a.id)
}

/**
 * The one other exchange a paste's values point to while `picked` was chosen, or null. Null when
 * any value carries the picked exchange's own signature or look, when a value without a
 * signature could be a key or secret of the picked exchange (`fitsPicked`), when a value is
 * claimed by two exchanges, or when the values point to two different exchanges: the bot then
 * says nothing and reads the paste as usual.
 */
export function foreignOwner(
  values: readonly string[],
  picked: ExchangeId,
  adapters: readonly KeySigned[],
  fitsPicked: (value: string) => boolean = () => false,
): ExchangeId | null {
  const owners = new Set<ExchangeId>()
  for (const v of values) {
    const signed = adapters.filter((a) => a.keySignature !== undefined && matchesWhole(a.keySignature, v)).map((a) => a.id)
    let ids = signed
    if (signed.length === 0) {
      if (fitsPicked(v)) return null
      ids = adapters.filter((a) => a.keyLook !== undefined && matchesWhole(a.keyLook, v)).map((a) => a.id)
    }
    if (ids.includes(picked)) return null
    if (ids.length > 1) return null
    if (ids.length === 1) owners.add(ids[0]!)
  }
  return owners.size === 1 ? [...owners][0]! : null
}

/** A shape is a whole-value pattern: a global or sticky flag must not make `test` stateful. */
function matchesWhole(shape: RegExp, value: string): boolean {
  shape.lastIndex = 0
  return shape.test(value)
}
