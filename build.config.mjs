/**
 * Builds what `npm start` and the systemd unit run: `dist/app/main.mjs`, one esbuild bundle of
 * src/ (plus a chunk the demo loads on demand), so production starts plain JavaScript: no tsx
 * compiling at every start, no module-by-module resolution of drizzle (whose 179 KB
 * package.json Node 24 re-reads per module, nodejs/node#58126), and no loader hooks.
 *
 *   node build.config.mjs           build (npm run build; also run by `npm ci` / `npm install`)
 *   node build.config.mjs --start   `npm start`: rebuild only if a source is newer than the bundle,
 *                                   then run the bundle in this same process (no second Node
 *                                   start-up, about 150 ms of CPU, for the freshness check)
 *
 * Kept outside the bundle, loaded from node_modules at run time: the two native SQLite builds,
 * pino and pino-pretty (pino starts its transports from files by name), and ccxt, which
 * src/exchanges/ccxt-load.ts loads one exchange at a time on first use (bundled, all of it would
 * be parsed at start: 15 MB). Locale files are copied next to the bundle, where
 * src/bot/i18n.ts looks for them (`./locales` from the module); the bundle sits two folders
 * below the project, so src/storage/database.ts's `../../db/migrations` finds the migrations.
 */
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = dirname(fileURLToPath(import.meta.url))
const outdir = join(root, 'dist', 'app')
const bundle = join(outdir, 'main.mjs')
const inputs = ['src', 'test/fakes', 'package.json', 'package-lock.json', 'build.config.mjs']

/** Newest modification time under `path` (a file or a folder), in ms. */
function newest(path) {
  const st = statSync(path, { throwIfNoEntry: false })
  if (!st) return 0
  if (!st.isDirectory()) return st.mtimeMs
  let max = st.mtimeMs
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)))
  return max
}

/**
 * The zod/mini functions src/config.ts uses, bundled on their own first. In one build with the
 * platform API (zod's classic API, loaded only when the API is on), code splitting would put
 * zod's whole core in a chunk shared by both, parsed at every start: 690 KB, ~57 ms. Bundled
 * alone and tree-shaken they are ~30 KB. A function config.ts starts using without being listed
 * here fails the build ("No matching export").
 */
const CONFIG_ZOD = ['NEVER', '_default', 'enum', 'minLength', 'object', 'optional', 'pipe', 'refine', 'regex', 'string', 'toLowerCase', 'transform', 'trim']

const start = process.argv.includes('--start')
const fresh = () => existsSync(bundle) && inputs.every((p) => newest(join(root, p)) <= statSync(bundle).mtimeMs)
if (!start || !fresh()) await buildBundle()
if (start) await import(pathToFileURL(bundle).href)

async function buildBundle() {
  const { build } = await import('esbuild')
  rmSync(outdir, { recursive: true, force: true })
  const configZod = join(root, 'dist', 'config-zod.mjs')
  await build({
    absWorkingDir: root,
    stdin: { contents: `export { ${CONFIG_ZOD.join(', ')} } from 'zod/mini'`, resolveDir: root, loader: 'js' },
    outfile: configZod,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
  })
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/main.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3', 'better-sqlite3-napi', 'pino', 'pino-pretty', 'ccxt'],
    // Some bundled CommonJS (@grammyjs/i18n's Deno shim) reads require/__dirname, which ES modules lack.
    banner: {
      js: [
        "import { createRequire as __bfcRequire } from 'node:module';",
        "import { fileURLToPath as __bfcPath } from 'node:url';",
        "import { dirname as __bfcDir } from 'node:path';",
        'const require = __bfcRequire(import.meta.url);',
        'const __filename = __bfcPath(import.meta.url);',
        'const __dirname = __bfcDir(__filename);',
      ].join(' '),
    },
    sourcemap: 'linked',
    legalComments: 'none',
    // Libraries check classes by name (node-fetch accepts grammY's AbortSignal polyfill only if its
    // class is still called AbortSignal); without this esbuild renames clashing classes (AbortSignal2).
    keepNames: true,
    // Modules parsed at every start for code that never runs on Node (see each file's comment).
    alias: { '@deno/shim-deno': './src/bundle/deno-shim.ts', 'whatwg-url': './src/bundle/whatwg-url-shim.ts', 'zod/mini': './dist/config-zod.mjs' },
    logLevel: 'warning',
  })
  cpSync(join(root, 'src', 'bot', 'locales'), join(outdir, 'locales'), { recursive: true })
}
