import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** Master keys as loaded: newest first; `created` says a new key file was just written. */
export interface MasterKeys {
  keys: Buffer[]
  created: boolean
  /** Non-fatal findings for the operator (e.g. a key file readable by others). */
  warnings: string[]
}

/** A key problem explained in one line, naming the variable or file, never the key. */
export class MasterKeyError extends Error {
  override readonly name = 'MasterKeyError'
}

function decode(text: string, where: string): Buffer {
  const t = text.trim()
  const buf = Buffer.from(t, 'base64')
  if (!/^[A-Za-z0-9+/]{43}=$/.test(t) || buf.length !== 32) {
    throw new MasterKeyError(`${where} must hold the base64 of exactly 32 bytes (44 characters); generate one with: openssl rand -base64 32`)
  }
  return buf
}

/** Generates a new random master key as base64 (used on first start and by rotate-key). */
export function generateMasterKey(): string {
  return randomBytes(32).toString('base64')
}

/**
 * Reads a key file: one base64 key per line, newest first; `#` comments and blank lines are
 * ignored. Older lines stay so rows sealed under them still open until rotation re-seals them.
 */
export function readKeyFile(path: string): Buffer[] {
  const lines = readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
  if (lines.length === 0) throw new MasterKeyError(`MASTER_KEY_FILE "${path}" holds no key`)
  return lines.map((l, i) => decode(l, `MASTER_KEY_FILE "${path}" line ${i + 1}`))
}

/** Writes a key file with mode 0600 (keys newest first). */
export function writeKeyFile(path: string, keysBase64: readonly string[], exclusive = false): void {
  mkdirSync(dirname(path), { recursive: true })
  const body = `# BackFuture Connect master keys, newest first. Back this file up WITH the database.\n${keysBase64.join('\n')}\n`
  writeFileSync(path, body, { mode: 0o600, flag: exclusive ? 'wx' : 'w' })
  chmodSync(path, 0o600)
}

/**
 * Loads the master keys: `MASTER_KEY` (plus `MASTER_KEY_PREVIOUS`) when set, else the key file,
 * creating it with a fresh key on the very first start. Losing this key means every user must
 * re-enter their credentials, hence the loud warning the caller logs when `created` is true.
 */
export function loadMasterKeys(opts: { masterKey: string | undefined; masterKeyFile: string; previous: readonly string[] }): MasterKeys {
  const warnings: string[] = []
  const previous = opts.previous.map((k, i) => decode(k, `MASTER_KEY_PREVIOUS entry ${i + 1}`))
  if (opts.masterKey) return { keys: [decode(opts.masterKey, 'MASTER_KEY'), ...previous], created: false, warnings }
  let created = false
  let fromFile: Buffer[]
  try {
    fromFile = readKeyFile(opts.masterKeyFile)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      if (err instanceof MasterKeyError) throw err
      throw new MasterKeyError(`MASTER_KEY_FILE "${opts.masterKeyFile}" cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`)
    }
    try {
      writeKeyFile(opts.masterKeyFile, [generateMasterKey()], true)
    } catch (e) {
      throw new MasterKeyError(`MASTER_KEY_FILE "${opts.masterKeyFile}" does not exist and cannot be created (${(e as NodeJS.ErrnoException).code ?? 'error'})`)
    }
    fromFile = readKeyFile(opts.masterKeyFile)
    created = true
  }
  const mode = statSync(opts.masterKeyFile).mode & 0o777
  if (mode & 0o077) warnings.push(`MASTER_KEY_FILE "${opts.masterKeyFile}" is readable by others (mode ${mode.toString(8)}); run chmod 600 on it`)
  return { keys: [...fromFile, ...previous], created, warnings }
}
