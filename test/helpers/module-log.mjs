/**
 * Preload (`node --import`) for start-up tests: appends the path of every module under
 * node_modules/ccxt that the process resolves, by `import` (a module resolve hook) or `require`,
 * to the file named by BFC_MODULE_LOG, so a test can prove which exchange code was loaded when.
 */
import { appendFileSync } from 'node:fs'
import Module, { register } from 'node:module'

const log = process.env.BFC_MODULE_LOG
if (log) {
  register('./module-log-hooks.mjs', import.meta.url, { data: { log } })
  // require(): noted on load, not on a bare require.resolve (ccxt-load.ts resolves the package to find its files).
  const load = Module._load
  Module._load = function (request, parent, isMain) {
    let file
    try {
      file = Module._resolveFilename(request, parent, isMain)
    } catch {
      // let the real load throw its own error
    }
    if (typeof file === 'string' && file.includes('/node_modules/ccxt/')) appendFileSync(log, `require ${file}\n`)
    return load.apply(this, arguments)
  }
}
