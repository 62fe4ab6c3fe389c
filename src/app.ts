import type { Config } from './config.js'
import type { AppLogger } from './logger.js'
import { loadMasterKeys } from './secrets/master-key.js'
import { createSealer, type Sealer } from './secrets/sealer.js'
import { createConnectionsRepo } from './storage/connections.repo.js'
import { openDatabase, type Database } from './storage/database.js'
import { createOutboxRepo } from './storage/outbox.repo.js'
import { createTestResultsRepo } from './storage/test-results.repo.js'
import { createUsersRepo } from './storage/users.repo.js'

/** Everything the running bot is made of, wired once; tests build the same thing with fakes. */
export interface App {
  config: Config
  logger: AppLogger
  database: Database
  sealer: Sealer
  repos: {
    users: ReturnType<typeof createUsersRepo>
    connections: ReturnType<typeof createConnectionsRepo>
    testResults: ReturnType<typeof createTestResultsRepo>
    outbox: ReturnType<typeof createOutboxRepo>
  }
  stop(): Promise<void>
}

/**
 * The composition root: keys first (a bad key stops the start before anything is opened),
 * then storage, then the layers above. Nothing else builds singletons or reads the environment.
 */
export async function createApp(config: Config, logger: AppLogger): Promise<App> {
  const keys = loadMasterKeys({ masterKey: config.masterKey, masterKeyFile: config.masterKeyFile, previous: config.previousMasterKeys })
  if (keys.created) {
    logger.warn(
      { file: config.masterKeyFile },
      'NEW MASTER KEY CREATED. Back this file up together with the database: without it every stored connection is unreadable and users must re-enter their keys.',
    )
  }
  for (const w of keys.warnings) logger.warn(w)
  const sealer = await createSealer(keys.keys)
  keys.keys.forEach((k) => k.fill(0))
  const database = openDatabase(config.databasePath)
  const repos = {
    users: createUsersRepo(database.db),
    connections: createConnectionsRepo(database.db),
    testResults: createTestResultsRepo(database.db, config.historyKeep),
    outbox: createOutboxRepo(database.db),
  }
  return {
    config,
    logger,
    database,
    sealer,
    repos,
    async stop() {
      database.close()
    },
  }
}
