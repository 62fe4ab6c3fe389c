import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Deno as real } from '@deno/shim-deno'
import { afterAll, describe, expect, it } from 'vitest'
import { LOCALES_DIR } from '../../../src/bot/i18n.js'
import { Deno as ours } from '../../../src/bundle/deno-shim.js'

// A folder like the locales one, with a nested folder and a symlink (Deno's walk skips or follows those).
const dir = mkdtempSync(join(tmpdir(), 'bfc-deno-shim-'))
writeFileSync(join(dir, 'en.ftl'), 'hello = Olá, { $name } ✓\n')
symlinkSync(join(dir, 'en.ftl'), join(dir, 'link.ftl'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const byName = <T extends { name: string }>(xs: Iterable<T>) => [...xs].sort((a, b) => a.name.localeCompare(b.name))
const shape = (info: { isFile: boolean; isDirectory: boolean; isSymlink: boolean; size: number }) => ({ isFile: info.isFile, isDirectory: info.isDirectory, isSymlink: info.isSymlink, size: info.size })

describe('the Deno shim the bundle gives @grammyjs/i18n', () => {
  for (const folder of [LOCALES_DIR, dir]) {
    it(`answers every call i18n makes as @deno/shim-deno does (${folder === dir ? 'files, a symlink' : 'the locales folder'})`, async () => {
      expect(byName(ours.readDirSync(folder))).toEqual(byName(real.readDirSync(folder)))
      const asyncOurs = []
      for await (const e of ours.readDir(folder)) asyncOurs.push(e)
      const asyncReal = []
      for await (const e of real.readDir(folder)) asyncReal.push({ name: e.name, isFile: e.isFile, isDirectory: e.isDirectory, isSymlink: e.isSymlink })
      expect(byName(asyncOurs)).toEqual(byName(asyncReal))
      for (const entry of real.readDirSync(folder)) {
        const path = join(folder, entry.name)
        expect(shape(ours.lstatSync(path))).toEqual(shape(real.lstatSync(path)))
        expect(shape(await ours.lstat(path))).toEqual(shape(await real.lstat(path)))
        expect(shape(ours.statSync(path))).toEqual(shape(real.statSync(path)))
        expect(shape(await ours.stat(path))).toEqual(shape(await real.stat(path)))
        expect(ours.realPathSync(path)).toBe(real.realPathSync(path))
        expect(await ours.realPath(path)).toBe(await real.realPath(path))
        if (!entry.isFile && !entry.isSymlink) continue
        expect(ours.readFileSync(path)).toEqual(real.readFileSync(path))
        expect(await ours.readFile(path)).toEqual(await real.readFile(path))
        expect(ours.readTextFileSync(path)).toBe(real.readTextFileSync(path))
        expect(await ours.readTextFile(path)).toBe(await real.readTextFile(path))
      }
    })
  }

  it("gives the working folder and the environment as Deno's path module reads them", () => {
    expect(ours.cwd()).toBe(real.cwd())
    expect(ours.env.get('PATH')).toBe(real.env.get('PATH'))
  })

  it('fails on a missing file, as the real one does', () => {
    expect(() => real.readFileSync(join(dir, 'missing.ftl'))).toThrow()
    expect(() => ours.readFileSync(join(dir, 'missing.ftl'))).toThrow(/ENOENT/)
  })
})
