/**
 * Process entry: read the environment, build the app, run until SIGINT/SIGTERM. Without a
 * BOT_TOKEN it runs the demo chat in this terminal. Any start-up failure is one readable line
 * and exit code 1, never a stack trace with secrets in it.
 */
import { createApp } from './app.js'
import { loadConfig } from './config.js'
import { createLogger, type AppLogger } from './logger.js'
import { startupLine } from './startup-error.js'

/**
 * Failures nothing awaited go through the scrubbing logger, never Node's default printout (an
 * error can quote a URL with the bot token). A stray rejection is logged and the bot keeps
 * serving; an uncaught exception leaves the process in an unknown state, so it exits 1 (the
 * service manager restarts it).
 */
function logProcessFailures(logger: AppLogger): void {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'))
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception: exiting')
    process.exit(1)
  })
}

async function main(): Promise<void> {
  // Every file the process creates (database, WAL, key file) is readable by its owner only.
  process.umask(0o077)
  const config = loadConfig()
  if (!config.botToken) {
    const { runDemo } = await import('./demo/demo.js')
    const lang = (process.env.LC_ALL ?? process.env.LANG ?? '').toLowerCase().startsWith('pt') ? 'pt-BR' : 'en'
    await runDemo(config, { input: process.stdin, output: process.stdout, language: lang })
    process.exit(0)
  }
  const logger = createLogger({ level: config.logLevel, pretty: process.stdout.isTTY })
  logProcessFailures(logger)
  const app = await createApp(config, logger)
  let stopping = false
  const stop = async (signal: string, code = 0) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    await app.stop()
    process.exit(code)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
  // Not receiving updates any more: exit 1 so the service manager restarts us and it shows.
  app.onFatal(() => void stop('polling stopped', 1))
  try {
    await app.start()
  } catch (err) {
    // Close the database and remove the heartbeat before the one-line exit.
    await app.stop().catch(() => {})
    throw err
  }
  logger.info({ database: config.databasePath, mode: config.webhook ? 'webhook' : 'polling' }, 'started')
}

main().catch((err: unknown) => {
  console.error(startupLine(err))
  process.exit(1)
})
