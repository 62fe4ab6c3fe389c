import { afterEach, describe, expect, it } from 'vitest'
import type { TestOutcome } from '../../../src/services/connections.js'
import { startHarness, type Harness } from './harness.js'

let h: Harness
afterEach(async () => {
  await h?.stop()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Manual /test every 30 ms while the monitor sweeps every 150 ms, each exchange answer slowed to
 * 40 ms so every test spans several of those ticks. Returns what the fake exchange saw.
 */
async function contend(): Promise<{ paths: string[]; runs: number; manualCalls: number; manualRuns: number }> {
  const u = await h.connectUser()
  h.exchange.requests.length = 0
  h.exchange.setScenario('slow', { exchange: 'mexc', delayMs: 40 })
  h.monitor.start()
  const calls: Promise<unknown>[] = []
  const end = Date.now() + 1_200
  while (Date.now() < end) {
    calls.push(h.service.test(u.userId, u.connectionId, 'manual'))
    await sleep(30)
  }
  await Promise.all(calls)
  await h.monitor.stop()
  const rows = h.repos.testResults.listForConnection(u.connectionId, 1_000).filter((r) => r.source !== 'connect')
  return { paths: h.exchange.requests.map((r) => r.path), runs: rows.length, manualCalls: calls.length, manualRuns: rows.filter((r) => r.source === 'manual').length }
}

/** True when the request log is whole tests one after another: same block of paths, never interleaved. */
function sequentialBlocks(paths: string[], runs: number): boolean {
  if (runs === 0 || paths.length % runs !== 0) return false
  const size = paths.length / runs
  const first = paths.slice(0, size).join(' ')
  for (let i = size; i < paths.length; i += size) if (paths.slice(i, i + size).join(' ') !== first) return false
  return true
}

describe('one test per connection at a time', () => {
  it('a manual /test and the monitor never overlap: the exchange sees whole tests one after another', async () => {
    h = await startHarness({ intervalMs: 150 })
    const { paths, runs, manualCalls, manualRuns } = await contend()
    expect(runs).toBeGreaterThan(2)
    // Contention really happened: some manual calls joined a test already running.
    expect(manualRuns).toBeLessThan(manualCalls)
    expect(sequentialBlocks(paths, runs)).toBe(true)
  })

  it('control: without the shared lock the same load interleaves (so the check above can fail)', async () => {
    const noLock = { run: (_key: string, fn: () => Promise<TestOutcome | null>) => fn(), isRunning: () => false }
    h = await startHarness({ intervalMs: 150, lock: noLock })
    const { paths, runs } = await contend()
    expect(sequentialBlocks(paths, runs)).toBe(false)
  })
})
