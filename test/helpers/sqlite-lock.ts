import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { SQLITE_DRIVER_MODULE } from '../../src/storage/sqlite-driver.js'

/** What the lock holder reports once it let go. */
export interface LockRelease {
  /** How long the main thread had stopped beating when the lock was released (it sat in SQLite's busy wait). */
  stalledMs: number
  heldMs: number
}

/** A second SQLite writer on another thread, holding `BEGIN IMMEDIATE` while the app tries to write. */
export interface LockHolder {
  /** Takes the write lock; resolves once it is held. `released` settles when it is let go. */
  lock(): Promise<{ released: Promise<LockRelease> }>
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
  for (;;) {
    Atomics.wait(nap, 0, 0, 5)
    const now = Date.now()
    stalled = now - workerData.base - Atomics.load(beat, 0)
    if (stalled >= workerData.stallMs || now - lockedAt >= workerData.maxMs) break
  }
  db.exec('COMMIT')
  parentPort.postMessage({ kind: 'released', stalledMs: stalled, heldMs: Date.now() - lockedAt })
})
`

/**
 * Starts a lock holder on `dbPath`. After `lock()`, it keeps the write lock until the main
 * thread has been blocked for `stallMs` (proof that a write of the app is waiting on it: the
 * main thread beats every 5 ms otherwise) or `maxMs` passed, then commits.
 */
export function startLockHolder(dbPath: string, opts: { stallMs: number; maxMs: number }): LockHolder {
  const base = Date.now()
  const heartbeat = new SharedArrayBuffer(4)
  const beat = new Int32Array(heartbeat)
  const timer = setInterval(() => Atomics.store(beat, 0, Date.now() - base), 5)
  Atomics.store(beat, 0, Date.now() - base)
  const driver = createRequire(import.meta.url).resolve(SQLITE_DRIVER_MODULE)
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, path: dbPath, heartbeat, base, ...opts } })
  return {
    lock() {
      return new Promise((resolveLocked, reject) => {
        let settle: (r: LockRelease) => void = () => {}
        const released = new Promise<LockRelease>((r) => (settle = r))
        const onMessage = (m: { kind: string } & LockRelease) => {
          if (m.kind === 'locked') resolveLocked({ released })
          if (m.kind === 'released') {
            worker.off('message', onMessage)
            settle({ stalledMs: m.stalledMs, heldMs: m.heldMs })
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
