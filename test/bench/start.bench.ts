/**
 * Benchmark (not a test): process start to the first `getUpdates`, the CPU the whole process tree
 * spent by then, and its memory once idle, for `npm start`, the built file run by `node` (what
 * the systemd unit runs) and a bare grammY bot (`new Bot` + @grammyjs/runner), spawned in turn
 * against a minimal Bot API on loopback. The order of the variants rotates every round, so load
 * from other jobs hits them alike, and every figure is also given as a ratio to the bare bot of
 * the same round. Each variant restarts on its own database (one unmeasured warm-up creates it).
 *
 * Run: npm run bench:start
 *   BENCH_ROUNDS (default 7), BENCH_IDLE_MS (RSS sampled this long after the first getUpdates,
 *   default 5000), BENCH_NODE24 (path to a Node 24 binary: adds its variants),
 *   BENCH_BEFORE (path to another checkout of the project: adds its `npm start`, e.g. the commit
 *   before this change, for a before/after in one run).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { makeTmpDir } from '../helpers/tmp.js'
import { machineLine, median } from './harness.js'

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 7)
const IDLE_MS = Number(process.env['BENCH_IDLE_MS'] ?? 5000)
const NODE24 = process.env['BENCH_NODE24']
const BEFORE = process.env['BENCH_BEFORE']
const root = fileURLToPath(new URL('../..', import.meta.url))
const tmp = makeTmpDir('bfc-bench-start-')

// ── a minimal Bot API: answers the start-up calls, holds getUpdates, notes when it arrives ──
const token = `7000000001:AAH${randomBytes(24).toString('base64url')}`
let onGetUpdates: (() => void) | undefined
const held = new Set<ServerResponse>()
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  req.resume()
  const method = (req.url ?? '').split('/').pop() ?? ''
  const reply = (result: unknown) => {
    if (!res.headersSent && !res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }))
  }
  if (method === 'getMe') return reply({ id: 7000000001, is_bot: true, first_name: 'Bench', username: 'bench_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false })
  if (method === 'getUpdates') {
    onGetUpdates?.()
    held.add(res)
    res.on('close', () => held.delete(res))
    setTimeout(() => reply([]), 30_000).unref()
    return
  }
  return reply(true)
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

// ── the bare grammY bot, written next to the project so it resolves the same packages ──
const require = createRequire(join(root, 'package.json'))
const bareFile = join(tmp.dir, 'bare.mjs')
writeFileSync(
  bareFile,
  `import { Bot } from ${JSON.stringify(pathToFileURL(require.resolve('grammy')).href)}
import runner from ${JSON.stringify(pathToFileURL(require.resolve('@grammyjs/runner')).href)}
const bot = new Bot(process.env.BOT_TOKEN, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } })
bot.command('status', (ctx) => ctx.reply('ok'))
const handle = runner.run(bot)
process.once('SIGTERM', () => handle.stop().then(() => process.exit(0)))
`,
)

interface Variant {
  name: string
  cmd: string
  args: string[]
  cwd: string
  /** Which bare variant this one is compared with (same runtime). */
  bare: string
  env?: Record<string, string>
}
const pathWith = (bin: string) => ({ PATH: `${dirname(bin)}:${process.env['PATH'] ?? ''}` })
const variants: Variant[] = [
  { name: 'bare grammY (node 20)', cmd: process.execPath, args: [bareFile], cwd: root, bare: 'bare grammY (node 20)' },
  { name: 'npm start', cmd: 'npm', args: ['start', '--silent'], cwd: root, bare: 'bare grammY (node 20)' },
  { name: 'node dist/app/main.mjs', cmd: process.execPath, args: ['dist/app/main.mjs'], cwd: root, bare: 'bare grammY (node 20)' },
]
if (BEFORE) variants.push({ name: 'before: npm start', cmd: 'npm', args: ['start', '--silent'], cwd: BEFORE, bare: 'bare grammY (node 20)' })
if (NODE24) {
  variants.push(
    { name: 'bare grammY (node 24)', cmd: NODE24, args: [bareFile], cwd: root, bare: 'bare grammY (node 24)' },
    { name: 'node 24: npm start', cmd: 'npm', args: ['start', '--silent'], cwd: root, bare: 'bare grammY (node 24)', env: pathWith(NODE24) },
    { name: 'node 24: node dist/app/main.mjs', cmd: NODE24, args: ['dist/app/main.mjs'], cwd: root, bare: 'bare grammY (node 24)' },
  )
  if (BEFORE) variants.push({ name: 'node 24, before: npm start', cmd: 'npm', args: ['start', '--silent'], cwd: BEFORE, bare: 'bare grammY (node 24)', env: pathWith(NODE24) })
}

// ── /proc: the process tree's CPU and memory ──
const TICK_MS = 10 // USER_HZ is 100 on Linux
function treeOf(pid: number): number[] {
  const parent = new Map<number, number>()
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // gone meanwhile
    }
  }
  const out = [pid]
  for (let i = 0; i < out.length; i++) for (const [child, p] of parent) if (p === out[i]) out.push(child)
  return out
}
function cpuMs(pids: number[]): number {
  let ticks = 0
  for (const pid of pids) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').slice(0).split(') ')[1]!.split(' ')
      ticks += Number(f[11]) + Number(f[12]) // utime, stime
    } catch {
      // exited
    }
  }
  return ticks * TICK_MS
}
function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : 0
  } catch {
    return 0
  }
}
/** The process that runs the bot itself: the deepest node in the tree (npm → sh → node). */
function botPid(pids: number[]): number {
  return pids.filter((p) => {
    try {
      return readFileSync(`/proc/${p}/comm`, 'utf8').trim().startsWith('node')
    } catch {
      return false
    }
  }).at(-1) ?? pids[0]!
}

interface Sample {
  variant: string
  round: number
  ms: number
  cpuMs: number
  rssBot: number
  rssTree: number
}

async function runOnce(v: Variant, index: number, round: number): Promise<Sample> {
  const env = {
    ...process.env,
    ...v.env,
    BOT_TOKEN: token,
    TELEGRAM_API_ROOT: apiRoot,
    DATABASE_PATH: join(tmp.dir, `db-${index}`, 'bot.sqlite'),
    MASTER_KEY: masterKey,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  }
  const arrived = new Promise<void>((resolve) => (onGetUpdates = resolve))
  const t0 = performance.now()
  const child: ChildProcess = spawn(v.cmd, v.args, { cwd: v.cwd, env, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const first = await Promise.race([arrived.then(() => 'up' as const), exited.then(() => 'exit' as const)])
  if (first === 'exit') throw new Error(`${v.name} exited before polling:\n${stderr.slice(-2000)}`)
  const ms = performance.now() - t0
  const pids = treeOf(child.pid!)
  const cpu = cpuMs(pids)
  await new Promise((r) => setTimeout(r, IDLE_MS))
  const idlePids = treeOf(child.pid!)
  const rssTree = idlePids.reduce((a, p) => a + rssMb(p), 0)
  const rssBot = rssMb(botPid(idlePids))
  for (const res of held) if (!res.headersSent) res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"result":[]}')
  // SIGTERM to the whole tree: npm does not always forward it.
  for (const p of idlePids.reverse()) {
    try {
      process.kill(p, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))])
  if (child.exitCode === null) child.kill('SIGKILL')
  return { variant: v.name, round, ms, cpuMs: cpu, rssBot, rssTree }
}

const masterKey = randomBytes(32).toString('base64')
console.log(`# bench:start: ${machineLine()}`)
console.log(`${ROUNDS} rounds, order rotating; idle RSS ${IDLE_MS} ms after the first getUpdates; variants: ${variants.map((v) => v.name).join(' | ')}`)
for (const [i, v] of variants.entries()) await runOnce(v, i, 0) // warm-up: creates each database, fills disk caches
const samples: Sample[] = []
for (let round = 1; round <= ROUNDS; round++) {
  const order = variants.map((v, i) => ({ v, i })).slice(round % variants.length).concat(variants.map((v, i) => ({ v, i })).slice(0, round % variants.length))
  for (const { v, i } of order) {
    const s = await runOnce(v, i, round)
    samples.push(s)
    console.log(`round ${round}: ${v.name.padEnd(34)} ${s.ms.toFixed(0).padStart(5)} ms, CPU ${String(s.cpuMs).padStart(5)} ms, idle RSS bot ${s.rssBot.toFixed(0)} MB (tree ${s.rssTree.toFixed(0)} MB)`)
  }
}

const of = (name: string) => samples.filter((s) => s.variant === name)
const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`
console.log('\n| Variant | To first getUpdates, ms (median, min–max) | Ratio to bare grammY, same round (median, range) | CPU ms of the tree (ratio) | Idle RSS MB: bot (whole tree) |')
console.log('|---|---|---|---|---|')
for (const v of variants) {
  const mine = of(v.name)
  const ratios = mine.map((s) => s.ms / of(v.bare).find((b) => b.round === s.round)!.ms)
  const cpuRatios = mine.map((s) => s.cpuMs / of(v.bare).find((b) => b.round === s.round)!.cpuMs)
  const ms = mine.map((s) => s.ms)
  console.log(
    `| ${v.name} | ${median(ms).toFixed(0)} (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}) | **${median(ratios).toFixed(2)}** (${range(ratios)}) | ${median(mine.map((s) => s.cpuMs)).toFixed(0)} (${median(cpuRatios).toFixed(2)}) | ${median(mine.map((s) => s.rssBot)).toFixed(0)} (${median(mine.map((s) => s.rssTree)).toFixed(0)}) |`,
  )
}
server.closeAllConnections()
server.close()
tmp.cleanup()
