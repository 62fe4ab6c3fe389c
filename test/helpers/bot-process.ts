import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { ROOT } from './run-script.js'

/** The real bot (`src/main.ts`) in its own process, as an operator runs it. */
export interface BotProcess {
  child: ChildProcess
  /** Everything it wrote to stdout and stderr so far. */
  output(): string
  /** Settles with the exit code once the process ended. */
  exited: Promise<number | null>
  /** True while the process runs. */
  running(): boolean
  /** Resolves true once `pattern` appears in the output, false if the process ends or `timeoutMs` passes first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<boolean>
  /** Sends SIGTERM (or `signal`) and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Starts `src/main.ts` (or another entry) with a clean environment plus `env`, JSON logs on stdout. */
export function spawnBot(env: Record<string, string>, entry = 'src/main.ts', args: string[] = []): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let code: number | null | undefined
  const listeners = new Set<() => void>()
  const changed = () => listeners.forEach((l) => l())
  child.stdout!.on('data', (d) => {
    out += String(d)
    changed()
  })
  child.stderr!.on('data', (d) => {
    out += String(d)
    changed()
  })
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (c) => {
      code = c
      changed()
      resolve(c)
    }),
  )
  return {
    child,
    output: () => out,
    exited,
    running: () => code === undefined,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((resolve) => {
        const check = () => {
          if (pattern.test(out)) done(true)
          else if (code !== undefined) done(false)
        }
        const timer = setTimeout(() => done(false), timeoutMs)
        const done = (v: boolean) => {
          clearTimeout(timer)
          listeners.delete(check)
          resolve(v)
        }
        listeners.add(check)
        check()
      })
    },
    async stop(signal = 'SIGTERM') {
      if (code === undefined) child.kill(signal)
      return exited
    },
  }
}

/** The "started" log line main.ts writes once the bot receives updates. */
export const STARTED = /"msg":"started"/

/** A free loopback TCP port (for a webhook server started afterwards). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port
      s.close(() => resolve(port))
    })
    s.once('error', reject)
  })
}
