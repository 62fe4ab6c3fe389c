## Bitget: a correção de cada diagnóstico (chaves diag-<CODE>-fix-bitget, esquema em diagnosis.ftl).
## Texto puro, passos numerados; variáveis como em diagnosis.ftl.

## INVALID_KEY
diag-INVALID_KEY-fix-bitget =
    1. Entre em bitget.com, abra o ícone do perfil (canto superior direito) e escolha Chaves de API (API Keys).
    2. Confira se a chave aparece na lista. Se não aparecer, crie uma nova (chave gerada pelo sistema).
    3. Copie a API key de novo pelo botão de copiar, sem selecionar o texto à mão.

## KEY_REJECTED
diag-KEY_REJECTED-fix-bitget =
    1. Chave: abra Chaves de API em bitget.com e confira se esta chave aparece. Se não, crie uma nova e use-a aqui.
    2. IP: se a chave estiver vinculada a IPs, adicione: { $ips }
    3. Permissões: Spot Trade em Leitura e escrita, Saque da Carteira desmarcado.

## KEY_EXPIRED
diag-KEY_EXPIRED-fix-bitget =
    1. Abra Chaves de API em bitget.com e apague a chave expirada.
    2. Crie uma chave nova gerada pelo sistema com Spot Trade em Leitura e escrita e Saque desmarcado, vinculada aos IPs dos nossos servidores: { $ips }

## KEY_OUTDATED
diag-KEY_OUTDATED-fix-bitget =
    1. Abra Chaves de API em bitget.com e crie uma chave nova gerada pelo sistema com Spot Trade em Leitura e escrita, Saque desmarcado.

## KEY_WRONG_ENVIRONMENT
diag-KEY_WRONG_ENVIRONMENT-fix-bitget =
    1. Confira se a chave foi criada em bitget.com na conta real: uma chave de Demo Trading não funciona aqui.
    2. Copie a API key de novo pelo botão de copiar e use-a aqui.

## INVALID_SECRET
diag-INVALID_SECRET-fix-bitget =
    1. A Bitget mostra a Secret key uma única vez, logo depois de criar a chave.
    2. Se você não guardou, abra Chaves de API, apague esta chave e crie uma nova.
    3. Copie a nova Secret key pelo botão de copiar e guarde em lugar seguro.

## INVALID_PASSPHRASE
diag-INVALID_PASSPHRASE-fix-bitget =
    1. Digite a passphrase que você escolheu ao criar esta chave na Bitget (maiúsculas contam). Não é a senha de login.
    2. A Bitget dá o mesmo erro quando a própria API key está errada, então cole a API key de novo também.
    3. Uma passphrase esquecida não pode ser recuperada: apague a chave em Chaves de API e crie uma nova.

## NO_READ_PERMISSION
diag-NO_READ_PERMISSION-fix-bitget =
    1. Abra Chaves de API em bitget.com e clique em Editar ao lado desta chave.
    2. Em Spot, deixe Trade como Somente leitura ou Leitura e escrita: sem isso a Bitget não nos mostra as permissões nem o saldo da chave.
    3. Mantenha Saque (Withdraw) desmarcado, salve e confirme com seus códigos de verificação.

## NO_TRADE_PERMISSION
diag-NO_TRADE_PERMISSION-fix-bitget =
    1. Abra Chaves de API em bitget.com e clique em Editar ao lado desta chave.
    2. Em Spot, deixe Trade como Leitura e escrita.
    3. Mantenha Saque (Withdraw) desmarcado, salve e confirme com seus códigos de verificação.

## NO_FUTURES_PERMISSION
diag-NO_FUTURES_PERMISSION-fix-bitget =
    1. Abra Chaves de API em bitget.com e clique em Editar ao lado desta chave.
    2. Em Futuros, deixe Ordens e Posições (Orders e Holdings) como Leitura e escrita.
    3. Confira se sua conta de futuros está aberta na Bitget, depois salve e confirme.

## WITHDRAW_ENABLED
diag-WITHDRAW_ENABLED-fix-bitget =
    1. Abra Chaves de API em bitget.com e apague esta chave (ela tem Carteira: Saque).
    2. Crie uma chave NOVA com Spot Trade (e Futuros, se precisar) em Leitura e escrita, e Saque desmarcado.
    3. Vincule nossos endereços IP a ela.

## WITHDRAW_UNVERIFIED
diag-WITHDRAW_UNVERIFIED-fix-bitget =
    1. A Bitget listou uma permissão que não reconhecemos, então não conseguimos provar que o saque está desligado.
    2. Abra Chaves de API em bitget.com e veja esta chave: Saque (Withdraw) da Carteira deve estar desmarcado.
    3. Se estiver marcado, apague a chave, crie outra sem ele e use-a aqui.

## FUTURES_UNVERIFIED
diag-FUTURES_UNVERIFIED-fix-bitget =
    1. Sua conta na Bitget é uma Conta Unificada (Unified Trading Account), e para ela a Bitget não nos mostra as permissões de futuros da chave.
    2. Abra Chaves de API em bitget.com e confira se Ordens e Posições de Futuros estão em Leitura e escrita nesta chave.

## IP_NOT_ALLOWED
diag-IP_NOT_ALLOWED-fix-bitget =
    1. Abra Chaves de API em bitget.com e clique em Editar ao lado desta chave.
    2. Na lista de endereços IP (Vincular IP), adicione: { $ips }
    3. Salve e confirme.

## IP_WHITELIST_MISSING
diag-IP_WHITELIST_MISSING-fix-bitget =
    1. Abra Chaves de API em bitget.com e clique em Editar ao lado desta chave.
    2. Vincule a chave aos IPs dos nossos servidores: { $ips }
    3. Salve e confirme. Uma chave vinculada aos nossos IPs não serve a quem a roubar.

## CLOCK_SKEW
diag-CLOCK_SKEW-fix-bitget =
    1. Nada a mudar na Bitget.

## RATE_LIMITED
diag-RATE_LIMITED-fix-bitget =
    1. Nada a mudar na Bitget.
    2. Se outro app usa muito a mesma chave, dê ao bot uma chave só dele.

## EXCHANGE_UNAVAILABLE
diag-EXCHANGE_UNAVAILABLE-fix-bitget =
    1. Nada a mudar na Bitget.
    2. Veja os anúncios da Bitget sobre manutenção. Seguimos verificando em segundo plano.

## ACCOUNT_RESTRICTED
diag-ACCOUNT_RESTRICTED-fix-bitget =
    1. Entre em bitget.com e leia os avisos da sua conta e do seu e-mail.
    2. Conclua qualquer verificação que a Bitget pedir (identidade, telefone ou Google Authenticator) ou fale com o suporte da Bitget.

## UNKNOWN
diag-UNKNOWN-fix-bitget =
    1. Se continuar falhando por alguns minutos, crie uma nova chave em Chaves de API na bitget.com e use-a aqui.

## IP_UNVERIFIED
diag-IP_UNVERIFIED-fix-bitget =
    1. A Bitget não nos mostra a lista de IPs da chave de uma Conta Unificada.
    2. Abra Chaves de API em bitget.com e confira se estes IPs estão vinculados à chave: { $ips }

## KEY_EXPIRES
diag-KEY_EXPIRES-fix-bitget =
    1. Abra Chaves de API em bitget.com e vincule a esta chave os IPs dos nossos servidores: { $ips }
    2. Se a data continuar, crie uma chave nova antes de { $date } e use-a aqui.

## KEY_EXPIRY_RULE
diag-KEY_EXPIRY_RULE-fix-bitget =
    1. Abra Chaves de API em bitget.com, clique em Editar ao lado desta chave e vincule os IPs dos nossos servidores: { $ips }
    2. Salve e confirme.

## PERMISSIONS_UNVERIFIED
diag-PERMISSIONS_UNVERIFIED-fix-bitget =
    1. Sua conta na Bitget é uma Conta Unificada (Unified Trading Account): a API clássica da Bitget, que mostra as permissões de uma chave, não a atende.
    2. Abra Chaves de API em bitget.com e confira esta chave: Spot Trade (e Futuros, se precisar) em Leitura e escrita, Saque desmarcado.
    3. O relatório fica incompleto para este tipo de conta; não há mais nada a mudar.
