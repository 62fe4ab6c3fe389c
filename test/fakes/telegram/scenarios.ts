import { DESCRIPTIONS, TelegramApiError } from './errors.js'

/** What a matched scenario does to a request. */
export type Fault =
  | { kind: 'error', error: TelegramApiError }
  | { kind: 'drop' }
  | { kind: 'raw', status: number, body: string }

/** The page nginx in front of the Bot API serves when the backend is down: not JSON at all. */
const BAD_GATEWAY_HTML = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n'

/** Options for {@link Scenarios.failNext}. */
export interface FailOptions {
  error_code: number
  description: string
  retry_after?: number
  /** How many calls fail; default 1. */
  times?: number
}

/** Which methods a storm hits; default every method except getUpdates. */
export interface MethodFilter {
  methods?: string[]
}

interface Rule {
  methods: Set<string> | 'all'
  remaining: number
  fault: () => Fault
}

const lower = (methods: string[] | undefined): Set<string> | 'all' =>
  methods ? new Set(methods.map(m => m.toLowerCase())) : 'all'

/**
 * Fault injection for the hostile-world tests: scripted errors, 429 storms, 5xx, dropped
 * sockets, blocked users and refused deletions. Rules are consumed in the order they were added.
 */
export class Scenarios {
  private rules: Rule[] = []
  /** Users who blocked the bot: sending to their private chat answers 403. */
  readonly blockedUsers = new Set<number>()
  /** Chats where deleteMessage is refused; `all` refuses everywhere. */
  refuseDeletes: Set<number> | 'all' | undefined

  /** The next `times` calls of `method` ('*' for any) fail with exactly this error. */
  failNext(method: string, opts: FailOptions): void {
    const error = new TelegramApiError(opts.error_code, opts.description, opts.retry_after)
    this.rules.push({
      methods: method === '*' ? 'all' : new Set([method.toLowerCase()]),
      remaining: opts.times ?? 1,
      fault: () => ({ kind: 'error', error }),
    })
  }

  /** A global flood wait: the next `count` calls answer 429 with `retry_after` seconds. */
  rateLimit(opts: { retryAfter: number, count: number } & MethodFilter): void {
    const error = new TelegramApiError(429, DESCRIPTIONS.tooManyRequests(opts.retryAfter), opts.retryAfter)
    this.rules.push({ methods: lower(opts.methods), remaining: opts.count, fault: () => ({ kind: 'error', error }) })
  }

  /**
   * Telegram-side outages: the next `count` calls answer 5xx, as a JSON envelope or, with
   * `html`, as nginx's 502 page (which grammY can't parse and reports as an HttpError).
   */
  serverError(opts: { count: number, errorCode?: number, description?: string, html?: boolean } & MethodFilter): void {
    const error = new TelegramApiError(opts.errorCode ?? 500, opts.description ?? DESCRIPTIONS.internal)
    const fault = (): Fault => opts.html ? { kind: 'raw', status: 502, body: BAD_GATEWAY_HTML } : { kind: 'error', error }
    this.rules.push({ methods: lower(opts.methods), remaining: opts.count, fault })
  }

  /** The next `count` calls get their socket destroyed with no response at all. */
  dropConnections(opts: { count: number } & MethodFilter): void {
    this.rules.push({ methods: lower(opts.methods), remaining: opts.count, fault: () => ({ kind: 'drop' }) })
  }

  /** Consumes and returns the first rule matching this method, if any. */
  take(method: string): Fault | undefined {
    const m = method.toLowerCase()
    const rule = this.rules.find(r => r.remaining > 0 && (r.methods === 'all' ? m !== 'getupdates' : r.methods.has(m)))
    if (!rule) return undefined
    rule.remaining--
    this.rules = this.rules.filter(r => r.remaining > 0)
    return rule.fault()
  }

  /** True when deleteMessage in this chat must be refused. */
  deleteRefused(chatId: number): boolean {
    return this.refuseDeletes === 'all' || (this.refuseDeletes?.has(chatId) ?? false)
  }

  /** Forgets every scripted fault, block and refusal. */
  clear(): void {
    this.rules = []
    this.blockedUsers.clear()
    this.refuseDeletes = undefined
  }
}
