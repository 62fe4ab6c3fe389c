/**
 * Process entry: read the environment, build the app, run until SIGINT/SIGTERM. Without a
 * BOT_TOKEN it runs the demo chat in this terminal. Any start-up failure is one readable line
 * and exit code 1, never a stack trace with secrets in it.
 */
import { createApp } from './app.js'
import { loadConfig } from './config.js'
import { createLogger } from './logger.js'
import { startupLine } from './startup-error.js'

async function main(): Promise<void> {
  const config = loadConfig()
  if (!config.botToken) {
    const { runDemo } = await import('./demo/demo.js')
    const lang = (process.env.LC_ALL ?? process.env.LANG ?? '').toLowerCase().startsWith('pt') ? 'pt-BR' : 'en'
    await runDemo(config, { input: process.stdin, output: process.stdout, language: lang })
    process.exit(0)
  }
  const logger = createLogger({ level: config.logLevel, pretty: process.stdout.isTTY })
  const app = await createApp(config, logger)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    await app.stop()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
  await app.start()
  logger.info({ database: config.databasePath, mode: config.webhook ? 'webhook' : 'polling' }, 'started')
}

main().catch((err: unknown) => {
  console.error(startupLine(err))
  process.exit(1)
})
