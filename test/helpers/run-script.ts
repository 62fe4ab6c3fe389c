import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The repository root, for running the project's own scripts in a subprocess. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Runs a TypeScript entry point with tsx in a clean environment plus `env`, as an operator would. */
export function runTs(entry: string, env: Record<string, string>, args: string[] = [], timeoutMs = 90_000) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    encoding: 'utf8',
    timeout: timeoutMs,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
