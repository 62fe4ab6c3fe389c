/**
 * `npm run platform-token -- create <name> --scope status|credentials`, `list`, `revoke <name>`:
 * service tokens for the platform API. A new token is printed once and never again: only its
 * keyed hash is stored. A revoked token is refused from the next request on.
 */
import { loadConfig } from '../config.js'
import { TOKEN_SCOPES } from '../domain/platform-events.js'
import { openVault } from '../secrets/open-vault.js'
import { createTokenService, TokenError, type TokenInfo } from '../services/platform-tokens.js'
import { createConnectionsRepo } from '../storage/connections.repo.js'
import { openDatabase } from '../storage/database.js'
import { createServiceTokensRepo } from '../storage/service-tokens.repo.js'
import { startupLine } from '../startup-error.js'

const USAGE = `usage:
  npm run platform-token -- create <name> --scope ${TOKEN_SCOPES.join('|')}[,${TOKEN_SCOPES.join('|')}]
  npm run platform-token -- list
  npm run platform-token -- revoke <name>`

const WHY: Record<TokenError['code'], string> = {
  NAME_INVALID: 'a token name is 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit',
  NAME_TAKEN: 'a live token already has that name: revoke it first, or pick another name',
  SCOPE_INVALID: `--scope must be ${TOKEN_SCOPES.join(', ')} or a comma list of them`,
}

const when = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '))

function describe(t: TokenInfo): string {
  const state = t.revokedAt !== null ? `revoked ${when(t.revokedAt)}` : t.currentKey ? 'live' : 'live (hashed under an older master key: re-hashed on its next use)'
  return `${t.name.padEnd(24)} ${t.scopes.join(',').padEnd(20)} created ${when(t.createdAt)}  last used ${when(t.lastUsedAt)}  ${state}`
}

/** The values that follow each `--scope` (or `--scope=...`). */
function scopesOf(args: string[]): string[] {
  return args.flatMap((a, i) => (a === '--scope' ? [args[i + 1] ?? ''] : a.startsWith('--scope=') ? [a.slice(8)] : []))
}

async function main(argv: string[]): Promise<number> {
  const [command, name] = argv
  if (!command || !['create', 'list', 'revoke'].includes(command) || (command !== 'list' && (!name || name.startsWith('--')))) {
    console.error(USAGE)
    return 2
  }
  // Every file this process may create (database, key file) is private to its owner.
  process.umask(0o077)
  const config = loadConfig()
  const database = openDatabase(config.databasePath)
  try {
    // The same fail-closed key check as the bot: never a new key file over stored connections.
    const vault = await openVault(config, createConnectionsRepo(database.db).countByKeyId())
    vault.keys.forEach((k) => k.fill(0))
    const { sealer } = vault
    const tokens = createTokenService({ repo: createServiceTokensRepo(database.db), sealer })
    if (command === 'list') {
      const all = tokens.list()
      console.log(all.length ? all.map(describe).join('\n') : 'no service tokens yet')
      return 0
    }
    if (command === 'revoke') {
      if (!tokens.revoke(name!)) {
        console.error(`no live token named "${name}"`)
        return 1
      }
      console.log(`revoked "${name}": the API refuses it from the next request on`)
      return 0
    }
    try {
      const { token, info } = tokens.create(name!, scopesOf(argv))
      console.log(`created "${info.name}" with scope ${info.scopes.join(',')}. This is the only time it is shown; store it in the platform's secret store:`)
      console.log(token)
      return 0
    } catch (err) {
      if (!(err instanceof TokenError)) throw err
      console.error(WHY[err.code])
      return 1
    }
  } finally {
    database.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(startupLine(err))
    process.exit(1)
  },
)
