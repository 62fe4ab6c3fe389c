/** Every error the services raise, as a code the edge maps to user text (never to a stack trace). */
export const APP_ERROR_CODES = [
  'NOT_FOUND',
  'NAME_TAKEN',
  'NAME_INVALID',
  'KEY_ALREADY_CONNECTED',
  'KEY_ALREADY_YOURS',
  'CONNECTION_LIMIT',
  'CONNECT_QUOTA',
  'TEST_QUOTA',
  'INVALID_FORMAT',
  'UNSAFE_KEY',
  'BUSY',
  'SEAL_FAILED',
  'CONFIG_INVALID',
  'STORAGE_FAILED',
] as const
/** A typed failure code a caller can act on. */
export type AppErrorCode = (typeof APP_ERROR_CODES)[number]

/**
 * The one error type services throw: it carries a code and non-secret params only, so it can be
 * logged and translated without leaking what the user typed.
 */
export class AppError extends Error {
  override readonly name = 'AppError'
  constructor(
    readonly code: AppErrorCode,
    readonly params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(code, options)
  }
}

/** Narrowing helper so callers can branch on codes without instanceof chains. */
export function isAppError(err: unknown, code?: AppErrorCode): err is AppError {
  return err instanceof AppError && (code === undefined || err.code === code)
}
