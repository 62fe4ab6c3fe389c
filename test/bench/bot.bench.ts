/**
 * Benchmark (not a test): /status through the real bot (createApp, long polling with
 * @grammyjs/runner, throttle off, monitor and outbox worker off so /status is measured alone,
 * a real SQLite file with 10,000 sealed connections) against the
 * fake Bot API, beside a bare grammY bot (one `bot.command('status', ctx => ctx.reply(...))`,
 * the same runner) answering the same updates from the same fake, in one run. The fakes and the
 * load generator live in a child process (bot-load.ts), so the bot's process runs only the bot.
 * Run: npm run bench:bot   (BENCH_PROFILE=<folder>: a CPU profile of ours' first loaded loop)
 */
import { join } from 'node:path'
import { run } from '@grammyjs/runner'
import { Bot } from 'grammy'
import { createApp, type App } from '../../src/app.js'
import { makeTmpDir } from '../helpers/tmp.js'
import type { LoopResult } from './bot-load.js'
import { benchConfig, countingLogger, forkFakes, machineLine, median, startProfile } from './harness.js'
import { seedStatusUsers } from './status-seed.js'

const USERS = Number(process.env['BENCH_USERS'] ?? 2_000)
const PER_USER = 5
const ACTIVE = Number(process.env['BENCH_ACTIVE_USERS'] ?? 1_000)
const TOTAL = Number(process.env['BENCH_UPDATES'] ?? 5_000)
const WINDOW = Number(process.env['BENCH_WINDOW'] ?? 200)
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 500)
const SEQUENTIAL = Number(process.env['BENCH_SEQUENTIAL'] ?? 300)
const REPS = Number(process.env['BENCH_REPS'] ?? 3)
const FIRST_USER = 500_000_000

type Side = 'ours' | 'bare'
interface Phase {
  side: Side
  rep: number
  /** CPU time (user + system) of this process, the bot's, per update in the loaded loop. */
  botCpuMs: number
  loaded: LoopResult
  unloaded: LoopResult
}

const wallStart = performance.now()
const child = await forkFakes(new URL('./bot-load.ts', import.meta.url).href)
const { ready } = child
const tmp = makeTmpDir('bfc-bench-bot-')
const config = benchConfig(ready, join(tmp.dir, 'bot.sqlite'))
const { logger, counts } = countingLogger('info')
console.log(`# bench:bot: ${machineLine()}`)

const seeded = await seedStatusUsers(child, config, logger, { users: USERS, perUser: PER_USER, firstUser: FIRST_USER })
const activeIds = Array.from({ length: ACTIVE }, (_, i) => FIRST_USER + Math.floor((i * USERS) / ACTIVE))
await child.request('createUsers', { ids: activeIds, ptShare: 0.2 })
console.log(
  `seeded ${USERS * PER_USER} connections for ${USERS} users in ${(seeded.ms / 1000).toFixed(1)} s ` +
    `(${Object.entries(seeded.statuses).map(([k, v]) => `${k} ${v}`).join(', ')}); ${ACTIVE} of those users send /status (20% pt-BR)`,
)

// ── the two bots ──
async function startOurs(): Promise<() => Promise<void>> {
  const app: App = await createApp(config, logger, { botInfo: ready.tg.botInfo, throttle: false, monitor: false })
  await app.start()
  return () => app.stop()
}
async function startBare(): Promise<() => Promise<void>> {
  const bot = new Bot(ready.tg.token, { client: { apiRoot: ready.tg.url }, botInfo: ready.tg.botInfo })
  bot.command('status', (ctx) => ctx.reply('All your connections are online.'))
  const handle = run(bot, { runner: { fetch: { allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'] } } })
  return () => handle.stop()
}

async function phase(side: Side, rep: number): Promise<Phase> {
  const stop = await (side === 'ours' ? startOurs() : startBare())
  await child.request<LoopResult>('closedLoop', { userIds: activeIds, total: WARMUP, window: WINDOW })
  const stopProfile = side === 'ours' && rep === 1 ? await startProfile('bot-status') : undefined
  // The previous phase's garbage is collected now, not on this phase's clock (npm runs this with --expose-gc).
  globalThis.gc?.()
  const cpu0 = process.cpuUsage()
  const loaded = await child.request<LoopResult>('closedLoop', { userIds: activeIds, total: TOTAL, window: WINDOW })
  const cpu = process.cpuUsage(cpu0)
  await stopProfile?.()
  const botCpuMs = (cpu.user + cpu.system) / 1000 / loaded.count
  const unloaded = await child.request<LoopResult>('closedLoop', { userIds: activeIds, total: SEQUENTIAL, window: 1 })
  await stop()
  const r = await child.request<{ pending: number; rssMB: number }>('reset')
  if (r.pending > 0) console.log(`  warning: ${r.pending} updates still pending after ${side} rep ${rep}`)
  const f = (x: number) => x.toFixed(1)
  console.log(
    `${side.padEnd(4)} rep ${rep}: ${loaded.perSecond.toFixed(0).padStart(5)} updates/s, ${WINDOW} in flight p50 ${f(loaded.p50)} p99 ${f(loaded.p99)} max ${f(loaded.max)} ms; ` +
      `one at a time p50 ${f(unloaded.p50)} p99 ${f(unloaded.p99)} ms; CPU per update: bot ${botCpuMs.toFixed(2)} ms, fakes ${loaded.fakeCpuMs.toFixed(2)} ms; reply ${loaded.replyChars.toFixed(0)} chars`,
  )
  const refused = Object.entries(loaded.refused)
  if (refused.length > 0) {
    const n = refused.reduce((a, [, v]) => a + v, 0)
    const longest = Object.entries(loaded.longestReply).map(([k, v]) => `${k} ${v}`).join(', ')
    console.log(`  ${n} of ${loaded.count} replies refused by the fake Bot API (${refused.map(([k, v]) => `${k} ${v}`).join(', ')}): ${Object.keys(loaded.refusedWhy).join('; ')}; longest reply sent, HTML included: ${longest} chars`)
  }
  return { side, rep, botCpuMs, loaded, unloaded }
}

console.log(`each phase: ${WARMUP} warm-up, then ${TOTAL} /status with ${WINDOW} users in flight, then ${SEQUENTIAL} one at a time; ${REPS} reps, order alternating`)
const phases: Phase[] = []
for (let rep = 1; rep <= REPS; rep++) {
  const order: Side[] = rep % 2 === 1 ? ['ours', 'bare'] : ['bare', 'ours']
  for (const side of order) phases.push(await phase(side, rep))
}

// ── summary: medians over reps, and ours/bare ratios per rep ──
const of = (side: Side) => phases.filter((p) => p.side === side)
const pick = (side: Side, f: (p: Phase) => number) => median(of(side).map(f))
const metrics: Array<[string, (p: Phase) => number, number]> = [
  ['updates/s (200 in flight)', (p) => p.loaded.perSecond, 0],
  ['bot CPU ms per update (200 in flight)', (p) => p.botCpuMs, 3],
  ['fakes CPU ms per update (200 in flight)', (p) => p.loaded.fakeCpuMs, 3],
  ['p50 ms (200 in flight)', (p) => p.loaded.p50, 1],
  ['p99 ms (200 in flight)', (p) => p.loaded.p99, 1],
  ['p50 ms (one at a time)', (p) => p.unloaded.p50, 2],
  ['p99 ms (one at a time)', (p) => p.unloaded.p99, 2],
]
console.log('\n| Metric | Ours (median of reps) | Bare grammY | Ratio ours/bare, same rep (median, range; per rep) |')
console.log('|---|---|---|---|')
for (const [label, f, digits] of metrics) {
  const ratios = Array.from({ length: REPS }, (_, i) => {
    const o = of('ours')[i]
    const b = of('bare')[i]
    return o && b ? f(o) / f(b) : Number.NaN
  })
  console.log(`| ${label.replace('200', String(WINDOW))} | ${pick('ours', f).toFixed(digits)} | ${pick('bare', f).toFixed(digits)} | **${median(ratios).toFixed(2)}** (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; ${ratios.map((r) => r.toFixed(2)).join(', ')}) |`)
}
const warns = [...counts.messages.entries()].map(([m, n]) => `${n}× ${m}`)
console.log(`\nbot log lines: ${counts.lines} (${Object.entries(counts.byLevel).map(([k, v]) => `${k} ${v}`).join(', ')})${warns.length ? `\n  ${warns.join('\n  ')}` : ''}`)
console.log(`total wall time ${((performance.now() - wallStart) / 1000).toFixed(0)} s`)
await child.close()
tmp.cleanup()
