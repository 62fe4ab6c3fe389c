/**
 * Benchmark (not a test): how long a trader waits for the report after pasting the last
 * credential of /connect, with Telegram throttling on (as in production) and off (the floor),
 * alternating, through the real app against the fake Bot API and the fake exchange. The user
 * pauses before every step, like a person reading and pasting (BENCH_PAUSE_MS, default 1500;
 * 0 = a script that answers at once). Measured from the secret's message reaching the bot's
 * fake to the "testing…" message edited into the report, in the fake's clock.
 *
 * Run: npm run bench:connect   (BENCH_RUNS per side, default 5; BENCH_PAUSE_MS)
 */
import { startE2E, type E2E } from '../helpers/e2e.js'
import { tr } from '../helpers/e2e-flows.js'
import { machineLine, median, sleep } from './harness.js'

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5)
const PAUSE = Number(process.env['BENCH_PAUSE_MS'] ?? 1500)

/** One /connect at the given pace; returns ms from the secret to the final report. */
async function connectOnce(e: E2E, userId: number): Promise<number> {
  const user = e.tg.createUser({ id: userId, firstName: 'Trader', languageCode: 'en' })
  const account = e.ex.addAccount({ exchange: 'mexc' })
  const step = async <T>(fn: () => Promise<T>): Promise<T> => {
    await sleep(PAUSE)
    return fn()
  }
  const pick = await step(() => e.say(user, '/connect'))
  // The checklist asks the market; each answered prompt is edited into its acknowledgement.
  const checklist = await step(() => e.tap(user, pick, 'MEXC'))
  const askName = await step(() => e.tap(user, checklist, tr('en', 'market-spot')))
  const suggestion = /"([^"]+)"/.exec(askName.keyboard?.[0]?.[0]?.text ?? '')?.[1] ?? ''
  await step(() => e.tap(user, askName, tr('en', 'button-use-name', { name: suggestion })))
  await step(async () => {
    e.tg.sendText(user, account.apiKey)
    return e.next(user) // the secret prompt (the key prompt became "got the API key")
  })
  await sleep(PAUSE)
  const t0 = performance.now()
  e.tg.sendText(user, account.secret)
  const testing = await e.next(user) // "testing…" (the secret prompt became "got the secret")
  await e.tg.waitFor(() => (testing.history.length > 0 ? testing : null), 60_000)
  return performance.now() - t0
}

console.log(`# bench:connect: ${machineLine()}`)
console.log(`${RUNS} runs per side, alternating; a ${PAUSE} ms pause before every step of the user`)
const sides = { on: await startE2E({ throttle: true }), off: await startE2E({ throttle: false }) }
const times: Record<'on' | 'off', number[]> = { on: [], off: [] }
let id = 800_000
// Unmeasured warm-up on each side: the first test loads MEXC's ccxt class and builds its first instance.
for (const side of ['on', 'off'] as const) await connectOnce(sides[side], id++)
for (let run = 0; run < RUNS; run++) {
  for (const side of run % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
    const ms = await connectOnce(sides[side], id++)
    times[side].push(ms)
    console.log(`run ${run + 1}, throttle ${side}: last credential → report ${ms.toFixed(0)} ms`)
  }
}
const ratios = times.on.map((t, i) => t / times.off[i]!)
const f = (xs: number[]) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`
console.log(`\n| Pause before each step | Throttle on (production), ms: median (min–max) | Throttle off, ms | Ratio on/off, same run (median, range) |`)
console.log(`|---|---|---|---|`)
console.log(`| ${PAUSE} ms | ${f(times.on)} | ${f(times.off)} | **${median(ratios).toFixed(2)}** (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}) |`)
await sides.on.close()
await sides.off.close()
