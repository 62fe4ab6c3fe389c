import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { SQLITE_DRIVER_MODULE } from '../../src/storage/sqlite-driver.js'

/** What the lock holder reports once it let go. */
export interface LockRelease {
  /** How long the main thread had stopped beating when the lock was released (it sat in SQLite's busy wait). */
  stalledMs: number
  heldMs: number
  /** Why it let go: the main thread stalled (while armed), `release()` was called, or `maxMs` passed. */
  reason: 'stall' | 'released' | 'max'
  /** Wall-clock time of the COMMIT, for ordering against other events (never for durations). */
  releasedAt: number
}

/** A held lock: `released` settles when it is let go. */
export interface HeldLock {
  released: Promise<LockRelease>
  /** Starts watching for a stall of the main thread (holders created with `armed: false`). */
  arm(): void
  /** Lets go now. */
  release(): void
}

/** A second SQLite writer on another thread, holding `BEGIN IMMEDIATE` while the app tries to write. */
export interface LockHolder {
  /** Takes the write lock; resolves once it is held. `released` settles when it is let go. */
  lock(): Promise<HeldLock>
  close(): Promise<void>
}

// Runs in a worker thread (CommonJS eval): the app's better-sqlite3 calls are synchronous and
// block the main thread while they wait for the lock, so the holder must live on another thread.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path)
db.pragma('busy_timeout = 5000')
const beat = new Int32Array(workerData.heartbeat)
const control = new Int32Array(workerData.control) // [armed, releaseNow]
const nap = new Int32Array(new SharedArrayBuffer(4))
parentPort.on('message', (m) => {
  if (m === 'close') {
    // Close before the thread ends, so no statement is finalized during its teardown.
    db.close()
    parentPort.close()
    return
  }
  db.exec('BEGIN IMMEDIATE')
  const lockedAt = Date.now()
  parentPort.postMessage({ kind: 'locked' })
  let stalled = 0
  let reason
  for (;;) {
    Atomics.wait(nap, 0, 0, 5)
    const now = Date.now()
    stalled = now - workerData.base - Atomics.load(beat, 0)
    if (Atomics.load(control, 1) === 1) reason = 'released'
    else if (Atomics.load(control, 0) === 1 && stalled >= workerData.stallMs) reason = 'stall'
    else if (now - lockedAt >= workerData.maxMs) reason = 'max'
    if (reason) break
  }
  db.exec('COMMIT')
  parentPort.postMessage({ kind: 'released', stalledMs: stalled, heldMs: Date.now() - lockedAt, reason, releasedAt: Date.now() })
})
`

/**
 * Starts a lock holder on `dbPath`. After `lock()`, it keeps the write lock until the main
 * thread has been blocked for `stallMs` while armed (proof that a write of the app is waiting
 * on it: the main thread beats every 5 ms otherwise), until `release()`, or until `maxMs`
 * passed (default: never), then commits. `armed: false` holds it until `arm()` is called, so a
 * stall before the app could have tried to write does not count.
 */
export function startLockHolder(dbPath: string, opts: { stallMs?: number; maxMs?: number; armed?: boolean }): LockHolder {
  const base = Date.now()
  const heartbeat = new SharedArrayBuffer(4)
  const beat = new Int32Array(heartbeat)
  const control = new SharedArrayBuffer(8)
  const flags = new Int32Array(control)
  Atomics.store(flags, 0, opts.armed === false ? 0 : 1)
  const timer = setInterval(() => Atomics.store(beat, 0, Date.now() - base), 5)
  Atomics.store(beat, 0, Date.now() - base)
  const driver = createRequire(import.meta.url).resolve(SQLITE_DRIVER_MODULE)
  const workerData = { driver, path: dbPath, heartbeat, control, base, stallMs: opts.stallMs ?? Infinity, maxMs: opts.maxMs ?? Infinity }
  const worker = new Worker(WORKER, { eval: true, workerData })
  return {
    lock() {
      return new Promise((resolveLocked, reject) => {
        let settle: (r: LockRelease) => void = () => {}
        const released = new Promise<LockRelease>((r) => (settle = r))
        const held: HeldLock = { released, arm: () => void Atomics.store(flags, 0, 1), release: () => void Atomics.store(flags, 1, 1) }
        const onMessage = (m: { kind: string } & LockRelease) => {
          if (m.kind === 'locked') resolveLocked(held)
          if (m.kind === 'released') {
            worker.off('message', onMessage)
            settle({ stalledMs: m.stalledMs, heldMs: m.heldMs, reason: m.reason, releasedAt: m.releasedAt })
          }
        }
        worker.on('message', onMessage)
        worker.once('error', reject)
        worker.postMessage('lock')
      })
    },
    async close() {
      clearInterval(timer)
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      worker.postMessage('close')
      await exited
    },
  }
}
