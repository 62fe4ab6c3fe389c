## Bitget: the fix for every diagnosis (keys diag-<CODE>-fix-bitget, see diagnosis.ftl for the scheme).
## Plain text, numbered steps; variables as in diagnosis.ftl.

## INVALID_KEY
diag-INVALID_KEY-fix-bitget =
    1. Log in at bitget.com, open the profile icon (top right) and choose API Keys.
    2. Check that the key is listed there. If it is not, create a new one (System-generated API key).
    3. Copy the API key again with the copy button, not by selecting the text.

## KEY_REJECTED
diag-KEY_REJECTED-fix-bitget =
    1. Key: open API Keys on bitget.com and check that this key is listed. If not, create a new one and use it here.
    2. IP: if the key is bound to IP addresses, add: { $ips }
    3. Permissions: Spot Trade set to Read and write, Wallet Withdraw unticked.

## KEY_EXPIRED
diag-KEY_EXPIRED-fix-bitget =
    1. Open API Keys on bitget.com and delete the expired key.
    2. Create a new System-generated key with Spot Trade set to Read and write and Withdraw unticked, bound to our servers' IPs: { $ips }

## KEY_OUTDATED
diag-KEY_OUTDATED-fix-bitget =
    1. Open API Keys on bitget.com and create a new System-generated key with Spot Trade set to Read and write, Withdraw unticked.

## KEY_WRONG_ENVIRONMENT
diag-KEY_WRONG_ENVIRONMENT-fix-bitget =
    1. Make sure the key was created on bitget.com in live trading: a Demo Trading key does not work here.
    2. Copy the API key again with the copy button and use it here.

## INVALID_SECRET
diag-INVALID_SECRET-fix-bitget =
    1. Bitget shows the Secret key only once, right after you create the key.
    2. If you did not save it, open API Keys, delete this key and create a new one.
    3. Copy the new Secret key with the copy button and keep it safe.

## INVALID_PASSPHRASE
diag-INVALID_PASSPHRASE-fix-bitget =
    1. Type the passphrase you chose when you created this key on Bitget (case matters). It is not your login password.
    2. Bitget answers the same error when the API key itself is wrong, so paste the API key again too.
    3. A forgotten passphrase cannot be recovered: delete the key in API Keys and create a new one.

## NO_READ_PERMISSION
diag-NO_READ_PERMISSION-fix-bitget =
    1. Open API Keys on bitget.com and click Edit next to this key.
    2. Under Spot, set Trade to Read-only or Read and write: without it Bitget will not show us the key's permissions or balances.
    3. Keep Withdraw unticked, save and confirm with your verification codes.

## NO_TRADE_PERMISSION
diag-NO_TRADE_PERMISSION-fix-bitget =
    1. Open API Keys on bitget.com and click Edit next to this key.
    2. Under Spot, set Trade to Read and write.
    3. Keep Withdraw unticked, save and confirm with your verification codes.

## NO_FUTURES_PERMISSION
diag-NO_FUTURES_PERMISSION-fix-bitget =
    1. Open API Keys on bitget.com and click Edit next to this key.
    2. Under Futures, set Orders and Holdings to Read and write.
    3. Make sure your futures account is opened on Bitget, then save and confirm.

## WITHDRAW_ENABLED
diag-WITHDRAW_ENABLED-fix-bitget =
    1. Open API Keys on bitget.com and delete this key (it has Wallet: Withdraw).
    2. Create a NEW key with Spot Trade (and Futures if you need it) set to Read and write, and Withdraw unticked.
    3. Bind our IP addresses to it.

## WITHDRAW_UNVERIFIED
diag-WITHDRAW_UNVERIFIED-fix-bitget =
    1. Bitget listed a permission we do not recognise, so we cannot prove withdrawal is off.
    2. Open API Keys on bitget.com and look at this key: Wallet Withdraw must be unticked.
    3. If it is ticked, delete the key and create a new one without it.

## FUTURES_UNVERIFIED
diag-FUTURES_UNVERIFIED-fix-bitget =
    1. Your Bitget account is a Unified Trading Account, and Bitget does not show us the key's futures permissions for it.
    2. Open API Keys on bitget.com and check that Futures Orders and Holdings are set to Read and write for this key.

## IP_NOT_ALLOWED
diag-IP_NOT_ALLOWED-fix-bitget =
    1. Open API Keys on bitget.com and click Edit next to this key.
    2. In the IP address list (Bind IP), add: { $ips }
    3. Save and confirm.

## IP_WHITELIST_MISSING
diag-IP_WHITELIST_MISSING-fix-bitget =
    1. Open API Keys on bitget.com and click Edit next to this key.
    2. Bind the key to our servers' IP addresses: { $ips }
    3. Save and confirm. A key bound to our IPs is useless to anyone who steals it.

## CLOCK_SKEW
diag-CLOCK_SKEW-fix-bitget =
    1. Nothing to change on Bitget.

## RATE_LIMITED
diag-RATE_LIMITED-fix-bitget =
    1. Nothing to change on Bitget.
    2. If another app uses the same key heavily, give the bot its own key.

## EXCHANGE_UNAVAILABLE
diag-EXCHANGE_UNAVAILABLE-fix-bitget =
    1. Nothing to change on Bitget.
    2. Check Bitget's announcements for maintenance. We keep checking in the background.

## ACCOUNT_RESTRICTED
diag-ACCOUNT_RESTRICTED-fix-bitget =
    1. Log in at bitget.com and read the notices on your account and in your email.
    2. Complete any verification Bitget asks for (identity, phone or Google Authenticator), or contact Bitget support.

## UNKNOWN
diag-UNKNOWN-fix-bitget =
    1. If it keeps failing after a few minutes, create a new key in API Keys on bitget.com and use it here.

## IP_UNVERIFIED
diag-IP_UNVERIFIED-fix-bitget =
    1. Bitget does not show us the IP list of a Unified Trading Account's key.
    2. Open API Keys on bitget.com and make sure these are bound to the key: { $ips }

## KEY_EXPIRES
diag-KEY_EXPIRES-fix-bitget =
    1. Open API Keys on bitget.com and bind our servers' IPs to this key: { $ips }
    2. If the date stays, create a new key before { $date } and use it here.

## KEY_EXPIRY_RULE
diag-KEY_EXPIRY_RULE-fix-bitget =
    1. Open API Keys on bitget.com, click Edit next to this key and bind it to our servers' IPs: { $ips }
    2. Save and confirm.

## PERMISSIONS_UNVERIFIED
diag-PERMISSIONS_UNVERIFIED-fix-bitget =
    1. Your Bitget account is a Unified Trading Account: Bitget's classic API, which shows a key's permissions, does not serve it.
    2. Open API Keys on bitget.com and check this key: Spot Trade (and Futures if you need it) set to Read and write, Withdraw unticked.
    3. The report stays incomplete for this account type; nothing else to change.
