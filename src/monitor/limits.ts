import type { Clock } from './clock.js'

/**
 * A token bucket: `ratePerSecond` tokens flow in, at most `capacity` are kept. Takers wait in
 * FIFO order, so one exchange's budget is spent in the order the sweep planned, and a sweep of
 * 10,000 connections arrives at the exchange as a steady trickle instead of a burst.
 */
export class TokenBucket {
  private tokens: number
  private last: number
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    readonly ratePerSecond: number,
    readonly capacity: number,
    private readonly clock: Clock,
  ) {
    this.tokens = capacity
    this.last = clock.now()
  }

  private refill(): void {
    const now = this.clock.now()
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.ratePerSecond) / 1000)
    this.last = now
  }

  /** Waits for `n` tokens (at most `capacity`) and takes them; false if `signal` aborted first. */
  take(n: number, signal?: AbortSignal): Promise<boolean> {
    if (!Number.isFinite(this.ratePerSecond)) return Promise.resolve(!signal?.aborted)
    const need = Math.min(n, this.capacity)
    const turn = this.queue.then(async () => {
      for (;;) {
        if (signal?.aborted) return false
        this.refill()
        if (this.tokens >= need) {
          this.tokens -= need
          return true
        }
        await this.clock.sleep(Math.ceil(((need - this.tokens) * 1000) / this.ratePerSecond), signal)
      }
    })
    this.queue = turn
    return turn
  }

  /** Gives back what an estimate over-took (a test made fewer requests than budgeted). */
  refund(n: number): void {
    if (!Number.isFinite(this.ratePerSecond) || n <= 0) return
    this.refill()
    this.tokens = Math.min(this.capacity, this.tokens + n)
  }
}

/** A counting semaphore: bounds how many tests (or sends) run at once. */
export class Semaphore {
  private waiters: Array<() => void> = []

  constructor(private free: number) {}

  /** Resolves when a slot is held; pair every acquire with one release. */
  acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--
      return Promise.resolve()
    }
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  release(): void {
    const next = this.waiters.shift()
    if (next) next()
    else this.free++
  }
}
