## Textos do próprio bot. As mensagens usam HTML: só as tags <b>, <i>, <code>;
## toda variável que pode trazer texto do usuário é escapada pelo código antes de chegar aqui.

## Início e ajuda
start-text =
    <b>BackFuture Connect</b> conecta a sua conta da exchange à plataforma de trading BackFuture.

    🔒 Seus fundos continuam na sua exchange. Usamos apenas uma chave de API com permissão de <b>leitura + trade</b>, e recusamos chaves com permissão de <b>saque</b> (quando a exchange não mostra isso, você confirma antes de a plataforma usar a chave).
    🔑 As chaves são criptografadas antes de serem guardadas, e toda mensagem que traz uma chave é apagada desta conversa.
    🩺 Testamos a chave item por item e dizemos exatamente como corrigir o que estiver errado.
start-returning =
    <b>Que bom ver você de novo.</b> { $online } de { $count ->
        [one] { $count } conexão está
       *[other] { $count } conexões estão
    } online.
start-returning-hint = Toque numa conexão para ver os detalhes, ou conecte outra exchange.
help-text =
    <b>Comandos</b>
    /connect: conectar uma exchange (Binance, Bybit, OKX, Bitget, Gate.io, KuCoin, MEXC, HTX, BingX, Coinbase)
    /connections: suas conexões e o estado de cada uma
    /status [nome]: detalhes, verificações com falha e como corrigir
    /test [nome]: testar uma conexão agora
    /rename [nome]: dar um novo nome a uma conexão
    /replace [nome]: informar novas credenciais de API para uma conexão
    /delete [nome]: remover uma conexão e as chaves guardadas
    /pause [nome]: fazer a plataforma parar de usar uma conexão, na hora
    /resume [nome]: deixar a plataforma usá-la de novo
    /settings: idioma e notificações
    /ips: os IPs dos nossos servidores, para liberar na exchange
    /cancel: interromper a etapa atual

    A chave que você nos der precisa de permissão de <b>leitura</b> e <b>trade</b> e <b>não</b> pode permitir saques.
cmd-start = O que este bot faz
cmd-connect = Conectar uma exchange
cmd-connections = Suas conexões
cmd-status = Estado e correções de uma conexão
cmd-test = Testar uma conexão agora
cmd-rename = Renomear uma conexão
cmd-replace = Informar novas credenciais de API
cmd-delete = Remover uma conexão
cmd-pause = Fazer a plataforma parar de usar uma conexão
cmd-resume = Deixar a plataforma usar uma conexão de novo
cmd-settings = Idioma e notificações
cmd-help = Ajuda
cmd-cancel = Interromper a etapa atual

## Fluxo de conexão
connect-intro = <b>Qual exchange você quer conectar?</b>
checklist-mexc =
    <b>Crie a chave de API na MEXC</b>
    1. Entre em mexc.com, abra o ícone de perfil (canto superior direito) → <b>Gerenciamento de API</b>.
    2. Marque <b>Spot: Ver detalhes da conta</b> e <b>Spot: Negociar</b> (adicione as opções de <b>Futuros</b> só se for operar futuros).
    3. Deixe <b>Saque</b> (Withdraw) desmarcado. Chaves com permissão de saque ou transferência são recusadas.
    4. Em <b>Vincular endereço IP</b>, adicione os IPs dos nossos servidores (veja abaixo).
    5. Confirme com o código 2FA e tenha em mãos a Access Key e a Secret Key.
checklist-kucoin =
    <b>Crie a chave de API na KuCoin</b>
    1. Entre em kucoin.com, abra o ícone de perfil → <b>Gerenciamento de API</b> (API Management) → <b>Criar API</b>, e escolha <b>API Trading</b> (não "Link Third-Party Applications").
    2. Escolha uma <b>senha da API</b> (passphrase; você vai precisar dela aqui) e dê um nome à chave.
    3. Permissões: <b>Geral</b> (General) e <b>Spot Trading</b> (adicione <b>Futures Trading</b> só se for operar futuros).
    4. Deixe <b>Saque</b> (Withdrawal) e <b>Transferências Flex</b> (Flex Transfers) desligados. Chaves com permissão de saque ou transferência são recusadas.
    5. Em <b>Restrição de IP</b>, escolha "Sim" e adicione os IPs dos nossos servidores (veja abaixo).
    6. Confirme com a senha de trading, o código enviado por e-mail e o Google 2FA, e tenha em mãos a API Key, o Secret e a passphrase.
checklist-binance =
    <b>Crie a chave de API na Binance</b>
    1. Entre em binance.com, abra o ícone de perfil → <b>Conta</b> → <b>Gerenciamento de API</b> (API Management) → <b>Criar API</b>.
    2. Escolha <b>Gerada pelo sistema</b> (System generated: você recebe uma API Key e uma Secret Key), ou <b>Autogerada</b> (Self-generated) se você criou um par de chaves Ed25519 ou RSA: envie lá a chave pública e cole aqui a chave privada como secret (o bloco inteiro, de BEGIN até END).
    3. Clique em <b>Editar restrições</b> (Edit restrictions): mantenha <b>Enable Reading</b> e marque <b>Enable Spot &amp; Margin Trading</b> (e <b>Enable Futures</b> só se for operar futuros).
    4. Deixe <b>Enable Withdrawals</b> (saques) e <b>Enable Internal Transfer</b> (transferência interna) desmarcadas. Chaves com permissão de saque ou transferência são recusadas.
    5. Escolha <b>Restringir acesso somente a IPs confiáveis</b> (Restrict access to trusted IPs only) e adicione os IPs dos nossos servidores (veja abaixo). Sem isso, a Binance tira a negociação spot da chave depois de 30 dias.
    6. Salve, confirme com o 2FA e tenha em mãos a API Key e a Secret Key.
checklist-bybit =
    <b>Crie a chave de API na Bybit</b>
    1. Entre em bybit.com, abra o ícone de perfil → <b>API</b> → <b>Criar nova chave</b> (Create New Key) → <b>Chaves geradas pelo sistema</b> (System-generated API Keys).
    2. Escolha <b>API Transaction</b>, dê um nome à chave e escolha <b>Read-Write</b> (leitura e escrita).
    3. Marque <b>SPOT: Trade</b> (e em <b>Unified Trading</b>, <b>Orders</b> e <b>Positions</b> só se for operar futuros).
    4. Em <b>Wallet</b>, deixe <b>Withdrawal</b> (saque) desmarcado. Chaves com permissão de saque são recusadas.
    5. Em <b>Restrição de IP</b>, escolha permitir só estes IPs e adicione os IPs dos nossos servidores (veja abaixo). Uma chave sem IP vinculado expira em 90 dias.
    6. Confirme com o 2FA e tenha em mãos a API Key e a Secret Key.
checklist-okx =
    <b>Crie a chave de API na OKX</b>
    1. Entre em www.okx.com (negociação real, não o Demo Trading), abra o ícone de perfil → <b>API</b> → <b>Criar API key</b>.
    2. Dê um nome e escolha uma <b>passphrase da API</b> (você vai precisar dela aqui).
    3. Permissões: <b>Read</b> (leitura) e <b>Trade</b> (negociação).
    4. Deixe <b>Withdraw</b> (saque) desmarcada. Chaves com permissão de saque são recusadas.
    5. Em <b>Endereço IP</b>, adicione os IPs dos nossos servidores (veja abaixo). Uma chave de negociação sem IP vinculado é apagada depois de 14 dias sem uso.
    6. Confirme com o 2FA e tenha em mãos a API key, a Secret key e a passphrase. Para futuros, o modo da conta não pode ser o modo Spot.
checklist-ips = 🛡 IPs para liberar na chave (whitelist de IP): <code>{ $ips }</code>
checklist-bitget =
    <b>Crie a chave de API na Bitget</b>
    1. Entre em bitget.com, abra o ícone de perfil (canto superior direito) → <b>Chaves de API</b> (API Keys) → <b>Criar chave de API</b> → <b>Chave gerada pelo sistema</b>.
    2. Dê um nome e escolha uma <b>passphrase</b> (você vai precisar dela aqui).
    3. Permissões: <b>Spot → Trade: Leitura e escrita</b>. O acesso Spot é obrigatório mesmo para futuros: é por ele que lemos as permissões da chave. Adicione <b>Futuros → Ordens</b> e <b>Posições: Leitura e escrita</b> só se for operar futuros.
    4. Deixe <b>Carteira → Saque</b> (Withdraw) desmarcado. Chaves com permissão de saque são recusadas.
    5. Em <b>Vincular endereço IP</b>, adicione os IPs dos nossos servidores (veja abaixo).
    6. Confirme com seus códigos de verificação e tenha em mãos a API key, a Secret key e a passphrase.
checklist-bingx =
    <b>Crie a chave de API na BingX</b>
    1. Entre em bingx.com, abra o ícone de perfil (canto superior direito) → <b>Gerenciamento de API</b> (API Management) → <b>Criar API</b>.
    2. Permissões: <b>Leitura</b> (Read) e <b>Spot Trading</b> (adicione <b>Perpetual Futures Trading</b> só se for operar futuros).
    3. Deixe <b>Saque</b> (Withdraw) desmarcado (e Universal Transfer também). Chaves com permissão de saque são recusadas.
    4. Na <b>lista de IPs permitidos</b>, adicione os IPs dos nossos servidores (veja abaixo): a BingX apaga chaves de negociação sem IP depois de 14 dias sem uso.
    5. Confirme com seus códigos de verificação e tenha em mãos a API Key e a Secret Key.
checklist-htx =
    <b>Crie a chave de API na HTX</b>
    1. Entre em htx.com, abra o ícone de perfil (canto superior direito) → <b>Gerenciamento de API</b> (API Management) → <b>Criar chave de API</b>.
    2. Permissões: <b>Somente leitura</b> (Read-only) e <b>Negociar</b> (Trade); a mesma chave opera futuros quando a negociação de contratos está aberta na sua conta.
    3. Deixe <b>Saque</b> (Withdraw) desmarcado. Chaves com permissão de saque são recusadas.
    4. Em <b>Vincular endereço IP</b>, adicione os IPs dos nossos servidores (veja abaixo): a HTX desativa chaves de negociação sem IP depois de 90 dias sem uso.
    5. Confirme com seus códigos de verificação e tenha em mãos a Access Key e a Secret Key.
checklist-gate =
    <b>Crie a chave de API na Gate.io</b>
    1. Entre em gate.io, abra o ícone de perfil (canto superior direito) → <b>Gerenciamento de API</b> (API Management) → <b>Criar chave de API</b> (APIv4, conta clássica).
    2. Permissões: <b>Spot Trade: Leitura e escrita</b> e <b>Conta (Account): Somente leitura</b> (ela nos deixa ler as permissões e os IPs da chave). Adicione <b>Futuros Perpétuos: Leitura e escrita</b> só se for operar futuros.
    3. Deixe os saques desligados (Carteira no máximo em Somente leitura). A Gate não nos diz se uma chave pode sacar, então vamos pedir que você confirme.
    4. Em <b>Permissões de IP</b>, vincule os IPs dos nossos servidores (veja abaixo): sem IP, uma chave da Gate vale por só 90 dias.
    5. Confirme com a senha de fundos e o 2FA, e tenha em mãos a API Key e o Secret.
checklist-coinbase =
    <b>Crie a chave de API na Coinbase (Advanced Trade)</b>
    1. Entre em portal.cdp.coinbase.com (Coinbase Developer Platform) → <b>API Keys</b> → <b>Create API key</b> (uma Secret API key).
    2. Escolha o portfólio que a plataforma vai operar e marque <b>View</b> e <b>Trade</b>.
    3. Deixe <b>Transfer</b> desmarcado. Chaves com permissão de transferência são recusadas.
    4. Em <b>Advanced settings</b>, mantenha a assinatura <b>ECDSA</b> (Ed25519 também funciona). Se definir uma <b>lista de IPs permitidos</b> (IP allowlist), adicione os IPs dos nossos servidores (veja abaixo).
    5. Baixe o arquivo da chave. Aqui você vai colar o <b>nome</b> dela (organizations/.../apiKeys/...) como API key, e o bloco inteiro da <b>chave privada</b>, de -----BEGIN a -----END, como secret.
checklist-no-ips = 🛡 Esta instalação não tem IPs fixos configurados; por enquanto deixe a lista de IPs vazia.
checklist-ask-market = <b>Com a chave criada, toque no mercado em que a plataforma vai operar com ela:</b>
ips-text =
    🛡 <b>IPs dos nossos servidores.</b> Adicione cada um na whitelist de IP da sua chave de API na exchange (toque para copiar):
    { $ips }
ips-none = 🛡 Esta instalação não tem IPs fixos configurados; por enquanto deixe a lista de IPs da chave vazia.
connect-ask-market = <b>Em qual mercado a plataforma vai operar com esta chave?</b>
market-spot = Spot
market-futures = Futuros
market-both = Spot + Futuros
## No que uma pergunta respondida se transforma (os botões somem)
answer-exchange = Exchange: <b>{ $exchange }</b> ✓
answer-ready = ✔️ Chave criada
answer-ready-market = ✔️ Chave criada · Mercado: <b>{ $market }</b> ✓
answer-market = Mercado: <b>{ $market }</b> ✓
answer-name = Nome: <b>{ $name }</b> ✓
answer-switched = 🔁 Mudamos para a <b>{ $exchange }</b> · { $market } · “{ $name }”
connect-ask-name =
    <b>Dê um nome a esta conexão</b> para diferenciar suas contas (por exemplo "{ $suggestion }").
    Digite um nome ou toque no botão.
connect-name-as-text = Digite o nome como uma mensagem de texto normal, ou toque no nome sugerido.
name-EMPTY = O nome está vazio. Digite um nome.
name-TOO_LONG = Esse nome é longo demais: use no máximo 32 caracteres.
name-BAD_CHARS = Use só letras, números, espaços e . _ - # + no nome, começando com letra ou número.
field-apiKey = chave de API
field-secret = chave secreta
field-passphrase = passphrase
field-market = mercado
list-and = { $first } e { $last }
credential-ask-apiKey =
    <b>Cole a chave de API da { $exchange }</b>{ $keyTerm }.
    Apago a mensagem assim que ela chegar.
credential-key-term = { " " }(a { $term })
credential-ask-secret =
    <b>Agora cole a chave secreta.</b>
    Ela é apagada na hora e nunca mais é mostrada, nem em parte.
credential-ask-apiKey-coinbase =
    <b>Cole a chave de API da Coinbase</b>, isto é, o nome dela: a linha que começa com organizations/ e termina com apiKeys/ e o id da chave (numa chave Ed25519, só o id da chave).
    Eu apago a mensagem assim que ela chega.
credential-ask-secret-coinbase =
    <b>Agora cole a chave privada</b>: o bloco inteiro, de -----BEGIN a -----END, como no arquivo da chave (numa chave Ed25519, o secret de 88 caracteres).
    Ela é apagada na hora e nunca mais é mostrada, nem em parte.
credential-ask-passphrase =
    <b>Agora a passphrase da API</b> que você escolheu ao criar a chave na { $exchange }.
    Ela é apagada na hora e nunca mais é mostrada.
credential-send-text = Preciso da { $field } como mensagem de texto: cole-a, ou toque em Cancelar.
credential-using-early = ✔️ Já tenho a { $fields } que você colou antes.
credential-command-taken = Enquanto espero a { $field }, tudo o que você envia é lido como ela, inclusive comandos. Para parar, toque em Cancelar ou envie /cancel.
credential-screenshot =
    📸 Apaguei essa imagem. Um print da página de API pode mostrar sua chave secreta, então considere esta chave exposta:
    1. Na { $exchange }, abra o Gerenciamento de API e crie uma nova chave de API.
    2. Apague a chave antiga lá.
    3. Cole a nova chave aqui como texto (não como imagem).
credential-screenshot-kept =
    📸 Não consegui apagar essa imagem: apague-a você mesmo agora. Um print da página de API pode mostrar sua chave secreta, então considere esta chave exposta:
    1. Na { $exchange }, abra o Gerenciamento de API e crie uma nova chave de API.
    2. Apague a chave antiga lá.
    3. Cole a nova chave aqui como texto (não como imagem).
credential-not-deleted = ⚠️ Não consegui apagar sua mensagem. Apague-a você mesmo agora e considere esta chave exposta: ao terminar, crie uma nova e use /replace.
credential-forwarded = Essa foi uma mensagem encaminhada. Por segurança, cole a { $field } diretamente em vez de encaminhar. (Apaguei a cópia encaminhada.)
credential-forwarded-kept = Essa foi uma mensagem encaminhada. Por segurança, cole a { $field } diretamente em vez de encaminhar.
credential-problem = Isso não parece uma { $field } válida: { $reason } Cole novamente, por favor.
credential-received = ✔️ Recebi a { $field } (mensagem apagada).
credential-received-kept = ✔️ Recebi a { $field }. Lembre-se de apagar sua mensagem acima.
key-shape-mexc = as chaves da MEXC começam com mx0
key-shape-kucoin = as chaves da KuCoin têm 24 caracteres hexadecimais (0-9, a-f)
key-shape-bitget = as chaves da Bitget começam com bg_
key-shape-htx = as chaves da HTX são quatro grupos de letras e números separados por hífens
key-shape-coinbase = as chaves da Coinbase são um nome de chave (organizations/…/apiKeys/…) ou um id de chave
key-shape-okx = as chaves da OKX têm o formato 8-4-4-4-12 caracteres separados por hífens
key-shape-binance = as chaves da Binance têm 64 letras e números
key-shape-bybit = as chaves da Bybit têm 18 letras e números
key-shape-gate = as chaves da Gate.io têm 32 caracteres hexadecimais (0-9, a-f)
wrong-exchange = 🤔 Isso parece uma chave da <b>{ $found }</b>, não da { $picked }: { $shapes }. Você escolheu a exchange errada? (Apaguei a mensagem e guardei a chave até você decidir.)
wrong-exchange-replace = 🤔 Isso parece uma chave da <b>{ $found }</b>, mas “{ $name }” é uma conexão da { $picked }: { $shapes }. Cole a chave da { $picked }, ou use esta mesmo assim.
wrong-exchange-tap = Toque em um dos botões acima, ou cole outra chave.
format-EXPIRED = ela chegou depois que esta etapa expirou.
format-UNSUPPORTED = esta exchange não oferece esse mercado aqui.
connect-testing = 🔎 Testando a chave na { $exchange }… leva alguns segundos.
verdict-online = ✅ A conexão funciona: permissão de leitura e trade confirmada.
verdict-offline = ❌ A conexão ainda não funciona. Corrija os itens marcados com ❌ abaixo:
verdict-offline-transient = ⏳ Não foi possível verificar a exchange agora (indisponível ou sobrecarregada). Sua chave pode estar correta.
verdict-unsafe = ⛔ Esta chave pode sacar fundos: não é segura para uso.
verdict-needs-confirmation = ⚠️ A chave funciona, mas a { $exchange } não informa se ela pode sacar. Confira na { $exchange } se o saque (Withdraw) está desativado nesta chave e toque em "✅ Saque desativado nesta chave".
connect-saved-online = Salva como <b>{ $name }</b> (chave { $key }). A plataforma já pode usá-la.
connect-saved-offline = Salva como <b>{ $name }</b> (chave { $key }), mas está <b>offline</b>. Corrija os itens acima na exchange e toque em "Testar de novo": não precisa digitar nada outra vez.
connect-saved-needs_confirmation = Salva como <b>{ $name }</b> (chave { $key }), mas <b>ainda não está em uso</b>: a plataforma poderá usá-la depois da sua confirmação.
connect-saved-unchecked = Salva como <b>{ $name }</b> (chave { $key }), mas ainda não confirmada porque não foi possível verificar a exchange. Não há nada para corrigir do seu lado: toque em "Testar de novo" daqui a alguns minutos, não precisa digitar nada outra vez.
connect-refused-unsafe = Nada foi salvo. Apague esta chave na exchange, crie uma nova sem permissão de saque e toque em “🔑 Tentar outra chave”: a exchange, o mercado e o nome continuam os mesmos.
connect-refused-unproven = Nada foi salvo: a exchange não aceitou esta chave, então não foi possível confirmar que ela é sua. Corrija os itens marcados com ❌ acima e toque em “🔑 Tentar outra chave” para colá-la de novo (ou uma nova): a exchange, o mercado e o nome continuam os mesmos.
connect-refused-unreachable = Nada foi salvo: não conseguimos falar com a exchange para confirmar que esta chave é sua. Não há nada a corrigir do seu lado: envie /connect de novo em alguns minutos.
connect-nothing-saved = Nada foi salvo. Tente /connect de novo.
connect-nothing-saved-retry = Nada foi salvo. Toque em “🔑 Tentar outra chave” para colar uma chave diferente: a exchange, o mercado e o nome continuam os mesmos.
retry-intro = 🔑 Outra chave para <b>{ $name }</b> ({ $exchange } · { $market }).
replace-intro = Novas credenciais para <b>{ $name }</b> ({ $exchange }). A chave atual continua guardada até a nova passar no teste.
replace-saved-online = <b>{ $name }</b> agora usa a nova chave ({ $key }). As credenciais antigas foram apagadas.
replace-saved-offline = <b>{ $name }</b> agora usa a nova chave ({ $key }).
replace-saved-needs_confirmation = <b>{ $name }</b> agora usa a nova chave ({ $key }). As credenciais antigas foram apagadas. A plataforma poderá usar a nova chave depois da sua confirmação.
replace-saved-unchecked = <b>{ $name }</b> agora usa a nova chave ({ $key }), ainda não confirmada porque não foi possível verificar a exchange.
replace-refused-unsafe = A nova chave pode sacar fundos, por isso não foi salva. Sua chave anterior continua igual. Toque em “🔑 Tentar outra chave” para colar uma sem permissão de saque.
replace-refused-not-online = A nova chave não passou no teste, por isso não foi salva. Sua chave anterior continua igual. Corrija os itens marcados com ❌ acima e toque em “🔑 Tentar outra chave”.
replace-nothing-saved = Nada foi alterado.
replace-nothing-saved-retry = Nada foi alterado. Toque em “🔑 Tentar outra chave” para colar uma diferente.
rename-ask = Envie o novo nome para <b>{ $name }</b>.
rename-done = <b>{ $from }</b> agora se chama <b>{ $to }</b>.

## Regras dos fluxos
flow-cancelled = Cancelado. Nada foi salvo e tudo o que você enviou foi apagado. Envie /connect para começar de novo.
flow-button-stale = Este botão pertence a uma mensagem anterior.
flow-finish-first = Termine a etapa atual primeiro, ou envie /cancel.
flow-edit-ignored = Eu não leio mensagens editadas: envie uma nova mensagem.
flow-command-mid-flow = Você está no meio de uma configuração: responda à última pergunta, ou envie /cancel para parar. Esse comando não foi executado.
flow-restart-offer = Você está no meio de uma configuração. Começar uma nova do início, ou continuar de onde parou?
flow-credential-not-now = Apaguei essa mensagem porque parecia uma chave. Cole as credenciais só quando eu pedir.
flow-credential-kept-name = ✔️ Recebi sua { $fields } (mensagem apagada). Vou usar depois do nome: digite um nome ou toque no botão.
flow-credential-kept-later = ✔️ Apaguei essa mensagem e guardei o conteúdo: quando você escolher a exchange, vou conferir e usar na etapa da chave se servir.
flow-credential-foreign = 🤔 Apaguei essa mensagem: ela parece uma chave da <b>{ $found }</b>, e você escolheu a { $picked }. Guardei a chave e vou perguntar sobre ela na etapa da chave.
flow-credential-kept = ✔️ Recebi sua { $fields } (mensagem apagada). Vou usar quando chegarmos à etapa da chave: primeiro responda à pergunta acima.
command-credential-deleted = Apaguei essa mensagem: ela trazia o que parece uma chave de API ou secreta. Nunca digite chaves depois de um comando: o /connect pede cada uma e a apaga na hora.
command-credential-not-deleted = Essa mensagem traz o que parece uma chave de API ou secreta, e não consegui apagá-la. Apague-a você mesmo agora e considere a chave exposta: crie uma nova na exchange e apague esta.
flow-tap-button = Toque em um dos botões acima, ou envie /cancel.
flow-ended = Esta configuração terminou (expirou ou o bot reiniciou). Envie /connect para começar de novo.
flow-over-connected = Configuração concluída: “{ $name }” está conectada.
flow-over-saved = Configuração concluída: “{ $name }” foi salva e agora está { $status }. O /status mostra o motivo.
flow-over-waiting = Configuração concluída: “{ $name }” foi salva e aguarda você confirmar que o saque está desativado nesta chave: o /status abre a conexão.
flow-over-deleted = Configuração concluída, mas essa conexão foi apagada depois.
flow-over-replaced = Pronto: “{ $name }” usa a nova chave.
flow-over-renamed = Pronto: esta conexão agora se chama “{ $name }”.
flow-over-refused = Essa configuração terminou: a chave foi recusada e nada foi salvo. Envie /connect para tentar outra chave.
flow-over-nothing = Essa configuração terminou e nada foi salvo. Envie /connect para começar de novo.
flow-over-cancelled = Você cancelou essa configuração. Envie /connect para começar uma nova.
flow-timeout = ⌛ A configuração foi encerrada após uma longa pausa. Nada foi salvo e tudo o que você enviou foi apagado. Envie /connect para começar de novo.
button-unknown = Este botão não é mais válido.
cancel-nothing = Não há nada para cancelar.

## Conexões, status, teste
connection-key = Chave: <code>{ $key }</code>
connection-status = Estado: { $status }
connection-tested = Último teste: { $when }
connection-never-tested = Ainda não testada.
connection-all-pass = Todas as verificações passaram.
connection-paused-badge = ⏸ pausada
connection-platform-paused = ⏸ Pausada: a plataforma não pode usá-la (/resume para desfazer).
connection-platform-used = Plataforma: leu a chave pela última vez em { $when }.
connection-platform-unused = Plataforma: ainda não usou esta conexão.
connection-withdraw-confirmed = Saque desativado: confirmado por você em { $when }.
connection-not-found = Você não tem nenhuma conexão com esse nome. Escolha uma:
status-online = Online
status-checking = Verificando (a exchange não respondeu; tentando de novo)
status-offline = Offline
status-unsafe = Insegura (saque ativado, fora de uso)
status-untested = Não testada
status-needs_confirmation = Aguardando sua confirmação (fora de uso até você confirmar que o saque está desativado)
status-more = …e mais { $count }. Use /status &lt;nome&gt; para ver uma conexão.
status-short-online = online
status-short-checking = verificando
status-short-offline = offline
status-short-unsafe = insegura
status-short-untested = não testada
status-short-needs_confirmation = aguardando sua confirmação
list-tested = testada em { $when }
status-list-title = <b>Suas conexões ({ $count })</b>
status-list-hint = Toque numa conexão para ver os detalhes e as correções.
report-passed = Passou: { $checks }
report-withdraw-confirmed = Saque desativado (confirmado por você em { $when })
report-skipped = Não verificado, porque { $blocker } falhou antes: { $checks }.
name-market-spot = spot
name-market-futures = futuros
name-market-both = spot+futuros
connections-title = <b>Suas conexões ({ $count })</b>
connections-hint = Toque numa conexão para ver os detalhes, ou use /test &lt;nome&gt; para testar agora.
no-connections = Você ainda não tem conexões. Envie /connect para adicionar uma.
pick-test = Qual conexão você quer testar?
pick-status = Qual conexão?
pick-rename = Qual conexão você quer renomear?
pick-replace = Qual conexão vai receber novas credenciais?
pick-delete = Qual conexão você quer apagar?
pick-pause = Qual conexão a plataforma deve parar de usar?
pick-resume = Qual conexão a plataforma pode voltar a usar?
test-running = 🔎 Testando <b>{ $name }</b>…
test-head = <b>{ $name }</b>: { $status }
button-connection-deleted = Essa conexão foi apagada, então este botão não faz mais nada.
test-started = Testando…
delete-confirm = Apagar <b>{ $name }</b>? As chaves guardadas são apagadas e a plataforma deixa de usá-la. Isso não pode ser desfeito.
delete-done = <b>{ $name }</b> foi apagada e suas chaves também. Apague a chave de API na exchange se não precisar mais dela.
delete-kept = Nada foi apagado.
pause-done = ⏸ <b>{ $name }</b> está pausada: a plataforma não consegue mais ler a chave, a partir de agora. Use /resume para desfazer.
pause-already = <b>{ $name }</b> já está pausada. Use /resume para a plataforma voltar a usá-la.
resume-done = ▶️ <b>{ $name }</b> não está mais pausada: a plataforma pode usá-la de novo.
resume-done-not-online = ▶️ <b>{ $name }</b> não está mais pausada. Ela está { $status } agora, então a plataforma só vai usá-la quando ficar Online de novo.
confirm-withdraw-done = ✅ Obrigado. Você confirmou em { $when } que o saque está desativado em <b>{ $name }</b> (chave { $key }). Ela está <b>online</b>: a plataforma já pode usá-la.
confirm-withdraw-done-paused = ✅ Obrigado. Você confirmou em { $when } que o saque está desativado em <b>{ $name }</b> (chave { $key }). Ela está online, mas pausada: use /resume para a plataforma poder usá-la.
confirm-withdraw-already = Você já confirmou esta chave.
confirm-withdraw-not_needed = { $name } não está aguardando confirmação.
confirm-withdraw-stale = Este botão era de uma chave anterior de { $name }. Use /status { $name } para ver a atual.
resume-already = <b>{ $name }</b> não está pausada: a plataforma já pode usá-la.

## Botões
button-cancel = ✖️ Cancelar
button-key-ready = ✅ Já criei a chave
button-switch-exchange = 🔁 Mudar para { $exchange }
button-keep-exchange = Continuar com a { $exchange }
button-use-anyway = Usar mesmo assim
button-use-name = Usar "{ $name }"
button-restart = 🔄 Recomeçar
button-continue = ▶️ Continuar
button-test-again = 🔁 Testar de novo
button-replace = 🔑 Trocar a chave
button-try-another-key = 🔑 Tentar outra chave
button-confirm-withdraw = ✅ Saque desativado nesta chave
button-open-api-page = 🌐 Gerenciamento de API da { $exchange }
button-delete-yes = 🗑 Sim, apagar
button-delete-no = Manter
button-connect = ➕ Conectar uma exchange
button-notify-on = 🔔 Ativar notificações
button-notify-off = 🔕 Desativar notificações

## Configurações
settings-text =
    <b>Configurações</b>
    Idioma: { $language }
    Notificações: { $notifications }
settings-on = ativadas
settings-off = desativadas
settings-saved = Salvo.
language-en = English
language-pt-BR = Português (Brasil)

## Grupos e mensagens soltas
group-refused = Por segurança, conexões só são configuradas numa conversa privada comigo: { $link }
group-credential-deleted = ⚠️ Isso parecia uma chave de API ou secreta, então apaguei. Qualquer pessoa deste grupo pode ter visto: apague essa chave na exchange e crie uma nova, numa conversa privada comigo.
group-credential-not-deleted = ⚠️ Isso parece uma chave de API ou secreta. Não consigo apagar aqui: apague você mesmo, depois apague essa chave na exchange e crie uma nova.
stray-credential-deleted = Apaguei essa mensagem porque parecia uma chave, mas nenhuma configuração estava esperando por ela (pode ter expirado ou o bot reiniciou). Envie /connect para começar de novo.
stray-credential-not-deleted = Isso parece uma chave, mas nenhuma configuração estava esperando por ela. Apague a mensagem e envie /connect para começar de novo.
unknown-command = Não conheço esse comando. /help mostra o que eu sei fazer.
fallback = Não entendi. /connect adiciona uma exchange, /help mostra tudo.

## Erros
error-NOT_FOUND = Essa conexão não existe (ou não é sua).
error-NAME_TAKEN = Você já tem uma conexão chamada "{ $name }". Escolha outro nome.
error-NAME_INVALID = Esse nome não pode ser usado.
error-KEY_ALREADY_CONNECTED = Esta chave de API já está conectada. Cada chave só pode ser conectada uma vez: crie uma chave separada para cada conexão.
error-KEY_ALREADY_YOURS = Esta chave de API já está conectada na sua conexão "{ $name }". Cada chave só pode ser conectada uma vez: crie uma chave separada para cada conexão.
error-CONNECTION_LIMIT = Você já tem { $max } conexões, o máximo por conta. Apague uma que não usa mais com /delete e tente de novo.
error-CONNECT_QUOTA = Você testou { $limit } chaves novas na última hora, o máximo permitido. Você pode tentar de novo em { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minutos
    }.
error-TEST_QUOTA = Você fez { $limit } testes na última hora, o máximo permitido. Você pode testar de novo em { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minutos
    }. As verificações automáticas continuam enquanto isso.
error-INVALID_FORMAT = Algo que você informou está no formato errado.
error-UNSAFE_KEY = Esta chave pode sacar fundos e não pode ser usada.
error-BUSY = Essa conexão está sendo testada agora. Tente de novo em instantes.
error-SEAL_FAILED = As credenciais guardadas desta conexão não podem mais ser lidas. Use /replace para informá-las de novo.
error-CONFIG_INVALID = O bot está mal configurado. Avise o operador.
error-STORAGE_FAILED = Não foi possível salvar. Tente de novo.
error-generic = Desculpe, algo deu errado do nosso lado. Nada do que você enviou foi perdido ou exibido; tente de novo.
