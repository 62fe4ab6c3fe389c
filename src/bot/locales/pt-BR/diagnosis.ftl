## Teste de conexão: nomes das verificações, causas e correções de cada diagnóstico, problemas de formato.
##
## Esquema de chaves (idêntico em todos os idiomas; um teste unitário garante a paridade):
##   check-<checkId>              nome de uma linha do relatório (checkId de CHECK_IDS)
##   check-state-<state>          pass | warn | fail | unknown
##   check-skipped                verificação que não rodou porque a verificação $skipped falhou antes
##   diag-<CODE>-cause            por que aconteceu (CODE de DIAGNOSIS_CODES)
##   diag-<CODE>-fix-<exchange>   passos numerados para aquela exchange (id de EXCHANGE_IDS),
##                                escritos para todo código e toda exchange
##   format-<PROBLEM>             por que um valor colado foi recusado antes de qualquer requisição
##
## As variáveis vêm de CheckResult.detail com os mesmos nomes: $ips, $skewMs, $latencyMs, $assets,
## $permissions, $symbol, $retryAfterS, $during, $skipped, $date (um dia como 2026-12-07),
## $daysLeft, $days (a regra da exchange, em dias). Um texto só usa variáveis que seu código
## sempre traz. Texto puro: sem os caracteres < > & * _ ` [ ]. Nomes de marca não são traduzidos.
## Os nomes de botões e permissões das exchanges ficam como aparecem no site em inglês, com a
## tradução entre parênteses quando ajuda.

check-reachable = Exchange acessível
check-key = Chave de API
check-secret = Chave secreta
check-passphrase = Senha da API (passphrase)
check-balance = Leitura de saldo
check-trade = Permissão de negociação
check-futures = Acesso a futuros
check-withdraw = Saque desativado
check-ip = Lista de IPs permitidos
check-expiry = Sem data de expiração

check-state-pass = OK
check-state-warn = Atenção
check-state-fail = Problema
check-state-unknown = Não verificado
check-skipped = Não verificado, porque uma verificação anterior falhou: { $skipped }.

## INVALID_KEY
diag-INVALID_KEY-cause = A exchange não reconhece esta chave de API. Ela foi copiada pela metade, é de outra conta ou foi apagada.
diag-INVALID_KEY-fix-mexc =
    1. Entre em mexc.com, toque no ícone do perfil (canto superior direito) e escolha Gerenciamento de API (API Management).
    2. Confira se a chave aparece na lista. Se não aparecer, crie uma nova.
    3. Copie a Access Key de novo pelo botão de copiar, sem selecionar o texto à mão.
diag-INVALID_KEY-fix-kucoin =
    1. Entre em kucoin.com, toque no ícone do perfil e escolha Gerenciamento de API (API Management).
    2. Confira se a chave aparece e está ativa. Se não estiver, crie uma nova (API Trading).
    3. Copie a API Key de novo pelo botão de copiar.
diag-INVALID_KEY-fix-binance =
    1. Entre em binance.com, toque no ícone do perfil e escolha Gerenciamento de API (API Management).
    2. Confira se a chave aparece na lista. Se não aparecer, crie uma nova.
    3. Copie a API Key de novo pelo botão de copiar: ela tem 64 letras e números.
diag-INVALID_KEY-fix-bybit =
    1. Entre em bybit.com, toque no ícone do perfil e escolha API.
    2. Confira se a chave aparece na lista. Chaves criadas na testnet, no Demo Trading ou num site regional da Bybit (bybit.eu, bybit.nl, bybit.tr...) só funcionam lá: crie em bybit.com.
    3. Copie a API Key de novo pelo botão de copiar.
diag-INVALID_KEY-fix-okx =
    1. Entre em okx.com, toque no ícone do perfil e escolha API.
    2. Confira se a chave aparece na lista e copie a API key de novo pelo botão de copiar.

## KEY_REJECTED
diag-KEY_REJECTED-cause = A exchange recusou a chave sem dizer por quê: a chave está errada, o IP do nosso servidor não está na lista dela, ou falta uma permissão necessária.
diag-KEY_REJECTED-fix-mexc =
    1. Chave: abra Gerenciamento de API em mexc.com e confira se esta chave aparece. Se não, crie uma nova.
    2. IP: clique em Editar ao lado da chave. Se Vincular endereço IP (Link IP Address) tiver algo, adicione: { $ips }
    3. Permissões: marque Conta Spot e Negociação Spot, deixe Saque desmarcado e salve com o 2FA.
diag-KEY_REJECTED-fix-kucoin =
    1. Chave: abra Gerenciamento de API em kucoin.com e confira se esta chave aparece e está ativa.
    2. IP: se a Restrição de IP (IP Restriction) estiver ligada, adicione: { $ips }
    3. Permissões: Geral (General) e Spot marcadas, Saque (Withdrawal; na API, Transfer) desligado.
diag-KEY_REJECTED-fix-binance =
    1. Chave: abra Gerenciamento de API em binance.com e confira se esta chave aparece. Se não aparecer, ela foi apagada: crie uma nova e use-a aqui.
    2. IP: clique em Editar restrições (Edit restrictions). Se "Restringir acesso somente a IPs confiáveis" (Restrict access to trusted IPs only) estiver escolhido, adicione: { $ips }
    3. Permissões: confira se Enable Reading (leitura) está marcada, e Enable Spot and Margin Trading. Deixe Enable Withdrawals (saques) desligada.
    4. Salve, confirme com o 2FA.
diag-KEY_REJECTED-fix-bybit =
    1. Chave: abra API em bybit.com e confira se esta chave aparece e foi criada em bybit.com (não na testnet nem no Demo Trading).
    2. IP: se a chave estiver vinculada a IPs, adicione: { $ips }
    3. Permissões: Read-Write (leitura e escrita), com SPOT Trade marcado; deixe Withdrawal (saque) em Wallet desligado.
diag-KEY_REJECTED-fix-okx =
    1. Chave: abra API em okx.com e confira se esta chave aparece.
    2. IP: se a chave estiver vinculada a IPs, adicione: { $ips }
    3. Permissões: Read (leitura) e Trade (negociação) marcadas, Withdraw (saque) desligada.

## KEY_EXPIRED
diag-KEY_EXPIRED-cause = Esta chave de API expirou, e a exchange não a aceita mais. Na maioria das exchanges, chaves sem IP vinculado expiram.
diag-KEY_EXPIRED-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e apague a chave expirada.
    2. Crie uma chave nova com Conta Spot e Negociação Spot, Saque desmarcado.
    3. Em Vincular endereço IP (Link IP Address), adicione nossos servidores: { $ips } (chaves com IP vinculado não expiram em 90 dias).
diag-KEY_EXPIRED-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e apague a chave expirada.
    2. Crie uma chave nova (API Trading) com Geral e Spot, Saque (Withdrawal) desligado.
    3. Ligue a Restrição de IP (IP Restriction) e adicione nossos servidores: { $ips }
diag-KEY_EXPIRED-fix-binance =
    1. Abra Gerenciamento de API em binance.com e apague a chave expirada.
    2. Crie uma chave nova e, em Editar restrições, escolha "Restringir acesso somente a IPs confiáveis" (Restrict access to trusted IPs only) e adicione: { $ips }
    3. Marque Enable Reading e Enable Spot and Margin Trading; deixe Enable Withdrawals desligada.
diag-KEY_EXPIRED-fix-bybit =
    1. Abra API em bybit.com e apague a chave expirada.
    2. Crie uma chave nova gerada pelo sistema (System-generated), Read-Write, com SPOT Trade marcado e Withdrawal (saque) em Wallet desligado.
    3. Vincule-a aos IPs dos nossos servidores: { $ips } (chave sem IP vinculado expira em 90 dias).
diag-KEY_EXPIRED-fix-okx =
    1. Abra API em okx.com e apague a chave expirada.
    2. Crie uma chave nova com Read e Trade, Withdraw desligada, e vincule os IPs dos nossos servidores: { $ips }

## KEY_OUTDATED
diag-KEY_OUTDATED-cause = A exchange não aceita mais este tipo de chave (uma versão antiga). É preciso criar uma chave nova; a antiga não pode ser atualizada.
diag-KEY_OUTDATED-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e crie uma chave nova com Conta Spot e Negociação Spot, Saque desmarcado.
diag-KEY_OUTDATED-fix-kucoin =
    1. A KuCoin aposentou as chaves de API das versões 1 e 2: abra Gerenciamento de API em kucoin.com e apague esta chave.
    2. Crie uma chave nova (API Trading, que já é versão 3) com Geral e Spot, e com Saque (Withdrawal; na API, Transfer) e Transferências Flex (Flex Transfers; na API, InnerTransfer) desligados.
    3. Em Restrição de IP (IP Restriction), adicione nossos servidores: { $ips }
diag-KEY_OUTDATED-fix-binance =
    1. Abra Gerenciamento de API em binance.com e crie uma chave nova.
    2. Marque Enable Reading e Enable Spot and Margin Trading; deixe Enable Withdrawals desligada.
diag-KEY_OUTDATED-fix-bybit =
    1. Abra API em bybit.com e crie uma chave nova gerada pelo sistema, Read-Write, com SPOT Trade marcado.
diag-KEY_OUTDATED-fix-okx =
    1. Abra API em okx.com e crie uma chave nova com Read e Trade, Withdraw desligada.

## KEY_WRONG_ENVIRONMENT
diag-KEY_WRONG_ENVIRONMENT-cause = A exchange não conhece esta chave aqui. O mais provável é que ela tenha sido criada em outro site da mesma exchange (outra região) ou para negociação demo, onde as chaves são separadas.
diag-KEY_WRONG_ENVIRONMENT-fix-mexc =
    1. Confira se a chave foi criada em mexc.com, em Gerenciamento de API.
    2. Copie a Access Key de novo pelo botão de copiar e use-a aqui.
diag-KEY_WRONG_ENVIRONMENT-fix-kucoin =
    1. Confira se a chave foi criada em kucoin.com (não num sandbox nem em outro site da KuCoin).
    2. Copie a API Key de novo pelo botão de copiar e use-a aqui.
diag-KEY_WRONG_ENVIRONMENT-fix-binance =
    1. Confira se a chave foi criada em binance.com. Chaves da testnet, da negociação demo ou de outro site da Binance (como binance.us) não funcionam aqui.
    2. Copie a API Key de novo pelo botão de copiar e use-a aqui.
diag-KEY_WRONG_ENVIRONMENT-fix-bybit =
    1. Confira se a chave foi criada em bybit.com. Chaves da testnet, do Demo Trading e de sites regionais (bybit.eu, bybit.nl, bybit.tr e outros) não funcionam aqui.
    2. Copie a API Key de novo pelo botão de copiar e use-a aqui.
diag-KEY_WRONG_ENVIRONMENT-fix-okx =
    1. Veja onde a chave foi criada: uma chave do Demo Trading, ou do site da OKX para o EEE (my.okx.com) ou para os EUA, não funciona em www.okx.com.
    2. Se for o caso, entre em www.okx.com na negociação real, abra API e crie uma chave nova com Read e Trade, Withdraw desligada.
    3. Se a chave é de www.okx.com, copie a API key de novo pelo botão de copiar (ela pode ter sido cortada).

## INVALID_SECRET
diag-INVALID_SECRET-cause = A chave existe, mas a chave secreta não corresponde a ela. O secret foi copiado pela metade ou é de outra chave.
diag-INVALID_SECRET-fix-mexc =
    1. A MEXC mostra a Secret Key uma única vez, logo depois de criar a chave.
    2. Se você não guardou, abra Gerenciamento de API, apague esta chave e crie uma nova.
    3. Copie a nova Secret Key pelo botão de copiar e guarde em lugar seguro.
diag-INVALID_SECRET-fix-kucoin =
    1. A KuCoin mostra o API Secret uma única vez, na criação da chave.
    2. Se você não guardou, abra Gerenciamento de API, apague esta chave e crie uma nova.
    3. Copie o API Secret pelo botão de copiar.
diag-INVALID_SECRET-fix-binance =
    1. Chave gerada pelo sistema (System generated): a Binance mostra a Secret Key uma única vez. Se você não guardou, apague a chave e crie uma nova.
    2. Chave gerada por você (Self-generated, Ed25519 ou RSA): cole a chave privada cuja chave pública você enviou à Binance para esta API key, o bloco inteiro, de BEGIN até END.
diag-INVALID_SECRET-fix-bybit =
    1. A Bybit mostra a Secret Key uma única vez, na criação da chave.
    2. Se você não guardou, abra API em bybit.com, apague esta chave e crie uma nova.
    3. Para uma chave gerada por você (RSA), cole a chave privada que corresponde à chave pública enviada, o bloco inteiro, de BEGIN até END.
diag-INVALID_SECRET-fix-okx =
    1. A OKX mostra a Secret key uma única vez, na criação da chave.
    2. Se você não guardou, abra API em okx.com, apague esta chave e crie uma nova.

## INVALID_PASSPHRASE
diag-INVALID_PASSPHRASE-cause = A passphrase da API não confere. É a senha que você mesmo digitou ao criar a chave, não a senha de login. Na KuCoin um secret errado também causa este erro, porque ela confere a passphrase junto com o secret.
diag-INVALID_PASSPHRASE-fix-mexc =
    1. As chaves da MEXC não têm passphrase: bastam a Access Key e a Secret Key.
diag-INVALID_PASSPHRASE-fix-kucoin =
    1. Digite a passphrase que você escolheu ao criar esta chave (letras e números, maiúsculas contam).
    2. Cole o API Secret de novo também: a KuCoin confere a passphrase usando o secret.
    3. Se esqueceu a passphrase, não dá para recuperar: em Gerenciamento de API apague a chave e crie outra.
diag-INVALID_PASSPHRASE-fix-binance =
    1. As chaves da Binance não têm passphrase: bastam a API Key e a Secret Key.
diag-INVALID_PASSPHRASE-fix-bybit =
    1. As chaves da Bybit não têm passphrase: bastam a API Key e a Secret Key.
diag-INVALID_PASSPHRASE-fix-okx =
    1. Digite a passphrase que você escolheu ao criar esta API key na OKX (maiúsculas contam). Não é a senha de login nem a senha de fundos.
    2. Se esqueceu, não dá para recuperar: abra API em okx.com, apague a chave e crie outra com Read e Trade, Withdraw desligada.

## NO_READ_PERMISSION
diag-NO_READ_PERMISSION-cause = A chave não consegue ler a conta, então saldos, ordens e posições ficam invisíveis para o bot.
diag-NO_READ_PERMISSION-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e clique em Editar ao lado desta chave.
    2. Em Spot, marque Conta (ver detalhes da conta) e Negociação (ver ordens).
    3. Deixe Saque desmarcado, salve e confirme com o código 2FA.
diag-NO_READ_PERMISSION-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e clique em Editar ao lado desta chave.
    2. Marque a permissão Geral (General), que dá acesso de leitura.
    3. Deixe Saque (Withdrawal; na API, Transfer) desmarcado, salve e confirme com o código 2FA.
diag-NO_READ_PERMISSION-fix-binance =
    1. Abra Gerenciamento de API em binance.com e clique em Editar restrições (Edit restrictions) ao lado desta chave.
    2. Marque Enable Reading (leitura).
    3. Deixe Enable Withdrawals (saques) desmarcada, salve e confirme com o 2FA.
diag-NO_READ_PERMISSION-fix-bybit =
    1. Abra API em bybit.com e clique em Editar ao lado desta chave.
    2. Confira se a chave é da conta que guarda seus fundos e se as permissões incluem a carteira (Read-Write com SPOT Trade basta).
    3. Deixe Withdrawal (saque) em Wallet desmarcado, salve e confirme com o 2FA.
diag-NO_READ_PERMISSION-fix-okx =
    1. Abra API em okx.com e clique em Editar ao lado desta chave.
    2. Confira se Read (leitura) está marcada (e Trade). Deixe Withdraw (saque) desligada.
    3. Salve, confirme com o 2FA.

## NO_TRADE_PERMISSION
diag-NO_TRADE_PERMISSION-cause = A chave não pode enviar ordens no mercado spot, então o bot não conseguiria operar.
diag-NO_TRADE_PERMISSION-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e clique em Editar ao lado desta chave.
    2. Em Spot, marque Negociação (enviar e cancelar ordens).
    3. Se a chave tiver uma lista de pares permitidos, inclua os pares da sua estratégia (o teste usa BTCUSDT).
    4. Deixe Saque desmarcado, salve e confirme com o 2FA.
diag-NO_TRADE_PERMISSION-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e clique em Editar ao lado desta chave.
    2. Marque a permissão de negociação Spot.
    3. Deixe Saque (Withdrawal; na API, Transfer) desmarcado, salve e confirme com o 2FA.
diag-NO_TRADE_PERMISSION-fix-binance =
    1. Abra Gerenciamento de API em binance.com e clique em Editar restrições (Edit restrictions) ao lado desta chave.
    2. Marque Enable Spot and Margin Trading (negociação spot e margem).
    3. Deixe Enable Withdrawals (saques) desmarcada, salve e confirme com o 2FA.
diag-NO_TRADE_PERMISSION-fix-bybit =
    1. Abra API em bybit.com e clique em Editar ao lado desta chave.
    2. Se a chave for Read-Only (só leitura), escolha Read-Write (leitura e escrita).
    3. Em SPOT, marque Trade. Deixe Withdrawal (saque) em Wallet desmarcado.
    4. Salve, confirme com o 2FA.
diag-NO_TRADE_PERMISSION-fix-okx =
    1. Abra API em okx.com e clique em Editar ao lado desta chave.
    2. Marque Trade (negociação). Deixe Withdraw (saque) desligada.
    3. Salve, confirme com o 2FA.

## NO_FUTURES_PERMISSION
diag-NO_FUTURES_PERMISSION-cause = Você pediu futuros, mas a chave não consegue usar a conta de futuros.
diag-NO_FUTURES_PERMISSION-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e clique em Editar ao lado desta chave.
    2. Em Futuros (Contrato), marque Conta (ver conta de futuros).
    3. Confira se sua conta de futuros está aberta na MEXC, salve e confirme com o 2FA.
diag-NO_FUTURES_PERMISSION-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e clique em Editar ao lado desta chave.
    2. Marque a permissão Futuros (Futures).
    3. Confira se sua conta KuCoin Futures está ativada, salve e confirme com o 2FA.
diag-NO_FUTURES_PERMISSION-fix-binance =
    1. Abra sua conta de Futuros USDⓈ-M em binance.com, se ainda não abriu.
    2. A Binance não adiciona futuros a uma chave criada antes da conta de futuros: se Enable Futures não puder ser marcada, apague a chave e crie uma nova.
    3. Em Gerenciamento de API, Editar restrições, marque Enable Futures. Deixe Enable Withdrawals desligada e salve com o 2FA.
diag-NO_FUTURES_PERMISSION-fix-bybit =
    1. Abra API em bybit.com e clique em Editar ao lado desta chave.
    2. Escolha Read-Write e, em Unified Trading (Contrato), marque Orders (ordens) e Positions (posições).
    3. Deixe Withdrawal (saque) em Wallet desmarcado, salve e confirme com o 2FA.
diag-NO_FUTURES_PERMISSION-fix-okx =
    1. Se a chave não tem Trade: abra API em okx.com, Editar, marque Trade e salve.
    2. Se sua conta está no modo Spot (Spot mode), ela não opera futuros: abra Trade, depois o ícone de configurações, Modo da conta (Account mode), e escolha o modo Futuros (Futures mode) ou um modo de margem.

## WITHDRAW_ENABLED
diag-WITHDRAW_ENABLED-cause = Esta chave pode tirar dinheiro da sua conta. Um bot de negociação nunca deve ter uma chave assim, por isso ela foi recusada.
diag-WITHDRAW_ENABLED-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e apague esta chave.
    2. Crie uma chave nova com Conta e Negociação marcadas e Saque desmarcado.
diag-WITHDRAW_ENABLED-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e apague esta chave (ela tem: { $permissions }).
    2. Crie uma chave NOVA (API Trading) com Geral e Spot (e Futuros, se precisar), com Saque (Withdrawal; na API, Transfer) e Transferências Flex (Flex Transfers; na API, InnerTransfer) desligados.
    3. Adicione nossos IPs em Restrição de IP (IP Restriction).
diag-WITHDRAW_ENABLED-fix-binance =
    1. Abra Gerenciamento de API em binance.com e apague esta chave (ela tem: { $permissions }).
    2. Crie uma chave nova: marque Enable Reading e Enable Spot and Margin Trading (e Enable Futures, se precisar); deixe Enable Withdrawals e Enable Internal Transfer desmarcadas.
    3. Escolha "Restringir acesso somente a IPs confiáveis" (Restrict access to trusted IPs only) e adicione nossos servidores.
diag-WITHDRAW_ENABLED-fix-bybit =
    1. Abra API em bybit.com e apague esta chave (ela tem: { $permissions }).
    2. Crie uma chave nova gerada pelo sistema, Read-Write, com SPOT Trade (e Orders e Positions para futuros); em Wallet deixe Withdrawal (saque) desmarcado.
    3. Vincule-a aos IPs dos nossos servidores.
diag-WITHDRAW_ENABLED-fix-okx =
    1. Abra API em okx.com e apague esta chave (ela tem: { $permissions }).
    2. Crie uma chave nova só com Read e Trade; deixe Withdraw (saque) desligada.
    3. Vincule a ela os IPs dos nossos servidores.

## WITHDRAW_UNVERIFIED
diag-WITHDRAW_UNVERIFIED-cause = A exchange não informa se esta chave pode sacar. Não temos como provar que o saque está desligado, então confira isso na exchange.
diag-WITHDRAW_UNVERIFIED-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e clique em Editar ao lado desta chave.
    2. Confira se Saque NÃO está marcado. Se estiver, desmarque ou, melhor, apague a chave e crie outra sem ele.
    3. Salve e confirme com o 2FA.
diag-WITHDRAW_UNVERIFIED-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e veja as permissões desta chave.
    2. Saque (Withdrawal; na API, Transfer) não pode aparecer. Se aparecer, crie uma chave nova sem ele.
diag-WITHDRAW_UNVERIFIED-fix-binance =
    1. Abra Gerenciamento de API em binance.com e veja as restrições desta chave.
    2. Enable Withdrawals e Enable Internal Transfer precisam estar desmarcadas. Se alguma estiver marcada, apague a chave e crie uma nova sem elas.
diag-WITHDRAW_UNVERIFIED-fix-bybit =
    1. Abra API em bybit.com e veja as permissões desta chave.
    2. Em Wallet, Withdrawal (saque) não pode estar marcado. Se estiver, apague a chave e crie uma nova sem ele.
diag-WITHDRAW_UNVERIFIED-fix-okx =
    1. Abra API em okx.com e veja as permissões desta chave.
    2. Withdraw (saque) não pode estar marcada. Se estiver, apague a chave e crie uma nova só com Read e Trade.

## FUTURES_UNVERIFIED
diag-FUTURES_UNVERIFIED-cause = A exchange não nos deixou provar que esta chave pode negociar futuros. Confira você mesmo.
diag-FUTURES_UNVERIFIED-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e confira se Negociação de Futuros está marcada nesta chave.
    2. Atenção: a MEXC limita o envio de ordens de futuros pela API a contas aprovadas. Se a sua não for aprovada, as ordens de futuros do bot serão recusadas.
diag-FUTURES_UNVERIFIED-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e confira se a permissão Futuros está marcada nesta chave.
diag-FUTURES_UNVERIFIED-fix-binance =
    1. Abra Gerenciamento de API em binance.com e confira se Enable Futures está marcada nesta chave.
    2. Se não puder ser marcada, a chave é mais antiga que sua conta de futuros: crie uma chave nova.
diag-FUTURES_UNVERIFIED-fix-bybit =
    1. Abra API em bybit.com e confira se a chave é Read-Write com Orders e Positions marcados.
diag-FUTURES_UNVERIFIED-fix-okx =
    1. Confira o modo da sua conta em okx.com: abra Trade, depois o ícone de configurações, Modo da conta (Account mode). O modo Spot não opera futuros: escolha o modo Futuros (Futures mode) ou um modo de margem.

## IP_NOT_ALLOWED
diag-IP_NOT_ALLOWED-cause = A chave só aceita requisições de uma lista de IPs, e nossos servidores não estão nela.
diag-IP_NOT_ALLOWED-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e clique em Editar ao lado desta chave.
    2. Em Vincular endereço IP (Link IP Address), adicione: { $ips }
    3. Salve e confirme com o 2FA.
diag-IP_NOT_ALLOWED-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e clique em Editar ao lado desta chave.
    2. Em Restrição de IP (IP Restriction), adicione: { $ips }
    3. Salve e confirme com o 2FA.
diag-IP_NOT_ALLOWED-fix-binance =
    1. Abra Gerenciamento de API em binance.com e clique em Editar restrições (Edit restrictions) ao lado desta chave.
    2. Em "Restringir acesso somente a IPs confiáveis" (Restrict access to trusted IPs only), adicione: { $ips }
    3. Salve e confirme com o 2FA.
diag-IP_NOT_ALLOWED-fix-bybit =
    1. Abra API em bybit.com e clique em Editar ao lado desta chave.
    2. Na lista de IPs (Only IPs with permissions granted are allowed to access the OpenAPI), adicione: { $ips }
    3. Salve e confirme com o 2FA.
diag-IP_NOT_ALLOWED-fix-okx =
    1. Abra API em okx.com e clique em Editar ao lado desta chave.
    2. No campo de endereços IP, adicione: { $ips }
    3. Salve e confirme com o 2FA.

## IP_WHITELIST_MISSING
diag-IP_WHITELIST_MISSING-cause = A chave aceita requisições de qualquer IP, então uma chave roubada poderia ser usada de qualquer lugar. As exchanges também expiram ou limitam chaves de negociação sem IP vinculado.
diag-IP_WHITELIST_MISSING-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e clique em Editar ao lado desta chave.
    2. Em Vincular endereço IP (Link IP Address), adicione nossos servidores: { $ips }
    3. Salve e confirme com o 2FA. Chaves da MEXC sem IP vinculado expiram em 90 dias.
diag-IP_WHITELIST_MISSING-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e clique em Editar ao lado desta chave.
    2. Ative a Restrição de IP (IP Restriction) e adicione nossos servidores: { $ips }
    3. Salve e confirme com o 2FA. A KuCoin apaga ou limita chaves de negociação sem IP depois de 30 dias sem uso.
diag-IP_WHITELIST_MISSING-fix-binance =
    1. Abra Gerenciamento de API em binance.com e clique em Editar restrições (Edit restrictions) ao lado desta chave.
    2. Escolha "Restringir acesso somente a IPs confiáveis" (Restrict access to trusted IPs only) e adicione nossos servidores: { $ips }
    3. Salve e confirme com o 2FA. Em chaves sem restrição de IP, a Binance desmarca Enable Spot and Margin Trading depois de 30 dias.
diag-IP_WHITELIST_MISSING-fix-bybit =
    1. Abra API em bybit.com e clique em Editar ao lado desta chave.
    2. Vincule a chave aos IPs dos nossos servidores: { $ips }
    3. Salve e confirme com o 2FA. Uma chave da Bybit sem IP vinculado para de funcionar em 90 dias.
diag-IP_WHITELIST_MISSING-fix-okx =
    1. Abra API em okx.com e clique em Editar ao lado desta chave.
    2. No campo de endereços IP, adicione nossos servidores: { $ips }
    3. Salve e confirme com o 2FA. A OKX apaga chaves de negociação sem IP vinculado depois de 14 dias sem uso.

## IP_UNVERIFIED
diag-IP_UNVERIFIED-cause = Nossas requisições passaram, mas a exchange não mostra a lista de IPs da chave, então não podemos provar que ela inclui todos os nossos servidores. Confirme você mesmo.
diag-IP_UNVERIFIED-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e clique em Editar ao lado desta chave.
    2. Em Vincular endereço IP (Link IP Address), confira se estes IPs estão na lista: { $ips }
    3. Se o campo estiver vazio, adicione-os: um IP vinculado protege a chave e evita que ela expire.
diag-IP_UNVERIFIED-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e confira a Restrição de IP desta chave.
    2. Confira se estes IPs estão na lista: { $ips }
diag-IP_UNVERIFIED-fix-binance =
    1. Abra Gerenciamento de API em binance.com e veja as restrições de acesso por IP desta chave.
    2. Confira se todos estes estão na lista: { $ips }
diag-IP_UNVERIFIED-fix-bybit =
    1. Abra API em bybit.com e veja os IPs vinculados a esta chave.
    2. Confira se todos estes estão na lista: { $ips }
diag-IP_UNVERIFIED-fix-okx =
    1. Abra API em okx.com e veja os endereços IP vinculados a esta chave.
    2. Confira se todos estes estão na lista: { $ips }

## KEY_EXPIRES
diag-KEY_EXPIRES-cause = A exchange informa que esta chave para de funcionar em { $date } (faltam { $daysLeft } dias). Vamos lembrar você 7 dias e 1 dia antes.
diag-KEY_EXPIRES-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e vincule a esta chave os IPs dos nossos servidores: { $ips }
    2. Se a data continuar, crie uma chave nova antes de { $date } e use-a aqui.
diag-KEY_EXPIRES-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e adicione nossos servidores em Restrição de IP (IP Restriction): { $ips }
    2. Se a data continuar, crie uma chave nova antes de { $date } e use-a aqui.
diag-KEY_EXPIRES-fix-binance =
    1. A Binance vai desmarcar Enable Spot and Margin Trading em { $date } porque a chave não tem restrição de IP.
    2. Abra Gerenciamento de API em binance.com, Editar restrições, escolha "Restringir acesso somente a IPs confiáveis" (Restrict access to trusted IPs only) e adicione: { $ips }
    3. Salve com o 2FA: a data desaparece.
diag-KEY_EXPIRES-fix-bybit =
    1. A Bybit expira chaves sem IP vinculado em 90 dias, e qualquer chave 7 dias depois que a senha da conta muda.
    2. Abra API em bybit.com, edite esta chave e vincule-a aos IPs dos nossos servidores: { $ips }
    3. Salve com o 2FA. Se a data continuar (depois de uma troca de senha), crie uma chave nova antes de { $date } e use-a aqui.
diag-KEY_EXPIRES-fix-okx =
    1. Abra API em okx.com e vincule a esta chave os IPs dos nossos servidores: { $ips }
    2. Se a data continuar, crie uma chave nova antes de { $date } e use-a aqui.

## KEY_EXPIRY_RULE
diag-KEY_EXPIRY_RULE-cause = Sem IP vinculado, esta exchange faz a chave expirar ou perder a negociação depois de { $days } dias. Esta chave não tem IP vinculado, ou a exchange não mostra. Vincular nossos IPs acaba com o limite.
diag-KEY_EXPIRY_RULE-fix-mexc =
    1. Chaves da MEXC sem IP vinculado valem por 90 dias. Não conseguimos ver se esta chave tem um.
    2. Abra Gerenciamento de API em mexc.com, clique em Editar ao lado desta chave e, em Vincular endereço IP (Link IP Address), confira se estes IPs estão na lista: { $ips }
diag-KEY_EXPIRY_RULE-fix-kucoin =
    1. A KuCoin apaga chaves de negociação sem IP, ou desliga a negociação delas, depois de 30 dias sem uso.
    2. Abra Gerenciamento de API em kucoin.com, ligue a Restrição de IP (IP Restriction) desta chave e adicione: { $ips }
diag-KEY_EXPIRY_RULE-fix-binance =
    1. Em chaves sem restrição de IP, a Binance desmarca Enable Spot and Margin Trading depois de 30 dias.
    2. Abra Gerenciamento de API em binance.com, Editar restrições, escolha "Restringir acesso somente a IPs confiáveis" (Restrict access to trusted IPs only) e adicione: { $ips }
    3. Salve com o 2FA.
diag-KEY_EXPIRY_RULE-fix-bybit =
    1. Uma chave da Bybit sem IP vinculado para de funcionar 90 dias depois de criada.
    2. Abra API em bybit.com, edite esta chave e vincule-a aos IPs dos nossos servidores: { $ips }
diag-KEY_EXPIRY_RULE-fix-okx =
    1. A OKX apaga chaves com permissão Trade ou Withdraw e sem IP vinculado depois de 14 dias sem uso.
    2. Abra API em okx.com, edite esta chave e adicione os IPs dos nossos servidores: { $ips }
    3. Salve com o 2FA.

## PERMISSIONS_UNVERIFIED
diag-PERMISSIONS_UNVERIFIED-cause = A exchange não nos mostrou o que esta chave pode fazer, então não conseguimos provar que ela lê e negocia. Confira você mesmo.
diag-PERMISSIONS_UNVERIFIED-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e clique em Editar ao lado desta chave.
    2. Confira se Conta e Negociação de Spot estão marcadas e Saque não.
diag-PERMISSIONS_UNVERIFIED-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e veja as permissões desta chave.
    2. Geral e Trade Spot devem aparecer; Saque não.
diag-PERMISSIONS_UNVERIFIED-fix-binance =
    1. A Binance não nos mostrou as restrições desta chave, então não conseguimos provar que ela lê e negocia.
    2. Abra Gerenciamento de API em binance.com e confira esta chave: Enable Reading e Enable Spot and Margin Trading marcados, Enable Withdrawals desligado.
diag-PERMISSIONS_UNVERIFIED-fix-bybit =
    1. A Bybit não nos mostrou as permissões desta chave, então não conseguimos provar que ela negocia.
    2. Abra API em bybit.com e confira esta chave: Read-Write com SPOT Trade marcado, Wallet Withdrawal desligado.
diag-PERMISSIONS_UNVERIFIED-fix-okx =
    1. A OKX não nos mostrou as permissões desta chave, então não conseguimos provar que ela negocia.
    2. Abra API em okx.com e confira esta chave: Read e Trade marcados, Withdraw desligado.

## CLOCK_SKEW
diag-CLOCK_SKEW-cause = O relógio do nosso servidor está { $skewMs } ms diferente do relógio da exchange. O problema é nosso, não da sua chave, e já fomos avisados.
diag-CLOCK_SKEW-fix-mexc =
    1. Não é preciso mudar nada na MEXC.
diag-CLOCK_SKEW-fix-kucoin =
    1. Não é preciso mudar nada na KuCoin.
diag-CLOCK_SKEW-fix-binance =
    1. Não é preciso mudar nada na Binance.
diag-CLOCK_SKEW-fix-bybit =
    1. Não é preciso mudar nada na Bybit.
diag-CLOCK_SKEW-fix-okx =
    1. Não é preciso mudar nada na OKX.

## RATE_LIMITED
diag-RATE_LIMITED-cause = A exchange pediu para irmos mais devagar (requisições demais). Sua chave não foi avaliada.
diag-RATE_LIMITED-fix-mexc =
    1. Não é preciso mudar nada na MEXC.
    2. Se outro app usa muito a mesma chave, crie uma chave só para o bot.
diag-RATE_LIMITED-fix-kucoin =
    1. Não é preciso mudar nada na KuCoin.
    2. Se outro app usa muito a mesma chave, crie uma chave só para o bot.
diag-RATE_LIMITED-fix-binance =
    1. Não é preciso mudar nada na Binance.
    2. Se outro app usa muito a mesma chave, crie uma chave só para o bot.
diag-RATE_LIMITED-fix-bybit =
    1. Não é preciso mudar nada na Bybit.
    2. Se outro app usa muito a mesma chave, crie uma chave só para o bot.
diag-RATE_LIMITED-fix-okx =
    1. Não é preciso mudar nada na OKX.
    2. Se outro app usa muito a mesma chave, crie uma chave só para o bot.

## EXCHANGE_UNAVAILABLE
diag-EXCHANGE_UNAVAILABLE-cause = A exchange não respondeu direito (fora do ar, em manutenção ou lenta demais). Sua chave não foi avaliada.
diag-EXCHANGE_UNAVAILABLE-fix-mexc =
    1. Não é preciso mudar nada na MEXC.
    2. Veja os avisos de manutenção da MEXC. Seguimos verificando em segundo plano.
diag-EXCHANGE_UNAVAILABLE-fix-kucoin =
    1. Não é preciso mudar nada na KuCoin.
    2. Veja os avisos de manutenção da KuCoin. Seguimos verificando em segundo plano.
diag-EXCHANGE_UNAVAILABLE-fix-binance =
    1. Não é preciso mudar nada na Binance.
    2. Veja os avisos de manutenção da Binance. Seguimos verificando em segundo plano.
diag-EXCHANGE_UNAVAILABLE-fix-bybit =
    1. Não é preciso mudar nada na Bybit.
    2. Veja os avisos de manutenção da Bybit. Seguimos verificando em segundo plano.
diag-EXCHANGE_UNAVAILABLE-fix-okx =
    1. Não é preciso mudar nada na OKX.
    2. Veja os avisos de manutenção da OKX. Seguimos verificando em segundo plano.

## ACCOUNT_RESTRICTED
diag-ACCOUNT_RESTRICTED-cause = A exchange restringiu sua conta (congelada, verificação pendente, negociação bloqueada ou indisponível na sua região). A chave em si pode estar certa.
diag-ACCOUNT_RESTRICTED-fix-mexc =
    1. Entre em mexc.com e leia os avisos da sua conta e do seu e-mail.
    2. Conclua a verificação que a MEXC pedir ou fale com o suporte da MEXC.
diag-ACCOUNT_RESTRICTED-fix-kucoin =
    1. Entre em kucoin.com e leia os avisos da sua conta e do seu e-mail.
    2. Conclua a verificação de identidade que a KuCoin pedir ou fale com o suporte da KuCoin. A KuCoin também restringe algumas regiões por lei.
diag-ACCOUNT_RESTRICTED-fix-binance =
    1. Entre em binance.com e leia os avisos da sua conta e do seu e-mail.
    2. Conclua a verificação que a Binance pedir ou fale com o suporte da Binance.
diag-ACCOUNT_RESTRICTED-fix-bybit =
    1. Entre em bybit.com e leia os avisos da sua conta e do seu e-mail.
    2. Conclua a verificação que a Bybit pedir ou fale com o suporte da Bybit. A Bybit não atende algumas regiões.
diag-ACCOUNT_RESTRICTED-fix-okx =
    1. Entre em okx.com e leia os avisos da sua conta e do seu e-mail (uma API key congelada também aparece ali).
    2. Conclua a verificação que a OKX pedir ou fale com o suporte da OKX. A OKX não atende algumas regiões.

## UNKNOWN
diag-UNKNOWN-cause = A exchange respondeu com um erro que ainda não conhecemos.
diag-UNKNOWN-fix-mexc =
    1. Se continuar falhando por alguns minutos, crie uma chave nova em Gerenciamento de API na mexc.com e use-a aqui.
diag-UNKNOWN-fix-kucoin =
    1. Se continuar falhando por alguns minutos, crie uma chave nova em Gerenciamento de API na kucoin.com e use-a aqui.
diag-UNKNOWN-fix-binance =
    1. Se continuar falhando por alguns minutos, crie uma chave nova em Gerenciamento de API na binance.com e use-a aqui.
diag-UNKNOWN-fix-bybit =
    1. Se continuar falhando por alguns minutos, crie uma chave nova em API na bybit.com e use-a aqui.
diag-UNKNOWN-fix-okx =
    1. Se continuar falhando por alguns minutos, crie uma chave nova em API na okx.com e use-a aqui.

## Problemas de formato (detectados antes de qualquer requisição; o valor colado nunca é repetido)
format-EMPTY = nada foi colado.
format-TOO_LONG = isto é longo demais para ser uma chave. Cole só o valor.
format-WHITESPACE = tem espaços, quebras de linha ou caracteres invisíveis. Copie de novo pelo botão de copiar da exchange.
format-BAD_CHARSET = tem caracteres que uma chave nunca tem (por exemplo, uma letra de outro alfabeto parecida com a latina). Copie de novo pelo botão de copiar.
format-WRONG_LENGTH = não tem o tamanho que esta exchange usa. Pode estar faltando um pedaço.
format-LOOKS_LIKE_SECRET = isto parece a chave secreta. Cole aqui a chave de API (a pública).
format-LOOKS_LIKE_KEY = isto parece a chave de API. Cole aqui a chave secreta.
format-SAME_AS_KEY = é igual à chave de API. Cole o outro valor.
format-PEM_INVALID = isto não é uma chave privada completa. Cole o bloco inteiro, da linha BEGIN até a linha END.
format-PEM_PUBLIC_KEY = esta é a chave pública, a metade que você envia à exchange. Cole aqui a chave privada (a primeira linha diz PRIVATE KEY).
format-PEM_ENCRYPTED = esta chave privada está protegida por senha. Exporte-a sem senha (PKCS8 sem criptografia) e cole essa.
format-PEM_UNSUPPORTED = esta exchange não assina com este tipo de chave. Use um tipo que ela aceita (Binance: Ed25519 ou RSA; Bybit: RSA; Coinbase: ECDSA ou Ed25519) ou uma chave gerada pelo sistema.
