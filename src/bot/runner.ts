import { createServer, type Server } from 'node:http'
import { run, type RunnerHandle } from '@grammyjs/runner'
import { webhookCallback } from 'grammy'
import type { AppLogger } from '../logger.js'
import type { AppBot } from './index.js'

/** What the app needs to stop the bot cleanly, whichever mode it runs in. */
export interface BotRunner {
  stop(): Promise<void>
}

const UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const

/** Long polling with @grammyjs/runner (concurrent across chats, ordered within one by sequentialize). */
export async function startPolling(bot: AppBot, logger: AppLogger): Promise<BotRunner> {
  await bot.api.deleteWebhook().catch((err: unknown) => logger.warn({ err }, 'deleteWebhook failed'))
  const handle: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: [...UPDATES] } } })
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

/**
 * Webhook mode: Telegram POSTs updates to our HTTP server; requests without the configured
 * secret token header are refused by grammY's webhook adapter with 401.
 */
export async function startWebhook(bot: AppBot, opts: { url: string; secret: string | undefined; port: number }, logger: AppLogger): Promise<BotRunner & { server: Server }> {
  const handle = webhookCallback(bot, 'http', { secretToken: opts.secret, timeoutMilliseconds: 55_000, onTimeout: 'return' })
  const path = new URL(opts.url).pathname
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== path) {
      res.writeHead(404).end()
      return
    }
    void handle(req, res)
  })
  await new Promise<void>((resolve) => server.listen(opts.port, resolve))
  await bot.api.setWebhook(opts.url, { ...(opts.secret ? { secret_token: opts.secret } : {}), allowed_updates: [...UPDATES] })
  logger.info({ port: opts.port }, 'webhook server listening')
  return {
    server,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
