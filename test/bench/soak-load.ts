/**
 * Child process of `npm run bench:soak` (not a test): hosts the fake Bot API and the fake
 * exchange on loopback, drives a steady mixed load of simulated users (/connect to the end,
 * /connect cancelled midway, /status, /test, /delete) and cycles faults on both fakes until a
 * deadline. Living here, the fakes' ever-growing logs stay out of the bot's memory curve.
 */
import { randomBytes } from 'node:crypto'
import { createI18n } from '../../src/bot/i18n.js'
import { startFakeExchange, type FakeAccountInput, type ScenarioKind } from '../fakes/exchange-server.js'
import { buttonsOf, startFakeTelegram, type ChatMessage, type FakeUser } from '../fakes/telegram-server.js'
import { EGRESS_IP, serveParent, sleep } from './harness.js'

/** What the load did, for the soak's report. */
export interface SoakCounts {
  connect: { online: number; offline: number; refused: number; other: number }
  cancelled: number
  status: number
  test: number
  deleted: number
  /** A reply that never came within the step timeout (the user then sent /cancel and went on). */
  stalls: number
  /** The chat was not where the script expected (a late reply after a stall). */
  desyncs: number
  stallNotes: string[]
  telegramFaults: number
  exchangeFaults: number
  telegramCalls: Record<string, number>
  exchangeRequests: number
  loadErrors: number
  childRssMB: number
}

const STEP_TIMEOUT_MS = 30_000
const i18n = createI18n()
const tg = await startFakeTelegram({ token: `7000000002:AAH${randomBytes(24).toString('base64url')}` })
const ex = await startFakeExchange()
ex.callerIp = EGRESS_IP

const counts: SoakCounts = {
  connect: { online: 0, offline: 0, refused: 0, other: 0 },
  cancelled: 0,
  status: 0,
  test: 0,
  deleted: 0,
  stalls: 0,
  desyncs: 0,
  stallNotes: [],
  telegramFaults: 0,
  exchangeFaults: 0,
  telegramCalls: {},
  exchangeRequests: 0,
  loadErrors: 0,
  childRssMB: 0,
}
process.on('unhandledRejection', () => counts.loadErrors++)

interface VUser {
  user: FakeUser
  locale: 'en' | 'pt-BR'
  seen: number
  connections: number
}

// ── event-driven waiting, per chat ──
const wakers = new Map<number, Set<() => void>>()
tg.subscribe((e) => {
  for (const wake of [...(wakers.get(e.message.chatId) ?? [])]) wake()
})
function until<T>(chatId: number, check: () => T | undefined, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const set = wakers.get(chatId) ?? new Set<() => void>()
    wakers.set(chatId, set)
    const done = (): void => {
      clearTimeout(timer)
      set.delete(wake)
    }
    const wake = (): void => {
      const v = check()
      if (v === undefined) return
      done()
      resolve(v)
    }
    const timer = setTimeout(() => {
      done()
      reject(new StallError(what))
    }, STEP_TIMEOUT_MS)
    set.add(wake)
    wake()
  })
}
class StallError extends Error {}

const tr = (v: VUser, key: string, params: Record<string, string | number> = {}) => i18n.t(v.locale, key, params)
const CUT = '\u0000'
const ANY = { name: CUT, key: CUT, count: CUT, exchange: CUT, field: CUT, ips: CUT, status: CUT }
/** The static start of a locale text, tags removed: enough to recognize the message. */
const head = (v: VUser, key: string) => i18n.t(v.locale, key, ANY).replace(/<[^>]+>/g, '').split(CUT)[0]!.slice(0, 14)
/** The static end of a locale text after its last variable, tags removed. */
const tail = (v: VUser, key: string) => i18n.t(v.locale, key, ANY).replace(/<[^>]+>/g, '').split(CUT).at(-1)!.slice(0, 14)
const is = (v: VUser, m: ChatMessage, key: string) => m.text.startsWith(head(v, key))

async function next(v: VUser, what: string): Promise<ChatMessage> {
  const m = await until(v.user.id, () => tg.botMessages(v.user.id)[v.seen], what)
  v.seen++
  return m
}
const edited = (v: VUser, m: ChatMessage, what: string, times = 1) => until(v.user.id, () => (m.history.length >= times ? m : undefined), what)
const say = (v: VUser, text: string) => tg.sendText(v.user, text)
function tap(v: VUser, m: ChatMessage, label: string): void {
  const labels = buttonsOf(m.keyboard).map((b) => b.text)
  if (!labels.includes(label)) throw new DesyncError(`no button "${label}" on "${m.text.slice(0, 40)}"`)
  tg.tapButton(v.user, m, label)
}
const firstButton = (m: ChatMessage) => buttonsOf(m.keyboard)[0]?.text ?? ''
class DesyncError extends Error {}

// ── the user scripts ──
const ACCOUNT_KINDS: Array<[number, 'online' | 'offline' | 'refused', FakeAccountInput]> = [
  [0.35, 'online', { exchange: 'mexc' }],
  [0.35, 'online', { exchange: 'kucoin', ipWhitelist: [EGRESS_IP] }],
  [0.1, 'offline', { exchange: 'mexc', permissions: ['SPOT_ACCOUNT_READ'] }],
  [0.1, 'offline', { exchange: 'kucoin', ipWhitelist: ['198.51.100.20'] }],
  [0.1, 'refused', { exchange: 'kucoin', permissions: ['General', 'Spot', 'Transfer'] }],
]
function pickAccount(): FakeAccountInput {
  let r = Math.random()
  for (const [p, , input] of ACCOUNT_KINDS) {
    if ((r -= p) < 0) return input
  }
  return ACCOUNT_KINDS[0]![2]
}

async function cancel(v: VUser): Promise<void> {
  say(v, '/cancel')
  const m = await next(v, 'cancelled')
  if (!is(v, m, 'flow-cancelled')) throw new DesyncError(`expected the cancel notice, got "${m.text.slice(0, 40)}"`)
  counts.cancelled++
}

/** /connect through every step; `cancelAt` stops it there with /cancel instead. */
async function connect(v: VUser, cancelAt?: 'checklist' | 'name' | 'secret'): Promise<void> {
  const account = ex.addAccount(pickAccount())
  say(v, '/connect')
  let m = await next(v, 'exchange picker')
  tap(v, m, account.exchange === 'mexc' ? 'MEXC' : 'KuCoin')
  m = await next(v, 'checklist')
  if (cancelAt === 'checklist') return cancel(v)
  // The checklist asks the market itself where the exchange has several; else "I have created the key".
  if (buttonsOf(m.keyboard).some((b) => b.text === tr(v, 'button-key-ready'))) {
    tap(v, m, tr(v, 'button-key-ready'))
    m = await next(v, 'market')
  }
  tap(v, m, tr(v, 'market-spot'))
  m = await next(v, 'name prompt')
  if (cancelAt === 'name') return cancel(v)
  tap(v, m, firstButton(m))
  m = await next(v, 'key prompt')
  const fields = account.exchange === 'kucoin' ? [account.apiKey, account.secret, account.passphrase] : [account.apiKey, account.secret]
  for (const value of fields) {
    say(v, value)
    // The prompt is edited into its acknowledgement; the next prompt (or "testing…") is new.
    m = await next(v, 'next prompt')
    if (cancelAt === 'secret') return cancel(v)
  }
  const report = await edited(v, m, 'connect report')
  // Refused: can withdraw, or the exchange never accepted the key (review F6: nothing saved).
  if (['connect-refused-unsafe', 'connect-refused-unproven', 'connect-refused-unreachable'].some((k) => report.text.includes(head(v, k)))) counts.connect.refused++
  else if (report.text.includes(tail(v, 'connect-saved-needs_confirmation'))) {
    // MEXC cannot report withdrawal: the trader confirms it is off, as the report asks.
    v.connections++
    tap(v, report, tr(v, 'button-confirm-withdraw'))
    await next(v, 'withdrawal confirmed')
    counts.connect.online++
  } else if (buttonsOf(report.keyboard).length > 0) {
    v.connections++
    if (report.text.includes(tail(v, 'connect-saved-online'))) counts.connect.online++
    else counts.connect.offline++
  } else counts.connect.other++
}

async function status(v: VUser): Promise<void> {
  say(v, '/status')
  await next(v, 'status')
  counts.status++
}

async function test(v: VUser): Promise<void> {
  say(v, '/test')
  const m = await next(v, 'test picker or testing')
  if (is(v, m, 'no-connections')) {
    v.connections = 0
    return
  }
  // A picker is edited in place into "testing…", then into the report.
  let edits = 1
  if (is(v, m, 'pick-test')) {
    tap(v, m, firstButton(m))
    edits = 2
  }
  await edited(v, m, 'test report', edits)
  counts.test++
}

async function remove(v: VUser): Promise<void> {
  say(v, '/delete')
  const m = await next(v, 'delete picker')
  if (is(v, m, 'no-connections')) {
    v.connections = 0
    return
  }
  // A picker is edited in place into the confirmation, then into "deleted".
  let edits = 1
  if (is(v, m, 'pick-delete')) {
    tap(v, m, firstButton(m))
    await edited(v, m, 'delete confirm')
    edits = 2
  }
  tap(v, m, tr(v, 'button-delete-yes'))
  await edited(v, m, 'deleted', edits)
  v.connections--
  counts.deleted++
}

async function oneAction(v: VUser): Promise<void> {
  if (v.connections >= 3) return remove(v)
  const r = Math.random()
  if (r < 0.35) return connect(v)
  if (r < 0.47) return connect(v, (['checklist', 'name', 'secret'] as const)[Math.floor(Math.random() * 3)])
  if (r < 0.72) return status(v)
  if (v.connections > 0) return test(v)
  return status(v)
}

async function userLoop(v: VUser, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      await oneAction(v)
    } catch (err) {
      if (err instanceof StallError) counts.stalls++
      else if (err instanceof DesyncError) counts.desyncs++
      else counts.loadErrors++
      if (counts.stallNotes.length < 20) counts.stallNotes.push(`${new Date().toISOString().slice(11, 19)} user ${v.user.id}: ${err instanceof Error ? `${err.constructor.name} ${err.message}` : String(err)}`)
      // Get back to a known state: leave any flow, let late replies land, then resynchronize.
      say(v, '/cancel')
      await sleep(5_000)
      v.seen = tg.botMessages(v.user.id).length
    }
    await sleep(300 + Math.random() * 1200)
  }
}

// ── faults ──
const EXCHANGE_FAULTS: ScenarioKind[] = ['slow', 'reset', 'outage', 'rate-limit', 'malformed', 'maintenance']
const TELEGRAM_FAULTS: Array<() => void> = [
  () => tg.rateLimit({ retryAfter: 1, count: 20 }),
  () => tg.serverError({ count: 10 }),
  () => tg.serverError({ count: 5, errorCode: 502, html: true }),
  () => tg.dropConnections({ count: 10 }),
  () => tg.serverError({ count: 2, methods: ['getUpdates'] }),
  () => tg.dropConnections({ count: 2, methods: ['getUpdates'] }),
  () => tg.rateLimit({ retryAfter: 1, count: 2, methods: ['getUpdates'] }),
]

/** Every 30 s one exchange fault for 10 s (slow answers are longer than EXCHANGE_TIMEOUT_MS); every 12 s one Bot API fault. */
async function faultLoop(deadline: number): Promise<void> {
  let e = 0
  let t = 0
  let nextTelegram = Date.now() + 6_000
  let nextExchange = Date.now() + 15_000
  while (Date.now() < deadline) {
    const now = Date.now()
    if (now >= nextExchange) {
      const kind = EXCHANGE_FAULTS[e % EXCHANGE_FAULTS.length]!
      const where = [{}, { exchange: 'mexc' as const }, { exchange: 'kucoin' as const }][Math.floor(e / EXCHANGE_FAULTS.length) % 3]!
      ex.setScenario(kind, { ...where, delayMs: 3_000, retryAfterS: 1 })
      counts.exchangeFaults++
      e++
      setTimeout(() => ex.clearScenarios(), 10_000)
      nextExchange = now + 30_000
    }
    if (now >= nextTelegram) {
      TELEGRAM_FAULTS[t++ % TELEGRAM_FAULTS.length]!()
      counts.telegramFaults++
      nextTelegram = now + 12_000
    }
    await sleep(500)
  }
  ex.clearScenarios()
  tg.clearScenarios()
}

function snapshot(): SoakCounts {
  counts.telegramCalls = {}
  for (const c of tg.calls) counts.telegramCalls[c.outcome] = (counts.telegramCalls[c.outcome] ?? 0) + 1
  counts.exchangeRequests = ex.requestCount()
  counts.childRssMB = Math.round(process.memoryUsage().rss / 2 ** 20)
  return counts
}

async function runLoad(args: { minutes: number; users: number }): Promise<SoakCounts> {
  const deadline = Date.now() + args.minutes * 60_000
  const vusers: VUser[] = Array.from({ length: args.users }, (_, i) => ({
    user: tg.createUser({ id: 700_000_000 + i, firstName: `Soak ${i}`, languageCode: i % 4 === 3 ? 'pt-BR' : 'en' }),
    locale: i % 4 === 3 ? 'pt-BR' : 'en',
    seen: 0,
    connections: 0,
  }))
  const progress = setInterval(() => process.send?.({ type: 'progress', counts: snapshot() }), 10_000)
  // Users start staggered over the first 10 s so the load ramps up instead of arriving at once.
  await Promise.all([
    faultLoop(deadline),
    ...vusers.map(async (v, i) => {
      await sleep((i * 10_000) / args.users)
      await userLoop(v, deadline)
    }),
  ])
  clearInterval(progress)
  return snapshot()
}

serveParent(
  { type: 'ready', tg: { url: tg.url, token: tg.token, botInfo: tg.botInfo }, exchangeUrls: ex.exchangeUrls },
  { run: (args) => runLoad(args as { minutes: number; users: number }) },
  async () => {
    await tg.close()
    await ex.stop()
  },
)
