## The bot's own texts. Messages are sent with HTML parse mode: only <b>, <i>, <code> tags;
## every variable that can carry user text is escaped by the code before it reaches here.

## Start and help
start-text =
    <b>BackFuture Connect</b> links your exchange account to the BackFuture trading platform.

    🔒 Your funds stay on your exchange. We only use an API key with <b>read + trade</b> permission, and we refuse keys that can <b>withdraw</b> (where the exchange cannot show us, you confirm it before the platform uses the key).
    🔑 Keys are encrypted before they are stored, and every message that carries one is deleted from this chat.
    🩺 We test the key check by check and tell you exactly how to fix anything that is wrong.
start-returning =
    <b>Welcome back.</b> { $online } of { $count ->
        [one] your { $count } connection is
       *[other] your { $count } connections are
    } online.
start-returning-hint = Tap a connection to see its details, or connect another exchange.
help-text =
    <b>Commands</b>
    /connect: connect an exchange (Binance, Bybit, OKX, Bitget, Gate.io, KuCoin, MEXC, HTX, BingX, Coinbase)
    /connections: your connections and their state
    /status [name]: details, failing checks and how to fix them
    /test [name]: test a connection again now
    /rename [name]: give a connection a new name
    /replace [name]: enter new API credentials for a connection
    /delete [name]: remove a connection and its stored keys
    /pause [name]: stop the platform using a connection, at once
    /resume [name]: let the platform use it again
    /settings: language and notifications
    /ips: our server IPs, to whitelist on the exchange
    /cancel: stop the current step

    The key you give us needs <b>read</b> and <b>trade</b> permission and must <b>not</b> allow withdrawals.
cmd-start = What this bot does
cmd-connect = Connect an exchange
cmd-connections = Your connections
cmd-status = State and fixes of a connection
cmd-test = Test a connection now
cmd-rename = Rename a connection
cmd-replace = Enter new API credentials
cmd-delete = Remove a connection
cmd-pause = Stop the platform using a connection
cmd-resume = Let the platform use a connection again
cmd-settings = Language and notifications
cmd-help = Help
cmd-cancel = Stop the current step

## Connect flow
connect-intro = <b>Which exchange do you want to connect?</b>
checklist-mexc =
    <b>Create the API key on MEXC</b>
    1. Log in at mexc.com, open the profile icon (top right) → <b>API Management</b>.
    2. Tick <b>Spot: View Account Details</b> and <b>Spot: Trade</b> (add the <b>Futures</b> options only if you will trade futures).
    3. Leave <b>Withdraw</b> unticked. A key that can withdraw is refused.
    4. Under <b>Link IP Address</b>, add our server IPs (see below).
    5. Confirm with your 2FA code and keep the Access Key and Secret Key at hand.
checklist-kucoin =
    <b>Create the API key on KuCoin</b>
    1. Log in at kucoin.com, open the profile icon → <b>API Management</b> → <b>Create API</b>, and choose <b>API Trading</b> (not "Link Third-Party Applications").
    2. Choose an <b>API passphrase</b> (you will need it here) and give the key a name.
    3. Permissions: <b>General</b> and <b>Spot Trading</b> (add <b>Futures Trading</b> only if you will trade futures).
    4. Leave <b>Withdrawal</b> and <b>Flex Transfers</b> off. A key that can move funds out is refused.
    5. Under <b>IP Restriction</b>, choose "Yes" and add our server IPs (see below).
    6. Confirm with your trading password, the e-mail code and your Google 2FA code, and keep the API Key, Secret and passphrase at hand.
checklist-binance =
    <b>Create the API key on Binance</b>
    1. Log in at binance.com, open the profile icon → <b>Account</b> → <b>API Management</b> → <b>Create API</b>.
    2. Choose <b>System generated</b> (you get an API Key and a Secret Key), or <b>Self-generated</b> if you made an Ed25519 or RSA key pair: upload its public key there, and paste its private key here as the secret (the whole block, BEGIN to END).
    3. Click <b>Edit restrictions</b>: keep <b>Enable Reading</b>, tick <b>Enable Spot &amp; Margin Trading</b> (and <b>Enable Futures</b> only if you will trade futures).
    4. Leave <b>Enable Withdrawals</b> and <b>Enable Internal Transfer</b> unticked. A key that can move funds out is refused.
    5. Choose <b>Restrict access to trusted IPs only</b> and add our server IPs (see below). Without it, Binance removes spot trading from the key after 30 days.
    6. Save, confirm with 2FA and keep the API Key and Secret Key at hand.
checklist-bybit =
    <b>Create the API key on Bybit</b>
    1. Log in at bybit.com, open the profile icon → <b>API</b> → <b>Create New Key</b> → <b>System-generated API Keys</b>.
    2. Choose <b>API Transaction</b>, give the key a name and pick <b>Read-Write</b>.
    3. Tick <b>SPOT: Trade</b> (and under <b>Unified Trading</b>, <b>Orders</b> and <b>Positions</b> only if you will trade futures).
    4. Under <b>Wallet</b>, leave <b>Withdrawal</b> unticked. A key that can withdraw is refused.
    5. Under <b>IP restriction</b>, choose to allow only these IPs and add our server IPs (see below). A key with no IP bound expires after 90 days.
    6. Confirm with 2FA and keep the API Key and Secret Key at hand.
checklist-okx =
    <b>Create the API key on OKX</b>
    1. Log in at www.okx.com (live trading, not Demo Trading), open the profile icon → <b>API</b> → <b>Create API key</b>.
    2. Give it a name and choose an <b>API passphrase</b> (you will need it here).
    3. Permissions: <b>Read</b> and <b>Trade</b>.
    4. Leave <b>Withdraw</b> unticked. A key that can withdraw is refused.
    5. Under <b>IP address</b>, add our server IPs (see below). A trading key with no IP linked is deleted after 14 days without use.
    6. Confirm with 2FA and keep the API key, Secret key and passphrase at hand. For futures, your account mode must not be Spot mode.
checklist-bitget =
    <b>Create the API key on Bitget</b>
    1. Log in at bitget.com, open the profile icon (top right) → <b>API Keys</b> → <b>Create API Key</b> → <b>System-generated API key</b>.
    2. Give it a name and choose a <b>passphrase</b> (you will need it here).
    3. Permissions: <b>Spot → Trade: Read and write</b>. Spot access is required even for futures: it is how we read the key's permissions. Add <b>Futures → Orders</b> and <b>Holdings: Read and write</b> only if you will trade futures.
    4. Leave <b>Wallet → Withdraw</b> unticked. A key that can withdraw is refused.
    5. Under <b>Bind IP address</b>, add our server IPs (see below).
    6. Confirm with your verification codes and keep the API key, Secret key and passphrase at hand.
checklist-bingx =
    <b>Create the API key on BingX</b>
    1. Log in at bingx.com, open the profile icon (top right) → <b>API Management</b> → <b>Create API</b>.
    2. Permissions: <b>Read</b> and <b>Spot Trading</b> (add <b>Perpetual Futures Trading</b> only if you will trade futures).
    3. Leave <b>Withdraw</b> unticked (and Universal Transfer too). A key that can withdraw is refused.
    4. Under the <b>IP whitelist</b>, add our server IPs (see below): BingX deletes unbound trading keys after 14 days unused.
    5. Confirm with your verification codes and keep the API Key and Secret Key at hand.
checklist-htx =
    <b>Create the API key on HTX</b>
    1. Log in at htx.com, open the profile icon (top right) → <b>API Management</b> → <b>Create API Key</b>.
    2. Permissions: <b>Read-only</b> and <b>Trade</b> (the same key trades futures once contracts trading is opened on your account).
    3. Leave <b>Withdraw</b> unticked. A key that can withdraw is refused.
    4. Under <b>Bind IP address</b>, add our server IPs (see below): HTX deactivates unbound trading keys after 90 days unused.
    5. Confirm with your verification codes and keep the Access Key and Secret Key at hand.
checklist-gate =
    <b>Create the API key on Gate.io</b>
    1. Log in at gate.io, open the profile icon (top right) → <b>API Management</b> → <b>Create API Key</b> (APIv4, Classic account).
    2. Permissions: <b>Spot Trade: Read and write</b> and <b>Account: Read only</b> (it lets us read the key's permissions and IPs). Add <b>Perpetual Futures: Read and write</b> only if you will trade futures.
    3. Leave withdrawals off (Wallet at most Read only). Gate does not tell us whether a key can withdraw, so we will ask you to confirm it.
    4. Under <b>IP Permissions</b>, bind our server IPs (see below): without an IP a Gate key is valid for 90 days only.
    5. Confirm with your fund password and 2FA, and keep the API Key and Secret at hand.
checklist-coinbase =
    <b>Create the API key on Coinbase (Advanced Trade)</b>
    1. Log in at portal.cdp.coinbase.com (Coinbase Developer Platform) → <b>API Keys</b> → <b>Create API key</b> (a Secret API key).
    2. Choose the portfolio the platform will trade, and tick <b>View</b> and <b>Trade</b>.
    3. Leave <b>Transfer</b> unticked. A key that can transfer funds is refused.
    4. Under <b>Advanced settings</b>, keep the <b>ECDSA</b> signature (Ed25519 works too). If you set an <b>IP allowlist</b>, add our server IPs (see below).
    5. Download the key file. Here you will paste its <b>name</b> (organizations/.../apiKeys/...) as the API key, and its whole <b>private key</b> block, from -----BEGIN to -----END, as the secret.
checklist-ips = 🛡 Our server IPs to whitelist: <code>{ $ips }</code>
checklist-no-ips = 🛡 This installation has no fixed server IPs configured, so leave the IP list empty for now.
checklist-ask-market = <b>Once the key is created, tap the market the platform will trade with it:</b>
ips-text =
    🛡 <b>Our server IPs.</b> Add each one to your API key's IP whitelist on the exchange (tap to copy):
    { $ips }
ips-none = 🛡 This installation has no fixed server IPs configured, so leave the key's IP list empty for now.
connect-ask-market = <b>Which market will the platform trade with this key?</b>
market-spot = Spot
market-futures = Futures
market-both = Spot + Futures
## What an answered question turns into (its buttons go)
answer-exchange = Exchange: <b>{ $exchange }</b> ✓
answer-ready = ✔️ Key created
answer-ready-market = ✔️ Key created · Market: <b>{ $market }</b> ✓
answer-market = Market: <b>{ $market }</b> ✓
answer-name = Name: <b>{ $name }</b> ✓
answer-switched = 🔁 Switched to <b>{ $exchange }</b> · { $market } · “{ $name }”
connect-ask-name =
    <b>Name this connection</b>, so you can tell your accounts apart (for example "{ $suggestion }").
    Type a name, or tap the button.
connect-name-as-text = Please type the name as a normal text message, or tap the suggested name.
name-EMPTY = The name is empty. Please type a name.
name-TOO_LONG = That name is too long: please keep it to 32 characters.
name-BAD_CHARS = Please use only letters, numbers, spaces and . _ - # + in the name, starting with a letter or number.
field-apiKey = API key
field-secret = secret key
field-passphrase = API passphrase
field-market = market
list-and = { $first } and { $last }
credential-ask-apiKey =
    <b>Paste the { $exchange } API key</b>{ $keyTerm }.
    I delete the message as soon as it arrives.
credential-key-term = { " " }(the { $term })
credential-ask-secret =
    <b>Now paste the secret key.</b>
    It is deleted at once and never shown again, not even partly.
credential-ask-apiKey-coinbase =
    <b>Paste the Coinbase API key name</b>: the line that starts with organizations/ and ends with apiKeys/ and the key id (for an Ed25519 key, just the key id).
    I delete the message as soon as it arrives.
credential-ask-secret-coinbase =
    <b>Now paste the private key</b>: the whole block, from -----BEGIN to -----END, as in the key file (for an Ed25519 key, its 88-character secret).
    It is deleted at once and never shown again, not even partly.
credential-ask-passphrase =
    <b>Now the API passphrase</b> you chose when you created the key on { $exchange }.
    It is deleted at once and never shown again.
credential-send-text = I need the { $field } as a text message: paste it, or tap Cancel.
credential-using-early = ✔️ I already have the { $fields } you pasted earlier.
credential-command-taken = While I wait for the { $field }, everything you send is read as it, commands too. To stop, tap Cancel or send /cancel.
credential-screenshot =
    📸 I deleted that picture. A screenshot of the API page can show your secret key, so treat this key as exposed:
    1. On { $exchange }, open API Management and create a new API key.
    2. Delete the old key there.
    3. Paste the new key here as text (not as a picture).
credential-screenshot-kept =
    📸 I could not delete that picture: please delete it yourself now. A screenshot of the API page can show your secret key, so treat this key as exposed:
    1. On { $exchange }, open API Management and create a new API key.
    2. Delete the old key there.
    3. Paste the new key here as text (not as a picture).
credential-not-deleted = ⚠️ I could not delete your message. Please delete it yourself now, and consider this key exposed: once we are done, create a new one and use /replace.
credential-forwarded = That was a forwarded message. For your safety, paste the { $field } directly instead of forwarding it. (I deleted the forwarded copy.)
credential-forwarded-kept = That was a forwarded message. For your safety, paste the { $field } directly instead of forwarding it.
credential-problem = That does not look like a valid { $field }: { $reason } Please paste it again.
credential-received = ✔️ Got the { $field } (message deleted).
credential-received-kept = ✔️ Got the { $field }. Remember to delete your message above.
key-shape-mexc = MEXC keys start with mx0
key-shape-kucoin = KuCoin keys are 24 hex characters (0-9, a-f)
key-shape-bitget = Bitget keys start with bg_
key-shape-htx = HTX keys are four groups of letters and digits joined by dashes
key-shape-coinbase = Coinbase keys are a key name (organizations/…/apiKeys/…) or a key id
key-shape-okx = OKX keys look like 8-4-4-4-12 characters joined by dashes
key-shape-binance = Binance keys are 64 letters and digits
key-shape-bybit = Bybit keys are 18 letters and digits
key-shape-gate = Gate.io keys are 32 hex characters (0-9, a-f)
wrong-exchange = 🤔 This looks like a <b>{ $found }</b> key, not a { $picked } one: { $shapes }. Did you pick the wrong exchange? (I deleted the message and kept the key until you choose.)
wrong-exchange-replace = 🤔 This looks like a <b>{ $found }</b> key, but “{ $name }” is a { $picked } connection: { $shapes }. Paste its { $picked } key, or use this one anyway.
wrong-exchange-tap = Please tap one of the buttons above, or paste another key.
format-EXPIRED = it arrived after this step had timed out.
format-UNSUPPORTED = this exchange does not offer that market here.
connect-testing = 🔎 Testing the key with { $exchange }… this takes a few seconds.
verdict-online = ✅ Connection works: read and trade permission confirmed.
verdict-offline = ❌ The connection does not work yet. Fix the items marked ❌ below:
verdict-offline-transient = ⏳ The exchange could not be checked right now (it is unavailable or busy). Your key may be fine.
verdict-unsafe = ⛔ This key can withdraw funds: it is not safe to use.
verdict-needs-confirmation = ⚠️ The key works, but { $exchange } does not show us whether it can withdraw. Check on { $exchange } that Withdraw is off on this key, then tap "✅ Withdraw is off on this key".
connect-saved-online = Saved as <b>{ $name }</b> (key { $key }). The platform can use it now.
connect-saved-offline = Saved as <b>{ $name }</b> (key { $key }), but <b>offline</b>. Fix the items above on the exchange, then tap "Test again": you do not need to type anything again.
connect-saved-needs_confirmation = Saved as <b>{ $name }</b> (key { $key }), but <b>not used yet</b>: the platform can use it once you confirm.
connect-saved-unchecked = Saved as <b>{ $name }</b> (key { $key }), but not confirmed yet because the exchange could not be checked. There is nothing to fix on your side: tap "Test again" in a few minutes, you do not need to type anything again.
connect-refused-unsafe = Nothing was saved. Delete this key on the exchange, create a new one with withdrawals turned off, then tap “🔑 Try another key”: the exchange, market and name are kept.
connect-refused-unproven = Nothing was saved: the exchange did not accept this key, so it could not confirm the key is yours. Fix the items marked ❌ above, then tap “🔑 Try another key” and paste it again (or a new one): the exchange, market and name are kept.
connect-refused-unreachable = Nothing was saved: the exchange could not be reached to confirm this key is yours. There is nothing to fix on your side: send /connect again in a few minutes.
connect-nothing-saved = Nothing was saved. Try /connect again.
connect-nothing-saved-retry = Nothing was saved. Tap “🔑 Try another key” to paste a different key: the exchange, market and name are kept.
retry-intro = 🔑 Another key for <b>{ $name }</b> ({ $exchange } · { $market }).
replace-intro = New credentials for <b>{ $name }</b> ({ $exchange }). The current key stays stored until the new one passes the test.
replace-saved-online = <b>{ $name }</b> now uses the new key ({ $key }). The old credentials were erased.
replace-saved-offline = <b>{ $name }</b> now uses the new key ({ $key }).
replace-saved-needs_confirmation = <b>{ $name }</b> now uses the new key ({ $key }). The old credentials were erased. The platform can use the new key once you confirm.
replace-saved-unchecked = <b>{ $name }</b> now uses the new key ({ $key }), not confirmed yet because the exchange could not be checked.
replace-refused-unsafe = The new key can withdraw funds, so it was not saved. Your previous key is unchanged. Tap “🔑 Try another key” to paste one without withdrawals.
replace-refused-not-online = The new key did not pass the test, so it was not saved. Your previous key is unchanged. Fix the items marked ❌ above, then tap “🔑 Try another key”.
replace-nothing-saved = Nothing was changed.
replace-nothing-saved-retry = Nothing was changed. Tap “🔑 Try another key” to paste a different one.
rename-ask = Send the new name for <b>{ $name }</b>.
rename-done = Renamed <b>{ $from }</b> to <b>{ $to }</b>.

## Flow rules
flow-cancelled = Cancelled. Nothing was saved, and anything you sent was erased. /connect to start again.
flow-button-stale = This button belongs to an earlier message.
flow-finish-first = Please finish the current step first, or send /cancel.
flow-edit-ignored = I do not read edited messages: please send a new message instead.
flow-command-mid-flow = You are in the middle of a setup: answer the last question, or send /cancel to stop. That command was not run.
flow-restart-offer = You are in the middle of a setup. Start a new one from the beginning, or continue where you were?
flow-credential-not-now = I deleted that message because it looked like a key or secret. Please paste credentials only when I ask for them.
flow-credential-kept-name = ✔️ Got your { $fields } (message deleted). I'll use that after the name: type a name, or tap the button.
flow-credential-kept-later = ✔️ I deleted that message and set it aside: once you pick the exchange, I'll check it and use it at the key step if it fits.
flow-credential-foreign = 🤔 I deleted that message: it looks like a <b>{ $found }</b> key, and you picked { $picked }. I set it aside and will ask you about it at the key step.
flow-credential-kept = ✔️ Got your { $fields } (message deleted). I'll use that when we reach the key step: first answer the question above.
command-credential-deleted = I deleted that message: it carried what looks like an API key or secret. Never type keys after a command: /connect asks for each one and deletes it at once.
command-credential-not-deleted = That message carries what looks like an API key or secret, and I could not delete it. Please delete it yourself now and treat the key as exposed: create a new one on the exchange and delete this one.
flow-tap-button = Please tap one of the buttons above, or send /cancel.
flow-ended = This setup has ended (it timed out or the bot restarted). Send /connect to start again.
flow-over-connected = Setup finished: “{ $name }” is connected.
flow-over-saved = Setup finished: “{ $name }” was saved, and it is { $status } now. /status shows why.
flow-over-waiting = Setup finished: “{ $name }” was saved and waits for you to confirm that Withdraw is off on this key: /status opens it.
flow-over-deleted = Setup finished, but that connection has been deleted since.
flow-over-replaced = Done: “{ $name }” uses its new key.
flow-over-renamed = Done: this connection is now called “{ $name }”.
flow-over-refused = That setup is over: the key was refused and nothing was saved. Send /connect to try another key.
flow-over-nothing = That setup is over and nothing was saved. Send /connect to start again.
flow-over-cancelled = You cancelled that setup. Send /connect to start a new one.
flow-timeout = ⌛ The setup was closed after a long pause. Nothing was saved and anything you sent was erased. Send /connect to start again.
button-unknown = This button is no longer valid.
cancel-nothing = There is nothing to cancel.

## Connections, status, test
connection-key = Key: <code>{ $key }</code>
connection-status = State: { $status }
connection-tested = Last test: { $when }
connection-never-tested = Not tested yet.
connection-all-pass = All checks passed.
connection-paused-badge = ⏸ paused
connection-platform-paused = ⏸ Paused: the platform cannot use it (/resume to undo).
connection-platform-used = Platform: last read the key { $when }.
connection-platform-unused = Platform: has not used it yet.
connection-withdraw-confirmed = Withdraw off: confirmed by you on { $when }.
connection-not-found = You have no connection with that name. Pick one:
status-online = Online
status-checking = Checking (the exchange did not answer; retrying)
status-offline = Offline
status-unsafe = Unsafe (withdrawal enabled, not used)
status-untested = Untested
status-needs_confirmation = Needs your confirmation (not used until you confirm Withdraw is off)
status-more = …and { $count } more. Use /status name for one connection.
status-short-online = online
status-short-checking = checking
status-short-offline = offline
status-short-unsafe = unsafe
status-short-untested = untested
status-short-needs_confirmation = needs your confirmation
list-tested = tested { $when }
status-list-title = <b>Your connections ({ $count })</b>
status-list-hint = Tap a connection for its details and fixes.
report-passed = Passed: { $checks }
report-withdraw-confirmed = Withdrawal disabled (confirmed by you on { $when })
report-skipped = Not checked, because { $blocker } failed first: { $checks }.
name-market-spot = spot
name-market-futures = futures
name-market-both = spot+futures
connections-title = <b>Your connections ({ $count })</b>
connections-hint = Tap a connection for its details, or use /test &lt;name&gt; to test one now.
no-connections = You have no connections yet. Send /connect to add one.
pick-test = Which connection do you want to test?
pick-status = Which connection?
pick-rename = Which connection do you want to rename?
pick-replace = Which connection gets new credentials?
pick-delete = Which connection do you want to delete?
pick-pause = Which connection should the platform stop using?
pick-resume = Which connection may the platform use again?
test-running = 🔎 Testing <b>{ $name }</b>…
test-head = <b>{ $name }</b>: { $status }
test-started = Testing…
button-connection-deleted = That connection was deleted, so this button does nothing any more.
delete-confirm = Delete <b>{ $name }</b>? Its stored keys are erased and the platform stops using it. This cannot be undone.
delete-done = <b>{ $name }</b> was deleted and its keys erased. Also delete the API key on the exchange if you no longer need it.
delete-kept = Nothing was deleted.
pause-done = ⏸ <b>{ $name }</b> is paused: the platform can no longer read its key, starting now. /resume to undo.
pause-already = <b>{ $name }</b> is already paused. /resume lets the platform use it again.
resume-done = ▶️ <b>{ $name }</b> is no longer paused: the platform can use it again.
resume-done-not-online = ▶️ <b>{ $name }</b> is no longer paused. It is { $status } now, so the platform will use it only once it is Online again.
confirm-withdraw-done = ✅ Thank you. You confirmed on { $when } that Withdraw is off on <b>{ $name }</b> (key { $key }). It is <b>Online</b>: the platform can use it now.
confirm-withdraw-done-paused = ✅ Thank you. You confirmed on { $when } that Withdraw is off on <b>{ $name }</b> (key { $key }). It is Online but paused: /resume lets the platform use it.
confirm-withdraw-already = You already confirmed this key.
confirm-withdraw-not_needed = { $name } is not waiting for a confirmation.
confirm-withdraw-stale = This button was for an earlier key of { $name }. Open /status { $name } to see the current one.
resume-already = <b>{ $name }</b> is not paused: the platform may already use it.

## Buttons
button-cancel = ✖️ Cancel
button-key-ready = ✅ I have created the key
button-use-name = Use "{ $name }"
button-switch-exchange = 🔁 Switch to { $exchange }
button-keep-exchange = Keep { $exchange }
button-use-anyway = Use it anyway
button-restart = 🔄 Start over
button-continue = ▶️ Continue
button-test-again = 🔁 Test again
button-replace = 🔑 Enter a new key
button-try-another-key = 🔑 Try another key
button-confirm-withdraw = ✅ Withdraw is off on this key
button-open-api-page = 🌐 { $exchange } API Management
button-delete-yes = 🗑 Yes, delete
button-delete-no = Keep it
button-connect = ➕ Connect an exchange
button-notify-on = 🔔 Turn notifications on
button-notify-off = 🔕 Turn notifications off

## Settings
settings-text =
    <b>Settings</b>
    Language: { $language }
    Notifications: { $notifications }
settings-on = on
settings-off = off
settings-saved = Saved.
language-en = English
language-pt-BR = Português (Brasil)

## Group chats and stray messages
group-refused = For your security, connections are set up only in a private chat with me: { $link }
group-credential-deleted = ⚠️ That looked like an API key or secret, so I deleted it. Anyone in this group may have seen it: delete that key on the exchange and create a new one, in a private chat with me.
group-credential-not-deleted = ⚠️ That looks like an API key or secret. I cannot delete it here: delete it yourself, then delete that key on the exchange and create a new one.
stray-credential-deleted = I deleted that message because it looked like a key or secret, but no setup was waiting for it (it may have timed out or the bot restarted). Send /connect to start again.
stray-credential-not-deleted = That looks like a key or secret, but no setup was waiting for it. Please delete the message, and send /connect to start again.
unknown-command = I do not know that command. /help lists what I can do.
fallback = I did not understand that. /connect adds an exchange, /help lists everything.

## Errors
error-NOT_FOUND = That connection does not exist (or is not yours).
error-NAME_TAKEN = You already have a connection called "{ $name }". Please choose another name.
error-NAME_INVALID = That name cannot be used.
error-KEY_ALREADY_CONNECTED = This API key is already connected. Each key can be connected once: create a separate key for each connection.
error-KEY_ALREADY_YOURS = This API key is already connected as your connection "{ $name }". Each key can be connected once: create a separate key for each connection.
error-CONNECTION_LIMIT = You already have { $max } connections, the most one account can have. Delete one you no longer use with /delete, then try again.
error-CONNECT_QUOTA = You have tried { $limit } new keys in the last hour, the most we allow. You can try again in { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }.
error-TEST_QUOTA = You have run { $limit } tests in the last hour, the most we allow. You can test again in { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }. Our background checks keep running meanwhile.
error-INVALID_FORMAT = Something you entered has the wrong format.
error-UNSAFE_KEY = This key can withdraw funds and cannot be used.
error-BUSY = That connection is being tested right now. Try again in a moment.
error-SEAL_FAILED = The stored credentials of this connection cannot be read any more. Please use /replace to enter them again.
error-CONFIG_INVALID = The bot is misconfigured. Please tell the operator.
error-STORAGE_FAILED = Saving failed. Please try again.
error-generic = Sorry, something went wrong on our side. Nothing you sent was lost or shown; please try again.
