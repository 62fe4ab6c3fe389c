import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { run, type RunnerHandle } from '@grammyjs/runner'
import { BotError, webhookCallback, type Transformer } from 'grammy'
import type { Update } from 'grammy/types'
import type { AppLogger } from '../logger.js'
import type { AppBot } from './index.js'

/** What the app needs to stop the bot cleanly, whichever mode it runs in. */
export interface BotRunner {
  stop(): Promise<void>
}

const UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const

/**
 * Long polling with @grammyjs/runner (concurrent across chats, ordered within one by
 * sequentialize). `onFatal` hears when Telegram refuses polling for good, so the process can
 * exit with an error instead of running on without receiving anything.
 */
export async function startPolling(bot: AppBot, logger: AppLogger, onFatal: (err: unknown) => void = () => {}): Promise<BotRunner> {
  await bot.api.deleteWebhook().catch((err: unknown) => logger.warn({ err }, 'deleteWebhook failed'))
  // The runner prints failed getUpdates calls with console.error, past the scrubbing logger:
  // silence it and log them here instead (the runner keeps retrying with back-off).
  const logFetchErrors: Transformer = async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal)
    } catch (err) {
      if (method === 'getUpdates' && !signal?.aborted) logger.warn({ err }, 'fetching updates failed; retrying')
      throw err
    }
  }
  bot.api.config.use(logFetchErrors)
  const handle: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: [...UPDATES] }, silent: true } })
  // Telegram refused polling for good (401 token revoked, 409 another instance or a webhook):
  // say so through the logger instead of an unhandled rejection.
  void handle.task()?.catch((err: unknown) => {
    logger.fatal({ err }, 'polling stopped: Telegram refused getUpdates')
    onFatal(err)
  })
  logger.info({ bot: bot.botInfo.username }, 'polling for updates')
  return {
    async stop() {
      if (handle.isRunning()) await handle.stop()
      // The runner's concurrent sink does not wait for updates still being handled (a connection
      // test can run for TEST_TIMEOUT_MS): wait for them, or the app closes the database under them.
      const deadline = Date.now() + DRAIN_MS
      while (handle.size() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
      if (handle.size() > 0) logger.warn({ pending: handle.size() }, 'stopped with updates still being handled')
    },
  }
}

/** How long a stop waits for handlers still running (longer than any connection test). */
const DRAIN_MS = 60_000

/** Largest webhook body accepted: Telegram updates are a few KB; anything bigger is not Telegram. */
export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024

// How much of an oversized body is read (and discarded) before the connection is cut.
const DRAIN_MAX_BYTES = 16 * WEBHOOK_MAX_BODY_BYTES

/** Why a webhook request body was refused, with the HTTP status it gets. */
class BodyRefused extends Error {
  constructor(readonly status: 400 | 413) {
    super(status === 413 ? 'request body too large' : 'request body is not a JSON object')
  }
}

const SECRET_HEADER = 'x-telegram-bot-api-secret-token'

/**
 * grammY's adapter contract for Node's http server, with a size cap and a JSON check. grammY
 * reads `update` only after the secret header matched, so an unauthenticated body is never read.
 */
function cappedHttpAdapter(req: IncomingMessage, res: ServerResponse) {
  const header = req.headers[SECRET_HEADER]
  return {
    get update(): Promise<Update> {
      return new Promise<Update>((resolve, reject) => {
        // An oversized body is read to its end and thrown away before the 413 goes out: a client
        // still sending when the server answers and closes gets a reset instead of the answer.
        // Past DRAIN_MAX_BYTES the connection is cut.
        const chunks: Buffer[] = []
        let size = 0
        let tooLarge = Number(req.headers['content-length'] ?? 0) > WEBHOOK_MAX_BODY_BYTES
        req.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > DRAIN_MAX_BYTES) {
            req.destroy()
            reject(new BodyRefused(413))
            return
          }
          if (size > WEBHOOK_MAX_BODY_BYTES) tooLarge = true
          if (!tooLarge) chunks.push(chunk)
        })
        req.once('end', () => {
          if (tooLarge) {
            reject(new BodyRefused(413))
            return
          }
          try {
            const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
            if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || typeof (parsed as Update).update_id !== 'number') {
              reject(new BodyRefused(400))
              return
            }
            resolve(parsed as Update)
          } catch {
            reject(new BodyRefused(400))
          }
        })
        req.once('error', reject)
      })
    },
    header: Array.isArray(header) ? header[0] : header,
    end: () => res.end(),
    respond: (json: string) => res.writeHead(200, { 'content-type': 'application/json' }).end(json),
    unauthorized: () => res.writeHead(401).end('"unauthorized"'),
    handlerReturn: undefined,
  }
}

/**
 * Webhook mode: Telegram POSTs updates to our HTTP server, which listens on `host` (loopback
 * unless WEBHOOK_HOST says otherwise; a TLS proxy forwards to it). Requests without the secret
 * token header get 401 before their body is read; bodies over 1 MiB get 413, non-JSON 400. No
 * request can stop the process: every failure is answered and logged through the scrubbing logger.
 */
export async function startWebhook(bot: AppBot, opts: { url: string; secret: string; host: string; port: number }, logger: AppLogger): Promise<BotRunner & { server: Server }> {
  const handle = webhookCallback(bot, cappedHttpAdapter, { secretToken: opts.secret, timeoutMilliseconds: 55_000, onTimeout: 'return' })
  const path = new URL(opts.url).pathname
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== path) {
      res.writeHead(404).end()
      return
    }
    handle(req, res).catch(async (err: unknown) => {
      let status = 200
      if (err instanceof BodyRefused) {
        status = err.status
        logger.warn({ status, remote: req.socket.remoteAddress }, 'webhook request refused')
      } else if (err instanceof BotError) {
        // Escaped the error boundary: logged by bot.catch. Answer 200 so Telegram does not
        // redeliver an update that fails the same way again (polling moves on too).
        await Promise.resolve(bot.errorHandler(err as Parameters<AppBot['errorHandler']>[0])).catch((e: unknown) => logger.error({ err: e }, 'error handler failed'))
      } else {
        logger.error({ err }, 'webhook request failed')
        status = 500
      }
      if (!res.headersSent) res.writeHead(status).end()
      else if (!res.writableEnded) res.end()
    })
  })
  server.on('error', (err) => logger.error({ err }, 'webhook server error'))
  server.on('clientError', (err, socket) => {
    logger.debug({ err }, 'webhook client error')
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n')
    else socket.destroy()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  await bot.api.setWebhook(opts.url, { secret_token: opts.secret, allowed_updates: [...UPDATES] })
  logger.info({ host: opts.host, port: opts.port }, 'webhook server listening')
  return {
    server,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
