/**
 * Telegram's own error texts, copied from the Bot API server's answers (and tdlib's tests for
 * the entity parser), so code that matches on a description behaves here as in production.
 */
export const DESCRIPTIONS = {
  notFound: 'Not Found',
  unauthorized: 'Unauthorized',
  chatNotFound: 'Bad Request: chat not found',
  textEmpty: 'Bad Request: message text is empty',
  tooLong: 'Bad Request: message is too long',
  buttonDataInvalid: 'Bad Request: BUTTON_DATA_INVALID',
  keyboardNotArrays: 'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays',
  textButtonsUnallowed: "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
  editNotFound: 'Bad Request: message to edit not found',
  deleteNotFound: 'Bad Request: message to delete not found',
  cantDeleteForEveryone: "Bad Request: message can't be deleted for everyone",
  cantBeEdited: "Bad Request: message can't be edited",
  noTextToEdit: 'Bad Request: there is no text in the message to edit',
  notModified: 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
  queryTooOld: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
  blocked: 'Forbidden: bot was blocked by the user',
  pollConflict: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
  webhookActive: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
  internal: 'Internal Server Error',
  unsupportedParseMode: 'Bad Request: unsupported parse_mode',
  parse: (detail: string): string => `Bad Request: can't parse entities: ${detail}`,
  tooManyRequests: (seconds: number): string => `Too Many Requests: retry after ${seconds}`,
} as const

/** A Bot API failure a handler throws; the server turns it into Telegram's error envelope. */
export class TelegramApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description)
    this.name = 'TelegramApiError'
  }

  /** The JSON body Telegram sends for this error. */
  toEnvelope(): ErrorEnvelope {
    const body: ErrorEnvelope = { ok: false, error_code: this.errorCode, description: this.description }
    if (this.retryAfter !== undefined) body.parameters = { retry_after: this.retryAfter }
    return body
  }
}

/** Telegram's failure envelope, as grammY's client parses it. */
export interface ErrorEnvelope {
  ok: false
  error_code: number
  description: string
  parameters?: { retry_after?: number }
}

/** Shorthand for the 400 errors that make up most of the Bot API's refusals. */
export function badRequest(description: string): TelegramApiError {
  return new TelegramApiError(400, description)
}
