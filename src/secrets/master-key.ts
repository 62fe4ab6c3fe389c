import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

/** Master keys as loaded: newest first; `created` says a new key file was just written. */
export interface MasterKeys {
  keys: Buffer[]
  created: boolean
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
 * Refuses a key file that group or others can read or write: whoever reads it can open every
 * stored credential, and whoever writes it can make them unreadable.
 */
function assertPrivate(path: string): void {
  const mode = statSync(path).mode & 0o777
  if (mode & 0o077) {
    throw new MasterKeyError(`MASTER_KEY_FILE "${path}" is readable or writable by group or others (mode ${mode.toString(8).padStart(3, '0')}); run: chmod 600 ${path}`)
  }
}

/**
 * Reads a key file: one base64 key per line, newest first; `#` comments and blank lines are
 * ignored. Older lines stay so rows sealed under them still open until rotation re-seals them.
 * A file that group or others can access is refused.
 */
export function readKeyFile(path: string): Buffer[] {
  const text = readFileSync(path, 'utf8')
  assertPrivate(path)
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
  if (lines.length === 0) throw new MasterKeyError(`MASTER_KEY_FILE "${path}" holds no key`)
  return lines.map((l, i) => decode(l, `MASTER_KEY_FILE "${path}" line ${i + 1}`))
}

/** Makes a rename or link in `dir` durable (the directory entry itself is on disk). */
function fsyncDir(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * Writes `body` to a new temp file next to `path` (O_EXCL, mode 0600), fsyncs it and returns
 * its name; on any failure the temp file is removed and nothing else was touched.
 */
function writeTemp(path: string, body: string): string {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`
  const fd = openSync(tmp, 'wx', 0o600)
  try {
    const buf = Buffer.from(body, 'utf8')
    let off = 0
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off)
    fsyncSync(fd)
  } catch (err) {
    closeSync(fd)
    unlinkSync(tmp)
    throw err
  }
  closeSync(fd)
  return tmp
}

/** Replaces `path` with `body` atomically: readers see the whole old file or the whole new one. */
function replaceAtomically(path: string, body: string): void {
  const tmp = writeTemp(path, body)
  try {
    renameSync(tmp, path)
  } catch (err) {
    unlinkSync(tmp)
    throw err
  }
  fsyncDir(dirname(path))
}

/**
 * Writes a key file (keys newest first), mode 0600, never in place: the new content goes to a
 * temp file in the same folder that is fsynced and renamed over the key file, and the previous
 * file is kept as `<name>.bak` (also 0600). A full disk, a quota or a crash mid-write therefore
 * leaves the old file whole instead of an empty one. `exclusive` (first start) fails if the
 * file already exists.
 */
export function writeKeyFile(path: string, keysBase64: readonly string[], exclusive = false): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  const body = `# BackFuture Connect master keys, newest first. Back this file up WITH the database.\n${keysBase64.join('\n')}\n`
  if (exclusive) {
    const tmp = writeTemp(path, body)
    try {
      linkSync(tmp, path) // atomic, and fails with EEXIST instead of overwriting
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      // A file system without hard links: a rename is atomic too, after the existence check.
      if ((code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') || existsSync(path)) {
        unlinkSync(tmp)
        throw err
      }
      renameSync(tmp, path)
    }
    if (existsSync(tmp)) unlinkSync(tmp)
    fsyncDir(dirname(path))
    return
  }
  if (existsSync(path)) replaceAtomically(`${path}.bak`, readFileSync(path, 'utf8'))
  replaceAtomically(path, body)
}

/**
 * Loads the master keys: `MASTER_KEY` (plus `MASTER_KEY_PREVIOUS`) when set, else the key file,
 * creating it with a fresh key on the very first start. A missing key file is created only while
 * the database holds no connection (`storedConnections` = 0): otherwise the file was lost or is
 * looked for in the wrong place, and a new key would silently make every connection unreadable.
 */
export function loadMasterKeys(opts: { masterKey: string | undefined; masterKeyFile: string; previous: readonly string[]; storedConnections: number }): MasterKeys {
  const previous = opts.previous.map((k, i) => decode(k, `MASTER_KEY_PREVIOUS entry ${i + 1}`))
  if (opts.masterKey) return { keys: [decode(opts.masterKey, 'MASTER_KEY'), ...previous], created: false }
  let created = false
  let fromFile: Buffer[]
  try {
    fromFile = readKeyFile(opts.masterKeyFile)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      if (err instanceof MasterKeyError) throw err
      throw new MasterKeyError(`MASTER_KEY_FILE "${opts.masterKeyFile}" cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`)
    }
    if (opts.storedConnections > 0) {
      throw new MasterKeyError(
        `MASTER_KEY_FILE "${opts.masterKeyFile}" is missing but the database holds ${opts.storedConnections} connections sealed with it: restore the key file from your backup (or point MASTER_KEY_FILE at it); a new key would make them unreadable`,
      )
    }
    try {
      writeKeyFile(opts.masterKeyFile, [generateMasterKey()], true)
    } catch (e) {
      throw new MasterKeyError(`MASTER_KEY_FILE "${opts.masterKeyFile}" does not exist and cannot be created (${(e as NodeJS.ErrnoException).code ?? 'error'})`)
    }
    fromFile = readKeyFile(opts.masterKeyFile)
    created = true
  }
  return { keys: [...fromFile, ...previous], created }
}
