/**
 * The one seam through which adapters obtain a ccxt exchange class, loaded on first use and
 * one exchange at a time. `import 'ccxt'` evaluates all of its ~110 exchanges (about 0.9 s and
 * 60 MB at start); ccxt's own per-exchange ES module (`ccxt/js/src/<id>.js`) pulls in only that
 * class and the shared base. ccxt's package exports only ".", so the file is located from the
 * package entry that `require.resolve` finds, and imported by URL. Works for any id ccxt ships,
 * with no per-exchange code here: a new adapter just calls `loadCcxtClass<binance>('binance')`.
 *
 * The ES build is the one `import 'ccxt'` itself re-exports (js/ccxt.js imports ./src/<id>.js),
 * so a class loaded here is the very class a test gets from 'ccxt', never a CJS twin.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Exchange } from 'ccxt'
import type { CcxtClass } from './ccxt-client.js'

const cache = new Map<string, Promise<CcxtClass<Exchange>>>()
let srcDir: string | undefined

/** `<ccxt>/js/src`, found once from the package entry (dist/ccxt.cjs for require). */
function ccxtSourceDir(): string {
  srcDir ??= join(dirname(createRequire(import.meta.url).resolve('ccxt')), '..', 'js', 'src')
  return srcDir
}

/** Loads (once) and returns ccxt's class for exchange `id`, e.g. `'kucoin'`. */
export function loadCcxtClass<E extends Exchange>(id: string): Promise<CcxtClass<E>> {
  let p = cache.get(id)
  if (!p) {
    p = importClass(id)
    cache.set(id, p)
    // A failed load (bad id, broken install) is not cached: the next test tries again.
    p.catch(() => cache.delete(id))
  }
  return p as Promise<CcxtClass<E>>
}

async function importClass(id: string): Promise<CcxtClass<Exchange>> {
  // ccxt's ids are lowercase alphanumerics; anything else must never become a path.
  if (!/^[a-z0-9]+$/.test(id)) throw new Error(`not a ccxt exchange id: "${id}"`)
  const m = (await import(pathToFileURL(join(ccxtSourceDir(), `${id}.js`)).href)) as { default?: unknown }
  if (typeof m.default !== 'function') throw new Error(`ccxt has no exchange class "${id}"`)
  return m.default as CcxtClass<Exchange>
}

/** Ids whose class has been asked for so far, in order: start-up tests prove nothing loads early. */
export function requestedCcxtIds(): string[] {
  return [...cache.keys()]
}
