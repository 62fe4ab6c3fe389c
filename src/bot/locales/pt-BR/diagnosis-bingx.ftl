## BingX: a correção de cada diagnóstico (chaves diag-<CODE>-fix-bingx, esquema em diagnosis.ftl).
## Texto puro, passos numerados; variáveis como em diagnosis.ftl.

## INVALID_KEY
diag-INVALID_KEY-fix-bingx =
    1. Entre em bingx.com, abra o ícone do perfil (canto superior direito) e escolha Gerenciamento de API (API Management).
    2. Confira se a chave aparece na lista. Se não aparecer, crie uma nova.
    3. Copie a API Key de novo pelo botão de copiar, sem selecionar o texto à mão.

## KEY_REJECTED
diag-KEY_REJECTED-fix-bingx =
    1. Chave: abra Gerenciamento de API em bingx.com e confira se esta chave aparece. Se não, crie uma nova e use-a aqui.
    2. IP: se a chave estiver vinculada a IPs, adicione: { $ips }
    3. Permissões: Leitura e Spot Trading marcados, Saque desmarcado.

## KEY_EXPIRED
diag-KEY_EXPIRED-fix-bingx =
    1. A BingX apaga chaves de negociação sem IP depois de 14 dias sem uso. Abra Gerenciamento de API em bingx.com e crie uma chave nova.
    2. Marque Leitura e Spot Trading, deixe Saque desmarcado e vincule os IPs dos nossos servidores: { $ips }

## KEY_OUTDATED
diag-KEY_OUTDATED-fix-bingx =
    1. Abra Gerenciamento de API em bingx.com e crie uma chave nova com Leitura e Spot Trading, Saque desmarcado.

## KEY_WRONG_ENVIRONMENT
diag-KEY_WRONG_ENVIRONMENT-fix-bingx =
    1. Confira se a chave foi criada em bingx.com para a conta real: uma chave de demonstração (VST) não funciona aqui.
    2. Copie a API Key de novo pelo botão de copiar e use-a aqui.

## INVALID_SECRET
diag-INVALID_SECRET-fix-bingx =
    1. A BingX mostra a Secret Key uma única vez, logo depois de criar a chave.
    2. Se você não guardou, abra Gerenciamento de API em bingx.com, apague esta chave e crie uma nova.
    3. Copie a nova Secret Key pelo botão de copiar e guarde em lugar seguro.

## INVALID_PASSPHRASE
diag-INVALID_PASSPHRASE-fix-bingx =
    1. Chaves da BingX não têm passphrase: só a API Key e a Secret Key.

## NO_READ_PERMISSION
diag-NO_READ_PERMISSION-fix-bingx =
    1. Abra Gerenciamento de API em bingx.com e clique em Editar ao lado desta chave.
    2. Marque Leitura (Read): sem ela a BingX não nos mostra as permissões nem o saldo da chave.
    3. Mantenha Saque (Withdraw) desmarcado, salve e confirme com seus códigos de verificação.

## NO_TRADE_PERMISSION
diag-NO_TRADE_PERMISSION-fix-bingx =
    1. Abra Gerenciamento de API em bingx.com e clique em Editar ao lado desta chave.
    2. Marque Spot Trading.
    3. Mantenha Saque (Withdraw) desmarcado, salve e confirme com seus códigos de verificação.

## NO_FUTURES_PERMISSION
diag-NO_FUTURES_PERMISSION-fix-bingx =
    1. Abra Gerenciamento de API em bingx.com e clique em Editar ao lado desta chave.
    2. Marque Perpetual Futures Trading (futuros perpétuos).
    3. Confira se sua conta de futuros perpétuos está aberta na BingX, depois salve e confirme.

## WITHDRAW_ENABLED
diag-WITHDRAW_ENABLED-fix-bingx =
    1. Abra Gerenciamento de API em bingx.com e apague esta chave (ela tem Saque).
    2. Crie uma chave NOVA com Leitura e Spot Trading (e Perpetual Futures Trading, se precisar), Saque desmarcado.
    3. Vincule nossos endereços IP a ela.

## WITHDRAW_UNVERIFIED
diag-WITHDRAW_UNVERIFIED-fix-bingx =
    1. A BingX listou uma permissão que não reconhecemos, então não conseguimos provar que o saque está desligado.
    2. Abra Gerenciamento de API em bingx.com e veja esta chave: Saque (Withdraw) deve estar desmarcado.
    3. Se estiver marcado, apague a chave, crie outra sem ele e use-a aqui.

## FUTURES_UNVERIFIED
diag-FUTURES_UNVERIFIED-fix-bingx =
    1. Abra Gerenciamento de API em bingx.com e confira se Perpetual Futures Trading está marcado nesta chave.

## IP_NOT_ALLOWED
diag-IP_NOT_ALLOWED-fix-bingx =
    1. Abra Gerenciamento de API em bingx.com e clique em Editar ao lado desta chave.
    2. Na lista de IPs permitidos, adicione: { $ips }
    3. Salve e confirme.

## IP_WHITELIST_MISSING
diag-IP_WHITELIST_MISSING-fix-bingx =
    1. Abra Gerenciamento de API em bingx.com e clique em Editar ao lado desta chave.
    2. Vincule a chave aos IPs dos nossos servidores: { $ips }
    3. Salve e confirme. A BingX apaga chaves de negociação sem IP depois de 14 dias sem uso; uma chave vinculada não expira.

## CLOCK_SKEW
diag-CLOCK_SKEW-fix-bingx =
    1. Nada a mudar na BingX: ela recusa requisições com mais de 5 segundos de diferença do relógio dela, e o relógio do nosso servidor está errado.

## RATE_LIMITED
diag-RATE_LIMITED-fix-bingx =
    1. Nada a mudar na BingX.
    2. Se outro app usa muito a mesma chave, dê ao bot uma chave só dele.

## EXCHANGE_UNAVAILABLE
diag-EXCHANGE_UNAVAILABLE-fix-bingx =
    1. Nada a mudar na BingX.
    2. Veja os anúncios da BingX sobre manutenção. Seguimos verificando em segundo plano.

## ACCOUNT_RESTRICTED
diag-ACCOUNT_RESTRICTED-fix-bingx =
    1. Entre em bingx.com e leia os avisos da sua conta e do seu e-mail.
    2. Conclua qualquer verificação que a BingX pedir ou fale com o suporte da BingX (o controle de risco dela pode ter limitado a conta).

## UNKNOWN
diag-UNKNOWN-fix-bingx =
    1. Se continuar falhando por alguns minutos, crie uma nova chave em Gerenciamento de API em bingx.com e use-a aqui.

## IP_UNVERIFIED
diag-IP_UNVERIFIED-fix-bingx =
    1. Abra Gerenciamento de API em bingx.com e veja a lista de IPs desta chave.
    2. Confira se estes estão na lista: { $ips }

## KEY_EXPIRES
diag-KEY_EXPIRES-fix-bingx =
    1. Abra Gerenciamento de API em bingx.com e vincule a esta chave os IPs dos nossos servidores: { $ips }
    2. Se a data continuar, crie uma chave nova antes de { $date } e use-a aqui.

## KEY_EXPIRY_RULE
diag-KEY_EXPIRY_RULE-fix-bingx =
    1. A BingX apaga uma chave com permissão de negociação e sem IP vinculado depois de 14 dias sem uso. Enquanto testamos a chave a cada poucos minutos ela segue em uso, mas se o bot ficar parado duas semanas ela some.
    2. Abra Gerenciamento de API em bingx.com, clique em Editar ao lado desta chave e vincule os IPs dos nossos servidores: { $ips }
    3. Salve e confirme.

## PERMISSIONS_UNVERIFIED
diag-PERMISSIONS_UNVERIFIED-fix-bingx =
    1. Abra Gerenciamento de API em bingx.com e veja as permissões desta chave.
    2. Leitura e Spot Trading devem estar marcados; Saque não.
