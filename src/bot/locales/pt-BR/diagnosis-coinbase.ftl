## Coinbase: a correção de cada diagnóstico (chaves diag-<CODE>-fix-coinbase, esquema em diagnosis.ftl).
## Texto puro, passos numerados; variáveis como em diagnosis.ftl.

## INVALID_KEY
diag-INVALID_KEY-fix-coinbase =
    1. Abra a página API Keys do Coinbase Developer Platform (portal.cdp.coinbase.com) e confira se a chave aparece. Se não, crie uma nova Secret API key.
    2. Cole o nome da chave: a linha que começa com organizations/ e termina com o id da chave (ou, numa chave Ed25519, o id da chave).

## KEY_REJECTED
diag-KEY_REJECTED-fix-coinbase =
    1. A Coinbase recusou a requisição sem dizer por quê. Confira, nesta ordem:
    2. Nome da chave: cole o nome exatamente como no arquivo que a Coinbase deu (organizations/.../apiKeys/..., ou o id da chave numa Ed25519); em API Keys em portal.cdp.coinbase.com confira se a chave ainda existe.
    3. Chave privada: cole o bloco inteiro, de -----BEGIN a -----END, da MESMA chave (ou o secret de 88 caracteres numa Ed25519). Se você a perdeu, crie uma chave nova.
    4. IP: se a chave tem lista de IPs permitidos, adicione: { $ips }
    5. Relógio: se 'Exchange acessível' acima avisa sobre o relógio, a falha é nossa e passa quando nosso relógio for corrigido.

## KEY_EXPIRED
diag-KEY_EXPIRED-fix-coinbase =
    1. Crie uma nova Secret API key em a página API Keys do Coinbase Developer Platform (portal.cdp.coinbase.com): View e Trade, sem Transfer.

## KEY_OUTDATED
diag-KEY_OUTDATED-fix-coinbase =
    1. As chaves antigas da Coinbase (uma chave curta e um secret das configurações de coinbase.com) não funcionam mais no Advanced Trade. Crie uma Secret API key do CDP em a página API Keys do Coinbase Developer Platform (portal.cdp.coinbase.com), com View e Trade e sem Transfer.

## KEY_WRONG_ENVIRONMENT
diag-KEY_WRONG_ENVIRONMENT-fix-coinbase =
    1. Confira se a chave é uma Secret API key da sua conta Coinbase criada em a página API Keys do Coinbase Developer Platform (portal.cdp.coinbase.com), não uma chave de sandbox ou de outro produto da Coinbase.

## INVALID_SECRET
diag-INVALID_SECRET-fix-coinbase =
    1. A chave privada não pertence a este nome de chave. A Coinbase só a mostra uma vez, no arquivo que você baixou ao criar a chave.
    2. Se você a perdeu, apague a chave em API Keys em portal.cdp.coinbase.com e crie uma nova.

## INVALID_PASSPHRASE
diag-INVALID_PASSPHRASE-fix-coinbase =
    1. Chaves CDP da Coinbase não têm passphrase: só o nome da chave e a chave privada.

## NO_READ_PERMISSION
diag-NO_READ_PERMISSION-fix-coinbase =
    1. A chave não tem View. A Coinbase não deixa mudar as permissões de uma chave existente: crie uma nova Secret API key em a página API Keys do Coinbase Developer Platform (portal.cdp.coinbase.com).
    2. Marque View e Trade, deixe Transfer desmarcado.

## NO_TRADE_PERMISSION
diag-NO_TRADE_PERMISSION-fix-coinbase =
    1. A chave não tem Trade. Crie uma nova Secret API key em a página API Keys do Coinbase Developer Platform (portal.cdp.coinbase.com).
    2. Marque View e Trade, deixe Transfer desmarcado.

## NO_FUTURES_PERMISSION
diag-NO_FUTURES_PERMISSION-fix-coinbase =
    1. A Coinbase não encontrou conta de futuros no portfólio desta chave (futuros pela Coinbase Financial Markets, onde disponível).
    2. Abra a negociação de futuros na sua conta Coinbase, ou crie a chave para o portfólio que a tem, com View e Trade.

## WITHDRAW_ENABLED
diag-WITHDRAW_ENABLED-fix-coinbase =
    1. Esta chave tem Transfer, que envia fundos para fora da Coinbase. Apague-a em API Keys em portal.cdp.coinbase.com.
    2. Crie uma Secret API key NOVA só com View e Trade (assinatura ECDSA), Transfer desmarcado.

## WITHDRAW_UNVERIFIED
diag-WITHDRAW_UNVERIFIED-fix-coinbase =
    1. A Coinbase não disse se esta chave pode fazer Transfer, então não conseguimos provar que está desligado.
    2. Em API Keys em portal.cdp.coinbase.com, confira as permissões desta chave: Transfer não pode estar entre elas.
    3. Se estiver, apague a chave, crie outra sem ele e use-a aqui.

## FUTURES_UNVERIFIED
diag-FUTURES_UNVERIFIED-fix-coinbase =
    1. Sua conta de futuros responde, mas a Coinbase não disse se esta chave pode negociar (Trade).
    2. Em API Keys em portal.cdp.coinbase.com, confira se esta chave tem Trade.

## IP_NOT_ALLOWED
diag-IP_NOT_ALLOWED-fix-coinbase =
    1. Em API Keys em portal.cdp.coinbase.com, edite a lista de IPs permitidos desta chave.
    2. Adicione: { $ips }
    3. Salve.

## IP_WHITELIST_MISSING
diag-IP_WHITELIST_MISSING-fix-coinbase =
    1. Em API Keys em portal.cdp.coinbase.com, dê a esta chave uma lista de IPs permitidos.
    2. Adicione nossos servidores: { $ips }

## CLOCK_SKEW
diag-CLOCK_SKEW-fix-coinbase =
    1. Nada a mudar na Coinbase. A Coinbase recusa requisições assinadas com a hora errada, e o relógio do nosso servidor está errado.

## RATE_LIMITED
diag-RATE_LIMITED-fix-coinbase =
    1. Nada a mudar na Coinbase.
    2. Se outro app usa muito a mesma chave, dê ao bot uma chave só dele.

## EXCHANGE_UNAVAILABLE
diag-EXCHANGE_UNAVAILABLE-fix-coinbase =
    1. Nada a mudar na Coinbase.
    2. Veja status.coinbase.com para incidentes. Seguimos verificando em segundo plano.

## ACCOUNT_RESTRICTED
diag-ACCOUNT_RESTRICTED-fix-coinbase =
    1. Entre em coinbase.com e leia os avisos da sua conta e do seu e-mail.
    2. Conclua qualquer verificação que a Coinbase pedir ou fale com o suporte da Coinbase.

## UNKNOWN
diag-UNKNOWN-fix-coinbase =
    1. Se continuar falhando por alguns minutos, crie uma nova Secret API key em API Keys em portal.cdp.coinbase.com e use-a aqui.

## IP_UNVERIFIED
diag-IP_UNVERIFIED-fix-coinbase =
    1. A Coinbase não mostra a lista de IPs permitidos de uma chave. Se você definiu uma, confira se estes estão nela: { $ips }
    2. Se a chave não tem lista, considere criar uma em API Keys em portal.cdp.coinbase.com: uma chave limitada aos nossos IPs não serve a quem a roubar.

## KEY_EXPIRES
diag-KEY_EXPIRES-fix-coinbase =
    1. Crie uma nova Secret API key em a página API Keys do Coinbase Developer Platform (portal.cdp.coinbase.com) antes de { $date }, com View e Trade, Transfer desmarcado.

## KEY_EXPIRY_RULE
diag-KEY_EXPIRY_RULE-fix-coinbase =
    1. Em API Keys em portal.cdp.coinbase.com, dê a esta chave uma lista de IPs permitidos com nossos servidores: { $ips }

## PERMISSIONS_UNVERIFIED
diag-PERMISSIONS_UNVERIFIED-fix-coinbase =
    1. A Coinbase não disse se esta chave pode negociar (Trade).
    2. Em API Keys em portal.cdp.coinbase.com, confira se esta chave tem View e Trade e não tem Transfer.
