import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readKeyFile, writeKeyFile } from '../../../src/secrets/master-key.js'
import { makeTmpDir } from '../../helpers/tmp.js'

// A file system without hard links (some network and FUSE mounts): the first-start write falls
// back to an exclusive rename. Only link() is faulted; every other call is the real file system.
const linkFault = vi.hoisted(() => ({ code: undefined as string | undefined }))
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>()
  return {
    ...real,
    linkSync: (a: fs.PathLike, b: fs.PathLike) => {
      if (linkFault.code) throw Object.assign(new Error(`${linkFault.code}: link`), { code: linkFault.code })
      return real.linkSync(a, b)
    },
  }
})

describe('first-start key file on a file system without hard links', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  const key = () => randomBytes(32).toString('base64')
  beforeEach(() => {
    tmp = makeTmpDir()
  })
  afterEach(() => {
    linkFault.code = undefined
    tmp.cleanup()
  })

  it.each(['EPERM', 'ENOTSUP', 'EOPNOTSUPP'])('link refused with %s: written by rename, no temp file left', (code) => {
    linkFault.code = code
    const file = join(tmp.dir, 'master.key')
    const k = key()
    writeKeyFile(file, [k], true)
    expect(readKeyFile(file).map((b) => b.toString('base64'))).toEqual([k])
    expect(fs.readdirSync(tmp.dir)).toEqual(['master.key'])
  })

  it('the fallback still never replaces an existing key file', () => {
    linkFault.code = 'EPERM'
    const file = join(tmp.dir, 'master.key')
    fs.writeFileSync(file, 'mine\n', { mode: 0o600 })
    expect(() => writeKeyFile(file, [key()], true)).toThrow(expect.objectContaining({ code: 'EPERM' }))
    expect(fs.readFileSync(file, 'utf8')).toBe('mine\n')
    expect(fs.readdirSync(tmp.dir)).toEqual(['master.key'])
  })

  it('any other link error is not a reason to rename: it is thrown, and the temp file removed', () => {
    linkFault.code = 'EIO'
    const file = join(tmp.dir, 'master.key')
    expect(() => writeKeyFile(file, [key()], true)).toThrow(expect.objectContaining({ code: 'EIO' }))
    expect(fs.readdirSync(tmp.dir)).toEqual([])
  })
})
