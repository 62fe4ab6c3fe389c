## Notificações do monitor de conexões (src/monitor, enviadas por src/bot/notify-sender.ts).
## Enviadas em HTML (<b>, <i> apenas). $name é escapado pelo código; $exchange é o nome da
## exchange; $since é um horário UTC como "2026-11-25 14:05 UTC". As verificações que falharam,
## cada uma com causa e correção de diagnosis.ftl, vêm logo abaixo do texto.
## As chaves são idênticas em todos os idiomas (um teste garante).

notify-offline =
    🔴 <b>{ $name }</b> ({ $exchange }) está <b>offline</b>: a plataforma não consegue operar com ela até que seja corrigida.
    Veja o que encontramos e como corrigir:
notify-offline-exchange =
    🔴 <b>{ $name }</b> ({ $exchange }) está <b>offline</b>: a { $exchange } não respondeu às nossas últimas verificações, então a plataforma não consegue operar por ela agora.
    Sua chave pode estar correta. Continuamos verificando e avisaremos quando voltar.
notify-unsafe =
    ⛔ <b>Urgente: { $name }</b> ({ $exchange }) agora pode <b>sacar fundos</b>.
    Paramos de usar esta chave. Apague-a na { $exchange } imediatamente e conecte uma nova chave sem permissão de saque.
notify-recovered =
    🟢 <b>{ $name }</b> ({ $exchange }) está <b>online de novo</b>. A plataforma já pode operar com ela.
notify-reminder =
    🔴 Lembrete: <b>{ $name }</b> ({ $exchange }) continua <b>offline</b> (desde { $since }).
    Veja o que ainda está errado:
notify-expiry =
    ⏳ <b>{ $name }</b> ({ $exchange }): esta chave de API deixa de funcionar para negociação em <b>{ $date }</b>, como informa a { $exchange }. Corrija antes disso para a plataforma continuar operando:
notify-stopped =
    🔕 <b>Paramos de verificar { $name }</b> ({ $exchange }): a { $exchange } recusou as credenciais várias vezes seguidas, então a chave provavelmente foi apagada ou alterada na exchange.
    A plataforma não consegue operar com ela. Veja o que a { $exchange } respondeu:
notify-footer-fix = Depois de corrigir, toque em "Testar de novo".
notify-footer-stopped = Para corrigir, informe uma nova chave com /replace { $name } ou, se você corrigiu a chave na exchange, toque em "Testar de novo": um teste aprovado reativa a verificação.
notify-footer-settings = Desative estas mensagens em /settings.
notify-button-test = 🔁 Testar de novo
notify-button-replace = 🔑 Informar nova chave
