import { describe, expect, it } from 'vitest'
import { createTransport } from '../../../src/bot/transport.js'

/** A signal shaped like the `abort-controller` polyfill grammY uses on Node: not a native AbortSignal. */
function polyfillSignal() {
  const target = new EventTarget() as EventTarget & { aborted: boolean }
  target.aborted = false
  return { signal: target, abort: () => { target.aborted = true; target.dispatchEvent(new Event('abort')) } }
}

describe('Bot API transport', () => {
  it('hands fetch a native AbortSignal that follows the polyfilled one (Node 24 refuses others)', async () => {
    const seen: AbortSignal[] = []
    const base = (async (_url: string | URL | Request, init?: RequestInit) => {
      expect(init?.signal).toBeInstanceOf(AbortSignal)
      seen.push(init!.signal!)
      return new Response(JSON.stringify({ ok: true, result: true }))
    }) as typeof fetch
    const transport = createTransport({ throttle: false, baseFetch: base })
    const foreign = polyfillSignal()
    const res = await transport('http://127.0.0.1/bot1:x/getMe', { method: 'POST', body: '{}', signal: foreign.signal as unknown as AbortSignal })
    expect(await res.json()).toEqual({ ok: true, result: true })
    expect(seen[0]!.aborted).toBe(false)
    foreign.abort()
    expect(seen[0]!.aborted).toBe(true)
  })

  it('retries a 429 after retry_after and returns the eventual answer', async () => {
    let calls = 0
    const base = (async () => {
      calls++
      return new Response(JSON.stringify(calls === 1 ? { ok: false, error_code: 429, description: 'Too Many Requests: retry after 0.05', parameters: { retry_after: 0.05 } } : { ok: true, result: 42 }))
    }) as typeof fetch
    const res = await createTransport({ throttle: false, baseFetch: base })('http://127.0.0.1/bot1:x/sendMessage', { method: 'POST', body: '{"chat_id":1}' })
    expect(await res.json()).toEqual({ ok: true, result: 42 })
    expect(calls).toBe(2)
  })
})
