import { request as httpRequest, type Agent as HttpAgent } from 'node:http'
import { request as httpsRequest } from 'node:https'
import nodeFetch from 'node-fetch'

/** The slice of a fetch response grammY's client reads (see transport.ts). */
export interface JsonResponse {
  status: number
  json(): Promise<unknown>
}

/** What grammY hands its fetch: method, headers, a string body (or a stream for uploads), its keep-alive agent, a signal. */
interface PostInit {
  method?: string
  headers?: Record<string, string>
  body?: unknown
  agent?: HttpAgent
  signal?: { aborted: boolean; addEventListener(type: 'abort', fn: () => void): void; removeEventListener(type: 'abort', fn: () => void): void } | null
}

/**
 * Sends one Bot API call straight over node:http(s) with grammY's keep-alive agent: a JSON body
 * in, the answer's bytes parsed once out. Every reply the bot sends goes through here, and
 * node-fetch's Request/Headers/Body/stream objects cost about a third more CPU per call on the
 * same socket (measured: 0.137 against 0.175 ms per call with a 4 KB message both ways, server
 * included). Uploads (a multipart stream body) still go through node-fetch, which grammY uses
 * by default.
 */
export function httpPost(url: string, init: PostInit = {}): Promise<JsonResponse> {
  if (typeof init.body !== 'string') return nodeFetch(url, init) as Promise<JsonResponse>
  const body = init.body
  const signal = init.signal ?? undefined
  return new Promise<JsonResponse>((resolve, reject) => {
    if (signal?.aborted) return reject(new Error(`request to ${redact(url)} aborted`))
    const send = url.startsWith('https:') ? httpsRequest : httpRequest
    let settled = false
    const done = (fn: () => void) => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      fn()
    }
    const req = send(url, { method: init.method ?? 'POST', headers: { ...init.headers, 'content-length': Buffer.byteLength(body) }, ...(init.agent ? { agent: init.agent } : {}) }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
        done(() => resolve({ status: res.statusCode ?? 0, json: async () => JSON.parse(bytes.toString('utf8')) as unknown }))
      })
      res.on('error', (err) => done(() => reject(err)))
      res.on('close', () => done(() => reject(new Error(`response from ${redact(url)} cut off`))))
    })
    const onAbort = () => req.destroy(new Error(`request to ${redact(url)} aborted`))
    signal?.addEventListener('abort', onAbort)
    req.on('error', (err) => done(() => reject(err)))
    req.end(body)
  })
}

/** The URL without the bot token (`/bot<token>/method`), for error texts. */
function redact(url: string): string {
  return url.replace(/\/bot[^/]+\//, '/bot<token>/')
}
