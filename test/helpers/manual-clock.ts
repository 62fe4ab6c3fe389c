import type { Clock } from '../../src/monitor/clock.js'

interface Timer {
  at: number
  fire: () => void
}

/**
 * A virtual clock for the monitor and the outbox worker (they take a `Clock`): time moves only
 * when the test advances it, so pacing is asserted exactly, in virtual milliseconds, however
 * loaded the machine is. Real I/O (HTTP to the fakes, SQLite) still runs in real time.
 */
export class ManualClock implements Clock {
  private t: number
  private timers: Timer[] = []

  constructor(start = Date.now()) {
    this.t = start
  }

  now(): number {
    return this.t
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve()
      const timer: Timer = {
        at: this.t + Math.max(0, ms),
        fire: () => {
          signal?.removeEventListener('abort', abort)
          resolve()
        },
      }
      const abort = () => {
        this.timers = this.timers.filter((x) => x !== timer)
        resolve()
      }
      signal?.addEventListener('abort', abort, { once: true })
      this.timers.push(timer)
    })
  }

  /** Sleepers waiting now. */
  get waiting(): number {
    return this.timers.length
  }

  /** Moves time to the earliest sleeper's wake-up and wakes every sleeper due; false when none sleeps. */
  advanceToNext(): boolean {
    if (this.timers.length === 0) return false
    this.t = Math.max(this.t, Math.min(...this.timers.map((x) => x.at)))
    const due = this.timers.filter((x) => x.at <= this.t)
    this.timers = this.timers.filter((x) => x.at > this.t)
    for (const x of due) x.fire()
    return true
  }

  /**
   * Lets real work (HTTP, SQLite, promise chains) settle for a moment, then advances virtual time
   * to the next sleeper, until `done()` holds. `maxSteps` only guards against a hang.
   */
  async runUntil(done: () => boolean, maxSteps = 100_000): Promise<void> {
    for (let step = 0; !done(); step++) {
      if (step >= maxSteps) throw new Error(`ManualClock: condition not reached after ${maxSteps} steps`)
      await new Promise((r) => setTimeout(r, 2))
      if (!done()) this.advanceToNext()
    }
  }
}
