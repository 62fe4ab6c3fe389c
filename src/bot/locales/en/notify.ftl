## Push notifications from the connection monitor (src/monitor, sent by src/bot/notify-sender.ts).
## Sent with HTML parse mode (<b>, <i> only). $name is escaped by the code; $exchange is the
## exchange's brand label; $since is a UTC time such as "2026-11-25 14:05 UTC"; $date (expiry reminders) a day such as "2026-12-07". The failing
## checks, each with its cause and fix from diagnosis.ftl, are appended below the text.
## Keys are identical in every locale (a test enforces parity).

notify-offline =
    🔴 <b>{ $name }</b> ({ $exchange }) is <b>offline</b>: the platform cannot trade with it until it is fixed.
    Here is what we found and how to fix it:
notify-offline-exchange =
    🔴 <b>{ $name }</b> ({ $exchange }) is <b>offline</b>: { $exchange } has not answered our last checks, so the platform cannot trade through it right now.
    Your key may be fine. We keep checking and will tell you when it is back.
notify-unsafe =
    ⛔ <b>Urgent: { $name }</b> ({ $exchange }) can now <b>withdraw funds</b>.
    We stopped using this key. Delete it on { $exchange } right away and connect a new key without withdrawal permission.
notify-recovered =
    🟢 <b>{ $name }</b> ({ $exchange }) is <b>back online</b>. The platform can trade with it again.
notify-reminder =
    🔴 Reminder: <b>{ $name }</b> ({ $exchange }) is still <b>offline</b> (since { $since }).
    Here is what is still wrong:
notify-expiry =
    ⏳ <b>{ $name }</b> ({ $exchange }): this API key stops working for trading on <b>{ $date }</b>, as { $exchange } states. Fix it before then so the platform keeps trading:
notify-stopped =
    🔕 We <b>stopped checking { $name }</b> ({ $exchange }): { $exchange } refused its credentials several times in a row, so the key was probably deleted or changed on the exchange.
    The platform cannot trade with it. Here is what { $exchange } said:
notify-footer-fix = After fixing it, tap "Test again".
notify-footer-stopped = To fix it, enter a new key with /replace { $name }, or, if you fixed the key on the exchange, tap "Test again": a passing test turns checking back on.
notify-footer-settings = Turn these messages off in /settings.
notify-button-test = 🔁 Test again
notify-button-replace = 🔑 Enter a new key
