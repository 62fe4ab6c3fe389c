## HTX: the fix for every diagnosis (keys diag-<CODE>-fix-htx, see diagnosis.ftl for the scheme).
## Plain text, numbered steps; variables as in diagnosis.ftl.

## INVALID_KEY
diag-INVALID_KEY-fix-htx =
    1. Log in at htx.com, open the profile icon (top right) and choose API Management.
    2. Check that the key is listed there. If it is not, create a new one.
    3. Copy the Access Key again with the copy button, not by selecting the text.

## KEY_REJECTED
diag-KEY_REJECTED-fix-htx =
    1. Key: open API Management on htx.com and check that this key is listed. If not, create a new one and use it here.
    2. IP: if the key is bound to IP addresses, add: { $ips }
    3. Permissions: Read-only and Trade ticked, Withdraw unticked.

## KEY_EXPIRED
diag-KEY_EXPIRED-fix-htx =
    1. This HTX key has expired: HTX deactivates a trading key without a bound IP after 90 days unused.
    2. Open API Management on htx.com and create a new key with Read-only and Trade, Withdraw unticked, bound to our servers' IPs: { $ips } (a bound key does not expire).

## KEY_OUTDATED
diag-KEY_OUTDATED-fix-htx =
    1. Open API Management on htx.com and create a new key with Read-only and Trade, Withdraw unticked.

## KEY_WRONG_ENVIRONMENT
diag-KEY_WRONG_ENVIRONMENT-fix-htx =
    1. Make sure the key was created on htx.com with your main account, not on another HTX site.
    2. Copy the Access Key again with the copy button and use it here.

## INVALID_SECRET
diag-INVALID_SECRET-fix-htx =
    1. HTX answered "Verification failure": the Secret Key does not match this Access Key.
    2. HTX shows the Secret Key only once, right after you create the key. If you did not save it, open API Management on htx.com, delete this key and create a new one.
    3. Copy the new Secret Key with the copy button and keep it safe.

## INVALID_PASSPHRASE
diag-INVALID_PASSPHRASE-fix-htx =
    1. HTX keys have no passphrase: only the Access Key and the Secret Key are needed.

## NO_READ_PERMISSION
diag-NO_READ_PERMISSION-fix-htx =
    1. HTX answered "API key has no permission": the key cannot read the account.
    2. Open API Management on htx.com, click Edit next to this key and tick Read-only.
    3. Keep Withdraw unticked, save and confirm with your verification codes.

## NO_TRADE_PERMISSION
diag-NO_TRADE_PERMISSION-fix-htx =
    1. Open API Management on htx.com and click Edit next to this key.
    2. Tick Trade.
    3. Keep Withdraw unticked, save and confirm with your verification codes.

## NO_FUTURES_PERMISSION
diag-NO_FUTURES_PERMISSION-fix-htx =
    1. Open futures trading on htx.com (Futures, then open the contract account and accept its terms): HTX says contracts trading is not opened for this account.
    2. In API Management on htx.com, make sure this key has Trade ticked.

## WITHDRAW_ENABLED
diag-WITHDRAW_ENABLED-fix-htx =
    1. Open API Management on htx.com and delete this key (it has Withdraw).
    2. Create a NEW key with Read-only and Trade, Withdraw unticked.
    3. Bind our IP addresses to it.

## WITHDRAW_UNVERIFIED
diag-WITHDRAW_UNVERIFIED-fix-htx =
    1. HTX did not show us this key's permissions in full, so we cannot prove withdrawal is off.
    2. Open API Management on htx.com and look at this key: Withdraw must be unticked.
    3. If it is ticked, delete the key and create a new one without it.

## FUTURES_UNVERIFIED
diag-FUTURES_UNVERIFIED-fix-htx =
    1. Your HTX account is not a unified account, and the futures balance we read answers only for unified ones, so futures trading could not be proven.
    2. Check on htx.com that contracts trading is opened, and in API Management on htx.com that this key has Trade ticked.

## IP_NOT_ALLOWED
diag-IP_NOT_ALLOWED-fix-htx =
    1. Open API Management on htx.com and click Edit next to this key.
    2. In the bound IP addresses, add: { $ips }
    3. Save and confirm.

## IP_WHITELIST_MISSING
diag-IP_WHITELIST_MISSING-fix-htx =
    1. Open API Management on htx.com and click Edit next to this key.
    2. Bind the key to our servers' IP addresses: { $ips }
    3. Save and confirm. HTX deactivates trading keys without an IP after 90 days unused; a bound key does not expire.

## CLOCK_SKEW
diag-CLOCK_SKEW-fix-htx =
    1. Nothing to change on HTX.

## RATE_LIMITED
diag-RATE_LIMITED-fix-htx =
    1. Nothing to change on HTX.
    2. If another app uses the same key heavily, give the bot its own key.

## EXCHANGE_UNAVAILABLE
diag-EXCHANGE_UNAVAILABLE-fix-htx =
    1. Nothing to change on HTX.
    2. Check HTX's announcements for maintenance. We keep checking in the background.

## ACCOUNT_RESTRICTED
diag-ACCOUNT_RESTRICTED-fix-htx =
    1. Log in at htx.com and read the notices on your account and in your email.
    2. Complete any verification HTX asks for, or contact HTX support.

## UNKNOWN
diag-UNKNOWN-fix-htx =
    1. If it keeps failing after a few minutes, create a new key in API Management on htx.com and use it here.

## IP_UNVERIFIED
diag-IP_UNVERIFIED-fix-htx =
    1. HTX did not show us this key's record, so we cannot see its IP list.
    2. Open API Management on htx.com and make sure these are bound to the key: { $ips }

## KEY_EXPIRES
diag-KEY_EXPIRES-fix-htx =
    1. HTX says this key stays valid until { $date } because no IP is bound to it (each use pushes the date 90 days forward).
    2. Open API Management on htx.com, click Edit next to this key and bind it to our servers' IPs: { $ips }
    3. Save: a bound key does not expire.

## KEY_EXPIRY_RULE
diag-KEY_EXPIRY_RULE-fix-htx =
    1. HTX deactivates a key with Trade or Withdraw and no bound IP after 90 days without use. We could not read this key's own date.
    2. Open API Management on htx.com, click Edit next to this key and bind it to our servers' IPs: { $ips }

## PERMISSIONS_UNVERIFIED
diag-PERMISSIONS_UNVERIFIED-fix-htx =
    1. HTX accepted the key but did not list it among your account's keys (for example a sub-account's key), so we cannot read its permissions.
    2. Open API Management on htx.com and check this key: Read-only and Trade ticked, Withdraw unticked.
    3. For a full check, create the key on your main account and use it here.
