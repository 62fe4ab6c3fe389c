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
    4. Envie /replace aqui e cole a nova chave.
diag-INVALID_KEY-fix-kucoin =
    1. Entre em kucoin.com, toque no ícone do perfil e escolha Gerenciamento de API (API Management).
    2. Confira se a chave aparece e está ativa. Se não estiver, crie uma nova (API Trading).
    3. Copie a API Key de novo pelo botão de copiar.
    4. Envie /replace aqui e cole a chave, o secret e a passphrase.

## KEY_REJECTED
diag-KEY_REJECTED-cause = A exchange recusou a chave sem dizer por quê: a chave está errada, o IP do nosso servidor não está na lista dela, ou falta uma permissão necessária.
diag-KEY_REJECTED-fix-mexc =
    1. Chave: abra Gerenciamento de API em mexc.com e confira se esta chave aparece. Se não, crie uma nova.
    2. IP: clique em Editar ao lado da chave. Se Vincular endereço IP (Link IP Address) tiver algo, adicione: { $ips }
    3. Permissões: marque Conta Spot e Negociação Spot, deixe Saque desmarcado e salve com o 2FA.
    4. Envie /test aqui (ou /replace, se criou uma chave nova).
diag-KEY_REJECTED-fix-kucoin =
    1. Chave: abra Gerenciamento de API em kucoin.com e confira se esta chave aparece e está ativa.
    2. IP: se a Restrição de IP (IP Restriction) estiver ligada, adicione: { $ips }
    3. Permissões: Geral (General) e Spot marcadas, Saque (Withdrawal; na API, Transfer) desligado.
    4. Envie /test aqui (ou /replace, se criou uma chave nova).

## KEY_EXPIRED
diag-KEY_EXPIRED-cause = Esta chave de API expirou, e a exchange não a aceita mais. Na maioria das exchanges, chaves sem IP vinculado expiram.
diag-KEY_EXPIRED-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e apague a chave expirada.
    2. Crie uma chave nova com Conta Spot e Negociação Spot, Saque desmarcado.
    3. Em Vincular endereço IP (Link IP Address), adicione nossos servidores: { $ips } (chaves com IP vinculado não expiram em 90 dias).
    4. Envie /replace aqui e cole a nova chave e o secret.
diag-KEY_EXPIRED-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e apague a chave expirada.
    2. Crie uma chave nova (API Trading) com Geral e Spot, Saque (Withdrawal) desligado.
    3. Ligue a Restrição de IP (IP Restriction) e adicione nossos servidores: { $ips }
    4. Envie /replace aqui e cole a chave, o secret e a passphrase.

## INVALID_SECRET
diag-INVALID_SECRET-cause = A chave existe, mas a chave secreta não corresponde a ela. O secret foi copiado pela metade ou é de outra chave.
diag-INVALID_SECRET-fix-mexc =
    1. A MEXC mostra a Secret Key uma única vez, logo depois de criar a chave.
    2. Se você não guardou, abra Gerenciamento de API, apague esta chave e crie uma nova.
    3. Copie a nova Secret Key pelo botão de copiar e guarde em lugar seguro.
    4. Envie /replace aqui e cole a nova chave e o secret.
diag-INVALID_SECRET-fix-kucoin =
    1. A KuCoin mostra o API Secret uma única vez, na criação da chave.
    2. Se você não guardou, abra Gerenciamento de API, apague esta chave e crie uma nova.
    3. Copie o API Secret pelo botão de copiar.
    4. Envie /replace aqui e cole a chave, o secret e a passphrase.

## INVALID_PASSPHRASE
diag-INVALID_PASSPHRASE-cause = A passphrase da API não confere. É a senha que você mesmo digitou ao criar a chave, não a senha de login. Na KuCoin um secret errado também causa este erro, porque ela confere a passphrase junto com o secret.
diag-INVALID_PASSPHRASE-fix-mexc =
    1. As chaves da MEXC não têm passphrase: bastam a Access Key e a Secret Key.
    2. Envie /replace aqui e cole só esses dois valores.
diag-INVALID_PASSPHRASE-fix-kucoin =
    1. Digite a passphrase que você escolheu ao criar esta chave (letras e números, maiúsculas contam).
    2. Cole o API Secret de novo também: a KuCoin confere a passphrase usando o secret.
    3. Se esqueceu a passphrase, não dá para recuperar: em Gerenciamento de API apague a chave e crie outra.
    4. Envie /replace aqui e informe a chave, o secret e a passphrase.

## NO_READ_PERMISSION
diag-NO_READ_PERMISSION-cause = A chave não consegue ler a conta, então saldos, ordens e posições ficam invisíveis para o bot.
diag-NO_READ_PERMISSION-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e clique em Editar ao lado desta chave.
    2. Em Spot, marque Conta (ver detalhes da conta) e Negociação (ver ordens).
    3. Deixe Saque desmarcado, salve e confirme com o código 2FA.
    4. Envie /test aqui para verificar de novo.
diag-NO_READ_PERMISSION-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e clique em Editar ao lado desta chave.
    2. Marque a permissão Geral (General), que dá acesso de leitura.
    3. Deixe Transferência (Transfer) desmarcada, salve e confirme com o código 2FA.
    4. Envie /test aqui para verificar de novo.

## NO_TRADE_PERMISSION
diag-NO_TRADE_PERMISSION-cause = A chave não pode enviar ordens no mercado spot, então o bot não conseguiria operar.
diag-NO_TRADE_PERMISSION-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e clique em Editar ao lado desta chave.
    2. Em Spot, marque Negociação (enviar e cancelar ordens).
    3. Se a chave tiver uma lista de pares permitidos, inclua os pares da sua estratégia (o teste usa BTCUSDT).
    4. Deixe Saque desmarcado, salve e confirme com o 2FA, depois envie /test aqui.
diag-NO_TRADE_PERMISSION-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e clique em Editar ao lado desta chave.
    2. Marque a permissão de negociação Spot.
    3. Deixe Transferência (Transfer) desmarcada, salve e confirme com o 2FA.
    4. Envie /test aqui para verificar de novo.

## NO_FUTURES_PERMISSION
diag-NO_FUTURES_PERMISSION-cause = Você pediu futuros, mas a chave não consegue usar a conta de futuros.
diag-NO_FUTURES_PERMISSION-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e clique em Editar ao lado desta chave.
    2. Em Futuros (Contrato), marque Conta (ver conta de futuros).
    3. Confira se sua conta de futuros está aberta na MEXC, salve e confirme com o 2FA.
    4. Envie /test aqui. Se você só opera spot, mude o mercado da conexão para spot.
diag-NO_FUTURES_PERMISSION-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e clique em Editar ao lado desta chave.
    2. Marque a permissão Futuros (Futures).
    3. Confira se sua conta KuCoin Futures está ativada, salve e confirme com o 2FA.
    4. Envie /test aqui. Se você só opera spot, mude o mercado da conexão para spot.

## WITHDRAW_ENABLED
diag-WITHDRAW_ENABLED-cause = Esta chave pode tirar dinheiro da sua conta. Um bot de negociação nunca deve ter uma chave assim, por isso ela foi recusada.
diag-WITHDRAW_ENABLED-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e apague esta chave.
    2. Crie uma chave nova com Conta e Negociação marcadas e Saque desmarcado.
    3. Envie /replace aqui e cole a nova chave e o secret.
diag-WITHDRAW_ENABLED-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e apague esta chave (ela tem: { $permissions }).
    2. Crie uma chave NOVA (API Trading) com Geral e Spot (e Futuros, se precisar), sem Transferência nem saque.
    3. Adicione nossos IPs em Restrição de IP (IP Restriction).
    4. Envie /replace aqui e cole a nova chave, o secret e a passphrase.

## WITHDRAW_UNVERIFIED
diag-WITHDRAW_UNVERIFIED-cause = A exchange não informa se esta chave pode sacar. Não temos como provar que o saque está desligado, então confirme você mesmo.
diag-WITHDRAW_UNVERIFIED-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e clique em Editar ao lado desta chave.
    2. Confira se Saque NÃO está marcado. Se estiver, desmarque ou, melhor, apague a chave e crie outra sem ele.
    3. Salve e confirme com o 2FA.
diag-WITHDRAW_UNVERIFIED-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e veja as permissões desta chave.
    2. Transferência (saque) não pode aparecer. Se aparecer, crie uma chave nova sem ela.

## FUTURES_UNVERIFIED
diag-FUTURES_UNVERIFIED-cause = A exchange não oferece como provar que esta chave negocia futuros sem enviar uma ordem, então confirme você mesmo.
diag-FUTURES_UNVERIFIED-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e confira se Negociação de Futuros está marcada nesta chave.
    2. Atenção: a MEXC limita o envio de ordens de futuros pela API a contas aprovadas. Se a sua não for aprovada, as ordens de futuros do bot serão recusadas.
diag-FUTURES_UNVERIFIED-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e confira se a permissão Futuros está marcada nesta chave.

## IP_NOT_ALLOWED
diag-IP_NOT_ALLOWED-cause = A chave só aceita pedidos de uma lista de IPs, e nossos servidores não estão nela.
diag-IP_NOT_ALLOWED-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e clique em Editar ao lado desta chave.
    2. Em Vincular endereço IP (Link IP Address), adicione: { $ips }
    3. Salve e confirme com o 2FA, depois envie /test aqui.
diag-IP_NOT_ALLOWED-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e clique em Editar ao lado desta chave.
    2. Em Restrição de IP (IP Restriction), adicione: { $ips }
    3. Salve e confirme com o 2FA, depois envie /test aqui.

## IP_WHITELIST_MISSING
diag-IP_WHITELIST_MISSING-cause = A chave aceita pedidos de qualquer IP, então uma chave roubada poderia ser usada de qualquer lugar. As exchanges também podem desativar chaves de negociação sem IP vinculado.
diag-IP_WHITELIST_MISSING-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e clique em Editar ao lado desta chave.
    2. Em Vincular endereço IP (Link IP Address), adicione nossos servidores: { $ips }
    3. Salve e confirme com o 2FA. Chaves sem IP vinculado podem expirar depois de um tempo.
diag-IP_WHITELIST_MISSING-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e clique em Editar ao lado desta chave.
    2. Ative a Restrição de IP (IP Restriction) e adicione nossos servidores: { $ips }
    3. Salve e confirme com o 2FA. A KuCoin apaga ou limita chaves de negociação sem IP depois de 30 dias sem uso.

## IP_UNVERIFIED
diag-IP_UNVERIFIED-cause = Nossos pedidos passaram, mas a exchange não mostra se a chave tem lista de IPs. Confirme que ela inclui nossos servidores.
diag-IP_UNVERIFIED-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e clique em Editar ao lado desta chave.
    2. Em Vincular endereço IP (Link IP Address), confira se estes estão na lista: { $ips }
    3. Se o campo estiver vazio, adicione-os: um IP vinculado protege a chave e evita que ela expire.
diag-IP_UNVERIFIED-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e confira a Restrição de IP desta chave.
    2. Confira se estes estão na lista: { $ips }

## KEY_EXPIRES
diag-KEY_EXPIRES-cause = A exchange informa que esta chave para de funcionar em { $date } (faltam { $daysLeft } dias). Vamos lembrar você 7 dias e 1 dia antes.
diag-KEY_EXPIRES-fix-mexc =
    1. Abra Gerenciamento de API em mexc.com e vincule a esta chave os IPs dos nossos servidores: { $ips }
    2. Se a data continuar, crie uma chave nova antes de { $date } e envie /replace aqui.
diag-KEY_EXPIRES-fix-kucoin =
    1. Abra Gerenciamento de API em kucoin.com e adicione nossos servidores em Restrição de IP (IP Restriction): { $ips }
    2. Se a data continuar, crie uma chave nova antes de { $date } e envie /replace aqui.

## KEY_EXPIRY_RULE
diag-KEY_EXPIRY_RULE-cause = Sem IP vinculado, esta exchange faz a chave expirar ou perder a negociação depois de { $days } dias. Esta chave não tem IP vinculado, ou a exchange não mostra. Vincular nossos IPs acaba com o limite.
diag-KEY_EXPIRY_RULE-fix-mexc =
    1. Chaves da MEXC sem IP vinculado valem por 90 dias. Não conseguimos ver se esta chave tem um.
    2. Abra Gerenciamento de API em mexc.com, clique em Editar ao lado desta chave e, em Vincular endereço IP (Link IP Address), confira se estes estão na lista: { $ips }
diag-KEY_EXPIRY_RULE-fix-kucoin =
    1. A KuCoin apaga chaves de negociação sem IP, ou desliga a negociação delas, depois de 30 dias sem uso.
    2. Abra Gerenciamento de API em kucoin.com, ligue a Restrição de IP (IP Restriction) desta chave e adicione: { $ips }

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
    2. Envie /test de novo daqui a alguns minutos.
diag-CLOCK_SKEW-fix-kucoin =
    1. Não é preciso mudar nada na KuCoin.
    2. Envie /test de novo daqui a alguns minutos.

## RATE_LIMITED
diag-RATE_LIMITED-cause = A exchange pediu para irmos mais devagar (pedidos demais). Sua chave não foi avaliada.
diag-RATE_LIMITED-fix-mexc =
    1. Não é preciso mudar nada na MEXC.
    2. Espere um minuto e envie /test de novo. Se outro app usa muito a mesma chave, crie uma chave só para o bot.
diag-RATE_LIMITED-fix-kucoin =
    1. Não é preciso mudar nada na KuCoin.
    2. Espere um minuto e envie /test de novo. Se outro app usa muito a mesma chave, crie uma chave só para o bot.

## EXCHANGE_UNAVAILABLE
diag-EXCHANGE_UNAVAILABLE-cause = A exchange não respondeu direito (fora do ar, em manutenção ou lenta demais). Sua chave não foi avaliada.
diag-EXCHANGE_UNAVAILABLE-fix-mexc =
    1. Não é preciso mudar nada na MEXC.
    2. Veja os avisos de manutenção da MEXC e envie /test mais tarde. Seguimos verificando em segundo plano.
diag-EXCHANGE_UNAVAILABLE-fix-kucoin =
    1. Não é preciso mudar nada na KuCoin.
    2. Veja os avisos de manutenção da KuCoin e envie /test mais tarde. Seguimos verificando em segundo plano.

## ACCOUNT_RESTRICTED
diag-ACCOUNT_RESTRICTED-cause = A exchange restringiu sua conta (congelada, verificação pendente ou negociação bloqueada). A chave em si pode estar certa.
diag-ACCOUNT_RESTRICTED-fix-mexc =
    1. Entre em mexc.com e leia os avisos da sua conta e do seu e-mail.
    2. Conclua a verificação que a MEXC pedir ou fale com o suporte da MEXC.
    3. Envie /test aqui quando a conta estiver liberada.
diag-ACCOUNT_RESTRICTED-fix-kucoin =
    1. Entre em kucoin.com e leia os avisos da sua conta e do seu e-mail.
    2. Conclua a verificação de identidade que a KuCoin pedir ou fale com o suporte da KuCoin.
    3. Envie /test aqui quando a conta estiver liberada.

## UNKNOWN
diag-UNKNOWN-cause = A exchange respondeu com um erro que ainda não conhecemos.
diag-UNKNOWN-fix-mexc =
    1. Envie /test de novo daqui a alguns minutos.
    2. Se continuar falhando, crie uma chave nova em Gerenciamento de API na mexc.com e envie /replace.
diag-UNKNOWN-fix-kucoin =
    1. Envie /test de novo daqui a alguns minutos.
    2. Se continuar falhando, crie uma chave nova em Gerenciamento de API na kucoin.com e envie /replace.

## Problemas de formato (detectados antes de qualquer requisição; o valor colado nunca é repetido)
format-EMPTY = Nada foi colado.
format-TOO_LONG = Isto é longo demais para ser uma chave. Cole só o valor.
format-WHITESPACE = Tem espaços, quebras de linha ou caracteres invisíveis. Copie de novo pelo botão de copiar da exchange.
format-BAD_CHARSET = Tem caracteres que uma chave nunca tem (por exemplo, uma letra de outro alfabeto parecida com a latina). Copie de novo pelo botão de copiar.
format-WRONG_LENGTH = Não tem o tamanho que esta exchange usa. Pode estar faltando um pedaço.
format-LOOKS_LIKE_SECRET = Isto parece a chave secreta. Cole aqui a chave de API (a pública).
format-LOOKS_LIKE_KEY = Isto parece a chave de API. Cole aqui a chave secreta.
format-SAME_AS_KEY = É igual à chave de API. Cole o outro valor.
format-PEM_INVALID = Isto não é uma chave privada completa. Cole o bloco inteiro, da linha BEGIN até a linha END.
format-PEM_PUBLIC_KEY = Esta é a chave pública, a metade que você envia à exchange. Cole aqui a chave privada (a primeira linha diz PRIVATE KEY).
format-PEM_ENCRYPTED = Esta chave privada está protegida por senha. Exporte-a sem senha (PKCS8 sem criptografia) e cole essa.
format-PEM_UNSUPPORTED = Esta exchange não assina com este tipo de chave. Use um tipo que ela aceita (Binance: Ed25519 ou RSA; Bybit: RSA; Coinbase: ECDSA ou Ed25519) ou uma chave gerada pelo sistema.
