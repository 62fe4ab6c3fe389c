## Connection test: check names, diagnosis causes and fixes, credential format problems.
##
## Key scheme (identical in every locale; a unit test enforces parity):
##   check-<checkId>              name of one line of the report (checkId from CHECK_IDS)
##   check-state-<state>          pass | warn | fail | unknown
##   check-skipped                a check that did not run because the check $skipped failed first
##   diag-<CODE>-cause            why it happened (CODE from DIAGNOSIS_CODES)
##   diag-<CODE>-fix-<exchange>   numbered steps for that exchange (exchange id from EXCHANGE_IDS),
##                                written for every code and every exchange
##   format-<PROBLEM>             why a pasted value was refused before any request (FormatProblem)
##
## Variables come from CheckResult.detail under the same names: $ips (our egress IPs, comma
## separated), $skewMs, $latencyMs, $assets, $permissions (the exchange's names of the switches
## to remove), $symbol, $retryAfterS, $during, $skipped (the bot should pass the translated check
## name), $date (a day such as 2026-12-07), $daysLeft, $days (the exchange's rule, in days). A
## text only uses a variable its code always carries.
## Plain text: no < > & * _ ` [ ] characters, so HTML needs no escaping of these texts; they do
## contain . , : ( ) - ' " ! ? which MarkdownV2 would need escaped. Brand names are not translated.

check-reachable = Exchange reachable
check-key = API key
check-secret = Secret key
check-passphrase = API passphrase
check-balance = Balance readable
check-trade = Trading permission
check-futures = Futures access
check-withdraw = Withdrawal disabled
check-ip = IP whitelist
check-expiry = No expiry date

check-state-pass = OK
check-state-warn = Attention
check-state-fail = Problem
check-state-unknown = Not verified
check-skipped = Not checked, because an earlier check failed: { $skipped }.

## INVALID_KEY
diag-INVALID_KEY-cause = The exchange does not know this API key. It was copied incompletely, belongs to another account, or was deleted.
diag-INVALID_KEY-fix-mexc =
    1. Log in at mexc.com, open the profile icon (top right) and choose API Management.
    2. Check that the key is listed there. If it is not, create a new one.
    3. Copy the Access Key again with the copy button, not by selecting the text.
    4. Send /replace here and paste the new key.
diag-INVALID_KEY-fix-kucoin =
    1. Log in at kucoin.com, open the profile icon and choose API Management.
    2. Check that the key is listed and enabled. If it is missing, create a new one (API Trading).
    3. Copy the API Key again with the copy button.
    4. Send /replace here and paste the key, secret and passphrase.

## KEY_REJECTED
diag-KEY_REJECTED-cause = The exchange refused the key without saying why: the key is wrong, our server's IP is not on its list, or the key lacks a permission it needs.
diag-KEY_REJECTED-fix-mexc =
    1. Key: open API Management on mexc.com and check that this key is listed. If not, create a new one.
    2. IP: click Edit next to the key. If Link IP Address has entries, add: { $ips }
    3. Permissions: tick Spot Account and Spot Trade, leave Withdraw unticked, save with 2FA.
    4. Send /test here (or /replace if you made a new key).
diag-KEY_REJECTED-fix-kucoin =
    1. Key: open API Management on kucoin.com and check that this key is listed and enabled.
    2. IP: if IP Restriction is on, add: { $ips }
    3. Permissions: General and Spot ticked, Withdrawal (API: Transfer) left off.
    4. Send /test here (or /replace if you made a new key).

## KEY_EXPIRED
diag-KEY_EXPIRED-cause = This API key has expired, so the exchange no longer accepts it. Keys without a bound IP address expire on most exchanges.
diag-KEY_EXPIRED-fix-mexc =
    1. Open API Management on mexc.com and delete the expired key.
    2. Create a new key with Spot Account and Spot Trade, Withdraw unticked.
    3. Under Link IP Address, add our servers: { $ips } (keys with a linked IP do not expire after 90 days).
    4. Send /replace here and paste the new key and secret.
diag-KEY_EXPIRED-fix-kucoin =
    1. Open API Management on kucoin.com and delete the expired key.
    2. Create a new key (API Trading) with General and Spot, Withdrawal off.
    3. Turn on IP Restriction and add our servers: { $ips }
    4. Send /replace here and paste the key, secret and passphrase.

## INVALID_SECRET
diag-INVALID_SECRET-cause = The key exists, but the secret key does not match it. The secret was copied incompletely or belongs to another key.
diag-INVALID_SECRET-fix-mexc =
    1. MEXC shows the Secret Key only once, right after you create the key.
    2. If you did not save it, open API Management, delete this key and create a new one.
    3. Copy the new Secret Key with the copy button and keep it safe.
    4. Send /replace here and paste the new key and secret.
diag-INVALID_SECRET-fix-kucoin =
    1. KuCoin shows the API Secret only once, when the key is created.
    2. If you did not save it, open API Management, delete this key and create a new one.
    3. Copy the API Secret with the copy button.
    4. Send /replace here and paste the key, secret and passphrase.

## INVALID_PASSPHRASE
diag-INVALID_PASSPHRASE-cause = The API passphrase does not match. It is the password you typed yourself when you created the key, not your login password. On KuCoin a wrong secret can also cause this, because it checks the passphrase together with the secret.
diag-INVALID_PASSPHRASE-fix-mexc =
    1. MEXC keys have no passphrase: only the Access Key and the Secret Key are needed.
    2. Send /replace here and paste just those two values.
diag-INVALID_PASSPHRASE-fix-kucoin =
    1. Type the API passphrase you chose when you created this key (letters and numbers, case matters).
    2. Paste the API Secret again too: KuCoin checks the passphrase with the secret.
    3. If you forgot the passphrase, it cannot be recovered: in API Management delete the key and create a new one.
    4. Send /replace here and enter the key, secret and passphrase.

## NO_READ_PERMISSION
diag-NO_READ_PERMISSION-cause = The key cannot read the account, so balances, orders and positions are invisible to the bot.
diag-NO_READ_PERMISSION-fix-mexc =
    1. Open API Management on mexc.com and click Edit next to this key.
    2. Under Spot, tick Account (view account details) and Trade (view order details).
    3. Keep Withdraw unticked, save and confirm with your 2FA code.
    4. Send /test here to check again.
diag-NO_READ_PERMISSION-fix-kucoin =
    1. Open API Management on kucoin.com and click Edit next to this key.
    2. Tick the General permission (read access).
    3. Keep Transfer unticked, save and confirm with your 2FA code.
    4. Send /test here to check again.

## NO_TRADE_PERMISSION
diag-NO_TRADE_PERMISSION-cause = The key cannot place orders on the spot market, so the bot could not trade.
diag-NO_TRADE_PERMISSION-fix-mexc =
    1. Open API Management on mexc.com and click Edit next to this key.
    2. Under Spot, tick Trade (place and cancel orders).
    3. If the key has a list of allowed pairs, add the pairs your strategy trades (the test uses BTCUSDT).
    4. Keep Withdraw unticked, save and confirm with your 2FA code, then send /test here.
diag-NO_TRADE_PERMISSION-fix-kucoin =
    1. Open API Management on kucoin.com and click Edit next to this key.
    2. Tick the Spot trading permission.
    3. Keep Transfer unticked, save and confirm with your 2FA code.
    4. Send /test here to check again.

## NO_FUTURES_PERMISSION
diag-NO_FUTURES_PERMISSION-cause = You asked for futures, but the key cannot use the futures account.
diag-NO_FUTURES_PERMISSION-fix-mexc =
    1. Open API Management on mexc.com and click Edit next to this key.
    2. Under Futures (Contract), tick Account (view futures account).
    3. Make sure your futures account is opened on MEXC, then save and confirm with 2FA.
    4. Send /test here. If you only trade spot, change the connection's market to spot instead.
diag-NO_FUTURES_PERMISSION-fix-kucoin =
    1. Open API Management on kucoin.com and click Edit next to this key.
    2. Tick the Futures permission.
    3. Make sure your KuCoin Futures account is activated, then save and confirm with 2FA.
    4. Send /test here. If you only trade spot, change the connection's market to spot instead.

## WITHDRAW_ENABLED
diag-WITHDRAW_ENABLED-cause = This key can move money out of your account. A trading bot must never hold such a key, so it was refused.
diag-WITHDRAW_ENABLED-fix-mexc =
    1. Open API Management on mexc.com and delete this key.
    2. Create a new key with Account and Trade ticked and Withdraw unticked.
    3. Send /replace here and paste the new key and secret.
diag-WITHDRAW_ENABLED-fix-kucoin =
    1. Open API Management on kucoin.com and delete this key (it has: { $permissions }).
    2. Create a NEW key (API Trading) with General and Spot (and Futures if you need it), and without Transfer or withdrawal.
    3. Add our IP addresses under IP Restriction.
    4. Send /replace here and paste the new key, secret and passphrase.

## WITHDRAW_UNVERIFIED
diag-WITHDRAW_UNVERIFIED-cause = The exchange does not tell us whether this key can withdraw. We cannot prove it is off, so please confirm it yourself.
diag-WITHDRAW_UNVERIFIED-fix-mexc =
    1. Open API Management on mexc.com and click Edit next to this key.
    2. Check that Withdraw is NOT ticked. If it is, untick it, or better, delete the key and create a new one without it.
    3. Save and confirm with 2FA.
diag-WITHDRAW_UNVERIFIED-fix-kucoin =
    1. Open API Management on kucoin.com and look at this key's permissions.
    2. Transfer (withdrawal) must not be listed. If it is, create a new key without it.

## FUTURES_UNVERIFIED
diag-FUTURES_UNVERIFIED-cause = The exchange gives us no way to prove this key can trade futures without placing an order, so please confirm it yourself.
diag-FUTURES_UNVERIFIED-fix-mexc =
    1. Open API Management on mexc.com and check that Futures Trade is ticked for this key.
    2. Note: MEXC limits futures order placement through the API to approved accounts. If your account is not approved, futures orders from the bot will be refused.
diag-FUTURES_UNVERIFIED-fix-kucoin =
    1. Open API Management on kucoin.com and check that the Futures permission is ticked for this key.

## IP_NOT_ALLOWED
diag-IP_NOT_ALLOWED-cause = The key only accepts requests from a list of IP addresses, and our servers are missing from it.
diag-IP_NOT_ALLOWED-fix-mexc =
    1. Open API Management on mexc.com and click Edit next to this key.
    2. In Link IP Address, add: { $ips }
    3. Save and confirm with 2FA, then send /test here.
diag-IP_NOT_ALLOWED-fix-kucoin =
    1. Open API Management on kucoin.com and click Edit next to this key.
    2. Under IP Restriction, add: { $ips }
    3. Save and confirm with 2FA, then send /test here.

## IP_WHITELIST_MISSING
diag-IP_WHITELIST_MISSING-cause = The key accepts requests from any IP address, so a stolen key could be used from anywhere. Exchanges may also disable trading keys that have no IP linked.
diag-IP_WHITELIST_MISSING-fix-mexc =
    1. Open API Management on mexc.com and click Edit next to this key.
    2. In Link IP Address, add our servers: { $ips }
    3. Save and confirm with 2FA. Keys without a linked IP may expire after some time.
diag-IP_WHITELIST_MISSING-fix-kucoin =
    1. Open API Management on kucoin.com and click Edit next to this key.
    2. Turn on IP Restriction and add our servers: { $ips }
    3. Save and confirm with 2FA. KuCoin deletes or limits trading keys without an IP after 30 days unused.

## IP_UNVERIFIED
diag-IP_UNVERIFIED-cause = Our requests got through, but the exchange does not show whether the key has an IP whitelist. Please confirm it holds our servers.
diag-IP_UNVERIFIED-fix-mexc =
    1. Open API Management on mexc.com and click Edit next to this key.
    2. In Link IP Address, make sure these are listed: { $ips }
    3. If the field is empty, add them: a linked IP protects the key and keeps it from expiring.
diag-IP_UNVERIFIED-fix-kucoin =
    1. Open API Management on kucoin.com and check IP Restriction for this key.
    2. Make sure these are listed: { $ips }

## KEY_EXPIRES
diag-KEY_EXPIRES-cause = The exchange says this key stops working on { $date } ({ $daysLeft } days left). We will remind you 7 days and 1 day before.
diag-KEY_EXPIRES-fix-mexc =
    1. Open API Management on mexc.com and link our servers' IPs to this key: { $ips }
    2. If the date stays, create a new key before { $date } and send /replace here.
diag-KEY_EXPIRES-fix-kucoin =
    1. Open API Management on kucoin.com and add our servers under IP Restriction: { $ips }
    2. If the date stays, create a new key before { $date } and send /replace here.

## KEY_EXPIRY_RULE
diag-KEY_EXPIRY_RULE-cause = Without a linked IP address, this exchange makes a key expire or lose trading after { $days } days. This key has none linked, or the exchange does not show it. Linking our IPs removes the limit.
diag-KEY_EXPIRY_RULE-fix-mexc =
    1. MEXC keys without a linked IP are valid for 90 days. We cannot see whether this key has one.
    2. Open API Management on mexc.com, click Edit next to this key and, under Link IP Address, make sure these are listed: { $ips }
diag-KEY_EXPIRY_RULE-fix-kucoin =
    1. KuCoin deletes trading keys without an IP, or disables their trading, after 30 days without use.
    2. Open API Management on kucoin.com, turn on IP Restriction for this key and add: { $ips }

## PERMISSIONS_UNVERIFIED
diag-PERMISSIONS_UNVERIFIED-cause = The exchange would not show us what this key may do, so we cannot prove it can read and trade. Please check it yourself.
diag-PERMISSIONS_UNVERIFIED-fix-mexc =
    1. Open API Management on mexc.com and click Edit next to this key.
    2. Check that Spot Account and Trade are ticked and Withdraw is not.
diag-PERMISSIONS_UNVERIFIED-fix-kucoin =
    1. Open API Management on kucoin.com and look at this key's permissions.
    2. General and Spot Trading must be listed, Withdrawal must not.
diag-PERMISSIONS_UNVERIFIED-fix-binance =
    1. Binance did not show us this key's restrictions, so we cannot prove it can read and trade.
    2. Open API Management on binance.com and check this key: Enable Reading and Enable Spot and Margin Trading ticked, Enable Withdrawals off.
diag-PERMISSIONS_UNVERIFIED-fix-bybit =
    1. Bybit did not show us this key's permissions, so we cannot prove it can trade.
    2. Open API on bybit.com and check this key: Read-Write with SPOT Trade ticked, Wallet Withdrawal off.
diag-PERMISSIONS_UNVERIFIED-fix-okx =
    1. OKX did not show us this key's permissions, so we cannot prove it can trade.
    2. Open API on okx.com and check this key: Read and Trade ticked, Withdraw off.

## CLOCK_SKEW
diag-CLOCK_SKEW-cause = Our server's clock differs from the exchange's by { $skewMs } ms. This is our problem, not your key's; we have been told.
diag-CLOCK_SKEW-fix-mexc =
    1. Nothing to change on MEXC.
    2. Send /test again in a few minutes.
diag-CLOCK_SKEW-fix-kucoin =
    1. Nothing to change on KuCoin.
    2. Send /test again in a few minutes.

## RATE_LIMITED
diag-RATE_LIMITED-cause = The exchange asked us to slow down (too many requests). Your key was not judged.
diag-RATE_LIMITED-fix-mexc =
    1. Nothing to change on MEXC.
    2. Wait a minute and send /test again. If another app uses the same key heavily, give the bot its own key.
diag-RATE_LIMITED-fix-kucoin =
    1. Nothing to change on KuCoin.
    2. Wait a minute and send /test again. If another app uses the same key heavily, give the bot its own key.

## EXCHANGE_UNAVAILABLE
diag-EXCHANGE_UNAVAILABLE-cause = The exchange did not answer properly (down, under maintenance or too slow). Your key was not judged.
diag-EXCHANGE_UNAVAILABLE-fix-mexc =
    1. Nothing to change on MEXC.
    2. Check MEXC's announcements for maintenance, then send /test again later. We keep checking in the background.
diag-EXCHANGE_UNAVAILABLE-fix-kucoin =
    1. Nothing to change on KuCoin.
    2. Check KuCoin's announcements for maintenance, then send /test again later. We keep checking in the background.

## ACCOUNT_RESTRICTED
diag-ACCOUNT_RESTRICTED-cause = The exchange has restricted your account (frozen, verification required or trading disabled). The key itself may be fine.
diag-ACCOUNT_RESTRICTED-fix-mexc =
    1. Log in at mexc.com and read the notices on your account and in your email.
    2. Complete any verification MEXC asks for, or contact MEXC support.
    3. Send /test here once the account is unrestricted.
diag-ACCOUNT_RESTRICTED-fix-kucoin =
    1. Log in at kucoin.com and read the notices on your account and in your email.
    2. Complete any identity verification KuCoin asks for, or contact KuCoin support.
    3. Send /test here once the account is unrestricted.

## UNKNOWN
diag-UNKNOWN-cause = The exchange answered with an error we do not recognise yet.
diag-UNKNOWN-fix-mexc =
    1. Send /test again in a few minutes.
    2. If it keeps failing, create a new key in API Management on mexc.com and send /replace.
diag-UNKNOWN-fix-kucoin =
    1. Send /test again in a few minutes.
    2. If it keeps failing, create a new key in API Management on kucoin.com and send /replace.

## Credential format problems (found before any request; the pasted value is never echoed)
format-EMPTY = Nothing was pasted.
format-TOO_LONG = This is far too long to be a key. Paste only the value.
format-WHITESPACE = It contains spaces, line breaks or invisible characters. Copy it again with the exchange's copy button.
format-BAD_CHARSET = It contains characters a key never has (for example a letter from another alphabet that looks Latin). Copy it again with the copy button.
format-WRONG_LENGTH = It does not have the length this exchange uses. Part of it may be missing.
format-LOOKS_LIKE_SECRET = This looks like the secret key. Paste the API key (the public one) here.
format-LOOKS_LIKE_KEY = This looks like the API key. Paste the secret key here.
format-SAME_AS_KEY = This is the same as the API key. Paste the other value.
format-PEM_INVALID = This is not a complete private key. Paste the whole block, from the BEGIN line to the END line.
format-PEM_PUBLIC_KEY = This is the public key, the half you upload to the exchange. Paste the private key here (its first line says PRIVATE KEY).
format-PEM_ENCRYPTED = This private key is protected by a password. Export it without a password (unencrypted PKCS8) and paste that.
format-PEM_UNSUPPORTED = This exchange does not sign with this kind of key. Use a key type it supports (Binance: Ed25519 or RSA; Bybit: RSA; Coinbase: ECDSA or Ed25519) or a system-generated key.
