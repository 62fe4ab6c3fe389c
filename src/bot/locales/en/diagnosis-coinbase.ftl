## Coinbase: the fix for every diagnosis (keys diag-<CODE>-fix-coinbase, see diagnosis.ftl for the scheme).
## Plain text, numbered steps; variables as in diagnosis.ftl.

## INVALID_KEY
diag-INVALID_KEY-fix-coinbase =
    1. Open the API Keys page of the Coinbase Developer Platform (portal.cdp.coinbase.com) and check that the key is listed there. If not, create a new Secret API key.
    2. Paste the key name: the line that starts with organizations/ and ends with the key id (or, for an Ed25519 key, the key id).

## KEY_REJECTED
diag-KEY_REJECTED-fix-coinbase =
    1. Coinbase refused the request without saying why. Check, in this order:
    2. Key name: paste the name exactly as in the file Coinbase gave you (organizations/.../apiKeys/..., or the key id for Ed25519); in API Keys on portal.cdp.coinbase.com check the key still exists.
    3. Private key: paste the whole block, from -----BEGIN to -----END, of the SAME key (or its 88-character secret for Ed25519). If you lost it, create a new key.
    4. IP: if the key has an IP allowlist, add: { $ips }
    5. Clock: if 'Exchange reachable' above warns about the clock, the fault is ours and passes once our clock is right.

## KEY_EXPIRED
diag-KEY_EXPIRED-fix-coinbase =
    1. Create a new Secret API key in the API Keys page of the Coinbase Developer Platform (portal.cdp.coinbase.com): View and Trade, no Transfer.

## KEY_OUTDATED
diag-KEY_OUTDATED-fix-coinbase =
    1. Coinbase's older API keys (a short key and secret from coinbase.com settings) no longer work for Advanced Trade. Create a CDP Secret API key in the API Keys page of the Coinbase Developer Platform (portal.cdp.coinbase.com), with View and Trade and without Transfer.

## KEY_WRONG_ENVIRONMENT
diag-KEY_WRONG_ENVIRONMENT-fix-coinbase =
    1. Make sure the key is a Secret API key of your Coinbase account made in the API Keys page of the Coinbase Developer Platform (portal.cdp.coinbase.com), not a sandbox or another Coinbase product's key.

## INVALID_SECRET
diag-INVALID_SECRET-fix-coinbase =
    1. The private key does not belong to this key name. Coinbase shows it only once, in the file you downloaded when creating the key.
    2. If you lost it, delete the key in API Keys on portal.cdp.coinbase.com and create a new one.

## INVALID_PASSPHRASE
diag-INVALID_PASSPHRASE-fix-coinbase =
    1. Coinbase CDP keys have no passphrase: only the key name and the private key are needed.

## NO_READ_PERMISSION
diag-NO_READ_PERMISSION-fix-coinbase =
    1. The key cannot View. Coinbase does not let you change an existing key's permissions: create a new Secret API key in the API Keys page of the Coinbase Developer Platform (portal.cdp.coinbase.com).
    2. Tick View and Trade, leave Transfer unticked.

## NO_TRADE_PERMISSION
diag-NO_TRADE_PERMISSION-fix-coinbase =
    1. The key cannot Trade. Create a new Secret API key in the API Keys page of the Coinbase Developer Platform (portal.cdp.coinbase.com).
    2. Tick View and Trade, leave Transfer unticked.

## NO_FUTURES_PERMISSION
diag-NO_FUTURES_PERMISSION-fix-coinbase =
    1. Coinbase found no futures account for the portfolio of this key (futures through Coinbase Financial Markets, where available).
    2. Open futures trading in your Coinbase account, or create the key for the portfolio that has it, with View and Trade.

## WITHDRAW_ENABLED
diag-WITHDRAW_ENABLED-fix-coinbase =
    1. This key has Transfer, which sends funds off Coinbase. Delete it in API Keys on portal.cdp.coinbase.com.
    2. Create a NEW Secret API key with View and Trade only (ECDSA signature), Transfer unticked.

## WITHDRAW_UNVERIFIED
diag-WITHDRAW_UNVERIFIED-fix-coinbase =
    1. Coinbase did not say whether this key can Transfer, so we cannot prove it is off.
    2. In API Keys on portal.cdp.coinbase.com, check this key's permissions: Transfer must not be among them.
    3. If it is, delete the key and create a new one without it.

## FUTURES_UNVERIFIED
diag-FUTURES_UNVERIFIED-fix-coinbase =
    1. Your futures account answers, but Coinbase did not say whether this key can Trade.
    2. In API Keys on portal.cdp.coinbase.com, check that this key has Trade.

## IP_NOT_ALLOWED
diag-IP_NOT_ALLOWED-fix-coinbase =
    1. In API Keys on portal.cdp.coinbase.com, edit this key's IP allowlist.
    2. Add: { $ips }
    3. Save.

## IP_WHITELIST_MISSING
diag-IP_WHITELIST_MISSING-fix-coinbase =
    1. In API Keys on portal.cdp.coinbase.com, give this key an IP allowlist.
    2. Add our servers: { $ips }

## CLOCK_SKEW
diag-CLOCK_SKEW-fix-coinbase =
    1. Nothing to change on Coinbase. Coinbase refuses signed requests whose time is off, and our server's clock is off.

## RATE_LIMITED
diag-RATE_LIMITED-fix-coinbase =
    1. Nothing to change on Coinbase.
    2. If another app uses the same key heavily, give the bot its own key.

## EXCHANGE_UNAVAILABLE
diag-EXCHANGE_UNAVAILABLE-fix-coinbase =
    1. Nothing to change on Coinbase.
    2. Check status.coinbase.com for incidents. We keep checking in the background.

## ACCOUNT_RESTRICTED
diag-ACCOUNT_RESTRICTED-fix-coinbase =
    1. Log in at coinbase.com and read the notices on your account and in your email.
    2. Complete any verification Coinbase asks for, or contact Coinbase support.

## UNKNOWN
diag-UNKNOWN-fix-coinbase =
    1. If it keeps failing after a few minutes, create a new Secret API key in API Keys on portal.cdp.coinbase.com and use it here.

## IP_UNVERIFIED
diag-IP_UNVERIFIED-fix-coinbase =
    1. Coinbase does not show a key's IP allowlist. If you set one, make sure these are in it: { $ips }
    2. If the key has no allowlist, consider adding one in API Keys on portal.cdp.coinbase.com: a key limited to our IPs is useless to anyone who steals it.

## KEY_EXPIRES
diag-KEY_EXPIRES-fix-coinbase =
    1. Create a new Secret API key in the API Keys page of the Coinbase Developer Platform (portal.cdp.coinbase.com) before { $date }, with View and Trade, Transfer unticked.

## KEY_EXPIRY_RULE
diag-KEY_EXPIRY_RULE-fix-coinbase =
    1. In API Keys on portal.cdp.coinbase.com, give this key an IP allowlist with our servers: { $ips }

## PERMISSIONS_UNVERIFIED
diag-PERMISSIONS_UNVERIFIED-fix-coinbase =
    1. Coinbase did not say whether this key can Trade.
    2. In API Keys on portal.cdp.coinbase.com, check that this key has View and Trade and no Transfer.
