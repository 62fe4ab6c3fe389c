/**
 * Benchmark (not a test): the bot's own CPU per /status, one update at a time, ours beside a
 * bare grammY bot in the same process, alternating reps. Updates go straight into
 * `bot.handleUpdate` (no polling), replies go over HTTP to the fake Bot API in a child process,
 * and only this process's CPU is counted: with nothing in flight but the one update, no other
 * work shares the core, so the figure is steadier than bench:bot's loaded loop and says where
 * a change moved it. Same database as bench:bot (status-seed.ts).
 * Run: npm run bench:status   (BENCH_UPDATES per rep, default 4,000; BENCH_REPS, default 5;
 *   BENCH_WINDOW updates in flight, default 1: more shows what concurrency adds, GC mostly;
 *   BENCH_PROFILE=<folder>: profiles of ours' first rep; BENCH_HEAP_PROFILE=1 adds allocations)
 */
import { join } from 'node:path'
import { Bot } from 'grammy'
import type { Update } from 'grammy/types'
import { createApp } from '../../src/app.js'
import { makeTmpDir } from '../helpers/tmp.js'
import { benchConfig, countingLogger, forkFakes, machineLine, median, startProfile } from './harness.js'
import { seedStatusUsers } from './status-seed.js'

const USERS = Number(process.env['BENCH_USERS'] ?? 2_000)
const ACTIVE = Number(process.env['BENCH_ACTIVE_USERS'] ?? 1_000)
const UPDATES = Number(process.env['BENCH_UPDATES'] ?? 4_000)
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 1_000)
const REPS = Number(process.env['BENCH_REPS'] ?? 5)
const WINDOW = Number(process.env['BENCH_WINDOW'] ?? 1)
const FIRST_USER = 500_000_000

const child = await forkFakes(new URL('./bot-load.ts', import.meta.url).href)
const tmp = makeTmpDir('bfc-bench-status-')
const config = benchConfig(child.ready, join(tmp.dir, 'bot.sqlite'))
const { logger } = countingLogger('info')
console.log(`# bench:status: ${machineLine()}`)
const seeded = await seedStatusUsers(child, config, logger, { users: USERS, perUser: 5, firstUser: FIRST_USER })
const activeIds = Array.from({ length: ACTIVE }, (_, i) => FIRST_USER + Math.floor((i * USERS) / ACTIVE))
await child.request('createUsers', { ids: activeIds, ptShare: 0.2 })
console.log(`seeded ${USERS * 5} connections in ${(seeded.ms / 1000).toFixed(1)} s; ${ACTIVE} users send /status (20% pt-BR); ${WARMUP} warm-up then ${UPDATES} updates per rep, ${WINDOW} in flight, ${REPS} reps alternating`)

let updateId = 1
function statusUpdate(i: number): Update {
  const id = activeIds[i % activeIds.length]!
  const lang = i % activeIds.length % 5 === 0 ? 'pt-BR' : 'en'
  return {
    update_id: updateId++,
    message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id, type: 'private', first_name: `Trader ${id}` }, from: { id, is_bot: false, first_name: `Trader ${id}`, language_code: lang }, text: '/status', entities: [{ type: 'bot_command', offset: 0, length: 7 }] },
  }
}

const app = await createApp(config, logger, { botInfo: child.ready.tg.botInfo, throttle: false, monitor: false })
const ours = app.bot!
const bare = new Bot(child.ready.tg.token, { client: { apiRoot: child.ready.tg.url }, botInfo: child.ready.tg.botInfo })
bare.command('status', (ctx) => ctx.reply('All your connections are online.'))

async function loop(bot: { handleUpdate(u: Update): Promise<void> }, count: number): Promise<number> {
  // The previous phase's garbage is collected now, not on this phase's clock (npm runs this with --expose-gc).
  globalThis.gc?.()
  const cpu0 = process.cpuUsage()
  let next = 0
  const lane = async () => {
    while (next < count) await bot.handleUpdate(statusUpdate(next++))
  }
  await Promise.all(Array.from({ length: WINDOW }, lane))
  const cpu = process.cpuUsage(cpu0)
  return (cpu.user + cpu.system) / 1000 / count
}

await loop(ours, WARMUP)
await loop(bare, WARMUP)
const rows: Array<{ ours: number; bare: number }> = []
for (let rep = 1; rep <= REPS; rep++) {
  const first = rep % 2 === 1 ? ours : bare
  const profile = rep === 1 ? await startProfile('status') : undefined
  const a = await loop(first, UPDATES)
  if (profile) await profile()
  const b = await loop(first === ours ? bare : ours, UPDATES)
  const row = first === ours ? { ours: a, bare: b } : { ours: b, bare: a }
  rows.push(row)
  console.log(`rep ${rep}: CPU ms per /status: ours ${row.ours.toFixed(3)}, bare ${row.bare.toFixed(3)}, ratio ${(row.ours / row.bare).toFixed(2)}`)
}
const ratios = rows.map((r) => r.ours / r.bare)
console.log(`\n| Bot CPU ms per /status, ${WINDOW} in flight | Ours | Bare grammY | Ratio, same rep (median, range) |`)
console.log('|---|---|---|---|')
console.log(`| median of ${REPS} reps | ${median(rows.map((r) => r.ours)).toFixed(3)} | ${median(rows.map((r) => r.bare)).toFixed(3)} | **${median(ratios).toFixed(2)}** (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}) |`)
await app.stop()
await child.close()
tmp.cleanup()
