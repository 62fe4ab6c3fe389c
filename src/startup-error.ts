import { ConfigError } from './config.js'
import { MasterKeyError } from './secrets/master-key.js'
import { InstanceConflictError } from './services/instance-heartbeat.js'
import { StorageOpenError } from './storage/database.js'
import { SqliteDriverError } from './storage/sqlite-driver.js'

/**
 * Turns a start-up failure into the one line an operator needs: known problems as their own
 * sentence, anything else as its class and code only (an unknown error may carry secrets).
 */
export function startupLine(err: unknown, prefix = 'Cannot start'): string {
  if (err instanceof ConfigError) return `${prefix}: ${err.problems.join('; ')}`
  if (err instanceof MasterKeyError || err instanceof StorageOpenError || err instanceof InstanceConflictError || err instanceof SqliteDriverError) return `${prefix}: ${err.message}`
  const e = err as { name?: string; code?: string }
  return `${prefix}: unexpected ${e?.name ?? 'error'}${e?.code ? ` (${e.code})` : ''}; run with LOG_LEVEL=debug for details`
}
