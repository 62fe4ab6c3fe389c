import { autoRetry } from '@grammyjs/auto-retry'
import { apiThrottler } from '@grammyjs/transformer-throttler'
import { HttpError, type Transformer } from 'grammy'
import { httpPost, type JsonResponse } from './http-post.js'

type Prev = Parameters<Transformer>[0]
type Answer = Awaited<ReturnType<Prev>>

/**
 * The Bot API transport: grammY's auto-retry (429 `retry_after`, 5xx, network errors) and
 * throttler (global and per-chat limits) applied at the fetch level, below every transformer.
 * That placement matters: @grammyjs/conversations builds its own Api objects and replays
 * recorded calls through their transformers, so plugins installed there would re-throttle (and
 * re-sleep) every replayed call, while a custom `fetch` is reached only by real requests, from
 * bot.api and from inside conversations alike.
 *
 * It stays cheap on every call: the request body is never parsed as a whole (the throttler needs
 * only its `chat_id`, which grammY writes first), the answer is handed back to grammY as the
 * parsed object it is, never re-serialized, and the request goes straight over node:http with
 * grammY's keep-alive agent (see http-post.ts; WHATWG fetch costs twice as much CPU per call).
 */
export function createTransport(opts: { throttle: boolean; baseFetch?: typeof fetch }): typeof fetch {
  // httpPost takes grammY's polyfilled AbortSignal as is; a WHATWG fetch (tests) needs a native one.
  const base: (url: string, init: RequestInit | undefined) => Promise<JsonResponse> = opts.baseFetch
    ? (url, init) => opts.baseFetch!(url, withNativeSignal(init))
    : (url, init) => httpPost(url, init as Parameters<typeof httpPost>[1])
  const layers: Transformer[] = [autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120, rethrowInternalServerErrors: false, rethrowHttpErrors: false })]
  // Telegram: ~30 messages/s overall, about one per second per chat with short bursts allowed.
  // Per chat a token bucket: bursts of 10 (a guided step sends two messages at once), refilled
  // at one per second, which is Telegram's sustained rate for one chat.
  if (opts.throttle) {
    layers.unshift(apiThrottler({ out: { maxConcurrent: 1, minTime: 30, reservoir: 10, reservoirIncreaseInterval: 1000, reservoirIncreaseAmount: 1, reservoirIncreaseMaximum: 10 } }))
  }
  return (async (url: string | URL | Request, init?: RequestInit) => {
    const target = String(url)
    const method = target.slice(target.lastIndexOf('/') + 1)
    // Only the throttler reads the payload (its chat_id); auto-retry looks at answers alone.
    const payload = opts.throttle ? throttleKey(method, init?.body) : NO_CHAT
    const network: Prev = async () => {
      let res: JsonResponse
      try {
        res = await base(target, init)
      } catch (err) {
        throw new HttpError(`Network request for '${method}' failed!`, err)
      }
      // A proxy's 502/504 page is HTML, not the Bot API's JSON: as an HttpError it is retried
      // like any network failure instead of failing the update at once.
      try {
        return (await res.json()) as Answer
      } catch (err) {
        throw new HttpError(`Network request for '${method}' failed! (HTTP ${res.status}, not JSON)`, err)
      }
    }
    const call = layers.reduce<Prev>((prev, layer) => (m, p, s) => layer(prev, m, p, s), network)
    const result = await call(method as never, payload as never, (init?.signal ?? undefined) as never)
    // grammY reads nothing but `json()` from what fetch returns.
    return { ok: true, status: 200, json: () => Promise.resolve(result) } as unknown as Response
  }) as typeof fetch
}

const NO_CHAT: Record<string, unknown> = Object.freeze({})
// grammY serializes `{ chat_id, ...rest }`, so the chat is the first field of every chat-scoped call.
const CHAT_ID_FIRST = /^\{"chat_id":(-?\d+|"[^"\\]*")[,}]/

/**
 * What the throttler needs to know about a call: its chat, or nothing (no per-chat limit). Deleting
 * and editing messages are not sent messages: Telegram's one-per-second-per-chat is about new
 * messages, and counting a credential's deletion or the edit of "testing…" into the report made a
 * quick /connect wait seconds for its own report.
 */
export function throttleKey(method: string, body: unknown): Record<string, unknown> {
  if (method.startsWith('deleteMessage') || method.startsWith('editMessage') || typeof body !== 'string') return NO_CHAT
  const m = CHAT_ID_FIRST.exec(body)
  if (m) {
    const id = m[1]!
    return { chat_id: id.startsWith('"') ? id.slice(1, -1) : Number(id) }
  }
  if (!body.includes('"chat_id"')) return NO_CHAT
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>
    return 'chat_id' in parsed ? { chat_id: parsed['chat_id'] } : NO_CHAT
  } catch {
    return NO_CHAT
  }
}

/**
 * grammY on Node passes an AbortSignal from the `abort-controller` polyfill; Node 24's fetch
 * (undici 7) accepts only native signals and refuses the request. Mirror it into a native one.
 */
function withNativeSignal(init: RequestInit | undefined): RequestInit | undefined {
  const signal = init?.signal as unknown
  if (!init || !signal || signal instanceof AbortSignal) return init
  const foreign = signal as { aborted: boolean; addEventListener(type: 'abort', fn: () => void, opts: { once: boolean }): void }
  const native = new AbortController()
  if (foreign.aborted) native.abort()
  else foreign.addEventListener('abort', () => native.abort(), { once: true })
  return { ...init, signal: native.signal }
}
