import { autoRetry } from '@grammyjs/auto-retry'
import { apiThrottler } from '@grammyjs/transformer-throttler'
import { HttpError, type Transformer } from 'grammy'

type Prev = Parameters<Transformer>[0]

/**
 * The Bot API transport: grammY's auto-retry (429 `retry_after`, 5xx, network errors) and
 * throttler (global and per-chat limits) applied at the fetch level, below every transformer.
 * That placement matters: @grammyjs/conversations builds its own Api objects and replays
 * recorded calls through their transformers, so plugins installed there would re-throttle (and
 * re-sleep) every replayed call, while a custom `fetch` is reached only by real requests, from
 * bot.api and from inside conversations alike.
 */
export function createTransport(opts: { throttle: boolean; baseFetch?: typeof fetch }): typeof fetch {
  const base = opts.baseFetch ?? fetch
  const layers: Transformer[] = [autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120, rethrowInternalServerErrors: false, rethrowHttpErrors: false })]
  // Telegram: ~30 messages/s overall, about one per second per chat with short bursts allowed.
  // Per chat a token bucket: bursts of 10 (a guided step sends two messages at once), refilled
  // at one per second, which is Telegram's sustained rate for one chat.
  if (opts.throttle) {
    layers.unshift(apiThrottler({ out: { maxConcurrent: 1, minTime: 30, reservoir: 10, reservoirIncreaseInterval: 1000, reservoirIncreaseAmount: 1, reservoirIncreaseMaximum: 10 } }))
  }
  return (async (url: string | URL | Request, init?: RequestInit) => {
    const method = String(url).split('/').pop() ?? ''
    let payload: Record<string, unknown> = {}
    // Only the throttler reads the payload (its chat_id); auto-retry looks at answers alone.
    if (opts.throttle && typeof init?.body === 'string') {
      try {
        payload = JSON.parse(init.body) as Record<string, unknown>
      } catch {
        payload = {}
      }
    }
    const network: Prev = async () => {
      let res: Response
      try {
        res = await base(url, withNativeSignal(init))
      } catch (err) {
        throw new HttpError(`Network request for '${method}' failed!`, err)
      }
      // A proxy's 502/504 page is HTML, not the Bot API's JSON: as an HttpError it is retried
      // like any network failure instead of failing the update at once.
      try {
        return (await res.json()) as Awaited<ReturnType<Prev>>
      } catch (err) {
        throw new HttpError(`Network request for '${method}' failed! (HTTP ${res.status}, not JSON)`, err)
      }
    }
    const call = layers.reduce<Prev>((prev, layer) => (m, p, s) => layer(prev, m, p, s), network)
    const result = await call(method as never, payload as never, (init?.signal ?? undefined) as never)
    return new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
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
