/**
 * A stand-in for @grammyjs/conversations' default in-memory storage that also remembers every
 * state the plugin ever wrote, so a leak scan sees the replay log at every step, not only the
 * last one. Tests install it with `vi.mock('@grammyjs/conversations', ...)` (see
 * test/security/no-leak.test.ts); it behaves exactly like the default store otherwise.
 */
export interface RecordingStore {
  adapter: {
    read: (key: string) => unknown
    write: (key: string, state: unknown) => void
    delete: (key: string) => void
  }
  /** What the plugin holds right now, serialized. */
  live(): string
  /** Every state ever written, serialized at the moment of writing. */
  everWritten(): string
  writeCount(): number
  /** A process death: in-memory conversation state is gone (the write history is kept for scans). */
  forgetLive(): void
}

/** Creates an empty recording store. */
export function createRecordingStore(): RecordingStore {
  const live = new Map<string, unknown>()
  const writes: string[] = []
  return {
    adapter: {
      read: (key) => live.get(key),
      write: (key, state) => {
        live.set(key, state)
        writes.push(JSON.stringify(state))
      },
      delete: (key) => void live.delete(key),
    },
    live: () => JSON.stringify([...live]),
    everWritten: () => writes.join('\n'),
    writeCount: () => writes.length,
    forgetLive: () => live.clear(),
  }
}

/** The one store a test file's mocked conversations plugin writes to. */
export const conversationStore = createRecordingStore()
