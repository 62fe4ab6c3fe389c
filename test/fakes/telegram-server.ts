/**
 * Entry point of the fake Telegram Bot API used by e2e tests, benchmarks and the no-token demo.
 * The implementation lives in ./telegram/ (one concept per file); import from here.
 */
import { FakeTelegram, type FakeTelegramOptions } from './telegram/fake.js'

export { FakeTelegram } from './telegram/fake.js'
export type { ChatRef, FakeTelegramOptions } from './telegram/fake.js'
export type { ChatEvent, ChatEventType } from './telegram/state.js'
export type { ApiCall, CallbackAnswer, ChatMessage, FakeChat, FakeUser, MessageVersion } from './telegram/types.js'
export { DESCRIPTIONS as TELEGRAM_ERRORS } from './telegram/errors.js'
export { buttonsOf } from './telegram/keyboard.js'

/** Starts a fake Bot API on a free loopback port; `fake.url` is grammY's `apiRoot`. */
export function startFakeTelegram(opts?: FakeTelegramOptions): Promise<FakeTelegram> {
  return FakeTelegram.start(opts)
}
