import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { decodeBody } from './body.js'
import type { Dispatch } from './dispatch.js'
import { DESCRIPTIONS, TelegramApiError } from './errors.js'

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) })
  res.end(json)
}

async function handle(req: IncomingMessage, res: ServerResponse, token: string, dispatch: Dispatch): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const route = /^\/bot([^/]+)\/([A-Za-z0-9_]+)$/.exec(url.pathname)
  if (!route || route[1] === undefined || route[2] === undefined) {
    req.resume()
    return send(res, 404, new TelegramApiError(404, DESCRIPTIONS.notFound).toEnvelope())
  }
  if (decodeURIComponent(route[1]) !== token) {
    req.resume()
    return send(res, 401, new TelegramApiError(401, DESCRIPTIONS.unauthorized).toEnvelope())
  }
  let body
  try {
    body = await decodeBody(req, url.searchParams)
  } catch {
    return send(res, 400, new TelegramApiError(400, "Bad Request: can't parse JSON object").toEnvelope())
  }
  const controller = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  const outcome = await dispatch(route[2], body.params, body.files, controller.signal)
  if (outcome.kind === 'drop') {
    req.socket.destroy()
    return
  }
  if (res.destroyed) return
  if (outcome.kind === 'raw') {
    res.writeHead(outcome.status, { 'content-type': 'text/html' })
    res.end(outcome.body)
    return
  }
  if (outcome.kind === 'ok') return send(res, 200, { ok: true, result: outcome.result })
  send(res, outcome.error.errorCode, outcome.error.toEnvelope())
}

/** A started HTTP front for the fake: its base URL and a way to shut it down cleanly. */
export interface HttpFront {
  url: string
  server: Server
  close: () => Promise<void>
}

/** Serves `/bot<token>/<method>` on 127.0.0.1 at a free port, as grammY's `apiRoot` expects. */
export async function startHttp(token: string, dispatch: Dispatch): Promise<HttpFront> {
  const server = createServer((req, res) => {
    handle(req, res, token, dispatch).catch(() => {
      if (!res.headersSent) send(res, 500, new TelegramApiError(500, DESCRIPTIONS.internal).toEnvelope())
    })
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    }),
  }
}
