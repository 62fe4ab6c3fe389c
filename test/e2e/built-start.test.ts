/**
 * The built bundle, started the way `npm start` and the systemd unit start it (`node
 * dist/app/main.mjs`), against the fake Bot API and the fake exchange: it finds its migrations and
 * locale files, polls, answers, runs a connection test and stops cleanly on SIGTERM. A preload
 * notes every ccxt module the process resolves, proving no exchange's code is loaded before a
 * connection test needs it, and then only that exchange's.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExchangeId } from '../../src/domain/types.js'
import { createExchangeRegistry } from '../../src/exchanges/registry.js'
import { FakeExchangeServer } from '../fakes/exchange-server.js'
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-server.js'
import type { E2E } from '../helpers/e2e.js'
import { runConnect, tr } from '../helpers/e2e-flows.js'
import { makeTmpDir } from '../helpers/tmp.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const EGRESS_IP = '203.0.113.7'
const tmp = makeTmpDir('bfc-built-')
const moduleLog = join(tmp.dir, 'modules.log')
let tg: FakeTelegram
const ex = new FakeExchangeServer()
let child: ChildProcess
let output = ''

/** Exchange classes loaded so far (`mexc` for ccxt/js/src/mexc.js), plus `ccxt` if the whole package was. */
function loadedExchanges(): string[] {
  const lines = existsSync(moduleLog) ? readFileSync(moduleLog, 'utf8').split('\n').filter(Boolean) : []
  const ids = lines.flatMap((l) => {
    if (/\/ccxt\/(js\/ccxt\.js|dist\/ccxt\.cjs)$/.test(l)) return ['ccxt']
    const m = /\/ccxt\/js\/src\/([a-z0-9]+)\.js$/.exec(l)
    return m ? [m[1]!] : []
  })
  return [...new Set(ids)]
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['build.config.mjs'], { cwd: root, encoding: 'utf8' })
  expect(build.status, build.stderr).toBe(0)
  tg = await startFakeTelegram({ token: `7000000001:AAH${randomBytes(24).toString('base64url')}` })
  await ex.start()
  ex.callerIp = EGRESS_IP
  child = spawn(process.execPath, ['--import', fileURLToPath(new URL('../helpers/module-log.mjs', import.meta.url)), 'dist/app/main.mjs'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.url,
      DATABASE_PATH: join(tmp.dir, 'bot.sqlite'),
      MASTER_KEY: randomBytes(32).toString('base64'),
      EXCHANGE_URL_MEXC: ex.exchangeUrls.mexc,
      EXCHANGE_URL_KUCOIN: ex.exchangeUrls.kucoin,
      EXCHANGE_URL_KUCOIN_FUTURES: ex.exchangeUrls.kucoinFutures,
      EGRESS_IPS: EGRESS_IP,
      LOG_LEVEL: 'warn',
      BFC_MODULE_LOG: moduleLog,
    },
  })
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
}, 120_000)

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL')
  await tg?.close()
  await ex.stop()
  tmp.cleanup()
})

describe('the built bundle', () => {
  it('polls with no exchange code loaded, then loads only the exchange a connection test needs, and stops cleanly', async () => {
    await tg.waitFor(() => tg.callsTo('getUpdates').length > 0, 60_000).catch((err: Error) => {
      throw new Error(`${err.message}\nprocess output:\n${output}`)
    })
    expect(loadedExchanges()).toEqual([])

    const user = tg.createUser({ id: 9101, firstName: 'Bea', languageCode: 'en' })
    const next = () => tg.nextBotMessage(user, { timeoutMs: 30_000 })
    const e = { tg, next, say: (u: typeof user, text: string) => (tg.sendText(u, text), next()), tap: (u: typeof user, m: Parameters<FakeTelegram['tapButton']>[1], b: string) => (tg.tapButton(u, m, b), next()), app: { connections: { adapter: (id: ExchangeId) => registry.getAdapter(id) } } } as unknown as E2E
    // The button labels, from this process's registry (building it loads no ccxt code either).
    const registry = createExchangeRegistry({ urls: {} })
    const account = ex.addAccount({ exchange: 'mexc' })
    const { report } = await runConnect(e, user, { exchange: 'mexc', credentials: { apiKey: account.apiKey, secret: account.secret } })
    expect(report.text).toContain(tr('en', 'check-balance'))
    expect(ex.requestCount('mexc')).toBeGreaterThan(0)
    expect(loadedExchanges()).toEqual(['mexc'])

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(output).not.toMatch(/error|fatal/i)
  }, 120_000)

  it('parses at start none of the code it swaps out or loads on demand: Deno\'s shim, whatwg-url and tr46, zod\'s classic API and core, fastify', () => {
    // The files main.mjs imports statically, and theirs: what Node reads and compiles before the first getUpdates.
    const startFiles = new Set<string>()
    const visit = (file: string) => {
      if (startFiles.has(file)) return
      startFiles.add(file)
      const code = readFileSync(join(root, 'dist', 'app', file), 'utf8')
      for (const m of code.matchAll(/^(?:import|export)\s[^;]*?from\s*"\.\/([\w.-]+\.mjs)"/gm)) visit(m[1]!)
      for (const m of code.matchAll(/^import\s*"\.\/([\w.-]+\.mjs)"/gm)) visit(m[1]!)
    }
    visit('main.mjs')
    const sources = [...startFiles].map((f) => readFileSync(join(root, 'dist', 'app', f), 'utf8')).join('\n')
    // esbuild marks each bundled module with a "// node_modules/<path>" comment.
    const packages = new Set([...sources.matchAll(/^\/\/ node_modules\/((?:@[\w.-]+\/)?[\w.-]+)\//gm)].map((m) => m[1]!))
    expect(packages.has('grammy')).toBe(true)
    for (const swapped of ['@deno/shim-deno', 'whatwg-url', 'tr46', 'fastify', 'ajv']) expect(packages, swapped).not.toContain(swapped)
    expect(sources).not.toMatch(/^\/\/ node_modules\/zod\/v4\/(classic|core)\//m)
    expect(sources).toMatch(/^\/\/ src\/bundle\/deno-shim\.ts$/m)
  })
})
