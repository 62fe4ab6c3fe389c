import { describe, expect, it } from 'vitest'
import { createTransport, throttleKey } from '../../../src/bot/transport.js'

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

  it('hands grammY the parsed answer without serializing it again', async () => {
    const answer = { ok: true, result: { message_id: 7, text: 'x'.repeat(1000) } }
    const base = (async () => ({ status: 200, json: async () => answer }) as unknown as Response) as typeof fetch
    const res = await createTransport({ throttle: false, baseFetch: base })('http://127.0.0.1/bot1:x/sendMessage', { method: 'POST', body: '{"chat_id":1,"text":"hi"}' })
    expect(await res.json()).toBe(answer)
  })

  it('a deletion or an edit does not wait behind the chat\'s queued messages', async () => {
    const reached: string[] = []
    const base = (async (url: string | URL | Request) => {
      reached.push(String(url).split('/').pop()!)
      return new Response(JSON.stringify({ ok: true, result: true }))
    }) as typeof fetch
    const transport = createTransport({ throttle: true, baseFetch: base })
    const send = (method: string, body: string) => transport(`http://127.0.0.1/bot1:x/${method}`, { method: 'POST', body })
    // Ten sends empty the chat's burst; the eleventh has to wait for the bucket to refill.
    await Promise.all(Array.from({ length: 10 }, (_, i) => send('sendMessage', `{"chat_id":42,"text":"m${i}"}`)))
    const queued = send('sendMessage', '{"chat_id":42,"text":"late"}')
    await Promise.all([send('deleteMessage', '{"chat_id":42,"message_id":5}'), send('editMessageText', '{"chat_id":42,"message_id":6,"text":"report"}')])
    expect(reached.slice(10)).toEqual(['deleteMessage', 'editMessageText'])
    await queued
    expect(reached.at(-1)).toBe('sendMessage')
  })
})

describe('throttle key', () => {
  it('reads the chat of a chat-scoped call without parsing the body, and never the chat of a quoted message', () => {
    expect(throttleKey('sendMessage', '{"chat_id":-1001234,"text":"a"}')).toEqual({ chat_id: -1001234 })
    expect(throttleKey('sendMessage', '{"chat_id":"@channel","text":"a"}')).toEqual({ chat_id: '@channel' })
    expect(throttleKey('sendMessage', '{"text":"a","reply_parameters":{"chat_id":9,"message_id":1}}')).toEqual({})
    expect(throttleKey('sendMessage', '{"text":"a","chat_id":12}')).toEqual({ chat_id: 12 })
    expect(throttleKey('getUpdates', '{"offset":3}')).toEqual({})
  })

  it('leaves deletions and edits out of the per-chat limit', () => {
    for (const m of ['deleteMessage', 'deleteMessages', 'editMessageText', 'editMessageReplyMarkup']) expect(throttleKey(m, '{"chat_id":1,"message_id":2}')).toEqual({})
  })
})
