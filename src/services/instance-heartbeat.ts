import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import type { InstanceRole, InstanceRow, InstancesRepo } from '../storage/instances.repo.js'

/** How often a running process refreshes its heartbeat row. */
export const HEARTBEAT_MS = 15_000
/** A heartbeat older than this (three missed beats) belongs to a process that is gone. */
export const HEARTBEAT_STALE_MS = 3 * HEARTBEAT_MS

/** Another process that uses the master keys is running; one line saying what to do. */
export class InstanceConflictError extends Error {
  override readonly name = 'InstanceConflictError'
}

/** This process's registration; `stop` removes the row (clean stop). */
export interface Heartbeat {
  readonly id: string
  stop(): void
}

/** Which running roles stop which: rotation never overlaps the bot or another rotation. */
const BLOCKED_BY: Record<InstanceRole, InstanceRole[]> = { bot: ['rotate-key'], 'rotate-key': ['bot', 'rotate-key'] }

function conflictLine(me: InstanceRole, other: InstanceRow, now: number): string {
  const age = Math.max(0, Math.round((now - other.heartbeatAt) / 1000))
  const clears = Math.max(1, Math.ceil((other.heartbeatAt + HEARTBEAT_STALE_MS - now) / 1000))
  const who = `pid ${other.pid} on ${other.host}, heartbeat ${age} s ago; if that process is gone this clears within ${clears} s`
  if (me === 'rotate-key' && other.role === 'bot') return `the bot is running (${who}): stop the bot first, run rotate-key, then start the bot again`
  if (me === 'rotate-key') return `another rotate-key is running (${who}): wait for it to finish`
  return `rotate-key is running (${who}): wait for it to finish, then start the bot`
}

/**
 * Registers this process in the `instances` table, refusing (InstanceConflictError) when a
 * process it must not overlap has a fresh heartbeat: the check and the insert share one
 * IMMEDIATE transaction, so two processes can never both pass. The row is then refreshed every
 * HEARTBEAT_MS by an unref'd timer (skipped, never waited for, while another writer holds the
 * lock) or by the caller through `beat` where no timer can run (a synchronous rotation).
 */
export function registerInstance(
  deps: {
    repo: InstancesRepo
    transaction: <T>(fn: () => T) => T
    transactionIfFree: <T>(fn: () => T) => T | undefined
    onBeatError?: (err: unknown) => void
    now?: () => number
  },
  me: { role: InstanceRole; sealKeyId: string; timer?: boolean },
): Heartbeat & { beat(): void } {
  const now = deps.now ?? Date.now
  const at = now()
  const row: InstanceRow = { id: randomBytes(8).toString('hex'), role: me.role, pid: process.pid, host: hostname(), sealKeyId: me.sealKeyId, startedAt: at, heartbeatAt: at }
  deps.transaction(() => {
    deps.repo.removeStale(at - HEARTBEAT_STALE_MS)
    for (const role of BLOCKED_BY[me.role]) {
      const [other] = deps.repo.fresh(role, at - HEARTBEAT_STALE_MS)
      if (other) throw new InstanceConflictError(conflictLine(me.role, other, at))
    }
    deps.repo.register(row)
  })
  const refresh = () => {
    const t = now()
    if (!deps.repo.beat(row.id, t)) deps.repo.register({ ...row, heartbeatAt: t })
  }
  let timer: NodeJS.Timeout | undefined
  if (me.timer !== false) {
    timer = setInterval(() => {
      try {
        deps.transactionIfFree(refresh)
      } catch (err) {
        deps.onBeatError?.(err)
      }
    }, HEARTBEAT_MS)
    timer.unref()
  }
  let stopped = false
  return {
    id: row.id,
    beat: () => deps.transaction(refresh),
    stop() {
      if (stopped) return
      stopped = true
      if (timer) clearInterval(timer)
      deps.repo.remove(row.id)
    },
  }
}
