/**
 * Child process of `npm run bench:bot` (not a test): hosts the fake Bot API and the fake
 * exchange, pushes /status updates and times each one from the push to the moment the bot's
 * sendMessage for that chat reaches the fake. Timing lives here, in the fake's own clock.
 */
import { randomBytes } from 'node:crypto'
import { startFakeExchange } from '../fakes/exchange-server.js'
import { startFakeTelegram, type FakeUser } from '../fakes/telegram-server.js'
import { EGRESS_IP, percentile, serveParent } from './harness.js'

/** What one closed-loop run measured. */
export interface LoopResult {
  count: number
  elapsedMs: number
  perSecond: number
  p50: number
  p90: number
  p99: number
  max: number
  mean: number
  /** Mean length of the replies' text, to compare the two bots' work on the fake's side. */
  replyChars: number
  /** Longest reply text (as sent, HTML included) by the user's language. */
  longestReply: Record<string, number>
  /** CPU time (user + system) the fakes' process spent per update during the loop. */
  fakeCpuMs: number
  /** Replies the fake refused (e.g. 400 message is too long), by the user's language. */
  refused: Record<string, number>
  /** The fake's error descriptions for those replies, with counts. */
  refusedWhy: Record<string, number>
}

/** Template accounts on the fake exchange: one per report the seeded connections show. */
export interface TemplateAccounts {
  mexcHealthy: { apiKey: string; secret: string }
  mexcNoTrade: { apiKey: string; secret: string }
  kucoinHealthy: { apiKey: string; secret: string; passphrase: string }
  kucoinIpExcluded: { apiKey: string; secret: string; passphrase: string }
  kucoinTransfer: { apiKey: string; secret: string; passphrase: string }
}

const tg = await startFakeTelegram({ token: `7000000001:AAH${randomBytes(24).toString('base64url')}` })
const ex = await startFakeExchange()
ex.callerIp = EGRESS_IP
const pick = <T extends { apiKey: string; secret: string; passphrase: string }>(a: T) => ({ apiKey: a.apiKey, secret: a.secret, passphrase: a.passphrase })
const templates: TemplateAccounts = {
  mexcHealthy: pick(ex.addAccount({ exchange: 'mexc', balances: { USDT: 1520.5, BTC: 0.013 } })),
  mexcNoTrade: pick(ex.addAccount({ exchange: 'mexc', permissions: ['SPOT_ACCOUNT_READ'] })),
  kucoinHealthy: pick(ex.addAccount({ exchange: 'kucoin', ipWhitelist: [EGRESS_IP], balances: { USDT: 800 } })),
  kucoinIpExcluded: pick(ex.addAccount({ exchange: 'kucoin', ipWhitelist: ['198.51.100.20'] })),
  kucoinTransfer: pick(ex.addAccount({ exchange: 'kucoin', permissions: ['General', 'Spot', 'Transfer'] })),
}

const users = new Map<number, FakeUser>()
/** Chat id → when its /status was pushed and who waits for the reply. */
const waiting = new Map<number, { t0: number; done: (ms: number, chars: number) => void }>()
let cursor = 0
tg.onActivity(() => {
  const calls = tg.calls
  while (cursor < calls.length) {
    const call = calls[cursor++]!
    if (call.method !== 'sendMessage') continue
    const chatId = Number(call.payload['chat_id'])
    const w = waiting.get(chatId)
    if (!w) continue
    waiting.delete(chatId)
    w.done(performance.now() - w.t0, String(call.payload['text'] ?? '').length)
  }
})

/** One /status from `user`; resolves with the latency once the reply reaches the fake. */
function statusOnce(user: FakeUser): Promise<{ ms: number; chars: number }> {
  return new Promise((resolve, reject) => {
    if (waiting.has(user.id)) return reject(new Error(`user ${user.id} already has a /status in flight`))
    const timer = setTimeout(() => {
      waiting.delete(user.id)
      reject(new Error(`no reply to /status from ${user.id} within 30 s`))
    }, 30_000)
    waiting.set(user.id, {
      t0: performance.now(),
      done: (ms, chars) => {
        clearTimeout(timer)
        resolve({ ms, chars })
      },
    })
    tg.sendCommand(user, 'status')
  })
}

/**
 * `window` users each keep one /status in flight (the next is pushed when the previous is
 * answered), until `total` have been answered: the queue stays as full as the bot can drain it.
 */
async function closedLoop(args: { userIds: number[]; total: number; window: number }): Promise<LoopResult> {
  const { userIds, total } = args
  const window = Math.min(args.window, userIds.length, total)
  const latencies: number[] = []
  const firstCall = tg.calls.length
  const cpu0 = process.cpuUsage()
  let chars = 0
  let started = 0
  const t0 = performance.now()
  await Promise.all(Array.from({ length: window }, async (_, slot) => {
    // Slot i uses users i, i + window, i + 2·window...: no two slots share a user.
    const group = userIds.filter((_, i) => i % window === slot)
    for (let k = 0; started < total; k++) {
      started++
      const user = users.get(group[k % group.length]!)!
      const r = await statusOnce(user)
      latencies.push(r.ms)
      chars += r.chars
    }
  }))
  const elapsedMs = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  const refused: Record<string, number> = {}
  const longestReply: Record<string, number> = {}
  const refusedWhy: Record<string, number> = {}
  for (const call of tg.calls.slice(firstCall)) {
    if (call.method !== 'sendMessage') continue
    const lang = users.get(Number(call.payload['chat_id']))?.languageCode ?? '?'
    longestReply[lang] = Math.max(longestReply[lang] ?? 0, String(call.payload['text'] ?? '').length)
    if (call.outcome !== 'error') continue
    refused[lang] = (refused[lang] ?? 0) + 1
    const why = call.description ?? String(call.errorCode)
    refusedWhy[why] = (refusedWhy[why] ?? 0) + 1
  }
  return {
    count: latencies.length,
    elapsedMs,
    perSecond: latencies.length / (elapsedMs / 1000),
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    mean: latencies.reduce((a, b) => a + b, 0) / latencies.length,
    replyChars: chars / latencies.length,
    fakeCpuMs: (cpu.user + cpu.system) / 1000 / latencies.length,
    refused,
    refusedWhy,
    longestReply,
  }
}

serveParent(
  { type: 'ready', tg: { url: tg.url, token: tg.token, botInfo: tg.botInfo }, exchangeUrls: ex.exchangeUrls },
  {
    templates: () => templates,
    createUsers: (args) => {
      const { ids, ptShare } = args as { ids: number[]; ptShare: number }
      ids.forEach((id, i) => users.set(id, tg.createUser({ id, firstName: `Trader ${id}`, languageCode: i % Math.round(1 / ptShare) === 0 ? 'pt-BR' : 'en' })))
      return ids.length
    },
    closedLoop: (args) => closedLoop(args as { userIds: number[]; total: number; window: number }),
    /** Between phases: nothing may be pending; forget the call log (users stay). */
    reset: () => {
      const pending = tg.pendingUpdates.length
      tg.reset()
      cursor = 0
      return { pending, rssMB: process.memoryUsage().rss / 2 ** 20 }
    },
  },
  async () => {
    await tg.close()
    await ex.stop()
  },
)
