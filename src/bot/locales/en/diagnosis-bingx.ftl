## BingX: the fix for every diagnosis (keys diag-<CODE>-fix-bingx, see diagnosis.ftl for the scheme).
## Plain text, numbered steps; variables as in diagnosis.ftl.

## INVALID_KEY
diag-INVALID_KEY-fix-bingx =
    1. Log in at bingx.com, open the profile icon (top right) and choose API Management.
    2. Check that the key is listed there. If it is not, create a new one.
    3. Copy the API Key again with the copy button, not by selecting the text.

## KEY_REJECTED
diag-KEY_REJECTED-fix-bingx =
    1. Key: open API Management on bingx.com and check that this key is listed. If not, create a new one and use it here.
    2. IP: if the key is bound to IP addresses, add: { $ips }
    3. Permissions: Read and Spot Trading ticked, Withdraw unticked.

## KEY_EXPIRED
diag-KEY_EXPIRED-fix-bingx =
    1. BingX deletes unbound trading keys after 14 days unused. Open API Management on bingx.com and create a new key.
    2. Tick Read and Spot Trading, leave Withdraw unticked, and bind it to our servers' IPs: { $ips }

## KEY_OUTDATED
diag-KEY_OUTDATED-fix-bingx =
    1. Open API Management on bingx.com and create a new key with Read and Spot Trading, Withdraw unticked.

## KEY_WRONG_ENVIRONMENT
diag-KEY_WRONG_ENVIRONMENT-fix-bingx =
    1. Make sure the key was created on bingx.com for real trading: a demo (VST) key does not work here.
    2. Copy the API Key again with the copy button and use it here.

## INVALID_SECRET
diag-INVALID_SECRET-fix-bingx =
    1. BingX shows the Secret Key only once, right after you create the key.
    2. If you did not save it, open API Management on bingx.com, delete this key and create a new one.
    3. Copy the new Secret Key with the copy button and keep it safe.

## INVALID_PASSPHRASE
diag-INVALID_PASSPHRASE-fix-bingx =
    1. BingX keys have no passphrase: only the API Key and the Secret Key are needed.

## NO_READ_PERMISSION
diag-NO_READ_PERMISSION-fix-bingx =
    1. Open API Management on bingx.com and click Edit next to this key.
    2. Tick Read: without it BingX will not show us the key's permissions or balances.
    3. Keep Withdraw unticked, save and confirm with your verification codes.

## NO_TRADE_PERMISSION
diag-NO_TRADE_PERMISSION-fix-bingx =
    1. Open API Management on bingx.com and click Edit next to this key.
    2. Tick Spot Trading.
    3. Keep Withdraw unticked, save and confirm with your verification codes.

## NO_FUTURES_PERMISSION
diag-NO_FUTURES_PERMISSION-fix-bingx =
    1. Open API Management on bingx.com and click Edit next to this key.
    2. Tick Perpetual Futures Trading.
    3. Make sure your perpetual futures account is opened on BingX, then save and confirm.

## WITHDRAW_ENABLED
diag-WITHDRAW_ENABLED-fix-bingx =
    1. Open API Management on bingx.com and delete this key (it has Withdraw).
    2. Create a NEW key with Read and Spot Trading (and Perpetual Futures Trading if you need it), Withdraw unticked.
    3. Bind our IP addresses to it.

## WITHDRAW_UNVERIFIED
diag-WITHDRAW_UNVERIFIED-fix-bingx =
    1. BingX listed a permission we do not recognise, so we cannot prove withdrawal is off.
    2. Open API Management on bingx.com and look at this key: Withdraw must be unticked.
    3. If it is ticked, delete the key and create a new one without it.

## FUTURES_UNVERIFIED
diag-FUTURES_UNVERIFIED-fix-bingx =
    1. Open API Management on bingx.com and check that Perpetual Futures Trading is ticked for this key.

## IP_NOT_ALLOWED
diag-IP_NOT_ALLOWED-fix-bingx =
    1. Open API Management on bingx.com and click Edit next to this key.
    2. In the IP whitelist, add: { $ips }
    3. Save and confirm.

## IP_WHITELIST_MISSING
diag-IP_WHITELIST_MISSING-fix-bingx =
    1. Open API Management on bingx.com and click Edit next to this key.
    2. Bind the key to our servers' IP addresses: { $ips }
    3. Save and confirm. BingX deletes trading keys without an IP after 14 days unused; a bound key never expires.

## CLOCK_SKEW
diag-CLOCK_SKEW-fix-bingx =
    1. Nothing to change on BingX: BingX refuses requests more than 5 seconds off its clock, and our server's clock is off.

## RATE_LIMITED
diag-RATE_LIMITED-fix-bingx =
    1. Nothing to change on BingX.
    2. If another app uses the same key heavily, give the bot its own key.

## EXCHANGE_UNAVAILABLE
diag-EXCHANGE_UNAVAILABLE-fix-bingx =
    1. Nothing to change on BingX.
    2. Check BingX's announcements for maintenance. We keep checking in the background.

## ACCOUNT_RESTRICTED
diag-ACCOUNT_RESTRICTED-fix-bingx =
    1. Log in at bingx.com and read the notices on your account and in your email.
    2. Complete any verification BingX asks for, or contact BingX support (its risk control may have limited the account).

## UNKNOWN
diag-UNKNOWN-fix-bingx =
    1. If it keeps failing after a few minutes, create a new key in API Management on bingx.com and use it here.

## IP_UNVERIFIED
diag-IP_UNVERIFIED-fix-bingx =
    1. Open API Management on bingx.com and check the IP whitelist of this key.
    2. Make sure these are listed: { $ips }

## KEY_EXPIRES
diag-KEY_EXPIRES-fix-bingx =
    1. Open API Management on bingx.com and bind our servers' IPs to this key: { $ips }
    2. If the date stays, create a new key before { $date } and use it here.

## KEY_EXPIRY_RULE
diag-KEY_EXPIRY_RULE-fix-bingx =
    1. BingX deletes a key with trading permissions and no bound IP after 14 days without use. While we test it every few minutes it stays in use, but if the bot is paused for two weeks it is gone.
    2. Open API Management on bingx.com, click Edit next to this key and bind it to our servers' IPs: { $ips }
    3. Save and confirm.

## PERMISSIONS_UNVERIFIED
diag-PERMISSIONS_UNVERIFIED-fix-bingx =
    1. Open API Management on bingx.com and look at this key's permissions.
    2. Read and Spot Trading must be ticked, Withdraw must not.
