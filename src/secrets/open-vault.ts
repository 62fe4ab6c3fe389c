import { loadMasterKeys, MasterKeyError } from './master-key.js'
import { createSealer, type Sealer } from './sealer.js'

/** The loaded keys checked against the database; `keys` are raw (the caller zeroes them). */
export interface Vault {
  sealer: Sealer
  keys: Buffer[]
  /** A new key file was just written (first start on an empty database). */
  created: boolean
  /** Connections sealed under key ids none of the loaded keys has (only when allowed). */
  unreadable: { keyIds: string[]; connections: number }
}

/** Where the keys come from, and whether unreadable connections may be started over. */
export interface VaultSettings {
  masterKey: string | undefined
  masterKeyFile: string
  previousMasterKeys: string[]
  allowUnreadableConnections: boolean
}

/**
 * Loads the master keys and fails closed against what the database holds (`stored`: connection
 * counts per seal key id). A missing key file is never re-created while connections exist, and
 * keys that cannot open some stored key id stop the start with one line (unless
 * ALLOW_UNREADABLE_CONNECTIONS): a wrong key would otherwise have users re-enter credentials
 * under it, lost again when the right key is restored.
 */
export async function openVault(settings: VaultSettings, stored: ReadonlyArray<{ keyId: string; n: number }>): Promise<Vault> {
  const total = stored.reduce((a, k) => a + k.n, 0)
  const loaded = loadMasterKeys({ masterKey: settings.masterKey, masterKeyFile: settings.masterKeyFile, previous: settings.previousMasterKeys, storedConnections: total })
  let sealer: Sealer
  try {
    sealer = await createSealer(loaded.keys)
  } catch (err) {
    loaded.keys.forEach((k) => k.fill(0))
    throw err
  }
  const unknown = stored.filter((k) => k.n > 0 && !sealer.keyIds.includes(k.keyId))
  const unreadable = { keyIds: unknown.map((k) => k.keyId), connections: unknown.reduce((a, k) => a + k.n, 0) }
  if (unreadable.connections > 0 && !settings.allowUnreadableConnections) {
    loaded.keys.forEach((k) => k.fill(0))
    throw new MasterKeyError(unreadableLine(unreadable, settings.masterKey ? 'MASTER_KEY (with MASTER_KEY_PREVIOUS)' : `MASTER_KEY_FILE "${settings.masterKeyFile}"`))
  }
  return { sealer, keys: loaded.keys, created: loaded.created, unreadable }
}

/** The operator's sentence for connections no loaded key opens (key ids are not secret: they are stored beside each ciphertext). */
export function unreadableLine(u: Vault['unreadable'], source: string): string {
  const ids = u.keyIds.slice(0, 3).join(', ') + (u.keyIds.length > 3 ? ', …' : '')
  return (
    `the database holds ${u.connections} connections sealed under ${u.keyIds.length} key id(s) that ${source} cannot open (${ids}): ` +
    'restore the master key that was backed up with this database, or set ALLOW_UNREADABLE_CONNECTIONS=true to start anyway'
  )
}
