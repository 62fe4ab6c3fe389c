## HTX: a correção de cada diagnóstico (chaves diag-<CODE>-fix-htx, esquema em diagnosis.ftl).
## Texto puro, passos numerados; variáveis como em diagnosis.ftl.

## INVALID_KEY
diag-INVALID_KEY-fix-htx =
    1. Entre em htx.com, abra o ícone do perfil (canto superior direito) e escolha Gerenciamento de API (API Management).
    2. Confira se a chave aparece na lista. Se não aparecer, crie uma nova.
    3. Copie a Access Key de novo pelo botão de copiar, sem selecionar o texto à mão.

## KEY_REJECTED
diag-KEY_REJECTED-fix-htx =
    1. Chave: abra Gerenciamento de API em htx.com e confira se esta chave aparece. Se não, crie uma nova e use-a aqui.
    2. IP: se a chave estiver vinculada a IPs, adicione: { $ips }
    3. Permissões: Somente leitura e Negociar marcados, Saque desmarcado.

## KEY_EXPIRED
diag-KEY_EXPIRED-fix-htx =
    1. Esta chave da HTX expirou: a HTX desativa uma chave de negociação sem IP vinculado depois de 90 dias sem uso.
    2. Abra Gerenciamento de API em htx.com e crie uma chave nova com Somente leitura e Negociar, Saque desmarcado, vinculada aos IPs dos nossos servidores: { $ips } (uma chave vinculada não expira).

## KEY_OUTDATED
diag-KEY_OUTDATED-fix-htx =
    1. Abra Gerenciamento de API em htx.com e crie uma chave nova com Somente leitura e Negociar, Saque desmarcado.

## KEY_WRONG_ENVIRONMENT
diag-KEY_WRONG_ENVIRONMENT-fix-htx =
    1. Confira se a chave foi criada em htx.com com sua conta principal, não em outro site da HTX.
    2. Copie a Access Key de novo pelo botão de copiar e use-a aqui.

## INVALID_SECRET
diag-INVALID_SECRET-fix-htx =
    1. A HTX respondeu "Verification failure": a Secret Key não corresponde a esta Access Key.
    2. A HTX mostra a Secret Key uma única vez, logo depois de criar a chave. Se você não guardou, abra Gerenciamento de API em htx.com, apague esta chave e crie uma nova.
    3. Copie a nova Secret Key pelo botão de copiar e guarde em lugar seguro.

## INVALID_PASSPHRASE
diag-INVALID_PASSPHRASE-fix-htx =
    1. Chaves da HTX não têm passphrase: só a Access Key e a Secret Key.

## NO_READ_PERMISSION
diag-NO_READ_PERMISSION-fix-htx =
    1. A HTX respondeu "API key has no permission": a chave não consegue ler a conta.
    2. Abra Gerenciamento de API em htx.com, clique em Editar ao lado desta chave e marque Somente leitura (Read-only).
    3. Mantenha Saque (Withdraw) desmarcado, salve e confirme com seus códigos de verificação.

## NO_TRADE_PERMISSION
diag-NO_TRADE_PERMISSION-fix-htx =
    1. Abra Gerenciamento de API em htx.com e clique em Editar ao lado desta chave.
    2. Marque Negociar (Trade).
    3. Mantenha Saque (Withdraw) desmarcado, salve e confirme com seus códigos de verificação.

## NO_FUTURES_PERMISSION
diag-NO_FUTURES_PERMISSION-fix-htx =
    1. Abra a negociação de futuros em htx.com (Futuros, depois abra a conta de contratos e aceite os termos): a HTX diz que a negociação de contratos não está aberta nesta conta.
    2. Em Gerenciamento de API em htx.com, confira se esta chave tem Negociar (Trade) marcado.

## WITHDRAW_ENABLED
diag-WITHDRAW_ENABLED-fix-htx =
    1. Abra Gerenciamento de API em htx.com e apague esta chave (ela tem Saque).
    2. Crie uma chave NOVA com Somente leitura e Negociar, Saque desmarcado.
    3. Vincule nossos endereços IP a ela.

## WITHDRAW_UNVERIFIED
diag-WITHDRAW_UNVERIFIED-fix-htx =
    1. A HTX não nos mostrou todas as permissões desta chave, então não conseguimos provar que o saque está desligado.
    2. Abra Gerenciamento de API em htx.com e veja esta chave: Saque (Withdraw) deve estar desmarcado.
    3. Se estiver marcado, apague a chave, crie outra sem ele e use-a aqui.

## FUTURES_UNVERIFIED
diag-FUTURES_UNVERIFIED-fix-htx =
    1. Sua conta na HTX não é uma conta unificada, e o saldo de futuros que lemos só responde para contas unificadas, então a negociação de futuros não pôde ser provada.
    2. Confira em htx.com se a negociação de contratos está aberta e, em Gerenciamento de API em htx.com, se esta chave tem Negociar marcado.

## IP_NOT_ALLOWED
diag-IP_NOT_ALLOWED-fix-htx =
    1. Abra Gerenciamento de API em htx.com e clique em Editar ao lado desta chave.
    2. Nos endereços IP vinculados, adicione: { $ips }
    3. Salve e confirme.

## IP_WHITELIST_MISSING
diag-IP_WHITELIST_MISSING-fix-htx =
    1. Abra Gerenciamento de API em htx.com e clique em Editar ao lado desta chave.
    2. Vincule a chave aos IPs dos nossos servidores: { $ips }
    3. Salve e confirme. A HTX desativa chaves de negociação sem IP depois de 90 dias sem uso; uma chave vinculada não expira.

## CLOCK_SKEW
diag-CLOCK_SKEW-fix-htx =
    1. Nada a mudar na HTX.

## RATE_LIMITED
diag-RATE_LIMITED-fix-htx =
    1. Nada a mudar na HTX.
    2. Se outro app usa muito a mesma chave, dê ao bot uma chave só dele.

## EXCHANGE_UNAVAILABLE
diag-EXCHANGE_UNAVAILABLE-fix-htx =
    1. Nada a mudar na HTX.
    2. Veja os anúncios da HTX sobre manutenção. Seguimos verificando em segundo plano.

## ACCOUNT_RESTRICTED
diag-ACCOUNT_RESTRICTED-fix-htx =
    1. Entre em htx.com e leia os avisos da sua conta e do seu e-mail.
    2. Conclua qualquer verificação que a HTX pedir ou fale com o suporte da HTX.

## UNKNOWN
diag-UNKNOWN-fix-htx =
    1. Se continuar falhando por alguns minutos, crie uma nova chave em Gerenciamento de API em htx.com e use-a aqui.

## IP_UNVERIFIED
diag-IP_UNVERIFIED-fix-htx =
    1. A HTX não nos mostrou o registro desta chave, então não vemos a lista de IPs dela.
    2. Abra Gerenciamento de API em htx.com e confira se estes IPs estão vinculados à chave: { $ips }

## KEY_EXPIRES
diag-KEY_EXPIRES-fix-htx =
    1. A HTX diz que esta chave vale até { $date } porque não há IP vinculado (cada uso empurra a data 90 dias para frente).
    2. Abra Gerenciamento de API em htx.com, clique em Editar ao lado desta chave e vincule os IPs dos nossos servidores: { $ips }
    3. Salve: uma chave vinculada não expira.

## KEY_EXPIRY_RULE
diag-KEY_EXPIRY_RULE-fix-htx =
    1. A HTX desativa uma chave com Negociar ou Saque e sem IP vinculado depois de 90 dias sem uso. Não conseguimos ler a data desta chave.
    2. Abra Gerenciamento de API em htx.com, clique em Editar ao lado desta chave e vincule os IPs dos nossos servidores: { $ips }

## PERMISSIONS_UNVERIFIED
diag-PERMISSIONS_UNVERIFIED-fix-htx =
    1. A HTX aceitou a chave mas não a listou entre as chaves da sua conta (por exemplo, a chave de uma subconta), então não conseguimos ler as permissões dela.
    2. Abra Gerenciamento de API em htx.com e confira esta chave: Somente leitura e Negociar marcados, Saque desmarcado.
    3. Para uma verificação completa, crie a chave na conta principal e use-a aqui.
