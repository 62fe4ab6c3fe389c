/**
 * The load generator of bench:api, in its own process so the server's process runs only the
 * server. Keeps `concurrency` requests in flight over keep-alive connections (Node's fetch)
 * until `count` are done, and reports per-request latency in this process's clock.
 */

/** One load run, as the parent asks for it. */
export interface LoadRequest {
  method: 'GET' | 'POST'
  /** Rotated through, one per request (a different connection each time). */
  urls: string[]
  headers: Record<string, string>
  count: number
  concurrency: number
}

/** What the child reports: wall time, every latency (ms), and answers by status. */
export interface LoadResult {
  seconds: number
  latencies: number[]
  statuses: Record<string, number>
}

async function run(req: LoadRequest): Promise<LoadResult> {
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let next = 0
  const t0 = performance.now()
  const worker = async () => {
    while (next < req.count) {
      const i = next++
      const s = performance.now()
      const res = await fetch(req.urls[i % req.urls.length]!, { method: req.method, headers: req.headers })
      await res.arrayBuffer()
      latencies.push(performance.now() - s)
      statuses[res.status] = (statuses[res.status] ?? 0) + 1
    }
  }
  await Promise.all(Array.from({ length: req.concurrency }, worker))
  return { seconds: (performance.now() - t0) / 1000, latencies, statuses }
}

process.on('message', (raw) => {
  const msg = raw as { id: number; op: 'run' | 'exit'; args?: LoadRequest }
  if (msg.op === 'exit') {
    process.exit(0)
    return
  }
  run(msg.args!).then(
    (result) => process.send?.({ id: msg.id, ok: true, result }),
    (err: unknown) => process.send?.({ id: msg.id, ok: false, error: String(err) }),
  )
})
process.on('disconnect', () => process.exit(0))
process.send?.({ type: 'ready' })
