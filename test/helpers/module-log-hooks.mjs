/** Module hooks of module-log.mjs: notes every resolved ccxt module (runs off the main thread). */
import { appendFileSync } from 'node:fs'

let log
/** Receives the log file's path from register(). */
export function initialize(data) {
  log = data.log
}

/** Passes every resolution through, noting ccxt's. */
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context)
  if (log && r.url.includes('/node_modules/ccxt/')) appendFileSync(log, `import ${r.url}\n`)
  return r
}
