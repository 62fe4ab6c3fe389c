/**
 * The platform gate under test: the real app (e2e.ts) with its API listening on a free port,
 * called over real HTTP, every answer recorded so a test can check it against the OpenAPI
 * document the API serves.
 */
import type { AppOverrides } from '../../src/app.js'
import type { Credentials, ExchangeId } from '../../src/domain/types.js'
import { fakeCredentials } from '../fakes/exchange-server.js'
import { EGRESS_IP, startE2E, type E2E } from './e2e.js'

/** One answer of the API: what a test asserts on and what the OpenAPI check validates. */
export interface ApiAnswer {
  method: string
  /** The OpenAPI path template, e.g. /v1/connections/{id}. */
  template: string
  status: number
  headers: Headers
  body: unknown
  text: string
}

/** The app with PLATFORM_API_PORT=0 (a free port) and the monitor off unless asked. */
export function startPlatformE2E(opts: { env?: Record<string, string>; monitor?: boolean; overrides?: AppOverrides } = {}): Promise<E2E> {
  return startE2E({ env: { PLATFORM_API_PORT: '0', PLATFORM_CREDENTIALS_PER_MINUTE: '10000', ...opts.env }, monitor: opts.monitor ?? false, ...(opts.overrides ? { overrides: opts.overrides } : {}) })
}

/** A client of the running app's API that records every answer into `log`. */
export function apiClient(e: E2E, log: ApiAnswer[] = []) {
  async function call(method: string, template: string, opts: { token?: string; params?: Record<string, string>; query?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<ApiAnswer> {
    let path = template
    for (const [k, v] of Object.entries(opts.params ?? {})) path = path.replace(`{${k}}`, encodeURIComponent(v))
    const qs = opts.query ? `?${new URLSearchParams(opts.query).toString()}` : ''
    const res = await fetch(`${e.app.platform.api!.url}${path}${qs}`, {
      method,
      headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
    })
    const text = await res.text()
    let body: unknown = text
    if ((res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text)
    const answer = { method: method.toLowerCase(), template, status: res.status, headers: res.headers, body, text }
    log.push(answer)
    return answer
  }
  return {
    log,
    call,
    connections: (token: string, query?: Record<string, string>) => call('GET', '/v1/connections', { token, ...(query ? { query } : {}) }),
    connection: (token: string, id: string) => call('GET', '/v1/connections/{id}', { token, params: { id } }),
    credentials: (token: string, id: string) => call('POST', '/v1/connections/{id}/credentials', { token, params: { id } }),
    events: (token: string, query: Record<string, string> = {}) => call('GET', '/v1/events', { token, query }),
  }
}

/** A new healthy key on the fake exchange, connected through the real /connect use case: Online. */
export async function connectOnline(e: E2E, userId: number, o: { exchange?: ExchangeId; name?: string } = {}): Promise<{ id: string; credentials: Credentials }> {
  const exchange = o.exchange ?? 'mexc'
  const c = fakeCredentials(exchange)
  const account = e.ex.addAccount({ exchange, ...c, ...(exchange === 'kucoin' ? { ipWhitelist: [EGRESS_IP] } : {}) })
  const credentials: Credentials = { apiKey: account.apiKey, secret: account.secret, ...(exchange === 'kucoin' ? { passphrase: account.passphrase } : {}) }
  const saved = await e.app.connections.connect({ userId, exchange, market: 'spot', name: o.name ?? `${exchange} ${userId}-${Math.random().toString(36).slice(2, 7)}`, credentials })
  if (saved.outcome !== 'saved' || saved.connection.status !== 'online') throw new Error(`seed connection not online: ${JSON.stringify(saved)}`)
  return { id: saved.connection.id, credentials }
}
