/** Resolves once `pred` holds, checking every 5 ms; for state with no event to wait on (SQLite rows, counters). */
export async function until<T>(pred: () => T | undefined | null | false, what = 'condition', timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = pred()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}
