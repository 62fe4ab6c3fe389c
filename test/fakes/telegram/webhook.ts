import type { Update } from 'grammy/types'
import type { Dispatch } from './dispatch.js'
import type { TelegramState } from './state.js'

/** What the bot's webhook endpoint answered. */
export interface WebhookResponse {
  status: number
  body: string
}

/** Options for a hand-made webhook POST (e.g. a wrong secret, to test the bot refuses it). */
export interface PostWebhookOptions {
  url?: string
  /** Overrides the secret registered with setWebhook; `null` sends no header at all. */
  secretToken?: string | null
}

/**
 * Delivers queued updates to the registered webhook one at a time, like Telegram: the update
 * is confirmed by a 2xx answer, otherwise kept and retried. A JSON body carrying `method` is
 * executed as a webhook reply (grammY's `canUseWebhookReply`).
 */
export class WebhookDelivery {
  private busy = false
  private closed = false

  constructor(private readonly state: TelegramState, private readonly dispatch: Dispatch, private readonly retryMs: number) {
    const kick = (): void => void this.drain()
    state.on('update', kick)
    state.on('webhook', kick)
    state.on('close', () => { this.closed = true })
  }

  /** POSTs one update to the webhook URL with Telegram's secret header. */
  async post(update: Update, opts: PostWebhookOptions = {}): Promise<WebhookResponse> {
    const url = opts.url ?? this.state.webhook?.url
    if (!url) throw new Error('fake telegram: no webhook URL set (call setWebhook first or pass url)')
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    const secret = opts.secretToken === undefined ? this.state.webhook?.secretToken : opts.secretToken
    if (secret !== null && secret !== undefined) headers['x-telegram-bot-api-secret-token'] = secret
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(update) })
    const body = await res.text()
    if (res.ok) await this.webhookReply(body)
    return { status: res.status, body }
  }

  private async webhookReply(body: string): Promise<void> {
    if (!body.trim().startsWith('{')) return
    const parsed = JSON.parse(body) as Record<string, unknown>
    if (typeof parsed.method !== 'string') return
    const { method, ...params } = parsed
    await this.dispatch(method, params, [], new AbortController().signal)
  }

  private async drain(): Promise<void> {
    if (this.busy) return
    this.busy = true
    try {
      while (!this.closed && this.state.webhook) {
        const update = this.state.pending.find(u => this.state.isAllowed(u))
        if (!update) break
        this.state.deliveries.set(update.update_id, (this.state.deliveries.get(update.update_id) ?? 0) + 1)
        let ok = false
        try {
          const res = await this.post(update)
          ok = res.status >= 200 && res.status < 300
          if (!ok) this.recordError(`Wrong response from the webhook: ${res.status}`)
        } catch (err) {
          this.recordError(`Connection refused: ${String(err)}`)
        }
        if (ok) this.state.pending = this.state.pending.filter(u => u.update_id !== update.update_id)
        else await new Promise(r => setTimeout(r, this.retryMs))
        this.state.changed()
      }
    } finally {
      this.busy = false
    }
  }

  private recordError(message: string): void {
    if (!this.state.webhook) return
    this.state.webhook.lastErrorDate = Math.floor(Date.now() / 1000)
    this.state.webhook.lastErrorMessage = message
  }
}
