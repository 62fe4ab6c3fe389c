import { run, type RunnerHandle } from '@grammyjs/runner'
import { Bot, type BotError } from 'grammy'
import type { FakeTelegram } from '../../fakes/telegram-server.js'

/** A real grammY bot wired to the fake, with the errors its handlers threw. */
export interface BotUnderTest {
  bot: Bot
  errors: BotError[]
  stop: () => Promise<void>
}

/** Builds a real grammY Bot whose apiRoot is the fake; `setup` installs handlers and plugins. */
export function createBot(fake: FakeTelegram, setup: (bot: Bot) => void): { bot: Bot, errors: BotError[] } {
  const bot = new Bot(fake.token, { botInfo: fake.botInfo, client: { apiRoot: fake.url } })
  const errors: BotError[] = []
  bot.catch((err) => { errors.push(err) })
  setup(bot)
  return { bot, errors }
}

/** Starts the bot with grammY's built-in long polling (`bot.start()`). */
export async function startPolling(fake: FakeTelegram, setup: (bot: Bot) => void): Promise<BotUnderTest> {
  const { bot, errors } = createBot(fake, setup)
  let started!: () => void
  const ready = new Promise<void>((resolve) => { started = resolve })
  const done = bot.start({ onStart: () => started(), timeout: 10 }).catch((err: unknown) => { errors.push(err as BotError) })
  await ready
  return { bot, errors, stop: async () => { await bot.stop(); await done } }
}

/** Starts the bot with @grammyjs/runner, the production polling mode. */
export function startRunner(fake: FakeTelegram, setup: (bot: Bot) => void): BotUnderTest & { handle: RunnerHandle } {
  const { bot, errors } = createBot(fake, setup)
  const handle = run(bot, { runner: { fetch: { timeout: 10 } } })
  return { bot, errors, handle, stop: () => handle.isRunning() ? handle.stop() : Promise.resolve() }
}
