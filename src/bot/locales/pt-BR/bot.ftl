## Textos do próprio bot. As mensagens usam HTML: só as tags <b>, <i>, <code>;
## toda variável que pode trazer texto do usuário é escapada pelo código antes de chegar aqui.

## Início e ajuda
start-text =
    <b>BackFuture Connect</b> conecta a sua conta da exchange à plataforma de trading BackFuture.

    🔒 Seus fundos continuam na sua exchange. Usamos apenas uma chave API com permissão de <b>leitura + trade</b>, e recusamos chaves que podem <b>sacar</b>.
    🔑 As chaves são criptografadas antes de serem guardadas, e toda mensagem que traz uma chave é apagada desta conversa.
    🩺 Testamos a chave item por item e dizemos exatamente como corrigir o que estiver errado.
help-text =
    <b>Comandos</b>
    /connect: conectar uma exchange (MEXC, KuCoin)
    /connections: suas conexões e o estado de cada uma
    /status [nome]: detalhes, verificações com falha e como corrigir
    /test [nome]: testar uma conexão agora
    /rename [nome]: dar um novo nome a uma conexão
    /replace [nome]: informar novas credenciais API para uma conexão
    /delete [nome]: remover uma conexão e as chaves guardadas
    /settings: idioma e notificações
    /cancel: interromper a etapa atual

    A chave que você nos der precisa de permissão de <b>leitura</b> e <b>trade</b> e <b>não</b> pode permitir saques.
cmd-start = O que este bot faz
cmd-connect = Conectar uma exchange
cmd-connections = Suas conexões
cmd-status = Estado e correções de uma conexão
cmd-test = Testar uma conexão agora
cmd-rename = Renomear uma conexão
cmd-replace = Informar novas credenciais API
cmd-delete = Remover uma conexão
cmd-settings = Idioma e notificações
cmd-help = Ajuda
cmd-cancel = Interromper a etapa atual

## Fluxo de conexão
connect-intro = <b>Qual exchange você quer conectar?</b>
checklist-mexc =
    <b>Crie a chave API na MEXC</b>
    1. Entre em mexc.com, abra o ícone de perfil (canto superior direito) → <b>Gerenciamento de API</b>.
    2. Marque <b>Spot: Ver detalhes da conta</b> e <b>Spot: Negociar</b> (adicione as opções de <b>Futuros</b> só se for operar futuros).
    3. Deixe <b>Saque</b> desmarcado. Uma chave que pode sacar é recusada.
    4. Em <b>Vincular endereço IP</b>, adicione os IPs dos nossos servidores (veja abaixo).
    5. Confirme com o código 2FA e tenha em mãos a Access Key e a Secret Key.
checklist-kucoin =
    <b>Crie a chave API na KuCoin</b>
    1. Entre em kucoin.com, abra o ícone de perfil → <b>Gerenciamento de API</b> → <b>Criar API</b>.
    2. Escolha uma <b>senha da API</b> (passphrase; você vai precisar dela aqui) e dê um nome à chave.
    3. Permissões: <b>Geral</b> e <b>Trade Spot</b> (adicione <b>Trade de Futuros</b> só se for operar futuros).
    4. Deixe <b>Transferência</b> e <b>Saque</b> desligados. Uma chave que pode tirar fundos é recusada.
    5. Em <b>Restrição de IP</b>, escolha "Sim" e adicione os IPs dos nossos servidores (veja abaixo).
    6. Confirme com a verificação de segurança e tenha em mãos a Key, a Secret e a passphrase.
checklist-ips = 🛡 IPs dos nossos servidores para a lista de permissões: <code>{ $ips }</code>
checklist-no-ips = 🛡 Esta instalação não tem IPs fixos configurados; por enquanto deixe a lista de IPs vazia.
connect-ask-market = <b>Em qual mercado a plataforma vai operar com esta chave?</b>
market-spot = Spot
market-futures = Futuros
market-both = Spot + Futuros
connect-ask-name =
    <b>Dê um nome a esta conexão</b>, para distinguir suas contas (por exemplo "{ $suggestion }").
    Digite um nome ou toque no botão.
connect-name-as-text = Digite o nome como uma mensagem de texto normal, ou toque no nome sugerido.
name-EMPTY = O nome está vazio. Digite um nome.
name-TOO_LONG = Esse nome é longo demais: use no máximo 32 caracteres.
name-BAD_CHARS = Use só letras, números, espaços e . _ - # no nome, começando com letra ou número.
field-apiKey = chave API
field-secret = chave secreta
field-passphrase = senha da API (passphrase)
field-market = mercado
credential-ask-apiKey =
    <b>Cole a chave API da { $exchange }</b> (a Access Key).
    Eu apago a mensagem assim que ela chega.
credential-ask-secret =
    <b>Agora cole a chave secreta.</b>
    Ela é apagada na hora e nunca mais é mostrada, nem em parte.
credential-ask-passphrase =
    <b>Agora a senha da API</b> (passphrase) que você escolheu ao criar a chave na { $exchange }.
    Ela é apagada na hora e nunca mais é mostrada.
credential-send-text = Preciso da { $field } como mensagem de texto: cole-a, ou toque em Cancelar.
credential-not-deleted = ⚠️ Não consegui apagar sua mensagem. Apague-a você mesmo agora e considere esta chave exposta: ao terminar, crie uma nova e use /replace.
credential-forwarded = Essa foi uma mensagem encaminhada. Por segurança, cole a { $field } diretamente em vez de encaminhar. (Apaguei a cópia encaminhada.)
credential-forwarded-kept = Essa foi uma mensagem encaminhada. Por segurança, cole a { $field } diretamente em vez de encaminhar.
credential-problem = Isso não parece uma { $field } válida: { $reason } Cole novamente, por favor.
credential-received = ✔️ Recebi a { $field } (mensagem apagada).
credential-received-kept = ✔️ Recebi a { $field }. Lembre-se de apagar sua mensagem acima.
format-EXPIRED = ela chegou depois que esta etapa expirou.
format-UNSUPPORTED = esta exchange não oferece esse mercado aqui.
connect-testing = 🔎 Testando a chave na { $exchange }… leva alguns segundos.
verdict-online = ✅ A conexão funciona: permissão de leitura e trade confirmada.
verdict-offline = ❌ A conexão ainda não funciona. Corrija os itens marcados com ❌ abaixo:
verdict-offline-transient = ⏳ Não foi possível verificar a exchange agora (indisponível ou sobrecarregada). Sua chave pode estar correta.
verdict-unsafe = ⛔ Esta chave pode sacar fundos: não é segura para uso.
connect-saved-online = Salva como <b>{ $name }</b> (chave { $key }). A plataforma já pode usá-la.
connect-saved-offline = Salva como <b>{ $name }</b> (chave { $key }), mas <b>offline</b>. Corrija os itens acima na exchange e toque em "Testar de novo": não precisa digitar nada outra vez.
connect-saved-unchecked = Salva como <b>{ $name }</b> (chave { $key }), mas ainda não confirmada porque não foi possível verificar a exchange. Não há nada para corrigir do seu lado: toque em "Testar de novo" daqui a alguns minutos, não precisa digitar nada outra vez.
connect-refused-unsafe = Nada foi salvo. Apague esta chave na exchange e crie uma nova com saques desativados; depois use /connect de novo.
connect-refused-unproven = Nada foi salvo: a exchange não aceitou esta chave, então não foi possível confirmar que ela é sua. Corrija os itens marcados com ❌ acima e envie /connect de novo.
connect-refused-unreachable = Nada foi salvo: não conseguimos falar com a exchange para confirmar que esta chave é sua. Não há nada a corrigir do seu lado: envie /connect de novo em alguns minutos.
connect-nothing-saved = Nada foi salvo. Tente /connect de novo.
replace-intro = Novas credenciais para <b>{ $name }</b> ({ $exchange }). A chave atual continua funcionando até a nova passar no teste.
replace-saved-online = <b>{ $name }</b> agora usa a nova chave ({ $key }). As credenciais antigas foram apagadas.
replace-saved-offline = <b>{ $name }</b> agora usa a nova chave ({ $key }).
replace-saved-unchecked = <b>{ $name }</b> agora usa a nova chave ({ $key }), ainda não confirmada porque não foi possível verificar a exchange.
replace-refused-unsafe = A nova chave pode sacar fundos, por isso não foi salva. Sua chave anterior continua igual.
replace-refused-not-online = A nova chave não passou no teste, por isso não foi salva. Sua chave anterior continua igual. Corrija os itens acima e tente /replace de novo.
replace-nothing-saved = Nada foi alterado.
rename-ask = Envie o novo nome para <b>{ $name }</b>.
rename-done = <b>{ $from }</b> agora se chama <b>{ $to }</b>.

## Regras dos fluxos
flow-cancelled = Cancelado. Nada foi salvo e tudo o que você enviou foi apagado. /connect para começar de novo.
flow-button-stale = Este botão pertence a uma mensagem anterior.
flow-finish-first = Termine a etapa atual primeiro, ou envie /cancel.
flow-edit-ignored = Eu não leio mensagens editadas: envie uma nova mensagem.
flow-command-mid-flow = Você está no meio de uma configuração: responda à última pergunta, ou envie /cancel para parar. ({ $command } não foi executado.)
flow-credential-not-now = Apaguei essa mensagem porque parecia uma chave. Cole as credenciais só quando eu pedir.
flow-tap-button = Toque em um dos botões acima, ou envie /cancel.
flow-ended = Esta configuração terminou (expirou ou o bot reiniciou). Envie /connect para começar de novo.
flow-timeout = ⌛ A configuração foi encerrada após uma longa pausa. Nada foi salvo e tudo o que você enviou foi apagado. Envie /connect para começar de novo.
button-unknown = Este botão não é mais válido.
cancel-nothing = Não há nada para cancelar.

## Conexões, status, teste
connection-key = Chave: <code>{ $key }</code>
connection-status = Estado: { $status }
connection-tested = Último teste: { $when }
connection-never-tested = Ainda não testada.
connection-all-pass = Todas as verificações passaram.
connection-not-found = Você não tem conexão chamada "{ $name }". Escolha uma:
status-online = Online
status-checking = Verificando (a exchange não respondeu; tentando de novo)
status-offline = Offline
status-unsafe = Insegura (saque ativado, fora de uso)
status-untested = Não testada
status-more = …e mais { $count }. Use /status nome para ver uma conexão.
connections-title = <b>Suas conexões ({ $count })</b>
connections-hint = /status nome para detalhes, /test nome para testar agora.
no-connections = Você ainda não tem conexões. Envie /connect para adicionar uma.
pick-test = Qual conexão você quer testar?
pick-status = Qual conexão?
pick-rename = Qual conexão você quer renomear?
pick-replace = Qual conexão vai receber novas credenciais?
pick-delete = Qual conexão você quer apagar?
test-running = 🔎 Testando <b>{ $name }</b>…
test-head = <b>{ $name }</b>: { $status }
test-started = Testando…
delete-confirm = Apagar <b>{ $name }</b>? As chaves guardadas são apagadas e a plataforma deixa de usá-la. Isso não pode ser desfeito.
delete-done = <b>{ $name }</b> foi apagada e suas chaves também. Apague a chave API na exchange se não precisar mais dela.
delete-kept = Nada foi apagado.

## Botões
button-cancel = ✖️ Cancelar
button-key-ready = ✅ Já criei a chave
button-use-name = Usar "{ $name }"
button-test-again = 🔁 Testar de novo
button-replace = 🔑 Informar nova chave
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
group-credential-deleted = ⚠️ Isso parecia uma chave API ou secreta, então apaguei. Qualquer pessoa deste grupo pode ter visto: apague essa chave na exchange e crie uma nova, numa conversa privada comigo.
group-credential-not-deleted = ⚠️ Isso parece uma chave API ou secreta. Não consigo apagar aqui: apague você mesmo, depois apague essa chave na exchange e crie uma nova.
stray-credential-deleted = Apaguei essa mensagem porque parecia uma chave, mas nenhuma configuração estava esperando por ela (pode ter expirado ou o bot reiniciou). Envie /connect para começar de novo.
stray-credential-not-deleted = Isso parece uma chave, mas nenhuma configuração estava esperando por ela. Apague a mensagem e envie /connect para começar de novo.
unknown-command = Não conheço esse comando. /help mostra o que eu sei fazer.
fallback = Não entendi. /connect adiciona uma exchange, /help mostra tudo.

## Erros
error-NOT_FOUND = Essa conexão não existe (ou não é sua).
error-NAME_TAKEN = Você já tem uma conexão chamada "{ $name }". Escolha outro nome.
error-NAME_INVALID = Esse nome não pode ser usado.
error-KEY_ALREADY_CONNECTED = Esta chave API já está conectada. Cada chave só pode ser conectada uma vez: crie uma chave separada para cada conexão.
error-KEY_ALREADY_YOURS = Esta chave API já está conectada na sua conexão "{ $name }". Cada chave só pode ser conectada uma vez: crie uma chave separada para cada conexão.
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
