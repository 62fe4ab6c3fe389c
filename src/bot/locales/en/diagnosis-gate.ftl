## Gate.io: the fix for every diagnosis (keys diag-<CODE>-fix-gate, see diagnosis.ftl for the scheme).
## Plain text, numbered steps; variables as in diagnosis.ftl.

## INVALID_KEY
diag-INVALID_KEY-fix-gate =
    1. Log in at gate.io, open the profile icon (top right) and choose API Management.
    2. Check that the key is listed there (an APIv4 key). If it is not, create a new one.
    3. Copy the API Key again with the copy button, not by selecting the text.

## KEY_REJECTED
diag-KEY_REJECTED-fix-gate =
    1. Key: open API Management on gate.io and check that this key is listed. If not, create a new one and use it here.
    2. IP: if the key is bound to IP addresses, add: { $ips }
    3. Permissions: Spot Trade set to Read and write, Account Read only, withdrawals off.

## KEY_EXPIRED
diag-KEY_EXPIRED-fix-gate =
    1. Gate keeps a key without a bound IP for 90 days only. Open API Management on gate.io and create a new APIv4 key.
    2. Set Spot Trade to Read and write and Account to Read only, leave withdrawals off, and bind our servers' IPs: { $ips }

## KEY_OUTDATED
diag-KEY_OUTDATED-fix-gate =
    1. Gate no longer accepts APIv2 keys. Open API Management on gate.io and create an APIv4 key with Spot Trade Read and write and Account Read only.

## KEY_WRONG_ENVIRONMENT
diag-KEY_WRONG_ENVIRONMENT-fix-gate =
    1. Make sure the key was created for the Classic account on gate.io: a TestNet key does not work here.
    2. Copy the API Key again with the copy button and use it here.

## INVALID_SECRET
diag-INVALID_SECRET-fix-gate =
    1. Gate shows the Secret only once, right after you create the key.
    2. If you did not save it, open API Management on gate.io, delete this key and create a new one.
    3. Copy the new Secret with the copy button and keep it safe.

## INVALID_PASSPHRASE
diag-INVALID_PASSPHRASE-fix-gate =
    1. Gate keys have no passphrase: only the API Key and the Secret are needed.

## NO_READ_PERMISSION
diag-NO_READ_PERMISSION-fix-gate =
    1. Open API Management on gate.io and click Edit next to this key.
    2. Set Spot Trade to Read and write (Read only lets us see balances but not trade).
    3. Leave withdrawals off, save and confirm with your fund password and 2FA.

## NO_TRADE_PERMISSION
diag-NO_TRADE_PERMISSION-fix-gate =
    1. Open API Management on gate.io and click Edit next to this key.
    2. Set Spot Trade to Read and write.
    3. Leave withdrawals off, save and confirm with your fund password and 2FA.

## NO_FUTURES_PERMISSION
diag-NO_FUTURES_PERMISSION-fix-gate =
    1. Open API Management on gate.io and click Edit next to this key.
    2. Set Perpetual Futures to Read and write.
    3. Make sure your USDT perpetual futures account is opened on Gate, then save and confirm.

## WITHDRAW_ENABLED
diag-WITHDRAW_ENABLED-fix-gate =
    1. Open API Management on gate.io and delete this key.
    2. Create a NEW APIv4 key with Spot Trade Read and write, Account Read only, and withdrawals off.
    3. Bind our IP addresses to it.

## WITHDRAW_UNVERIFIED
diag-WITHDRAW_UNVERIFIED-fix-gate =
    1. Gate does not report whether a key can withdraw, so please check it yourself.
    2. Open API Management on gate.io and look at this key: withdrawals must be off (leave Wallet at Read only or unticked).
    3. If it can withdraw, delete it and create a new key without that permission.

## FUTURES_UNVERIFIED
diag-FUTURES_UNVERIFIED-fix-gate =
    1. Your futures account answers, but without the Account permission we cannot read whether this key may trade futures.
    2. Open API Management on gate.io, click Edit next to this key and set Account to Read only (and Perpetual Futures to Read and write).

## IP_NOT_ALLOWED
diag-IP_NOT_ALLOWED-fix-gate =
    1. Open API Management on gate.io and click Edit next to this key.
    2. Under IP Permissions, add: { $ips }
    3. Save and confirm.

## IP_WHITELIST_MISSING
diag-IP_WHITELIST_MISSING-fix-gate =
    1. Open API Management on gate.io and click Edit next to this key.
    2. Under IP Permissions, bind our servers' IP addresses: { $ips }
    3. Save and confirm. A Gate key without a bound IP is valid for 90 days only.

## CLOCK_SKEW
diag-CLOCK_SKEW-fix-gate =
    1. Nothing to change on Gate.

## RATE_LIMITED
diag-RATE_LIMITED-fix-gate =
    1. Nothing to change on Gate.
    2. If another app uses the same key heavily, give the bot its own key.

## EXCHANGE_UNAVAILABLE
diag-EXCHANGE_UNAVAILABLE-fix-gate =
    1. Nothing to change on Gate.
    2. Check Gate's announcements for maintenance. We keep checking in the background.

## ACCOUNT_RESTRICTED
diag-ACCOUNT_RESTRICTED-fix-gate =
    1. Gate says the account is locked. Log in at gate.io and read the notices on your account and in your email.
    2. Complete any verification Gate asks for, or contact Gate support.

## UNKNOWN
diag-UNKNOWN-fix-gate =
    1. If it keeps failing after a few minutes, create a new key in API Management on gate.io and use it here.

## IP_UNVERIFIED
diag-IP_UNVERIFIED-fix-gate =
    1. Without the Account permission Gate does not show us this key's IP list.
    2. Open API Management on gate.io and make sure these are bound to the key: { $ips }
    3. To let us check it, set Account to Read only on the key.

## KEY_EXPIRES
diag-KEY_EXPIRES-fix-gate =
    1. Gate keeps a key without a bound IP for 90 days after it was created: this one stops working around { $date }.
    2. Open API Management on gate.io, click Edit next to this key and bind our servers' IPs: { $ips }
    3. Save. If the date stays, create a new key before { $date } and use it here.

## KEY_EXPIRY_RULE
diag-KEY_EXPIRY_RULE-fix-gate =
    1. A Gate key without a bound IP is valid for 90 days. Without the Account permission we cannot see whether this one has IPs or when it was made.
    2. Open API Management on gate.io, click Edit next to this key and bind our servers' IPs: { $ips }

## PERMISSIONS_UNVERIFIED
diag-PERMISSIONS_UNVERIFIED-fix-gate =
    1. Gate shows a key's permissions only to keys with the Account permission, and this key does not have it.
    2. Open API Management on gate.io, click Edit next to this key and set Account to Read only (it only lets us read the key list).
    3. Check that Spot Trade is set to Read and write, save.
