/**
 * `npm run rotate-key [-- --generate | --prune]`: re-seals every stored credential under the
 * newest master key. `--generate` first puts a fresh key at the top of the key file (older keys
 * stay below it so existing rows still open); `--prune` drops keys no row uses any more.
 * Run it with the bot stopped: it refuses while a bot's heartbeat is fresh (a running bot
 * keeps sealing under the key it loaded at start). Safe to interrupt and run again.
 */
import { loadConfig } from '../config.js'
import { generateMasterKey, readKeyFile, writeKeyFile } from '../secrets/master-key.js'
import { openVault, unreadableLine, type Vault } from '../secrets/open-vault.js'
import { rotateAll } from '../services/key-rotation.js'
import { registerInstance } from '../services/instance-heartbeat.js'
import { createConnectionsRepo } from '../storage/connections.repo.js'
import { openDatabase } from '../storage/database.js'
import { createInstancesRepo } from '../storage/instances.repo.js'
import { createServiceTokensRepo } from '../storage/service-tokens.repo.js'
import { startupLine } from '../startup-error.js'

async function main(argv: string[]): Promise<number> {
  // Every file this process creates (key file, its .bak, the database) is private to its owner.
  process.umask(0o077)
  const config = loadConfig()
  const generate = argv.includes('--generate')
  const prune = argv.includes('--prune')
  if ((generate || prune) && config.masterKey) {
    console.error('MASTER_KEY is set in the environment: put the new key in MASTER_KEY and the old one in MASTER_KEY_PREVIOUS yourself, then run rotate-key without flags')
    return 1
  }
  const database = openDatabase(config.databasePath)
  let heartbeat: ReturnType<typeof registerInstance> | undefined
  let vault: Vault | undefined
  try {
    const repo = createConnectionsRepo(database.db)
    // Fail closed before touching anything: the keys must open what the database holds.
    vault = await openVault(config, repo.countByKeyId())
    if (vault.created) console.log(`A new master key file was created at ${config.masterKeyFile} (the database holds no connection yet). Back it up with the database.`)
    if (vault.unreadable.connections > 0) console.error(`WARNING (ALLOW_UNREADABLE_CONNECTIONS=true): ${unreadableLine(vault.unreadable, config.masterKey ? 'MASTER_KEY' : `MASTER_KEY_FILE "${config.masterKeyFile}"`)}`)
    heartbeat = registerInstance(
      { repo: createInstancesRepo(database.db), transaction: database.transaction, transactionIfFree: database.transactionIfFree },
      { role: 'rotate-key', sealKeyId: vault.sealer.currentKeyId, timer: false },
    )
    if (generate) {
      const existing = readKeyFile(config.masterKeyFile).map((k) => k.toString('base64'))
      writeKeyFile(config.masterKeyFile, [generateMasterKey(), ...existing])
      console.log(`A new master key was added at the top of ${config.masterKeyFile} (the previous file is kept as ${config.masterKeyFile}.bak); older keys stay until --prune.`)
      vault.keys.forEach((k) => k.fill(0))
      vault = await openVault(config, repo.countByKeyId())
    }
    const { sealer, keys } = vault
    const beat = heartbeat.beat
    const result = rotateAll({
      repo,
      sealer,
      transaction: database.transaction,
      onBatch: (n) => {
        beat()
        console.log(`re-sealed ${n} connections so far`)
      },
    })
    const byKey = repo.countByKeyId()
    const left = byKey.filter((k) => k.keyId !== sealer.currentKeyId).reduce((a, k) => a + k.n, 0)
    console.log(`re-sealed ${result.resealed}, could not open ${result.failed}, still under older keys ${left}; current key id ${sealer.currentKeyId}`)
    if (prune) {
      if (left > 0) {
        console.error(`not pruning: ${left} connections still need an older key`)
        return 1
      }
      // Platform tokens are stored as keyed hashes: one not used since the rotation is still hashed under an old key.
      const stale = createServiceTokensRepo(database.db).liveUnderOtherKey(sealer.currentKeyId).map((t) => t.name)
      if (stale.length > 0) {
        console.error(`not pruning: platform tokens not used since the rotation would stop working (${stale.join(', ')}); let the platform call the API once, or revoke and re-create them with npm run platform-token`)
        return 1
      }
      writeKeyFile(config.masterKeyFile, [keys[0]!.toString('base64')])
      console.log(`older keys removed from ${config.masterKeyFile} (the previous file is kept as ${config.masterKeyFile}.bak)`)
    } else if (left === 0 && sealer.keyIds.length > 1) {
      console.log('every connection uses the current key: older keys can now be removed (npm run rotate-key -- --prune, or drop MASTER_KEY_PREVIOUS)')
    }
    return result.failed > 0 ? 1 : 0
  } finally {
    vault?.keys.forEach((k) => k.fill(0))
    heartbeat?.stop()
    database.checkpoint()
    database.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(startupLine(err, 'rotate-key refused'))
    process.exit(1)
  },
)
