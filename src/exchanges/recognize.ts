/**
 * Which exchange a pasted API key belongs to, from the distinctive key shapes the adapters
 * declare (`ExchangeAdapter.keySignature`). Pure and library-free, so the bot can ask "did you
 * pick the wrong exchange?" the moment a key is pasted, before any request is made. Only
 * signatures decide: an adapter without one (keys shaped like anyone's) is never named, and a
 * value two signatures claim is ambiguous and names nobody.
 */
import type { ExchangeId } from '../domain/types.js'
import type { ExchangeAdapter } from './adapter.js'

/** What recognition needs of an adapter: its id and, if its keys have one, its key signature. */
export type KeySigned = Pick<ExchangeAdapter, 'id' | 'keySignature'>

/** The exchanges whose key signature `value` carries, in the adapters' order (empty: nobody's; several: ambiguous). */
export function whoseKey(value: string, adapters: readonly KeySigned[]): ExchangeId[] {
  return adapters.filter((a) => a.keySignature !== undefined && matchesWhole(a.keySignature, value)).map((a) => a.id)
}

/**
 * The one other exchange a paste's values point to while `picked` was chosen, or null. Null when
 * any value carries the picked exchange's own signature (the paste holds a key of the right
 * exchange), when no value is recognised, when a value is claimed by two signatures, or when the
 * values point to two different exchanges: the bot then says nothing and reads the paste as usual.
 */
export function foreignOwner(values: readonly string[], picked: ExchangeId, adapters: readonly KeySigned[]): ExchangeId | null {
  const owners = new Set<ExchangeId>()
  for (const v of values) {
    const ids = whoseKey(v, adapters)
    if (ids.includes(picked)) return null
    if (ids.length > 1) return null
    if (ids.length === 1) owners.add(ids[0]!)
  }
  return owners.size === 1 ? [...owners][0]! : null
}

/** A signature is a whole-value shape: a global or sticky flag must not make `test` stateful. */
function matchesWhole(signature: RegExp, value: string): boolean {
  signature.lastIndex = 0
  return signature.test(value)
}
