import { lstatSync, promises as fs, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs'

/**
 * What the production bundle loads in place of `@deno/shim-deno` (build.config.mjs aliases it).
 * @grammyjs/i18n is built for Node with Deno's shim, which is 190 KB and loads a dozen Node
 * modules at start (about 30 ms of every start) so that i18n can list and read the locale files.
 * These are the calls i18n makes (its copy of Deno's std `walk`, `path` and `readLocalesDir`),
 * each on node:fs with the shape Deno gives; test/unit/bundle/deno-shim.test.ts checks them
 * against the real shim. Development and tests run the real shim.
 */
export const Deno = {
  cwd: (): string => process.cwd(),
  env: { get: (name: string): string | undefined => process.env[name] },
  readDirSync: (path: string) => readdirSync(path, { withFileTypes: true }).map(dirEntry),
  readDir: async function* (path: string) {
    for (const d of await fs.readdir(path, { withFileTypes: true })) yield dirEntry(d)
  },
  readFileSync: (path: string): Uint8Array => new Uint8Array(readFileSync(path)),
  readFile: async (path: string): Promise<Uint8Array> => new Uint8Array(await fs.readFile(path)),
  readTextFileSync: (path: string): string => readFileSync(path, 'utf8'),
  readTextFile: (path: string): Promise<string> => fs.readFile(path, 'utf8'),
  realPathSync: (path: string): string => realpathSync(path),
  realPath: (path: string): Promise<string> => fs.realpath(path),
  lstatSync: (path: string) => fileInfo(lstatSync(path)),
  lstat: async (path: string) => fileInfo(await fs.lstat(path)),
  statSync: (path: string) => fileInfo(statSync(path)),
  stat: async (path: string) => fileInfo(await fs.stat(path)),
}

function dirEntry(d: Dirent) {
  return { name: d.name, isFile: d.isFile(), isDirectory: d.isDirectory(), isSymlink: d.isSymbolicLink() }
}

function fileInfo(st: Stats) {
  return { isFile: st.isFile(), isDirectory: st.isDirectory(), isSymlink: st.isSymbolicLink(), size: st.size, mtime: st.mtime, atime: st.atime, birthtime: st.birthtime }
}
