## Gate.io: a correção de cada diagnóstico (chaves diag-<CODE>-fix-gate, esquema em diagnosis.ftl).
## Texto puro, passos numerados; variáveis como em diagnosis.ftl.

## INVALID_KEY
diag-INVALID_KEY-fix-gate =
    1. Entre em gate.io, abra o ícone do perfil (canto superior direito) e escolha Gerenciamento de API (API Management).
    2. Confira se a chave aparece na lista (uma chave APIv4). Se não aparecer, crie uma nova.
    3. Copie a API Key de novo pelo botão de copiar, sem selecionar o texto à mão.

## KEY_REJECTED
diag-KEY_REJECTED-fix-gate =
    1. Chave: abra Gerenciamento de API em gate.io e confira se esta chave aparece. Se não, crie uma nova e use-a aqui.
    2. IP: se a chave estiver vinculada a IPs, adicione: { $ips }
    3. Permissões: Spot Trade em Leitura e escrita, Conta (Account) em Somente leitura, saques desligados.

## KEY_EXPIRED
diag-KEY_EXPIRED-fix-gate =
    1. A Gate mantém uma chave sem IP vinculado por só 90 dias. Abra Gerenciamento de API em gate.io e crie uma chave APIv4 nova.
    2. Deixe Spot Trade em Leitura e escrita e Conta (Account) em Somente leitura, saques desligados, e vincule os IPs dos nossos servidores: { $ips }

## KEY_OUTDATED
diag-KEY_OUTDATED-fix-gate =
    1. A Gate não aceita mais chaves APIv2. Abra Gerenciamento de API em gate.io e crie uma chave APIv4 com Spot Trade em Leitura e escrita e Conta em Somente leitura.

## KEY_WRONG_ENVIRONMENT
diag-KEY_WRONG_ENVIRONMENT-fix-gate =
    1. Confira se a chave foi criada para a conta clássica em gate.io: uma chave de TestNet não funciona aqui.
    2. Copie a API Key de novo pelo botão de copiar e use-a aqui.

## INVALID_SECRET
diag-INVALID_SECRET-fix-gate =
    1. A Gate mostra o Secret uma única vez, logo depois de criar a chave.
    2. Se você não guardou, abra Gerenciamento de API em gate.io, apague esta chave e crie uma nova.
    3. Copie o novo Secret pelo botão de copiar e guarde em lugar seguro.

## INVALID_PASSPHRASE
diag-INVALID_PASSPHRASE-fix-gate =
    1. Chaves da Gate não têm passphrase: só a API Key e o Secret.

## NO_READ_PERMISSION
diag-NO_READ_PERMISSION-fix-gate =
    1. Abra Gerenciamento de API em gate.io e clique em Editar ao lado desta chave.
    2. Deixe Spot Trade em Leitura e escrita (Somente leitura deixa ver o saldo, mas não negociar).
    3. Mantenha os saques desligados, salve e confirme com a senha de fundos e o 2FA.

## NO_TRADE_PERMISSION
diag-NO_TRADE_PERMISSION-fix-gate =
    1. Abra Gerenciamento de API em gate.io e clique em Editar ao lado desta chave.
    2. Deixe Spot Trade em Leitura e escrita.
    3. Mantenha os saques desligados, salve e confirme com a senha de fundos e o 2FA.

## NO_FUTURES_PERMISSION
diag-NO_FUTURES_PERMISSION-fix-gate =
    1. Abra Gerenciamento de API em gate.io e clique em Editar ao lado desta chave.
    2. Deixe Futuros Perpétuos (Perpetual Futures) em Leitura e escrita.
    3. Confira se sua conta de futuros perpétuos em USDT está aberta na Gate, depois salve e confirme.

## WITHDRAW_ENABLED
diag-WITHDRAW_ENABLED-fix-gate =
    1. Abra Gerenciamento de API em gate.io e apague esta chave.
    2. Crie uma chave APIv4 NOVA com Spot Trade em Leitura e escrita, Conta em Somente leitura e saques desligados.
    3. Vincule nossos endereços IP a ela.

## WITHDRAW_UNVERIFIED
diag-WITHDRAW_UNVERIFIED-fix-gate =
    1. A Gate não informa se uma chave pode sacar, então confira você mesmo.
    2. Abra Gerenciamento de API em gate.io e veja esta chave: os saques devem estar desligados (deixe Carteira, Wallet, em Somente leitura ou desmarcada).
    3. Se ela puder sacar, apague-a e crie uma chave nova sem essa permissão.

## FUTURES_UNVERIFIED
diag-FUTURES_UNVERIFIED-fix-gate =
    1. Sua conta de futuros responde, mas sem a permissão Conta (Account) não conseguimos ler se esta chave pode negociar futuros.
    2. Abra Gerenciamento de API em gate.io, clique em Editar ao lado desta chave e deixe Conta em Somente leitura (e Futuros Perpétuos em Leitura e escrita).

## IP_NOT_ALLOWED
diag-IP_NOT_ALLOWED-fix-gate =
    1. Abra Gerenciamento de API em gate.io e clique em Editar ao lado desta chave.
    2. Em Permissões de IP (IP Permissions), adicione: { $ips }
    3. Salve e confirme.

## IP_WHITELIST_MISSING
diag-IP_WHITELIST_MISSING-fix-gate =
    1. Abra Gerenciamento de API em gate.io e clique em Editar ao lado desta chave.
    2. Em Permissões de IP (IP Permissions), vincule os IPs dos nossos servidores: { $ips }
    3. Salve e confirme. Uma chave da Gate sem IP vinculado vale por só 90 dias.

## CLOCK_SKEW
diag-CLOCK_SKEW-fix-gate =
    1. Nada a mudar na Gate.

## RATE_LIMITED
diag-RATE_LIMITED-fix-gate =
    1. Nada a mudar na Gate.
    2. Se outro app usa muito a mesma chave, dê ao bot uma chave só dele.

## EXCHANGE_UNAVAILABLE
diag-EXCHANGE_UNAVAILABLE-fix-gate =
    1. Nada a mudar na Gate.
    2. Veja os anúncios da Gate sobre manutenção. Seguimos verificando em segundo plano.

## ACCOUNT_RESTRICTED
diag-ACCOUNT_RESTRICTED-fix-gate =
    1. A Gate diz que a conta está bloqueada. Entre em gate.io e leia os avisos da sua conta e do seu e-mail.
    2. Conclua qualquer verificação que a Gate pedir ou fale com o suporte da Gate.

## UNKNOWN
diag-UNKNOWN-fix-gate =
    1. Se continuar falhando por alguns minutos, crie uma nova chave em Gerenciamento de API em gate.io e use-a aqui.

## IP_UNVERIFIED
diag-IP_UNVERIFIED-fix-gate =
    1. Sem a permissão Conta (Account) a Gate não nos mostra a lista de IPs desta chave.
    2. Abra Gerenciamento de API em gate.io e confira se estes IPs estão vinculados à chave: { $ips }
    3. Para podermos verificar, deixe Conta em Somente leitura na chave.

## KEY_EXPIRES
diag-KEY_EXPIRES-fix-gate =
    1. A Gate mantém uma chave sem IP vinculado por 90 dias depois de criada: esta para de funcionar por volta de { $date }.
    2. Abra Gerenciamento de API em gate.io, clique em Editar ao lado desta chave e vincule os IPs dos nossos servidores: { $ips }
    3. Salve. Se a data continuar, crie uma chave nova antes de { $date } e use-a aqui.

## KEY_EXPIRY_RULE
diag-KEY_EXPIRY_RULE-fix-gate =
    1. Uma chave da Gate sem IP vinculado vale por 90 dias. Sem a permissão Conta (Account) não vemos se esta tem IPs nem quando foi criada.
    2. Abra Gerenciamento de API em gate.io, clique em Editar ao lado desta chave e vincule os IPs dos nossos servidores: { $ips }

## PERMISSIONS_UNVERIFIED
diag-PERMISSIONS_UNVERIFIED-fix-gate =
    1. A Gate só mostra as permissões de uma chave a chaves com a permissão Conta (Account), e esta chave não a tem.
    2. Abra Gerenciamento de API em gate.io, clique em Editar ao lado desta chave e deixe Conta em Somente leitura (ela só nos deixa ler a lista de chaves).
    3. Confira se Spot Trade está em Leitura e escrita, salve.
