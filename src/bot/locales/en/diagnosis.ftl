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
diag-INVALID_KEY-fix-kucoin =
    1. Log in at kucoin.com, open the profile icon and choose API Management.
    2. Check that the key is listed and enabled. If it is missing, create a new one (API Trading).
    3. Copy the API Key again with the copy button.
diag-INVALID_KEY-fix-binance =
    1. Log in at binance.com, open the profile icon and choose API Management.
    2. Check that the key is listed. If it is not, create a new one.
    3. Copy the API Key again with its copy button: it is 64 letters and digits.
diag-INVALID_KEY-fix-bybit =
    1. Log in at bybit.com, open the profile icon and choose API.
    2. Check that the key is listed. Keys made on testnet, in Demo Trading or on a regional Bybit site (bybit.eu, bybit.nl, bybit.tr...) only work there: make it on bybit.com.
    3. Copy the API Key again with its copy button.
diag-INVALID_KEY-fix-okx =
    1. Log in at okx.com, open the profile icon and choose API.
    2. Check that the key is listed, and copy the API key again with its copy button.

## KEY_REJECTED
diag-KEY_REJECTED-cause = The exchange refused the key without saying why: the key is wrong, our server's IP is not on its list, or the key lacks a permission it needs.
diag-KEY_REJECTED-fix-mexc =
    1. Key: open API Management on mexc.com and check that this key is listed. If not, create a new one.
    2. IP: click Edit next to the key. If Link IP Address has entries, add: { $ips }
    3. Permissions: tick Spot Account and Spot Trade, leave Withdraw unticked, save with 2FA.
diag-KEY_REJECTED-fix-kucoin =
    1. Key: open API Management on kucoin.com and check that this key is listed and enabled.
    2. IP: if IP Restriction is on, add: { $ips }
    3. Permissions: General and Spot ticked, Withdrawal (API: Transfer) left off.
diag-KEY_REJECTED-fix-binance =
    1. Key: open API Management on binance.com and check that this key is listed. If it is not, it was deleted: create a new one and use it here.
    2. IP: click Edit restrictions. If "Restrict access to trusted IPs only" is chosen, add: { $ips }
    3. Permissions: make sure Enable Reading is ticked (and Enable Spot and Margin Trading). Leave Enable Withdrawals off.
    4. Save, confirm with 2FA.
diag-KEY_REJECTED-fix-bybit =
    1. Key: open API on bybit.com and check that this key is listed and made on bybit.com (not testnet or Demo Trading).
    2. IP: if the key is bound to IPs, add: { $ips }
    3. Permissions: Read-Write, with SPOT Trade ticked; leave Wallet Withdrawal off.
diag-KEY_REJECTED-fix-okx =
    1. Key: open API on okx.com and check that this key is listed.
    2. IP: if the key is linked to IPs, add: { $ips }
    3. Permissions: Read and Trade ticked, Withdraw left off.

## KEY_EXPIRED
diag-KEY_EXPIRED-cause = This API key has expired, so the exchange no longer accepts it. Keys without a bound IP address expire on most exchanges.
diag-KEY_EXPIRED-fix-mexc =
    1. Open API Management on mexc.com and delete the expired key.
    2. Create a new key with Spot Account and Spot Trade, Withdraw unticked.
    3. Under Link IP Address, add our servers: { $ips } (keys with a linked IP do not expire after 90 days).
diag-KEY_EXPIRED-fix-kucoin =
    1. Open API Management on kucoin.com and delete the expired key.
    2. Create a new key (API Trading) with General and Spot, Withdrawal off.
    3. Turn on IP Restriction and add our servers: { $ips }
diag-KEY_EXPIRED-fix-binance =
    1. Open API Management on binance.com and delete the expired key.
    2. Create a new key and, under Edit restrictions, choose "Restrict access to trusted IPs only" and add: { $ips }
    3. Tick Enable Reading and Enable Spot and Margin Trading; leave Enable Withdrawals off.
diag-KEY_EXPIRED-fix-bybit =
    1. Open API on bybit.com and delete the expired key.
    2. Create a new system-generated key, Read-Write, with SPOT Trade ticked and Wallet Withdrawal off.
    3. Bind it to our servers' IPs: { $ips } (a key without a bound IP expires after 90 days).
diag-KEY_EXPIRED-fix-okx =
    1. Open API on okx.com and delete the expired key.
    2. Create a new key with Read and Trade, Withdraw off, and link our servers' IPs: { $ips }

## KEY_OUTDATED
diag-KEY_OUTDATED-cause = The exchange no longer accepts this kind of key (an old key version). A new key is needed; the old one cannot be upgraded.
diag-KEY_OUTDATED-fix-mexc =
    1. Open API Management on mexc.com and create a new key with Spot Account and Spot Trade, Withdraw unticked.
diag-KEY_OUTDATED-fix-kucoin =
    1. KuCoin retired version 1 and 2 API keys: open API Management on kucoin.com and delete this key.
    2. Create a new key (API Trading, it is a version 3 key) with General and Spot, Withdrawal (API: Transfer) and Flex Transfers (API: InnerTransfer) off.
    3. Under IP Restriction, add our servers: { $ips }
diag-KEY_OUTDATED-fix-binance =
    1. Open API Management on binance.com and create a new key.
    2. Tick Enable Reading and Enable Spot and Margin Trading; leave Enable Withdrawals off.
diag-KEY_OUTDATED-fix-bybit =
    1. Open API on bybit.com and create a new system-generated key, Read-Write, with SPOT Trade ticked.
diag-KEY_OUTDATED-fix-okx =
    1. Open API on okx.com and create a new key with Read and Trade, Withdraw off.

## KEY_WRONG_ENVIRONMENT
diag-KEY_WRONG_ENVIRONMENT-cause = The exchange does not know this key here. It was most likely made on another site of the same exchange (another region) or for demo trading, where keys are separate.
diag-KEY_WRONG_ENVIRONMENT-fix-mexc =
    1. Make sure the key was created on mexc.com, under API Management.
    2. Copy the Access Key again with the copy button and use it here.
diag-KEY_WRONG_ENVIRONMENT-fix-kucoin =
    1. Make sure the key was created on kucoin.com (not a sandbox or another KuCoin site).
    2. Copy the API Key again with the copy button and use it here.
diag-KEY_WRONG_ENVIRONMENT-fix-binance =
    1. Make sure the key was created on binance.com. Keys from Binance's testnet, demo trading or another Binance site (such as binance.us) do not work here.
    2. Copy the API Key again with the copy button and use it here.
diag-KEY_WRONG_ENVIRONMENT-fix-bybit =
    1. Make sure the key was created on bybit.com. Testnet and Demo Trading keys, and keys from bybit.eu, bybit.nl, bybit.tr and other regional sites, do not work here.
    2. Copy the API Key again with the copy button and use it here.
diag-KEY_WRONG_ENVIRONMENT-fix-okx =
    1. Check where the key was made: a Demo Trading key, or a key from OKX's EEA site (my.okx.com) or its US site, does not work on www.okx.com.
    2. If so, log in at www.okx.com in live trading, open API and create a new key with Read and Trade, Withdraw off.
    3. If the key is from www.okx.com, copy the API key again with its copy button (it may have been cut short).

## INVALID_SECRET
diag-INVALID_SECRET-cause = The key exists, but the secret key does not match it. The secret was copied incompletely or belongs to another key.
diag-INVALID_SECRET-fix-mexc =
    1. MEXC shows the Secret Key only once, right after you create the key.
    2. If you did not save it, open API Management, delete this key and create a new one.
    3. Copy the new Secret Key with the copy button and keep it safe.
diag-INVALID_SECRET-fix-kucoin =
    1. KuCoin shows the API Secret only once, when the key is created.
    2. If you did not save it, open API Management, delete this key and create a new one.
    3. Copy the API Secret with the copy button.
diag-INVALID_SECRET-fix-binance =
    1. A system-generated key: Binance shows the Secret Key only once. If you did not save it, delete the key and create a new one.
    2. A self-generated (Ed25519 or RSA) key: paste the private key whose public key you uploaded to Binance for this API key, the whole block from BEGIN to END.
diag-INVALID_SECRET-fix-bybit =
    1. Bybit shows the Secret Key only once, when the key is created.
    2. If you did not save it, open API on bybit.com, delete this key and create a new one.
    3. For a self-generated (RSA) key, paste the private key that belongs to the public key you uploaded, the whole block from BEGIN to END.
diag-INVALID_SECRET-fix-okx =
    1. OKX shows the Secret key only once, when the key is created.
    2. If you did not save it, open API on okx.com, delete this key and create a new one.

## INVALID_PASSPHRASE
diag-INVALID_PASSPHRASE-cause = The API passphrase does not match. It is the password you typed yourself when you created the key, not your login password. On KuCoin a wrong secret can also cause this, because it checks the passphrase together with the secret.
diag-INVALID_PASSPHRASE-fix-mexc =
    1. MEXC keys have no passphrase: only the Access Key and the Secret Key are needed.
diag-INVALID_PASSPHRASE-fix-kucoin =
    1. Type the API passphrase you chose when you created this key (letters and numbers, case matters).
    2. Paste the API Secret again too: KuCoin checks the passphrase with the secret.
    3. If you forgot the passphrase, it cannot be recovered: in API Management delete the key and create a new one.
diag-INVALID_PASSPHRASE-fix-binance =
    1. Binance keys have no passphrase: only the API Key and the Secret Key are needed.
diag-INVALID_PASSPHRASE-fix-bybit =
    1. Bybit keys have no passphrase: only the API Key and the Secret Key are needed.
diag-INVALID_PASSPHRASE-fix-okx =
    1. Type the passphrase you chose when you created this API key on OKX (case matters). It is not your login or fund password.
    2. If you forgot it, it cannot be recovered: open API on okx.com, delete the key and create a new one with Read and Trade, Withdraw off.

## NO_READ_PERMISSION
diag-NO_READ_PERMISSION-cause = The key cannot read the account, so balances, orders and positions are invisible to the bot.
diag-NO_READ_PERMISSION-fix-mexc =
    1. Open API Management on mexc.com and click Edit next to this key.
    2. Under Spot, tick Account (view account details) and Trade (view order details).
    3. Keep Withdraw unticked, save and confirm with your 2FA code.
diag-NO_READ_PERMISSION-fix-kucoin =
    1. Open API Management on kucoin.com and click Edit next to this key.
    2. Tick the General permission (read access).
    3. Keep Withdrawal (API: Transfer) unticked, save and confirm with your 2FA code.
diag-NO_READ_PERMISSION-fix-binance =
    1. Open API Management on binance.com and click Edit restrictions next to this key.
    2. Tick Enable Reading.
    3. Keep Enable Withdrawals unticked, save and confirm with 2FA.
diag-NO_READ_PERMISSION-fix-bybit =
    1. Open API on bybit.com and click Edit next to this key.
    2. Make sure the key belongs to the account that holds your funds and that its permissions include the wallet (Read-Write with SPOT Trade is enough).
    3. Keep Wallet Withdrawal unticked, save and confirm with 2FA.
diag-NO_READ_PERMISSION-fix-okx =
    1. Open API on okx.com and click Edit next to this key.
    2. Make sure Read is ticked (and Trade). Keep Withdraw off.
    3. Save, confirm with 2FA.

## NO_TRADE_PERMISSION
diag-NO_TRADE_PERMISSION-cause = The key cannot place orders on the spot market, so the bot could not trade.
diag-NO_TRADE_PERMISSION-fix-mexc =
    1. Open API Management on mexc.com and click Edit next to this key.
    2. Under Spot, tick Trade (place and cancel orders).
    3. If the key has a list of allowed pairs, add the pairs your strategy trades (the test uses BTCUSDT).
    4. Keep Withdraw unticked, save and confirm with your 2FA code.
diag-NO_TRADE_PERMISSION-fix-kucoin =
    1. Open API Management on kucoin.com and click Edit next to this key.
    2. Tick the Spot trading permission.
    3. Keep Withdrawal (API: Transfer) unticked, save and confirm with your 2FA code.
diag-NO_TRADE_PERMISSION-fix-binance =
    1. Open API Management on binance.com and click Edit restrictions next to this key.
    2. Tick Enable Spot and Margin Trading.
    3. Keep Enable Withdrawals unticked, save and confirm with 2FA.
diag-NO_TRADE_PERMISSION-fix-bybit =
    1. Open API on bybit.com and click Edit next to this key.
    2. If the key is Read-Only, choose Read-Write.
    3. Under SPOT, tick Trade. Keep Wallet Withdrawal unticked.
    4. Save, confirm with 2FA.
diag-NO_TRADE_PERMISSION-fix-okx =
    1. Open API on okx.com and click Edit next to this key.
    2. Tick Trade. Keep Withdraw off.
    3. Save, confirm with 2FA.

## NO_FUTURES_PERMISSION
diag-NO_FUTURES_PERMISSION-cause = You asked for futures, but the key cannot use the futures account.
diag-NO_FUTURES_PERMISSION-fix-mexc =
    1. Open API Management on mexc.com and click Edit next to this key.
    2. Under Futures (Contract), tick Account (view futures account).
    3. Make sure your futures account is opened on MEXC, then save and confirm with 2FA.
diag-NO_FUTURES_PERMISSION-fix-kucoin =
    1. Open API Management on kucoin.com and click Edit next to this key.
    2. Tick the Futures permission.
    3. Make sure your KuCoin Futures account is activated, then save and confirm with 2FA.
diag-NO_FUTURES_PERMISSION-fix-binance =
    1. Open your USDⓈ-M Futures account on binance.com if you have not yet.
    2. Binance cannot add futures to a key created before the futures account was opened: if Enable Futures cannot be ticked, delete the key and create a new one.
    3. In API Management, Edit restrictions, tick Enable Futures. Keep Enable Withdrawals off, save with 2FA.
diag-NO_FUTURES_PERMISSION-fix-bybit =
    1. Open API on bybit.com and click Edit next to this key.
    2. Choose Read-Write, and under Unified Trading (Contract) tick Orders and Positions.
    3. Keep Wallet Withdrawal unticked, save and confirm with 2FA.
diag-NO_FUTURES_PERMISSION-fix-okx =
    1. If the key lacks Trade: open API on okx.com, Edit, tick Trade and save.
    2. If your account is in Spot mode, it cannot trade futures: open Trade, then the settings icon, Account mode, and choose Futures mode (or a margin mode).

## WITHDRAW_ENABLED
diag-WITHDRAW_ENABLED-cause = This key can move money out of your account. A trading bot must never hold such a key, so it was refused.
diag-WITHDRAW_ENABLED-fix-mexc =
    1. Open API Management on mexc.com and delete this key.
    2. Create a new key with Account and Trade ticked and Withdraw unticked.
diag-WITHDRAW_ENABLED-fix-kucoin =
    1. Open API Management on kucoin.com and delete this key (it has: { $permissions }).
    2. Create a NEW key (API Trading) with General and Spot (and Futures if you need it), and with Withdrawal (API: Transfer) and Flex Transfers (API: InnerTransfer) off.
    3. Add our IP addresses under IP Restriction.
diag-WITHDRAW_ENABLED-fix-binance =
    1. Open API Management on binance.com and delete this key (it has: { $permissions }).
    2. Create a new key: tick Enable Reading and Enable Spot and Margin Trading (and Enable Futures if you need it); leave Enable Withdrawals and Enable Internal Transfer unticked.
    3. Choose "Restrict access to trusted IPs only" and add our servers.
diag-WITHDRAW_ENABLED-fix-bybit =
    1. Open API on bybit.com and delete this key (it has: { $permissions }).
    2. Create a new system-generated key, Read-Write, with SPOT Trade (and Orders and Positions for futures); under Wallet leave Withdrawal unticked.
    3. Bind it to our servers' IPs.
diag-WITHDRAW_ENABLED-fix-okx =
    1. Open API on okx.com and delete this key (it has: { $permissions }).
    2. Create a new key with Read and Trade only; leave Withdraw off.
    3. Link our servers' IPs to it.

## WITHDRAW_UNVERIFIED
diag-WITHDRAW_UNVERIFIED-cause = The exchange does not tell us whether this key can withdraw. We cannot prove it is off, so please confirm it yourself.
diag-WITHDRAW_UNVERIFIED-fix-mexc =
    1. Open API Management on mexc.com and click Edit next to this key.
    2. Check that Withdraw is NOT ticked. If it is, untick it, or better, delete the key and create a new one without it.
    3. Save and confirm with 2FA.
diag-WITHDRAW_UNVERIFIED-fix-kucoin =
    1. Open API Management on kucoin.com and look at this key's permissions.
    2. Withdrawal (API: Transfer) must not be listed. If it is, create a new key without it.
diag-WITHDRAW_UNVERIFIED-fix-binance =
    1. Open API Management on binance.com and look at this key's restrictions.
    2. Enable Withdrawals and Enable Internal Transfer must be unticked. If either is ticked, delete the key and create a new one without them.
diag-WITHDRAW_UNVERIFIED-fix-bybit =
    1. Open API on bybit.com and look at this key's permissions.
    2. Under Wallet, Withdrawal must not be ticked. If it is, delete the key and create a new one without it.
diag-WITHDRAW_UNVERIFIED-fix-okx =
    1. Open API on okx.com and look at this key's permissions.
    2. Withdraw must not be ticked. If it is, delete the key and create a new one with Read and Trade only.

## FUTURES_UNVERIFIED
diag-FUTURES_UNVERIFIED-cause = The exchange did not let us prove that this key can trade futures. Please check it yourself.
diag-FUTURES_UNVERIFIED-fix-mexc =
    1. Open API Management on mexc.com and check that Futures Trade is ticked for this key.
    2. Note: MEXC limits futures order placement through the API to approved accounts. If your account is not approved, futures orders from the bot will be refused.
diag-FUTURES_UNVERIFIED-fix-kucoin =
    1. Open API Management on kucoin.com and check that the Futures permission is ticked for this key.
diag-FUTURES_UNVERIFIED-fix-binance =
    1. Open API Management on binance.com and check that Enable Futures is ticked for this key.
    2. If it cannot be ticked, the key is older than your futures account: create a new key.
diag-FUTURES_UNVERIFIED-fix-bybit =
    1. Open API on bybit.com and check that the key is Read-Write with Orders and Positions ticked.
diag-FUTURES_UNVERIFIED-fix-okx =
    1. Check your account mode on okx.com: open Trade, then the settings icon, Account mode. Spot mode cannot trade futures: choose Futures mode (or a margin mode).

## IP_NOT_ALLOWED
diag-IP_NOT_ALLOWED-cause = The key only accepts requests from a list of IP addresses, and our servers are missing from it.
diag-IP_NOT_ALLOWED-fix-mexc =
    1. Open API Management on mexc.com and click Edit next to this key.
    2. In Link IP Address, add: { $ips }
    3. Save and confirm with 2FA.
diag-IP_NOT_ALLOWED-fix-kucoin =
    1. Open API Management on kucoin.com and click Edit next to this key.
    2. Under IP Restriction, add: { $ips }
    3. Save and confirm with 2FA.
diag-IP_NOT_ALLOWED-fix-binance =
    1. Open API Management on binance.com and click Edit restrictions next to this key.
    2. Under "Restrict access to trusted IPs only", add: { $ips }
    3. Save and confirm with 2FA.
diag-IP_NOT_ALLOWED-fix-bybit =
    1. Open API on bybit.com and click Edit next to this key.
    2. In the IP list ("Only IPs with permissions granted are allowed to access the OpenAPI"), add: { $ips }
    3. Save and confirm with 2FA.
diag-IP_NOT_ALLOWED-fix-okx =
    1. Open API on okx.com and click Edit next to this key.
    2. In the IP address field, add: { $ips }
    3. Save and confirm with 2FA.

## IP_WHITELIST_MISSING
diag-IP_WHITELIST_MISSING-cause = The key accepts requests from any IP address, so a stolen key could be used from anywhere. Exchanges also expire or limit trading keys that have no IP linked.
diag-IP_WHITELIST_MISSING-fix-mexc =
    1. Open API Management on mexc.com and click Edit next to this key.
    2. In Link IP Address, add our servers: { $ips }
    3. Save and confirm with 2FA. MEXC keys without a linked IP expire after 90 days.
diag-IP_WHITELIST_MISSING-fix-kucoin =
    1. Open API Management on kucoin.com and click Edit next to this key.
    2. Turn on IP Restriction and add our servers: { $ips }
    3. Save and confirm with 2FA. KuCoin deletes or limits trading keys without an IP after 30 days unused.
diag-IP_WHITELIST_MISSING-fix-binance =
    1. Open API Management on binance.com and click Edit restrictions next to this key.
    2. Choose "Restrict access to trusted IPs only" and add our servers: { $ips }
    3. Save and confirm with 2FA. Binance unticks Enable Spot and Margin Trading on unrestricted keys after 30 days.
diag-IP_WHITELIST_MISSING-fix-bybit =
    1. Open API on bybit.com and click Edit next to this key.
    2. Bind the key to our servers' IPs: { $ips }
    3. Save and confirm with 2FA. A Bybit key with no IP bound stops working after 90 days.
diag-IP_WHITELIST_MISSING-fix-okx =
    1. Open API on okx.com and click Edit next to this key.
    2. In the IP address field, add our servers: { $ips }
    3. Save and confirm with 2FA. OKX deletes trading keys without a linked IP after 14 days without use.

## IP_UNVERIFIED
diag-IP_UNVERIFIED-cause = Our requests got through, but the exchange does not show the key's IP list, so we cannot prove it holds all our servers. Please confirm it.
diag-IP_UNVERIFIED-fix-mexc =
    1. Open API Management on mexc.com and click Edit next to this key.
    2. In Link IP Address, make sure these are listed: { $ips }
    3. If the field is empty, add them: a linked IP protects the key and keeps it from expiring.
diag-IP_UNVERIFIED-fix-kucoin =
    1. Open API Management on kucoin.com and check IP Restriction for this key.
    2. Make sure these are listed: { $ips }
diag-IP_UNVERIFIED-fix-binance =
    1. Open API Management on binance.com and look at this key's IP access restrictions.
    2. Make sure every one of these is listed: { $ips }
diag-IP_UNVERIFIED-fix-bybit =
    1. Open API on bybit.com and look at the IPs this key is bound to.
    2. Make sure every one of these is listed: { $ips }
diag-IP_UNVERIFIED-fix-okx =
    1. Open API on okx.com and look at the IP addresses linked to this key.
    2. Make sure every one of these is listed: { $ips }

## KEY_EXPIRES
diag-KEY_EXPIRES-cause = The exchange says this key stops working on { $date } ({ $daysLeft } days left). We will remind you 7 days and 1 day before.
diag-KEY_EXPIRES-fix-mexc =
    1. Open API Management on mexc.com and link our servers' IPs to this key: { $ips }
    2. If the date stays, create a new key before { $date } and use it here.
diag-KEY_EXPIRES-fix-kucoin =
    1. Open API Management on kucoin.com and add our servers under IP Restriction: { $ips }
    2. If the date stays, create a new key before { $date } and use it here.
diag-KEY_EXPIRES-fix-binance =
    1. Binance will untick Enable Spot and Margin Trading on { $date } because the key has no IP restriction.
    2. Open API Management on binance.com, Edit restrictions, choose "Restrict access to trusted IPs only" and add: { $ips }
    3. Save with 2FA: the date goes away.
diag-KEY_EXPIRES-fix-bybit =
    1. Bybit expires keys with no IP bound after 90 days, and any key 7 days after the account password changes.
    2. Open API on bybit.com, Edit this key and bind it to our servers' IPs: { $ips }
    3. Save with 2FA. If the date stays (after a password change), create a new key before { $date } and use it here.
diag-KEY_EXPIRES-fix-okx =
    1. Open API on okx.com and link our servers' IPs to this key: { $ips }
    2. If the date stays, create a new key before { $date } and use it here.

## KEY_EXPIRY_RULE
diag-KEY_EXPIRY_RULE-cause = Without a linked IP address, this exchange makes a key expire or lose trading after { $days } days. This key has none linked, or the exchange does not show it. Linking our IPs removes the limit.
diag-KEY_EXPIRY_RULE-fix-mexc =
    1. MEXC keys without a linked IP are valid for 90 days. We cannot see whether this key has one.
    2. Open API Management on mexc.com, click Edit next to this key and, under Link IP Address, make sure these are listed: { $ips }
diag-KEY_EXPIRY_RULE-fix-kucoin =
    1. KuCoin deletes trading keys without an IP, or disables their trading, after 30 days without use.
    2. Open API Management on kucoin.com, turn on IP Restriction for this key and add: { $ips }
diag-KEY_EXPIRY_RULE-fix-binance =
    1. On keys without IP restriction, Binance unticks Enable Spot and Margin Trading after 30 days.
    2. Open API Management on binance.com, Edit restrictions, choose "Restrict access to trusted IPs only" and add: { $ips }
    3. Save with 2FA.
diag-KEY_EXPIRY_RULE-fix-bybit =
    1. A Bybit key with no IP bound stops working 90 days after it was created.
    2. Open API on bybit.com, Edit this key and bind it to our servers' IPs: { $ips }
diag-KEY_EXPIRY_RULE-fix-okx =
    1. OKX deletes keys with Trade or Withdraw permission and no linked IP after 14 days without use.
    2. Open API on okx.com, Edit this key and add our servers' IPs: { $ips }
    3. Save with 2FA.

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
diag-CLOCK_SKEW-fix-kucoin =
    1. Nothing to change on KuCoin.
diag-CLOCK_SKEW-fix-binance =
    1. Nothing to change on Binance.
diag-CLOCK_SKEW-fix-bybit =
    1. Nothing to change on Bybit.
diag-CLOCK_SKEW-fix-okx =
    1. Nothing to change on OKX.

## RATE_LIMITED
diag-RATE_LIMITED-cause = The exchange asked us to slow down (too many requests). Your key was not judged.
diag-RATE_LIMITED-fix-mexc =
    1. Nothing to change on MEXC.
    2. If another app uses the same key heavily, give the bot its own key.
diag-RATE_LIMITED-fix-kucoin =
    1. Nothing to change on KuCoin.
    2. If another app uses the same key heavily, give the bot its own key.
diag-RATE_LIMITED-fix-binance =
    1. Nothing to change on Binance.
    2. If another app uses the same key heavily, give the bot its own key.
diag-RATE_LIMITED-fix-bybit =
    1. Nothing to change on Bybit.
    2. If another app uses the same key heavily, give the bot its own key.
diag-RATE_LIMITED-fix-okx =
    1. Nothing to change on OKX.
    2. If another app uses the same key heavily, give the bot its own key.

## EXCHANGE_UNAVAILABLE
diag-EXCHANGE_UNAVAILABLE-cause = The exchange did not answer properly (down, under maintenance or too slow). Your key was not judged.
diag-EXCHANGE_UNAVAILABLE-fix-mexc =
    1. Nothing to change on MEXC.
    2. Check MEXC's announcements for maintenance. We keep checking in the background.
diag-EXCHANGE_UNAVAILABLE-fix-kucoin =
    1. Nothing to change on KuCoin.
    2. Check KuCoin's announcements for maintenance. We keep checking in the background.
diag-EXCHANGE_UNAVAILABLE-fix-binance =
    1. Nothing to change on Binance.
    2. Check Binance's announcements for maintenance. We keep checking in the background.
diag-EXCHANGE_UNAVAILABLE-fix-bybit =
    1. Nothing to change on Bybit.
    2. Check Bybit's announcements for maintenance. We keep checking in the background.
diag-EXCHANGE_UNAVAILABLE-fix-okx =
    1. Nothing to change on OKX.
    2. Check OKX's announcements for maintenance. We keep checking in the background.

## ACCOUNT_RESTRICTED
diag-ACCOUNT_RESTRICTED-cause = The exchange has restricted your account (frozen, verification required, trading disabled, or not available in your region). The key itself may be fine.
diag-ACCOUNT_RESTRICTED-fix-mexc =
    1. Log in at mexc.com and read the notices on your account and in your email.
    2. Complete any verification MEXC asks for, or contact MEXC support.
diag-ACCOUNT_RESTRICTED-fix-kucoin =
    1. Log in at kucoin.com and read the notices on your account and in your email.
    2. Complete any identity verification KuCoin asks for, or contact KuCoin support. KuCoin also restricts some regions by law.
diag-ACCOUNT_RESTRICTED-fix-binance =
    1. Log in at binance.com and read the notices on your account and in your email.
    2. Complete any verification Binance asks for, or contact Binance support.
diag-ACCOUNT_RESTRICTED-fix-bybit =
    1. Log in at bybit.com and read the notices on your account and in your email.
    2. Complete any verification Bybit asks for, or contact Bybit support. Bybit does not serve some regions.
diag-ACCOUNT_RESTRICTED-fix-okx =
    1. Log in at okx.com and read the notices on your account and in your email (a frozen API key shows there too).
    2. Complete any verification OKX asks for, or contact OKX support. OKX does not serve some regions.

## UNKNOWN
diag-UNKNOWN-cause = The exchange answered with an error we do not recognise yet.
diag-UNKNOWN-fix-mexc =
    1. If it keeps failing after a few minutes, create a new key in API Management on mexc.com and use it here.
diag-UNKNOWN-fix-kucoin =
    1. If it keeps failing after a few minutes, create a new key in API Management on kucoin.com and use it here.
diag-UNKNOWN-fix-binance =
    1. If it keeps failing after a few minutes, create a new key in API Management on binance.com and use it here.
diag-UNKNOWN-fix-bybit =
    1. If it keeps failing after a few minutes, create a new key in API on bybit.com and use it here.
diag-UNKNOWN-fix-okx =
    1. If it keeps failing after a few minutes, create a new key in API on okx.com and use it here.

## Credential format problems (found before any request; the pasted value is never echoed)
format-EMPTY = nothing was pasted.
format-TOO_LONG = this is far too long to be a key. Paste only the value.
format-WHITESPACE = it contains spaces, line breaks or invisible characters. Copy it again with the exchange's copy button.
format-BAD_CHARSET = it contains characters a key never has (for example a letter from another alphabet that looks Latin). Copy it again with the copy button.
format-WRONG_LENGTH = it does not have the length this exchange uses. Part of it may be missing.
format-LOOKS_LIKE_SECRET = this looks like the secret key. Paste the API key (the public one) here.
format-LOOKS_LIKE_KEY = this looks like the API key. Paste the secret key here.
format-SAME_AS_KEY = this is the same as the API key. Paste the other value.
format-PEM_INVALID = this is not a complete private key. Paste the whole block, from the BEGIN line to the END line.
format-PEM_PUBLIC_KEY = this is the public key, the half you upload to the exchange. Paste the private key here (its first line says PRIVATE KEY).
format-PEM_ENCRYPTED = this private key is protected by a password. Export it without a password (unencrypted PKCS8) and paste that.
format-PEM_UNSUPPORTED = this exchange does not sign with this kind of key. Use a key type it supports (Binance: Ed25519 or RSA; Bybit: RSA; Coinbase: ECDSA or Ed25519) or a system-generated key.
