/**
 * The one seam through which adapters obtain a ccxt exchange class. Adapters never import a
 * class from 'ccxt' at module load: they ask here when a test runs, so a process that only uses
 * one exchange never pays for the others (start time, memory). The class type comes from a
 * type-only import in the adapter; this module decides how the code is loaded.
 */
import type { Exchange } from 'ccxt'
import type { CcxtClass } from './ccxt-client.js'

const cache = new Map<string, Promise<CcxtClass<Exchange>>>()

/** Loads (once) and returns ccxt's class for exchange `id`, e.g. `'kucoin'`. */
export function loadCcxtClass<E extends Exchange>(id: string): Promise<CcxtClass<E>> {
  let p = cache.get(id)
  if (!p) {
    p = import('ccxt').then((m) => {
      const Klass = (m as unknown as Record<string, unknown>)[id]
      if (typeof Klass !== 'function') throw new Error(`ccxt has no exchange class "${id}"`)
      return Klass as CcxtClass<Exchange>
    })
    cache.set(id, p)
  }
  return p as Promise<CcxtClass<E>>
}
