import type { UploadedFile } from './body.js'
import type { Scenarios } from './scenarios.js'
import type { TelegramState } from './state.js'

/** What a Bot API method handler gets: the world, the faults, and the decoded request. */
export interface MethodContext {
  state: TelegramState
  scenarios: Scenarios
  params: Record<string, unknown>
  files: UploadedFile[]
  /** Aborted when the client goes away, so long polls stop waiting for it. */
  signal: AbortSignal
}

/** One Bot API method; throws TelegramApiError to answer with Telegram's error envelope. */
export type MethodHandler = (ctx: MethodContext) => unknown

/** Reads an integer parameter that may arrive as a number (JSON) or a string (form, query). */
export function int(value: unknown, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback
  const n = Number(value)
  return Number.isFinite(n) ? Math.trunc(n) : fallback
}

/** Reads a boolean parameter that may arrive as `true` or `'true'`. */
export function bool(value: unknown): boolean {
  return value === true || value === 'true' || value === 1 || value === '1'
}
