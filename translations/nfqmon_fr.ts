<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CaptureState</name>
    <message>
        <source>Not capturing</source>
        <translation>Pas de capture</translation>
    </message>
    <message>
        <source>Starting (authorisation may be asked)…</source>
        <translation>Démarrage (une autorisation peut être demandée)…</translation>
    </message>
    <message>
        <source>Capturing</source>
        <translation>Capture en cours</translation>
    </message>
    <message>
        <source>Capturing %1</source>
        <translation>Capture en cours sur %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
</context>
<context>
    <name>ChainStatus</name>
    <message>
        <source>The helper could not read the firewall: %1</source>
        <translation>Le programme auxiliaire n’a pas pu lire le pare-feu&#xa0;: %1</translation>
    </message>
    <message>
        <source>The chains nfqmon fills are missing: create them first (commands below).</source>
        <translation>Les chaînes que nfqmon remplit sont absentes&#xa0;: créez-les d’abord (commandes ci-dessous).</translation>
    </message>
    <message>
        <source>The chains exist, but no rule sends traffic to them: nothing will be captured until one does.</source>
        <translation>Les chaînes existent, mais aucune règle ne leur envoie de trafic&#xa0;: rien ne sera capturé tant qu’une règle ne le fera pas.</translation>
    </message>
    <message>
        <source>The chains exist and traffic is sent to them: ready.</source>
        <translation>Les chaînes existent et du trafic leur est envoyé&#xa0;: prêt.</translation>
    </message>
    <message>
        <source>exists</source>
        <translation>présente</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absente</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>%1: HAKA-PRE %2, HAKA-OUT %3</source>
        <translation>%1&#xa0;: HAKA-PRE %2, HAKA-OUT %3</translation>
    </message>
    <message>
        <source>  no rule jumps to them</source>
        <translation>  aucune règle ne renvoie vers elles</translation>
    </message>
    <message>
        <source>To create them (as root):</source>
        <translation>Pour les créer (en tant que root)&#xa0;:</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>%1 will be captured. %2 will not be captured: table raw (%2) has no chain %3. To capture it too, create the chains and send traffic to them (commands below), then start the capture again.</source>
        <translation>%1 sera capturé. %2 ne sera pas capturé&#xa0;: la table raw (%2) n’a pas de chaîne %3. Pour le capturer aussi, créez les chaînes et envoyez-y du trafic (commandes ci-dessous), puis relancez la capture.</translation>
    </message>
</context>
<context>
    <name>DisplayFilterParser</name>
    <message>
        <source>The quotation mark at %1 is not closed.</source>
        <translation>Le guillemet à la position %1 n’est pas fermé.</translation>
    </message>
    <message>
        <source>“app” needs a program’s name as the Application column shows it: app curl, app &quot;Web Content&quot;.</source>
        <translation>«&#xa0;app&#xa0;» demande le nom d’un programme tel que l’affiche la colonne Application&#xa0;: app curl, app &quot;Web Content&quot;.</translation>
    </message>
    <message>
        <source>“exe” needs the full path of a program: exe /usr/bin/curl.</source>
        <translation>«&#xa0;exe&#xa0;» demande le chemin complet d’un programme&#xa0;: exe /usr/bin/curl.</translation>
    </message>
    <message>
        <source>“user” needs a user’s name or number: user alice, user 1000.</source>
        <translation>«&#xa0;user&#xa0;» demande le nom ou le numéro d’un utilisateur&#xa0;: user alice, user 1000.</translation>
    </message>
    <message>
        <source>“pid” needs a process id: pid 1234.</source>
        <translation>«&#xa0;pid&#xa0;» demande un numéro de processus&#xa0;: pid 1234.</translation>
    </message>
    <message>
        <source>“unit” needs a systemd unit or a glob: unit cron.service, unit app-*.scope.</source>
        <translation>«&#xa0;unit&#xa0;» demande une unité systemd ou un motif&#xa0;: unit cron.service, unit app-*.scope.</translation>
    </message>
    <message>
        <source>“exe %1”: name the program by its full path, starting with /.</source>
        <translation>«&#xa0;exe %1&#xa0;»&#xa0;: désignez le programme par son chemin complet, commençant par /.</translation>
    </message>
    <message>
        <source>There is no user “%1” on this machine.</source>
        <translation>Il n’y a pas d’utilisateur «&#xa0;%1&#xa0;» sur cette machine.</translation>
    </message>
    <message>
        <source>“pid %1”: a process id is a number.</source>
        <translation>«&#xa0;pid %1&#xa0;»&#xa0;: un numéro de processus est un nombre.</translation>
    </message>
    <message>
        <source>“unit %1” cannot match a unit: %2.</source>
        <translation>«&#xa0;unit %1&#xa0;» ne peut correspondre à aucune unité&#xa0;: %2.</translation>
    </message>
    <message>
        <source>“%1” cannot stand inside parentheses: join it to the rest with “and”, outside them.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas figurer entre parenthèses&#xa0;: reliez-le au reste par «&#xa0;and&#xa0;», hors des parenthèses.</translation>
    </message>
    <message>
        <source>“%1” cannot be combined with “or”: it only narrows what the rest shows, joined with “and”.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être combiné avec «&#xa0;or&#xa0;»&#xa0;: il ne fait que restreindre ce que montre le reste, relié par «&#xa0;and&#xa0;».</translation>
    </message>
    <message>
        <source>“and” needs a term on each side.</source>
        <translation>«&#xa0;and&#xa0;» demande un terme de chaque côté.</translation>
    </message>
    <message>
        <source>“%1 %2” is followed by “%3”: join terms with “and”, and quote a name with spaces (app &quot;Web Content&quot;).</source>
        <translation>«&#xa0;%1 %2&#xa0;» est suivi de «&#xa0;%3&#xa0;»&#xa0;: reliez les termes par «&#xa0;and&#xa0;» et mettez entre guillemets un nom qui contient des espaces (app &quot;Web Content&quot;).</translation>
    </message>
    <message>
        <source>“hostname” needs a host name or a domain: hostname a.example.org, hostname *.example.org.</source>
        <translation>«&#xa0;hostname&#xa0;» demande un nom d’hôte ou un domaine&#xa0;: hostname a.example.org, hostname *.example.org.</translation>
    </message>
    <message>
        <source>“hostname %1” cannot match a host name: %2.</source>
        <translation>«&#xa0;hostname %1&#xa0;» ne peut correspondre à aucun nom d’hôte&#xa0;: %2.</translation>
    </message>
    <message>
        <source>“%1 %2” is followed by “%3”: join terms with “and”.</source>
        <translation>«&#xa0;%1 %2&#xa0;» est suivi de «&#xa0;%3&#xa0;»&#xa0;: reliez les termes par «&#xa0;and&#xa0;».</translation>
    </message>
    <message>
        <source>“machine” needs the name of a machine as the Machine column shows it: machine gw.</source>
        <translation>«&#xa0;machine&#xa0;» attend le nom d’une machine tel que la colonne Machine l’affiche&#xa0;: machine gw.</translation>
    </message>
</context>
<context>
    <name>DropNotification</name>
    <message>
        <source>Rule %1 is dropping packets</source>
        <translation>La règle %1 bloque des paquets</translation>
    </message>
    <message>
        <source>Rule %1 is dropping packets of %2</source>
        <translation>La règle %1 bloque des paquets de %2</translation>
    </message>
    <message numerus="yes">
        <source>“%1” has dropped %Ln packet(s) so far.</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» a bloqué %Ln paquet jusqu’ici.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» a bloqué %Ln paquets jusqu’ici.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” on %2 has dropped %Ln packet(s) so far.</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» sur %2 a bloqué %Ln paquet jusqu’ici.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» sur %2 a bloqué %Ln paquets jusqu’ici.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applies to %1.</source>
        <translation>S’applique à %1.</translation>
    </message>
    <message>
        <source>Made from packets of %1.</source>
        <translation>Créée à partir de paquets de %1.</translation>
    </message>
</context>
<context>
    <name>FieldFormat</name>
    <message>
        <source>1 byte</source>
        <translation>1 octet</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>[none]</source>
        <translation>[aucun]</translation>
    </message>
</context>
<context>
    <name>HeaderNames</name>
    <message>
        <source>IPv6 Hop-by-Hop Options</source>
        <translation>Options Hop-by-Hop IPv6</translation>
    </message>
    <message>
        <source>IPv6 Routing</source>
        <translation>Routage IPv6</translation>
    </message>
    <message>
        <source>IPv6 Fragment</source>
        <translation>Fragmentation IPv6</translation>
    </message>
    <message>
        <source>IPv6 Destination Options</source>
        <translation>Options de destination IPv6</translation>
    </message>
    <message>
        <source>Authentication Header</source>
        <translation>En-tête d’authentification</translation>
    </message>
    <message>
        <source>Encapsulating Security Payload</source>
        <translation>Encapsulating Security Payload</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Trailing bytes</source>
        <translation>Octets excédentaires</translation>
    </message>
    <message>
        <source>IPv4 header</source>
        <translation>l’en-tête IPv4</translation>
    </message>
    <message>
        <source>IPv6 header</source>
        <translation>l’en-tête IPv6</translation>
    </message>
    <message>
        <source>IPv6 Hop-by-Hop Options header</source>
        <translation>l’en-tête d’options Hop-by-Hop IPv6</translation>
    </message>
    <message>
        <source>IPv6 Routing header</source>
        <translation>l’en-tête de routage IPv6</translation>
    </message>
    <message>
        <source>IPv6 Fragment header</source>
        <translation>l’en-tête de fragmentation IPv6</translation>
    </message>
    <message>
        <source>IPv6 Destination Options header</source>
        <translation>l’en-tête d’options de destination IPv6</translation>
    </message>
    <message>
        <source>Authentication Header</source>
        <comment>in a sentence: the … needs N bytes</comment>
        <translation>l’en-tête d’authentification</translation>
    </message>
    <message>
        <source>ESP header</source>
        <translation>l’en-tête ESP</translation>
    </message>
    <message>
        <source>TCP header</source>
        <translation>l’en-tête TCP</translation>
    </message>
    <message>
        <source>UDP header</source>
        <translation>l’en-tête UDP</translation>
    </message>
    <message>
        <source>UDP-Lite header</source>
        <translation>l’en-tête UDP-Lite</translation>
    </message>
    <message>
        <source>SCTP common header</source>
        <translation>l’en-tête commun SCTP</translation>
    </message>
    <message>
        <source>DCCP header</source>
        <translation>l’en-tête DCCP</translation>
    </message>
    <message>
        <source>ICMP header</source>
        <translation>l’en-tête ICMP</translation>
    </message>
    <message>
        <source>ICMPv6 header</source>
        <translation>l’en-tête ICMPv6</translation>
    </message>
</context>
<context>
    <name>HelperError</name>
    <message>
        <source>The nfqmon helper is not installed: nothing on the system bus provides %1. Install nfqmon with the prefix /usr (see the README).</source>
        <translation>Le programme auxiliaire de nfqmon n’est pas installé&#xa0;: rien sur le bus système ne fournit %1. Installez nfqmon avec le préfixe /usr (voir le fichier README).</translation>
    </message>
    <message>
        <source>The nfqmon helper could not be started (%1).</source>
        <translation>Le programme auxiliaire de nfqmon n’a pas pu être démarré (%1).</translation>
    </message>
    <message>
        <source>The nfqmon helper did not answer (%1).</source>
        <translation>Le programme auxiliaire de nfqmon n’a pas répondu (%1).</translation>
    </message>
    <message>
        <source>There is no connection to the system bus (%1).</source>
        <translation>Aucune connexion au bus système (%1).</translation>
    </message>
    <message>
        <source>The system bus does not let nfqmon talk to its helper (%1).</source>
        <translation>Le bus système ne permet pas à nfqmon de communiquer avec son programme auxiliaire (%1).</translation>
    </message>
    <message>
        <source>The rule is not valid: %1.</source>
        <translation>La règle n’est pas valide&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The capture could not start: %1.</source>
        <translation>La capture n’a pas pu démarrer&#xa0;: %1.</translation>
    </message>
    <message>
        <source>A dump file was not accepted: %1.</source>
        <translation>Un fichier d’enregistrement a été refusé&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Too many requests at once: %1.</source>
        <translation>Trop de requêtes à la fois&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Not allowed: %1.</source>
        <translation>Non autorisé&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>HostDrop</name>
    <message>
        <source>The chosen packets have different host names</source>
        <translation>Les paquets choisis ont des noms d’hôte différents</translation>
    </message>
    <message numerus="yes">
        <source>The helper learned no host name for the remote end of %n of the chosen packets</source>
        <translation>
            <numerusform>Le programme auxiliaire ne connaît aucun nom d’hôte pour l’extrémité distante de %n des paquets choisis</numerusform>
            <numerusform>Le programme auxiliaire ne connaît aucun nom d’hôte pour l’extrémité distante de %n des paquets choisis</numerusform>
        </translation>
    </message>
    <message>
        <source>To this host name (%1)</source>
        <translation>Vers ce nom d’hôte (%1)</translation>
    </message>
    <message>
        <source>%1 to host %2</source>
        <translation>%1 vers l’hôte %2</translation>
    </message>
    <message>
        <source>To this host name</source>
        <translation>Vers ce nom d’hôte</translation>
    </message>
    <message>
        <source>To this domain (%1)</source>
        <translation>Vers ce domaine (%1)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 vers %2</translation>
    </message>
    <message>
        <source>To this domain</source>
        <translation>Vers ce domaine</translation>
    </message>
    <message>
        <source>The chosen packets are of different domains</source>
        <translation>Les paquets choisis sont de domaines différents</translation>
    </message>
</context>
<context>
    <name>HostFilter</name>
    <message>
        <source>To this host (%1)</source>
        <translation>Vers cet hôte (%1)</translation>
    </message>
    <message>
        <source>To this domain (%1)</source>
        <translation>Vers ce domaine (%1)</translation>
    </message>
    <message>
        <source>To this host</source>
        <translation>Vers cet hôte</translation>
    </message>
    <message>
        <source>To this domain</source>
        <translation>Vers ce domaine</translation>
    </message>
</context>
<context>
    <name>HostText</name>
    <message>
        <source>DNS answer</source>
        <translation>réponse DNS</translation>
    </message>
    <message>
        <source>TLS server name</source>
        <translation>nom de serveur TLS</translation>
    </message>
    <message>
        <source>HTTP Host header</source>
        <translation>en-tête Host HTTP</translation>
    </message>
    <message>
        <source>QUIC server name</source>
        <translation>nom de serveur QUIC</translation>
    </message>
    <message>
        <source>from a DNS answer</source>
        <translation>d’une réponse DNS</translation>
    </message>
    <message>
        <source>from the TLS server name</source>
        <translation>du nom de serveur TLS</translation>
    </message>
    <message>
        <source>from the HTTP Host header</source>
        <translation>de l’en-tête Host HTTP</translation>
    </message>
    <message>
        <source>from the QUIC server name</source>
        <translation>du nom de serveur QUIC</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>from a reverse DNS lookup of the address by this window; rules do not use it</source>
        <translation>d’une résolution DNS inverse de l’adresse par cette fenêtre&#xa0;; les règles ne l’utilisent pas</translation>
    </message>
    <message>
        <source>%1 (reverse lookup)</source>
        <translation>%1 (résolution inverse)</translation>
    </message>
</context>
<context>
    <name>IcmpText</name>
    <message>
        <source>echo reply</source>
        <translation>réponse d’écho</translation>
    </message>
    <message>
        <source>destination unreachable</source>
        <translation>destination inaccessible</translation>
    </message>
    <message>
        <source>source quench</source>
        <translation>ralentissement de la source</translation>
    </message>
    <message>
        <source>redirect</source>
        <translation>redirection</translation>
    </message>
    <message>
        <source>echo request</source>
        <translation>demande d’écho</translation>
    </message>
    <message>
        <source>router advertisement</source>
        <translation>annonce de routeur</translation>
    </message>
    <message>
        <source>router solicitation</source>
        <translation>sollicitation de routeur</translation>
    </message>
    <message>
        <source>time exceeded</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <source>parameter problem</source>
        <translation>problème de paramètre</translation>
    </message>
    <message>
        <source>timestamp request</source>
        <translation>demande d’horodatage</translation>
    </message>
    <message>
        <source>timestamp reply</source>
        <translation>réponse d’horodatage</translation>
    </message>
    <message>
        <source>network unreachable</source>
        <translation>réseau inaccessible</translation>
    </message>
    <message>
        <source>host unreachable</source>
        <translation>hôte inaccessible</translation>
    </message>
    <message>
        <source>protocol unreachable</source>
        <translation>protocole inaccessible</translation>
    </message>
    <message>
        <source>port unreachable</source>
        <translation>port inaccessible</translation>
    </message>
    <message>
        <source>fragmentation needed</source>
        <translation>fragmentation nécessaire</translation>
    </message>
    <message>
        <source>source route failed</source>
        <translation>échec du routage par la source</translation>
    </message>
    <message>
        <source>destination network unknown</source>
        <translation>réseau de destination inconnu</translation>
    </message>
    <message>
        <source>destination host unknown</source>
        <translation>hôte de destination inconnu</translation>
    </message>
    <message>
        <source>network administratively prohibited</source>
        <translation>réseau interdit par l’administrateur</translation>
    </message>
    <message>
        <source>host administratively prohibited</source>
        <translation>hôte interdit par l’administrateur</translation>
    </message>
    <message>
        <source>communication administratively prohibited</source>
        <translation>communication interdite par l’administrateur</translation>
    </message>
    <message>
        <source>packet too big</source>
        <translation>paquet trop gros</translation>
    </message>
    <message>
        <source>multicast listener query</source>
        <translation>requête d’écouteur multicast</translation>
    </message>
    <message>
        <source>multicast listener report</source>
        <translation>rapport d’écouteur multicast</translation>
    </message>
    <message>
        <source>multicast listener done</source>
        <translation>fin d’écoute multicast</translation>
    </message>
    <message>
        <source>neighbor solicitation</source>
        <translation>sollicitation de voisin</translation>
    </message>
    <message>
        <source>neighbor advertisement</source>
        <translation>annonce de voisin</translation>
    </message>
    <message>
        <source>multicast listener report v2</source>
        <translation>rapport d’écouteur multicast v2</translation>
    </message>
    <message>
        <source>no route to destination</source>
        <translation>aucune route vers la destination</translation>
    </message>
    <message>
        <source>administratively prohibited</source>
        <translation>interdit par l’administrateur</translation>
    </message>
    <message>
        <source>beyond scope of source address</source>
        <translation>hors de la portée de l’adresse source</translation>
    </message>
    <message>
        <source>address unreachable</source>
        <translation>adresse inaccessible</translation>
    </message>
    <message>
        <source>source address failed policy</source>
        <translation>adresse source refusée par la politique</translation>
    </message>
    <message>
        <source>reject route to destination</source>
        <translation>route de rejet vers la destination</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>en transit</translation>
    </message>
    <message>
        <source>fragment reassembly</source>
        <translation>réassemblage des fragments</translation>
    </message>
    <message>
        <source>type %1 code %2</source>
        <translation>type %1 code %2</translation>
    </message>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1 (code %2)</translation>
    </message>
</context>
<context>
    <name>NetworkFields</name>
    <message>
        <source>source route (deprecated)</source>
        <translation>routage par la source (obsolète)</translation>
    </message>
    <message>
        <source>Mobile IPv6</source>
        <translation>IPv6 mobile</translation>
    </message>
    <message>
        <source>RPL source route</source>
        <translation>routage par la source RPL</translation>
    </message>
    <message>
        <source>segment routing</source>
        <translation>routage par segments</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Header length</source>
        <translation>Longueur de l’en-tête</translation>
    </message>
    <message>
        <source>DSCP</source>
        <translation>DSCP</translation>
    </message>
    <message>
        <source>ECN</source>
        <translation>ECN</translation>
    </message>
    <message>
        <source>Total length</source>
        <translation>Longueur totale</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>Identification</translation>
    </message>
    <message>
        <source>reserved bit</source>
        <translation>bit réservé</translation>
    </message>
    <message>
        <source>don&apos;t fragment</source>
        <translation>ne pas fragmenter</translation>
    </message>
    <message>
        <source>more fragments</source>
        <translation>fragments suivants</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no flag set</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Fragment offset</source>
        <translation>Décalage du fragment</translation>
    </message>
    <message>
        <source>Time to live</source>
        <translation>Durée de vie (TTL)</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source> (correct)</source>
        <translation> (correcte)</translation>
    </message>
    <message>
        <source> (incorrect, should be %1)</source>
        <translation> (incorrecte, attendu %1)</translation>
    </message>
    <message>
        <source>Header checksum</source>
        <translation>Somme de contrôle de l’en-tête</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no options</comment>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Traffic class</source>
        <translation>Classe de trafic</translation>
    </message>
    <message>
        <source>Flow label</source>
        <translation>Étiquette de flux</translation>
    </message>
    <message>
        <source>Payload length</source>
        <translation>Longueur de la charge utile</translation>
    </message>
    <message>
        <source>0 (jumbogram or segmentation offload)</source>
        <translation>0 (jumbogramme ou déchargement de la segmentation)</translation>
    </message>
    <message>
        <source>Next header</source>
        <translation>En-tête suivant</translation>
    </message>
    <message>
        <source>Hop limit</source>
        <translation>Limite de sauts</translation>
    </message>
    <message>
        <source>SPI</source>
        <translation>SPI</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>Numéro de séquence</translation>
    </message>
    <message>
        <source>Encrypted data</source>
        <translation>Données chiffrées</translation>
    </message>
    <message>
        <source>More fragments</source>
        <translation>Fragments suivants</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Routing type</source>
        <translation>Type de routage</translation>
    </message>
    <message>
        <source>Segments left</source>
        <translation>Segments restants</translation>
    </message>
</context>
<context>
    <name>OptionList</name>
    <message>
        <source>Record Route</source>
        <translation>Enregistrement de route</translation>
    </message>
    <message>
        <source>Quick-Start</source>
        <translation>Quick-Start</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>Horodatage</translation>
    </message>
    <message>
        <source>Traceroute</source>
        <translation>Traceroute</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Loose Source Route</source>
        <translation>Routage par la source non strict</translation>
    </message>
    <message>
        <source>Extended Security</source>
        <translation>Sécurité étendue</translation>
    </message>
    <message>
        <source>CIPSO</source>
        <translation>CIPSO</translation>
    </message>
    <message>
        <source>Stream ID</source>
        <translation>Identifiant de flux</translation>
    </message>
    <message>
        <source>Strict Source Route</source>
        <translation>Routage par la source strict</translation>
    </message>
    <message>
        <source>Router Alert</source>
        <translation>Alerte routeur</translation>
    </message>
    <message>
        <source>Pad1</source>
        <translation>Pad1</translation>
    </message>
    <message>
        <source>PadN</source>
        <translation>PadN</translation>
    </message>
    <message>
        <source>Tunnel Encapsulation Limit</source>
        <translation>Limite d’encapsulation de tunnel</translation>
    </message>
    <message>
        <source>CALIPSO</source>
        <translation>CALIPSO</translation>
    </message>
    <message>
        <source>RPL Option</source>
        <translation>Option RPL</translation>
    </message>
    <message>
        <source>Jumbo Payload</source>
        <translation>Charge utile jumbo</translation>
    </message>
    <message>
        <source>Home Address</source>
        <translation>Adresse de rattachement</translation>
    </message>
    <message>
        <source>window scale</source>
        <translation>facteur d’échelle de fenêtre</translation>
    </message>
    <message>
        <source>SACK permitted</source>
        <translation>SACK autorisé</translation>
    </message>
    <message>
        <source>timestamps</source>
        <translation>horodatages</translation>
    </message>
    <message>
        <source>user timeout</source>
        <translation>délai d’expiration utilisateur</translation>
    </message>
    <message>
        <source>Fast Open</source>
        <translation>Fast Open</translation>
    </message>
    <message>
        <source>end of list</source>
        <translation>fin de liste</translation>
    </message>
    <message>
        <source>(cut off or malformed)</source>
        <translation>(tronqué ou malformé)</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>type %1</translation>
    </message>
</context>
<context>
    <name>OwnerDrop</name>
    <message>
        <source>Everything from this application (%1)</source>
        <translation>Tout ce qui vient de cette application (%1)</translation>
    </message>
    <message>
        <source>%1 from program %2</source>
        <translation>%1 venant du programme %2</translation>
    </message>
    <message>
        <source>Everything from user %1</source>
        <translation>Tout ce qui vient de l’utilisateur %1</translation>
    </message>
    <message>
        <source>%1 from user %2</source>
        <translation>%1 venant de l’utilisateur %2</translation>
    </message>
</context>
<context>
    <name>OwnerFilter</name>
    <message>
        <source>From this application (%1)</source>
        <translation>De cette application (%1)</translation>
    </message>
    <message>
        <source>From user %1</source>
        <translation>De l’utilisateur %1</translation>
    </message>
</context>
<context>
    <name>PacketCellText</name>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Infos</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>out</source>
        <translation>sortant</translation>
    </message>
    <message>
        <source>in</source>
        <translation>entrant</translation>
    </message>
    <message>
        <source>dropped by rule %1</source>
        <translation>bloqué par la règle %1</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>bloqué</translation>
    </message>
    <message>
        <source>accepted by rule %1</source>
        <translation>accepté par la règle %1</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>%1 bytes on the wire, %2 captured</source>
        <translation>%1 octets sur le réseau, %2 capturés</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>The kernel did not say which user&apos;s socket this packet belongs to.</source>
        <translation>Le noyau n’a pas indiqué à quel utilisateur appartient le socket de ce paquet.</translation>
    </message>
    <message>
        <source>uid %1, gid %2</source>
        <translation>uid %1, gid %2</translation>
    </message>
    <message>
        <source>uid %1</source>
        <translation>uid %1</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>(unknown program)</source>
        <translation>(programme inconnu)</translation>
    </message>
    <message>
        <source>(kernel)</source>
        <translation>(noyau)</translation>
    </message>
    <message>
        <source>%1
process %2, user %3</source>
        <translation>%1
processus %2, utilisateur %3</translation>
    </message>
    <message>
        <source>The kernel sent this packet itself: no program did.</source>
        <translation>Le noyau a envoyé ce paquet lui-même&#xa0;: aucun programme ne l’a fait.</translation>
    </message>
    <message>
        <source>No local socket is known for this packet: it is forwarded, or no program listens for it.</source>
        <translation>Aucune socket locale n’est connue pour ce paquet&#xa0;: il est routé, ou aucun programme ne l’attend.</translation>
    </message>
    <message>
        <source>%1
process %2, user %3
name and icon from %4</source>
        <translation>%1
processus %2, utilisateur %3
nom et icône de %4</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>The helper learned no name for this packet&apos;s remote end.</source>
        <translation>Le programme auxiliaire n’a appris aucun nom pour l’extrémité distante de ce paquet.</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
</context>
<context>
    <name>PacketDescription</name>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
</context>
<context>
    <name>PacketFields</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Arrival time</source>
        <translation>Heure d’arrivée</translation>
    </message>
    <message>
        <source>Arrived on</source>
        <translation>Interface d’arrivée</translation>
    </message>
    <message>
        <source>Leaving through</source>
        <translation>Interface de sortie</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>outgoing (OUTPUT)</source>
        <translation>sortant (OUTPUT)</translation>
    </message>
    <message>
        <source>incoming (PREROUTING)</source>
        <translation>entrant (PREROUTING)</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>%1 bytes, %2 captured</source>
        <translation>%1 octets, %2 capturés</translation>
    </message>
    <message>
        <source>dropped by rule %1</source>
        <translation>bloqué par la règle %1</translation>
    </message>
    <message>
        <source>accepted by rule %1</source>
        <translation>accepté par la règle %1</translation>
    </message>
    <message>
        <source>accepted (no rule matched)</source>
        <translation>accepté (aucune règle ne correspondait)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Identifiant d’utilisateur</translation>
    </message>
    <message>
        <source>Group id</source>
        <translation>Identifiant de groupe</translation>
    </message>
    <message>
        <source>Offload</source>
        <translation>Déchargement</translation>
    </message>
    <message>
        <source>several packets the kernel handed over as one (segmentation offload)</source>
        <translation>plusieurs paquets que le noyau a transmis en un seul (déchargement de la segmentation)</translation>
    </message>
    <message>
        <source>none (read from a file)</source>
        <translation>aucun (lu depuis un fichier)</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Executable</source>
        <translation>Exécutable</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Ligne de commande</translation>
    </message>
    <message>
        <source>Process id</source>
        <translation>Identifiant de processus</translation>
    </message>
    <message>
        <source>%1 (%2 in its own PID namespace)</source>
        <translation>%1 (%2 dans son propre espace de noms PID)</translation>
    </message>
    <message>
        <source>Control group id</source>
        <translation>Identifiant de groupe de contrôle</translation>
    </message>
    <message>
        <source>a process the window was not told about</source>
        <translation>un processus dont la fenêtre n’a pas été informée</translation>
    </message>
    <message>
        <source>none: the kernel sent it itself</source>
        <translation>aucun&#xa0;: le noyau l’a envoyé lui-même</translation>
    </message>
    <message>
        <source>none: no local socket is known for it (forwarded, or no program listens)</source>
        <translation>aucun&#xa0;: aucune socket locale n’est connue pour lui (routé, ou aucun programme ne l’attend)</translation>
    </message>
    <message>
        <source>Control group</source>
        <translation>Groupe de contrôle</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (id %2)</translation>
    </message>
    <message>
        <source>Systemd unit</source>
        <translation>Unité systemd</translation>
    </message>
    <message>
        <source>Flatpak application</source>
        <translation>Application Flatpak</translation>
    </message>
    <message>
        <source>Snap</source>
        <translation>Snap</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Conteneur</translation>
    </message>
    <message>
        <source>Desktop entry</source>
        <translation>Entrée de bureau</translation>
    </message>
    <message>
        <source>Network namespace</source>
        <translation>Espace de noms réseau</translation>
    </message>
    <message>
        <source>another one (a container&apos;s): the packet came here forwarded</source>
        <translation>un autre (celui d’un conteneur)&#xa0;: le paquet est arrivé ici retransmis</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
</context>
<context>
    <name>PcapImporter</name>
    <message>
        <source>%1 holds packets of link type %2, which nfqmon cannot show (it shows IP packets: raw IP, Ethernet, Linux cooked or loopback captures).</source>
        <translation>%1 contient des paquets de type de lien %2, que nfqmon ne sait pas afficher (il affiche les paquets IP&#xa0;: captures IP brutes, Ethernet, Linux cooked ou de boucle locale).</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 est endommagé&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is damaged after packet %2: %3</source>
        <translation>%1 est endommagé après le paquet %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message>
        <source>IPv6 payload length</source>
        <translation>la longueur de charge utile IPv6</translation>
    </message>
    <message>
        <source>IPv4 total length</source>
        <translation>la longueur totale IPv4</translation>
    </message>
    <message>
        <source>truncated: the packet is empty</source>
        <translation>tronqué&#xa0;: le paquet est vide</translation>
    </message>
    <message>
        <source>not an IP packet: the version field is %1</source>
        <translation>pas un paquet IP&#xa0;: le champ version vaut %1</translation>
    </message>
    <message>
        <source>malformed: the version field is %1, but the packet was delivered as IPv%2</source>
        <translation>malformé&#xa0;: le champ version vaut %1, mais le paquet a été remis comme IPv%2</translation>
    </message>
    <message numerus="yes">
        <source>truncated: the %1 needs %2 bytes, %n present</source>
        <translation>
            <numerusform>tronqué&#xa0;: %1 nécessite %2 octets, %n présent</numerusform>
            <numerusform>tronqué&#xa0;: %1 nécessite %2 octets, %n présents</numerusform>
        </translation>
    </message>
    <message>
        <source>malformed: the IPv4 header length is %1 bytes, less than the minimum of 20</source>
        <translation>malformé&#xa0;: la longueur de l’en-tête IPv4 est de %1 octets, moins que le minimum de 20</translation>
    </message>
    <message>
        <source>malformed: the IPv4 total length (%1) is less than the header length (%2)</source>
        <translation>malformé&#xa0;: la longueur totale IPv4 (%1) est inférieure à la longueur de l’en-tête (%2)</translation>
    </message>
    <message>
        <source>malformed: the %1 needs %2 bytes, but the %3 leaves room for %4</source>
        <translation>malformé&#xa0;: %1 nécessite %2 octets, mais %3 ne laisse de la place que pour %4</translation>
    </message>
    <message>
        <source>malformed: the TCP data offset is %1 bytes, less than the minimum of 20</source>
        <translation>malformé&#xa0;: le décalage des données TCP est de %1 octets, moins que le minimum de 20</translation>
    </message>
    <message>
        <source>malformed: the UDP-Lite checksum coverage (%1) is less than the 8-byte header</source>
        <translation>malformé&#xa0;: la couverture de la somme de contrôle UDP-Lite (%1) est inférieure à l’en-tête de 8 octets</translation>
    </message>
    <message>
        <source>malformed: the UDP length (%1) is less than the 8-byte header</source>
        <translation>malformé&#xa0;: la longueur UDP (%1) est inférieure à l’en-tête de 8 octets</translation>
    </message>
    <message>
        <source>malformed: the UDP-Lite checksum coverage (%1) is more than the %2 bytes the %3 leaves for it</source>
        <translation>malformé&#xa0;: la couverture de la somme de contrôle UDP-Lite (%1) dépasse les %2 octets que lui laisse %3</translation>
    </message>
    <message>
        <source>malformed: the UDP length (%1) is more than the %2 bytes the %3 leaves for it</source>
        <translation>malformé&#xa0;: la longueur UDP (%1) dépasse les %2 octets que lui laisse %3</translation>
    </message>
    <message>
        <source>malformed: the extension headers run past 65535 bytes</source>
        <translation>malformé&#xa0;: les en-têtes d’extension dépassent 65535 octets</translation>
    </message>
</context>
<context>
    <name>RuleSuggestion</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Provenant de %1</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>À destination de %1</translation>
    </message>
    <message>
        <source>Conversation %1</source>
        <translation>Conversation %1</translation>
    </message>
    <message>
        <source>To port %1</source>
        <translation>Vers le port %1</translation>
    </message>
    <message>
        <source>Protocol %1</source>
        <translation>Protocole %1</translation>
    </message>
</context>
<context>
    <name>SummaryText</name>
    <message>
        <source>IP version does not match the packet&apos;s family (malformed)</source>
        <translation>la version IP ne correspond pas à la famille du paquet (malformé)</translation>
    </message>
    <message>
        <source>no IP header</source>
        <translation>pas d’en-tête IP</translation>
    </message>
    <message>
        <source>[fragment: offset %1, id %2]</source>
        <translation>[fragment&#xa0;: décalage %1, id %2]</translation>
    </message>
    <message>
        <source>(truncated: %1 header)</source>
        <translation>(tronqué&#xa0;: en-tête %1)</translation>
    </message>
    <message>
        <source>(truncated: authentication header)</source>
        <translation>(tronqué&#xa0;: en-tête d’authentification)</translation>
    </message>
    <message>
        <source>(truncated: IPv6 extension headers)</source>
        <translation>(tronqué&#xa0;: en-têtes d’extension IPv6)</translation>
    </message>
    <message>
        <source>(truncated: IPv4 options)</source>
        <translation>(tronqué&#xa0;: options IPv4)</translation>
    </message>
    <message>
        <source>(malformed)</source>
        <translation>(malformé)</translation>
    </message>
</context>
<context>
    <name>TransportFields</name>
    <message>
        <source>Source port</source>
        <translation>Port source</translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation>Port de destination</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Checksum coverage</source>
        <translation>Couverture de la somme de contrôle</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Somme de contrôle</translation>
    </message>
    <message>
        <source>0x0000 (none)</source>
        <translation>0x0000 (aucune)</translation>
    </message>
    <message>
        <source>Verification tag</source>
        <translation>Étiquette de vérification</translation>
    </message>
    <message>
        <source>Data offset</source>
        <translation>Décalage des données</translation>
    </message>
    <message>
        <source>Packet type</source>
        <translation>Type de paquet</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>Numéro de séquence</translation>
    </message>
    <message>
        <source>Acknowledgment number</source>
        <translation>Numéro d’acquittement</translation>
    </message>
    <message>
        <source>Header length</source>
        <translation>Longueur de l’en-tête</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>Urgent pointer</source>
        <translation>Pointeur d’urgence</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>Next-hop MTU</source>
        <translation>MTU du saut suivant</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>NFQueue Monitor</source>
        <translation>NFQueue Monitor</translation>
    </message>
    <message>
        <source>Shows the packets netfilter queues to userspace, drops traffic by rule and saves it to pcap files.</source>
        <translation>Affiche les paquets que netfilter met en file d’attente vers l’espace utilisateur, bloque le trafic selon des règles et l’enregistre dans des fichiers pcap.</translation>
    </message>
    <message>
        <source>A pcap file to browse.</source>
        <translation>Un fichier pcap à consulter.</translation>
    </message>
</context>
<context>
    <name>nfqmon::AllMachinesWindow</name>
    <message>
        <source>All machines — NFQueue Monitor</source>
        <translation>Toutes les machines — NFQueue Monitor</translation>
    </message>
    <message>
        <source>Open the window of %1</source>
        <translation>Ouvrir la fenêtre de %1</translation>
    </message>
    <message>
        <source>The window of %1 is closed.</source>
        <translation>La fenêtre de %1 est fermée.</translation>
    </message>
    <message>
        <source>Show only packets of %1</source>
        <translation>Afficher seulement les paquets de %1</translation>
    </message>
    <message>
        <source>Packets of %1, each from when it joined this table.</source>
        <translation>Paquets de %1, chacune depuis son arrivée dans ce tableau.</translation>
    </message>
</context>
<context>
    <name>nfqmon::CaptureCommand</name>
    <message>
        <source>standard output</source>
        <translation>sortie standard</translation>
    </message>
    <message>
        <source>%1 packets captured, %2 accepted, %3 dropped, %4 lost</source>
        <translation>%1 paquets capturés, %2 acceptés, %3 rejetés, %4 perdus</translation>
    </message>
    <message>
        <source>Standard output is a terminal: --relay writes nfqmon&apos;s binary stream for a program to read, so pipe it into one.</source>
        <translation>La sortie standard est un terminal&#xa0;: --relay écrit le flux binaire de nfqmon pour un programme, redirigez-le donc vers l’un d’eux.</translation>
    </message>
    <message>
        <source>Standard output is a terminal: write the capture to a file with -w FILE, or pipe it into a program (-w - | wireshark -k -i -).</source>
        <translation>La sortie standard est un terminal&#xa0;: écrivez la capture dans un fichier avec -w FICHIER, ou redirigez-la vers un programme (-w - | wireshark -k -i -).</translation>
    </message>
    <message>
        <source>Cannot write to standard output: %1.</source>
        <translation>Impossible d’écrire sur la sortie standard&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Cannot write the capture to %1: %2.</source>
        <translation>Impossible d’écrire la capture dans %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>A capture is already running on this host (started by the window or another program): nfqmon-capture --attach writes its packets without starting one.</source>
        <translation>Une capture est déjà en cours sur cet hôte (démarrée par la fenêtre ou un autre programme)&#xa0;: nfqmon-capture --attach écrit ses paquets sans en démarrer une.</translation>
    </message>
    <message>
        <source>No capture is running on this host, so there is no packet stream to relay.</source>
        <translation>Aucune capture n’est en cours sur cet hôte, il n’y a donc pas de flux de paquets à relayer.</translation>
    </message>
    <message>
        <source>No capture is running on this host to attach to.</source>
        <translation>Aucune capture n’est en cours sur cet hôte à laquelle se joindre.</translation>
    </message>
    <message>
        <source>The capture started, but its packets cannot reach nfqmon-capture, so it was stopped. %1</source>
        <translation>La capture a démarré, mais ses paquets ne peuvent pas atteindre nfqmon-capture, elle a donc été arrêtée. %1</translation>
    </message>
    <message>
        <source>Writing the running capture&apos;s packets to %1.</source>
        <translation>Écriture des paquets de la capture en cours dans %1.</translation>
    </message>
    <message>
        <source>Capturing on %1, writing to %2.</source>
        <translation>Capture sur %1, écrite dans %2.</translation>
    </message>
    <message>
        <source>The packet stream broke: %1.</source>
        <translation>Le flux de paquets s’est interrompu&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The capture ended: %1.</source>
        <translation>La capture s’est terminée&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The capture ended before nfqmon-capture stopped it.</source>
        <translation>La capture s’est terminée avant que nfqmon-capture ne l’arrête.</translation>
    </message>
    <message>
        <source>Writing the capture failed: %1.</source>
        <translation>L’écriture de la capture a échoué&#xa0;: %1.</translation>
    </message>
    <message>
        <source>%1 packets did not reach the helper: the kernel&apos;s queue was full.</source>
        <translation>%1 paquets n’ont pas atteint l’assistant&#xa0;: la file du noyau était pleine.</translation>
    </message>
    <message>
        <source>%1 packets decided in the kernel after the first %2 of their connection: %3 passed, %4 dropped.</source>
        <translation>%1 paquets décidés dans le noyau après les %2 premiers de leur connexion&#xa0;: %3 acceptés, %4 rejetés.</translation>
    </message>
</context>
<context>
    <name>nfqmon::CaptureCommandLine</name>
    <message>
        <source>Captures the packets netfilter queues to nfqmon and writes them as pcapng, each with its verdict, rule, direction and interface.</source>
        <translation>Capture les paquets que netfilter met en file pour nfqmon et les écrit en pcapng, chacun avec son verdict, sa règle, sa direction et son interface.</translation>
    </message>
    <message>
        <source>Capture on this interface (repeat it, or separate names with commas); &quot;any&quot; for every interface, the default.</source>
        <translation>Capturer sur cette interface (à répéter, ou noms séparés par des virgules)&#xa0;; «&#xa0;any&#xa0;» pour toutes les interfaces, par défaut.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Create the iptables rules automatically (the default).</source>
        <translation>Créer les règles iptables automatiquement (par défaut).</translation>
    </message>
    <message>
        <source>Create no iptables rules: capture what your own rules send to the chains HAKA-PRE and HAKA-OUT.</source>
        <translation>Ne créer aucune règle iptables&#xa0;: capturer ce que vos propres règles envoient aux chaînes HAKA-PRE et HAKA-OUT.</translation>
    </message>
    <message>
        <source>Stop after this many packets.</source>
        <translation>S’arrêter après ce nombre de paquets.</translation>
    </message>
    <message>
        <source>packets</source>
        <translation>paquets</translation>
    </message>
    <message>
        <source>Stop after this many seconds.</source>
        <translation>S’arrêter après ce nombre de secondes.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>Write the pcapng capture to this file, or &quot;-&quot; for standard output (the default).</source>
        <translation>Écrire la capture pcapng dans ce fichier, ou «&#xa0;-&#xa0;» pour la sortie standard (par défaut).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Print nothing on standard error but errors.</source>
        <translation>N’afficher sur la sortie d’erreur que les erreurs.</translation>
    </message>
    <message>
        <source>The NFQUEUE number (default 0); change it when another program uses queue 0.</source>
        <translation>Le numéro NFQUEUE (0 par défaut)&#xa0;; changez-le quand un autre programme utilise la file 0.</translation>
    </message>
    <message>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>How many queues, each with a thread of the helper (1 to %1).</source>
        <translation>Combien de files, chacune avec un thread de l’assistant (1 à %1).</translation>
    </message>
    <message>
        <source>Bytes kept of each packet (%1 to %2, default %3).</source>
        <translation>Octets gardés de chaque paquet (%1 à %2, %3 par défaut).</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>octets</translation>
    </message>
    <message>
        <source>Write the packets of the capture already running on this host instead of starting one; it goes on when this program ends.</source>
        <translation>Écrire les paquets de la capture déjà en cours sur cet hôte au lieu d’en démarrer une&#xa0;; elle continue quand ce programme se termine.</translation>
    </message>
    <message>
        <source>Copy the packet stream of the capture running on this host to standard output unchanged (nfqmon&apos;s own format, for a window on another host).</source>
        <translation>Copier le flux de paquets de la capture en cours sur cet hôte tel quel sur la sortie standard (le format propre à nfqmon, pour une fenêtre sur un autre hôte).</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;: nfqmon-capture takes no filter; drop rules decide what passes.</source>
        <translation>Argument inattendu «&#xa0;%1&#xa0;»&#xa0;: nfqmon-capture ne prend pas de filtre&#xa0;; les règles de rejet décident de ce qui passe.</translation>
    </message>
    <message>
        <source>Give either --relay or --attach, not both.</source>
        <translation>Indiquez soit --relay, soit --attach, pas les deux.</translation>
    </message>
    <message>
        <source>--relay copies the running capture&apos;s stream to standard output and takes no option but -q (not --%1).</source>
        <translation>--relay copie le flux de la capture en cours sur la sortie standard et ne prend aucune option sauf -q (pas --%1).</translation>
    </message>
    <message>
        <source>--attach writes the running capture as it was started, so --%1 cannot change it.</source>
        <translation>--attach écrit la capture en cours telle qu’elle a été démarrée, donc --%1 ne peut pas la changer.</translation>
    </message>
    <message>
        <source>-i needs an interface name (&quot;%1&quot; has an empty one).</source>
        <translation>-i demande un nom d’interface («&#xa0;%1&#xa0;» en contient un vide).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an interface name.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom d’interface.</translation>
    </message>
    <message>
        <source>&quot;any&quot; stands for every interface: give it alone, or name the interfaces.</source>
        <translation>«&#xa0;any&#xa0;» désigne toutes les interfaces&#xa0;: indiquez-le seul, ou nommez les interfaces.</translation>
    </message>
    <message>
        <source>Name at most %1 interfaces.</source>
        <translation>Nommez au plus %1 interfaces.</translation>
    </message>
    <message>
        <source>Give either --rules or --no-rules, not both.</source>
        <translation>Indiquez soit --rules, soit --no-rules, pas les deux.</translation>
    </message>
    <message>
        <source>-c needs a number of packets, 1 or more (not &quot;%1&quot;).</source>
        <translation>-c demande un nombre de paquets, 1 ou plus (pas «&#xa0;%1&#xa0;»).</translation>
    </message>
    <message>
        <source>-a needs a duration in seconds, more than 0 (not &quot;%1&quot;).</source>
        <translation>-a demande une durée en secondes, supérieure à 0 (pas «&#xa0;%1&#xa0;»).</translation>
    </message>
    <message>
        <source>-w needs a file name, or &quot;-&quot; for standard output.</source>
        <translation>-w demande un nom de fichier, ou «&#xa0;-&#xa0;» pour la sortie standard.</translation>
    </message>
    <message>
        <source>--queue needs a queue number from 0 to %1 (not &quot;%2&quot;).</source>
        <translation>--queue demande un numéro de file de 0 à %1 (pas «&#xa0;%2&#xa0;»).</translation>
    </message>
    <message>
        <source>--queues needs a number from %1 to %2 (not &quot;%3&quot;).</source>
        <translation>--queues demande un nombre de %1 à %2 (pas «&#xa0;%3&#xa0;»).</translation>
    </message>
    <message>
        <source>Queues %1 and on do not fit below %2: choose a lower --queue.</source>
        <translation>Les files à partir de %1 ne tiennent pas sous %2&#xa0;: choisissez un --queue plus petit.</translation>
    </message>
    <message>
        <source>-s needs a number of bytes from %1 to %2 (not &quot;%3&quot;).</source>
        <translation>-s demande un nombre d’octets de %1 à %2 (pas «&#xa0;%3&#xa0;»).</translation>
    </message>
    <message>
        <source>This host has no interface &quot;%1&quot; (see ip link).</source>
        <translation>Cet hôte n’a pas d’interface «&#xa0;%1&#xa0;» (voir ip link).</translation>
    </message>
    <message>
        <source>Inspect only the first N packets of each TCP or UDP connection (1 to %1); the kernel passes or drops the rest as the last of them was decided, and they are not written.</source>
        <translation>Inspecter seulement les N premiers paquets de chaque connexion TCP ou UDP (1 à %1)&#xa0;; le noyau laisse passer ou rejette le reste comme le dernier d’entre eux a été décidé, et ils ne sont pas écrits.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>--inspect needs a number of packets from 1 to %1 (not &quot;%2&quot;).</source>
        <translation>--inspect attend un nombre de paquets de 1 à %1 (pas «&#xa0;%2&#xa0;»).</translation>
    </message>
</context>
<context>
    <name>nfqmon::CaptureController</name>
    <message>
        <source>Choose at least one interface to capture on.</source>
        <translation>Choisissez au moins une interface sur laquelle capturer.</translation>
    </message>
    <message>
        <source>Save all packets and accepted packets to two different files (both are %1).</source>
        <translation>Enregistrez tous les paquets et les paquets acceptés dans deux fichiers différents (les deux sont %1).</translation>
    </message>
    <message>
        <source>Cannot open %1 to save packets to: %2.</source>
        <translation>Impossible d’ouvrir %1 pour y enregistrer les paquets&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The capture started, but its packets cannot reach this window, so it was stopped. %1</source>
        <translation>La capture a démarré, mais ses paquets ne peuvent pas parvenir à cette fenêtre&#x202f;; elle a donc été arrêtée. %1</translation>
    </message>
    <message>
        <source>The helper stopped while the capture ran. Start again to go on. (%1)</source>
        <translation>Le programme auxiliaire s’est arrêté pendant la capture. Redémarrez-la pour continuer. (%1)</translation>
    </message>
    <message>
        <source>The capture ended.</source>
        <translation>La capture est terminée.</translation>
    </message>
    <message>
        <source>The capture ended: %1.</source>
        <translation>La capture est terminée&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The packet stream broke, so the capture was stopped: %1.</source>
        <translation>Le flux de paquets a été interrompu, la capture a donc été arrêtée&#xa0;: %1.</translation>
    </message>
    <message>
        <source>the helper closed it</source>
        <translation>le programme auxiliaire l’a fermé</translation>
    </message>
    <message>
        <source>The helper stopped while the capture ran (it crashed or was killed). Start again to go on.</source>
        <translation>Le programme auxiliaire s’est arrêté pendant la capture (il a planté ou a été tué). Redémarrez-la pour continuer.</translation>
    </message>
</context>
<context>
    <name>nfqmon::CaptureSettingsDialog</name>
    <message>
        <source>&amp;Create the iptables rules automatically</source>
        <translation>&amp;Créer automatiquement les règles iptables</translation>
    </message>
    <message>
        <source>Save &amp;all received packets to:</source>
        <translation>Enregistrer &amp;tous les paquets reçus dans&#xa0;:</translation>
    </message>
    <message>
        <source>Save acce&amp;pted packets to:</source>
        <translation>Enregistrer les paquets acce&amp;ptés dans&#xa0;:</translation>
    </message>
    <message>
        <source>Capture settings</source>
        <translation>Paramètres de capture</translation>
    </message>
    <message>
        <source>On: nfqmon creates the chains HAKA-PRE and HAKA-OUT and sends the chosen interfaces&apos; traffic to them, and removes all of it when the capture stops. Off: you create the chains and decide which traffic goes there; nfqmon only fills them.</source>
        <translation>Activé&#xa0;: nfqmon crée les chaînes HAKA-PRE et HAKA-OUT, y envoie le trafic des interfaces choisies et supprime le tout à l’arrêt de la capture. Désactivé&#xa0;: vous créez les chaînes et décidez du trafic qui y est envoyé&#x202f;; nfqmon se contente de les remplir.</translation>
    </message>
    <message>
        <source>Your chains in table raw, as the helper sees them:</source>
        <translation>Vos chaînes de la table raw, telles que le programme auxiliaire les voit&#xa0;:</translation>
    </message>
    <message>
        <source>Firewall rules</source>
        <translation>Règles du pare-feu</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>pcap files with nanosecond times; the packets your rules drop are saved only to the first. Existing files are replaced.</source>
        <translation>Fichiers pcap horodatés à la nanoseconde&#x202f;; les paquets bloqués par vos règles ne sont enregistrés que dans le premier. Les fichiers existants sont remplacés.</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> octets</translation>
    </message>
    <message>
        <source>How much of each packet is kept for the window and the files</source>
        <translation>Quantité de chaque paquet conservée pour la fenêtre et les fichiers</translation>
    </message>
    <message>
        <source>The NFQUEUE number; change it when another program uses queue 0</source>
        <translation>Le numéro NFQUEUE&#x202f;; changez-le si un autre programme utilise la file d’attente 0</translation>
    </message>
    <message>
        <source> packets</source>
        <translation> paquets</translation>
    </message>
    <message>
        <source>The window keeps at most this many packets; the oldest roll off (the status bar counts them)</source>
        <translation>La fenêtre conserve au plus ce nombre de paquets&#x202f;; les plus anciens sont retirés (la barre d’état les compte)</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>&amp;Snap length:</source>
        <translation>&amp;Longueur de capture&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Queue number:</source>
        <translation>&amp;Numéro de file d’attente&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Keep at most:</source>
        <translation>Con&amp;server au plus&#xa0;:</translation>
    </message>
    <message>
        <source>The helper cannot be asked.</source>
        <translation>Impossible d’interroger le programme auxiliaire.</translation>
    </message>
    <message>
        <source>Asking the helper…</source>
        <translation>Interrogation du programme auxiliaire…</translation>
    </message>
    <message>
        <source>The helper could not be asked: %1</source>
        <translation>Le programme auxiliaire n’a pas pu être interrogé&#xa0;: %1</translation>
    </message>
    <message>
        <source>To create the chains (as root):</source>
        <translation>Pour créer les chaînes (en tant que root)&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;heck again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <source>You are not allowed to read the firewall&apos;s rules, so nfqmon cannot check the chains (%1). Check again to enter an administrator&apos;s password.</source>
        <translation>Vous n’êtes pas autorisé à lire les règles du pare-feu, nfqmon ne peut donc pas vérifier les chaînes (%1). Vérifiez à nouveau pour saisir le mot de passe d’un administrateur.</translation>
    </message>
    <message>
        <source>&amp;Look up names of unnamed addresses (reverse DNS)</source>
        <translation>&amp;Rechercher le nom des adresses sans nom (DNS inverse)</translation>
    </message>
    <message>
        <source>Off by default. The window, never the helper, asks the system&apos;s resolver in the background for the names of remote addresses the helper learned no name for. Such a name is shown as a reverse lookup in the Host column and the details, and is never used by rules or the display filter.</source>
        <translation>Désactivé par défaut. La fenêtre, jamais le programme auxiliaire, demande en arrière-plan au résolveur du système le nom des adresses distantes pour lesquelles le programme auxiliaire n’a appris aucun nom. Un tel nom est indiqué comme résolution inverse dans la colonne Hôte et les détails, et n’est jamais utilisé par les règles ni par le filtre.</translation>
    </message>
    <message>
        <source>&amp;Inspect only the first</source>
        <translation>&amp;Inspecter seulement les premiers</translation>
    </message>
    <message>
        <source>Only the inspected packets are saved: the first packets of each connection (see Inspect only the first, below).</source>
        <translation>Seuls les paquets inspectés sont enregistrés&#xa0;: les premiers paquets de chaque connexion (voir «&#xa0;Inspecter seulement les premiers&#xa0;» ci-dessous).</translation>
    </message>
    <message>
        <source> packets of each connection</source>
        <translation> paquets de chaque connexion</translation>
    </message>
    <message>
        <source>Off: the helper sees every packet. On: it sees the first packets of each TCP or UDP connection (both directions), and the kernel passes or drops the rest as the last of them was decided, counting them, at almost no cost. A rule changed later applies to each connection&apos;s next packet. The table and the dumps then hold only the inspected packets; the status bar counts the rest.</source>
        <translation>Désactivé&#xa0;: l’assistant voit chaque paquet. Activé&#xa0;: il voit les premiers paquets de chaque connexion TCP ou UDP (dans les deux sens), et le noyau laisse passer ou rejette le reste comme le dernier d’entre eux a été décidé, en les comptant, pour un coût presque nul. Une règle modifiée ensuite s’applique au paquet suivant de chaque connexion. Le tableau et les fichiers de capture ne contiennent alors que les paquets inspectés&#xa0;; la barre d’état compte le reste.</translation>
    </message>
</context>
<context>
    <name>nfqmon::ChartsPanel</name>
    <message>
        <source>Protocols (packets)</source>
        <translation>Protocoles (paquets)</translation>
    </message>
    <message>
        <source>Top talkers (packets sent)</source>
        <translation>Principaux émetteurs (paquets envoyés)</translation>
    </message>
    <message>
        <source>packets</source>
        <translation>paquets</translation>
    </message>
    <message>
        <source>Top destination ports (packets)</source>
        <translation>Principaux ports de destination (paquets)</translation>
    </message>
    <message>
        <source>Packets/s</source>
        <translation>Paquets/s</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>Octets/s</translation>
    </message>
    <message>
        <source>What the rate chart counts</source>
        <translation>Ce que compte le graphique de débit</translation>
    </message>
    <message>
        <source>Show all times</source>
        <translation>Afficher toute la période</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Protocoles</translation>
    </message>
    <message>
        <source>Top talkers</source>
        <translation>Principaux émetteurs</translation>
    </message>
    <message>
        <source>Top ports</source>
        <translation>Principaux ports</translation>
    </message>
    <message>
        <source>Table shows %1 – %2</source>
        <translation>Le tableau affiche %1 – %2</translation>
    </message>
    <message>
        <source>Drag across the chart to filter by time</source>
        <translation>Faites glisser sur le graphique pour filtrer par période</translation>
    </message>
    <message>
        <source>Exact counts: every source so far has a counter of its own (up to %L1 sources).</source>
        <translation>Comptes exacts&#xa0;: chaque source vue jusqu’ici a son propre compteur (jusqu’à %L1 sources).</translation>
    </message>
    <message>
        <source>Counted in fixed memory (%L1 counters, Space-Saving): a count may be too high by up to %L2 packets, never too low, and every source that sent more than %L2 packets is counted.</source>
        <translation>Compté en mémoire fixe (%L1 compteurs, Space-Saving)&#xa0;: un compte peut être trop élevé de %L2 paquets au plus, jamais trop bas, et toute source ayant envoyé plus de %L2 paquets est comptée.</translation>
    </message>
    <message>
        <source>Exact counts: every port so far has a counter of its own (up to %L1 ports).</source>
        <translation>Comptes exacts&#xa0;: chaque port vu jusqu’ici a son propre compteur (jusqu’à %L1 ports).</translation>
    </message>
    <message>
        <source>Counted in fixed memory (%L1 counters, Space-Saving): a count may be too high by up to %L2 packets, never too low, and every port that received more than %L2 packets is counted.</source>
        <translation>Compté en mémoire fixe (%L1 compteurs, Space-Saving)&#xa0;: un compte peut être trop élevé de %L2 paquets au plus, jamais trop bas, et tout port ayant reçu plus de %L2 paquets est compté.</translation>
    </message>
    <message>
        <source>Top applications (packets sent and received)</source>
        <translation>Principales applications (paquets envoyés et reçus)</translation>
    </message>
    <message>
        <source>Top applications</source>
        <translation>Principales applications</translation>
    </message>
    <message>
        <source>Packets of each program, sent or received, named as in the Application column; the kernel&apos;s own packets count as (kernel). Forwarded packets, packets nobody listens for and packets of unknown origin (an opened file) are not counted.</source>
        <translation>Paquets envoyés ou reçus par chaque programme, nommé comme dans la colonne Application&#xa0;; les paquets propres au noyau comptent comme (noyau). Les paquets routés, ceux qu’aucun programme n’attend et ceux d’origine inconnue (un fichier ouvert) ne sont pas comptés.</translation>
    </message>
    <message>
        <source>Exact counts: every application so far has a counter of its own (up to %L1 applications).</source>
        <translation>Comptes exacts&#xa0;: chaque application vue jusqu’ici a son propre compteur (jusqu’à %L1 applications).</translation>
    </message>
    <message>
        <source>Counted in fixed memory (%L1 counters, Space-Saving): a count may be too high by up to %L2 packets, never too low, and every application with more than %L2 packets is counted.</source>
        <translation>Compté en mémoire fixe (%L1 compteurs, Space-Saving)&#xa0;: un compte peut être trop élevé de %L2 paquets au plus, jamais trop bas, et toute application ayant plus de %L2 paquets est comptée.</translation>
    </message>
    <message>
        <source>Top hosts (packets sent and received)</source>
        <translation>Principaux hôtes (paquets envoyés et reçus)</translation>
    </message>
    <message>
        <source>Top hosts</source>
        <translation>Principaux hôtes</translation>
    </message>
    <message>
        <source>Packets to and from each host name the helper learned, named as in the Host column. Packets without a learned name are not counted.</source>
        <translation>Paquets vers et depuis chaque nom d’hôte appris par le programme auxiliaire, nommés comme dans la colonne Hôte. Les paquets sans nom appris ne sont pas comptés.</translation>
    </message>
    <message>
        <source>Exact counts: every host name so far has a counter of its own (up to %L1 names).</source>
        <translation>Comptes exacts&#xa0;: chaque nom d’hôte vu jusqu’ici a son propre compteur (jusqu’à %L1 noms).</translation>
    </message>
    <message>
        <source>Counted in fixed memory (%L1 counters, Space-Saving): a count may be too high by up to %L2 packets, never too low, and every host name with more than %L2 packets is counted.</source>
        <translation>Compté en mémoire fixe (%L1 compteurs, Space-Saving)&#xa0;: un compte peut être trop élevé de %L2 paquets au plus, jamais trop bas, et tout nom d’hôte ayant plus de %L2 paquets est compté.</translation>
    </message>
</context>
<context>
    <name>nfqmon::ConnectionListModel</name>
    <message>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>rejeté</translation>
    </message>
    <message>
        <source>inspected</source>
        <translation>inspectée</translation>
    </message>
    <message>
        <source>inspected again (rules changed)</source>
        <translation>inspectée de nouveau (règles modifiées)</translation>
    </message>
    <message>
        <source>passed by the kernel</source>
        <translation>acceptée par le noyau</translation>
    </message>
    <message>
        <source>dropped by the kernel</source>
        <translation>rejetée par le noyau</translation>
    </message>
    <message>
        <source>Packets the kernel passed or dropped after the inspection depth, as the helper decided this connection: not in the packet table</source>
        <translation>Paquets que le noyau a laissé passer ou rejetés après la profondeur d’inspection, comme l’assistant avait décidé cette connexion&#xa0;: absents du tableau des paquets</translation>
    </message>
    <message>
        <source>Not decided by the kernel: every packet of it was inspected</source>
        <translation>Pas décidée par le noyau&#xa0;: chacun de ses paquets a été inspecté</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation>Inspectés</translation>
    </message>
    <message>
        <source>In the kernel</source>
        <translation>Dans le noyau</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Paquets</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>nfqmon::DesktopIntegration</name>
    <message>
        <source>Show an icon in the system &amp;tray</source>
        <translation>Afficher une icône dans la zone de &amp;notification</translation>
    </message>
    <message>
        <source>The capture state beside the clock; closing the window while capturing keeps the capture running there</source>
        <translation>L’état de la capture à côté de l’horloge&#x202f;; fermer la fenêtre pendant une capture la laisse continuer là</translation>
    </message>
    <message>
        <source>&amp;Notify when a new rule drops packets</source>
        <translation>&amp;Avertir quand une nouvelle règle bloque des paquets</translation>
    </message>
    <message>
        <source>A desktop notification when a rule that had not matched yet drops its first packets</source>
        <translation>Une notification de bureau quand une règle qui n’avait encore rien bloqué bloque ses premiers paquets</translation>
    </message>
    <message>
        <source>NFQueue Monitor is still capturing</source>
        <translation>NFQueue Monitor continue la capture</translation>
    </message>
    <message>
        <source>Click the tray icon to bring the window back; Quit in its menu ends the capture.</source>
        <translation>Cliquez sur l’icône de la zone de notification pour rouvrir la fenêtre&#x202f;; «&#xa0;Quitter&#xa0;» dans son menu arrête la capture.</translation>
    </message>
</context>
<context>
    <name>nfqmon::DesktopNotifier</name>
    <message>
        <source>There is no session bus, so no desktop notification can be shown.</source>
        <translation>Il n’y a pas de bus de session&#x202f;; aucune notification de bureau ne peut donc être affichée.</translation>
    </message>
    <message>
        <source>No desktop notification was shown: %1</source>
        <translation>Aucune notification de bureau n’a été affichée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
</context>
<context>
    <name>nfqmon::DumpFileField</name>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>a pcap file of yours</source>
        <translation>un fichier pcap de votre choix</translation>
    </message>
    <message>
        <source>Save packets to</source>
        <translation>Enregistrer les paquets dans</translation>
    </message>
    <message>
        <source>pcap files (*.pcap);;pcapng files, with host names and verdicts (*.pcapng);;All files (*)</source>
        <extracomment>Three file types, in this order, separated by &quot;;;&quot;.</extracomment>
        <translation>Fichiers pcap (*.pcap);;Fichiers pcapng, avec noms d’hôte et verdicts (*.pcapng);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>nfqmon::ExportDialog</name>
    <message>
        <source>Export packets to pcap</source>
        <translation>Exporter des paquets en pcap</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Paquets</translation>
    </message>
    <message>
        <source>&amp;All captured (%1)</source>
        <translation>&amp;Tous les paquets capturés (%1)</translation>
    </message>
    <message>
        <source>&amp;Displayed by the filter (%1)</source>
        <translation>Affic&amp;hés par le filtre (%1)</translation>
    </message>
    <message>
        <source>&amp;Selected (%1)</source>
        <translation>&amp;Sélectionnés (%1)</translation>
    </message>
    <message>
        <source>Every packet of the selected &amp;conversations (both directions)</source>
        <translation>Tous les paquets des &amp;conversations sélectionnées (dans les deux sens)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Export packets to</source>
        <translation>Exporter les paquets vers</translation>
    </message>
    <message>
        <source>the pcap or pcapng file to write</source>
        <translation>le fichier pcap ou pcapng à écrire</translation>
    </message>
    <message>
        <source>pcap files (*.pcap);;pcapng files, with host names and verdicts (*.pcapng);;All files (*)</source>
        <extracomment>Three file types, in this order, separated by &quot;;;&quot;.</extracomment>
        <translation>Fichiers pcap (*.pcap);;Fichiers pcapng, avec noms d’hôte et verdicts (*.pcapng);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>nfqmon::ExportProgress</name>
    <message>
        <source>Exporting packets to %1…</source>
        <translation>Exportation des paquets vers %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export packets</source>
        <translation>Exportation des paquets</translation>
    </message>
</context>
<context>
    <name>nfqmon::FilterBar</name>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 affichés sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln packet(s)</source>
        <translation>
            <numerusform>%Ln paquet</numerusform>
            <numerusform>%Ln paquets</numerusform>
        </translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation>Fi&amp;ltre&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>filtering %Ln packet(s)…</source>
        <translation>
            <numerusform>filtrage de %Ln paquet…</numerusform>
            <numerusform>filtrage de %Ln paquets…</numerusform>
        </translation>
    </message>
    <message>
        <source>pcap filter and owner, e.g. tcp port 443 or host 10.0.0.7, app curl and udp</source>
        <translation>filtre pcap et émetteur, p. ex. tcp port 443 or host 10.0.0.7, app curl and udp</translation>
    </message>
    <message>
        <source>Show only the packets that match this expression, in the pcap filter language of tcpdump and of the rules, joined with “and” to app NAME, exe PATH, user NAME, pid N or unit GLOB. Empty shows every packet.</source>
        <translation>N’afficher que les paquets correspondant à cette expression, dans le langage de filtre pcap de tcpdump et des règles, reliée par «&#xa0;and&#xa0;» à app NOM, exe CHEMIN, user NOM, pid N ou unit MOTIF. Vide affiche tous les paquets.</translation>
    </message>
    <message>
        <source>Show only the packets that match this expression, in the pcap filter language of tcpdump and of the rules, joined with “and” to app NAME, exe PATH, user NAME, pid N or unit GLOB.</source>
        <translation>N’afficher que les paquets correspondant à cette expression, dans le langage de filtre pcap de tcpdump et des règles, reliée par «&#xa0;and&#xa0;» à app NOM, exe CHEMIN, user NOM, pid N ou unit MOTIF.</translation>
    </message>
</context>
<context>
    <name>nfqmon::HeaderTree</name>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Decoded headers</source>
        <translation>En-têtes décodés</translation>
    </message>
    <message>
        <source>Packet</source>
        <translation>Paquet</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) captured</source>
        <translation>
            <numerusform>%n octet capturé</numerusform>
            <numerusform>%n octets capturés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bytes %1–%2 (%n byte(s))</source>
        <translation>
            <numerusform>octets %1–%2 (%n octet)</numerusform>
            <numerusform>octets %1–%2 (%n octets)</numerusform>
        </translation>
    </message>
    <message>
        <source>no bytes</source>
        <translation>aucun octet</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
</context>
<context>
    <name>nfqmon::HealthWidget</name>
    <message>
        <source>Packets the helper received per second</source>
        <translation>Paquets reçus par seconde par le programme auxiliaire</translation>
    </message>
    <message>
        <source>Fail-open: when the kernel&apos;s queue is full, packets pass unseen instead of waiting or being lost</source>
        <translation>Fail-open&#xa0;: quand la file d’attente du noyau est pleine, les paquets passent sans être vus au lieu d’attendre ou d’être perdus</translation>
    </message>
    <message>
        <source>Browsing %1 (offline)</source>
        <translation>Consultation de %1 (hors ligne)</translation>
    </message>
    <message>
        <source>%1 pkt/s</source>
        <translation>%1 paq./s</translation>
    </message>
    <message>
        <source>dropped by rules %1</source>
        <translation>bloqués par les règles&#xa0;: %1</translation>
    </message>
    <message>
        <source>Packets your rules dropped since the capture started</source>
        <translation>Paquets bloqués par vos règles depuis le début de la capture</translation>
    </message>
    <message>
        <source>lost to display %1</source>
        <translation>perdus pour l’affichage&#xa0;: %1</translation>
    </message>
    <message>
        <source>Packets that passed the firewall but could not reach this window in time (the window was too slow); they are missing from the table</source>
        <translation>Paquets qui ont franchi le pare-feu mais ne sont pas parvenus à temps à cette fenêtre (elle était trop lente)&#x202f;; ils manquent dans le tableau</translation>
    </message>
    <message>
        <source>kernel %1</source>
        <translation>noyau&#xa0;: %1</translation>
    </message>
    <message>
        <source>fail-open on</source>
        <translation>fail-open activé</translation>
    </message>
    <message>
        <source>fail-open off</source>
        <translation>fail-open désactivé</translation>
    </message>
    <message>
        <source>rolled off %1</source>
        <translation>retirés&#xa0;: %1</translation>
    </message>
    <message>
        <source>The oldest packets left the table because of the packet limit in the capture settings</source>
        <translation>Les paquets les plus anciens ont quitté le tableau à cause de la limite de paquets fixée dans les paramètres de capture</translation>
    </message>
    <message>
        <source>Packets the kernel&apos;s queue dropped or could not deliver to the helper (packets that fail-open let pass are not among them: see passed unseen)</source>
        <translation>Paquets que la file du noyau a rejetés ou n’a pas pu remettre au programme auxiliaire (les paquets laissés passer par le fail-open n’en font pas partie&#xa0;: voir passés sans être vus)</translation>
    </message>
    <message>
        <source>passed unseen %1</source>
        <translation>passés sans être vus %1</translation>
    </message>
    <message>
        <source>Packets that reached nfqmon&apos;s queue rules but never the helper: the kernel&apos;s queue was full and fail-open let them pass without a verdict, so rules did not apply to them and they are missing from the table and the dumps. The kernel&apos;s rule counters minus the packets it handed to the helper, read once a second</source>
        <translation>Paquets qui ont atteint les règles de file d’attente de nfqmon mais jamais le programme auxiliaire&#xa0;: la file du noyau était pleine et le fail-open les a laissés passer sans verdict, les règles ne se sont donc pas appliquées à eux et ils manquent dans le tableau et les fichiers de capture. Les compteurs des règles du noyau moins les paquets remis au programme auxiliaire, lus une fois par seconde</translation>
    </message>
    <message>
        <source>program unknown %1</source>
        <translation>programme inconnu %1</translation>
    </message>
    <message>
        <source>Reports of which program sent a flow that the kernel could not pass to the helper in time (its ring was full): the packets of those flows show no program, and rules by program, user or unit do not apply to them</source>
        <translation>Rapports indiquant quel programme a envoyé un flux, que le noyau n’a pas pu transmettre à temps au programme auxiliaire (son tampon circulaire était plein)&#xa0;: les paquets de ces flux n’indiquent aucun programme, et les règles par programme, utilisateur ou unité ne s’y appliquent pas</translation>
    </message>
    <message>
        <source>decided in the kernel %1</source>
        <translation>décidés dans le noyau %1</translation>
    </message>
    <message>
        <source>Packets after the first ones of each connection (the inspection depth in the capture settings): the kernel passed %1 and dropped %2 as the helper decided their connection, without queueing them; they are not in the table or the dumps</source>
        <translation>Paquets après les premiers de chaque connexion (la profondeur d’inspection dans les réglages de capture)&#xa0;: le noyau en a laissé passer %1 et rejeté %2 comme l’assistant avait décidé leur connexion, sans les mettre en file&#xa0;; ils ne figurent ni dans le tableau ni dans les fichiers de capture</translation>
    </message>
</context>
<context>
    <name>nfqmon::HelperClient</name>
    <message>
        <source>This connection to the system bus cannot pass file descriptors, which the packet stream and the dump files need.</source>
        <translation>Cette connexion au bus système ne permet pas de transmettre des descripteurs de fichiers, nécessaires au flux de paquets et aux fichiers d’enregistrement.</translation>
    </message>
    <message>
        <source>The packet stream&apos;s descriptor could not be kept: %1</source>
        <translation>Le descripteur du flux de paquets n’a pas pu être conservé&#xa0;: %1</translation>
    </message>
    <message>
        <source>the helper stopped while the capture ran</source>
        <translation>le programme auxiliaire s’est arrêté pendant la capture</translation>
    </message>
    <message>
        <source>the system bus stopped while the capture ran</source>
        <translation>le bus système s’est arrêté pendant la capture</translation>
    </message>
    <message>
        <source>There is no connection to %1 yet (ssh %1): wait until the window says it is connected.</source>
        <translation>Il n’y a pas encore de connexion à %1 (ssh %1)&#xa0;: attendez que la fenêtre indique qu’elle est connectée.</translation>
    </message>
    <message>
        <source>Dump files cannot be passed to %1 over SSH: capture there with nfqmon-capture -w FILE, or export from this window.</source>
        <translation>Les fichiers de capture ne peuvent pas être transmis à %1 par SSH&#xa0;: capturez sur place avec nfqmon-capture -w FICHIER, ou exportez depuis cette fenêtre.</translation>
    </message>
</context>
<context>
    <name>nfqmon::HexView</name>
    <message>
        <source>Packet bytes</source>
        <translation>Octets du paquet</translation>
    </message>
</context>
<context>
    <name>nfqmon::InterfaceListModel</name>
    <message>
        <source>any (all interfaces)</source>
        <translation>any (toutes les interfaces)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>up</source>
        <translation>active</translation>
    </message>
    <message>
        <source>down</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>%1 (%2) %3</source>
        <translation>%1 (%2) %3</translation>
    </message>
    <message>
        <source>Capture on every interface, including those that appear later.</source>
        <translation>Capturer sur toutes les interfaces, y compris celles qui apparaîtront plus tard.</translation>
    </message>
    <message>
        <source>No addresses</source>
        <translation>Aucune adresse</translation>
    </message>
</context>
<context>
    <name>nfqmon::InterfacePicker</name>
    <message>
        <source>The interfaces to capture on</source>
        <translation>Les interfaces sur lesquelles capturer</translation>
    </message>
    <message>
        <source>Interfaces: none</source>
        <translation>Interfaces&#xa0;: aucune</translation>
    </message>
    <message>
        <source>Interfaces: %1</source>
        <translation>Interfaces&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>nfqmon::MainWindow</name>
    <message>
        <source>NFQueue Monitor</source>
        <translation>NFQueue Monitor</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>&amp;Capture</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About NFQueue Monitor</source>
        <translation>À &amp;propos de NFQueue Monitor</translation>
    </message>
    <message>
        <source>About NFQueue Monitor</source>
        <translation>À propos de NFQueue Monitor</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;NFQueue Monitor&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Shows the packets netfilter queues to userspace, drops traffic by rule and saves it to pcap files.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;NFQueue Monitor&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Affiche les paquets que netfilter met en file d’attente vers l’espace utilisateur, bloque le trafic selon des règles et l’enregistre dans des fichiers pcap.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>%1 — NFQueue Monitor</source>
        <translation>%1 — NFQueue Monitor</translation>
    </message>
    <message>
        <source>Open pcap file</source>
        <translation>Ouvrir un fichier pcap</translation>
    </message>
    <message numerus="yes">
        <source>Left out %Ln frame(s) without an IP packet.</source>
        <translation>
            <numerusform>%Ln trame sans paquet IP a été ignorée.</numerusform>
            <numerusform>%Ln trames sans paquet IP ont été ignorées.</numerusform>
        </translation>
    </message>
    <message>
        <source>pcap and pcapng files (*.pcap *.cap *.pcapng);;All files (*)</source>
        <translation>Fichiers pcap et pcapng (*.pcap *.cap *.pcapng);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>NFQueue Monitor — %1</source>
        <translation>NFQueue Monitor — %1</translation>
    </message>
    <message>
        <source>Connecting to %1 (ssh %1)…</source>
        <translation>Connexion à %1 (ssh %1)…</translation>
    </message>
    <message>
        <source>Connect to host</source>
        <translation>Se connecter à un hôte</translation>
    </message>
    <message>
        <source>Host, as for ssh (user@host or an alias of ~/.ssh/config). Your own ssh connects, with your keys and known hosts; on the host, nfqmon must be installed and you must be in group nfqmon.</source>
        <translation>Hôte, comme pour ssh (utilisateur@hôte ou un alias de ~/.ssh/config). Votre propre ssh se connecte, avec vos clés et vos hôtes connus&#xa0;; sur l’hôte, nfqmon doit être installé et vous devez appartenir au groupe nfqmon.</translation>
    </message>
    <message>
        <source>A capture on %1 from this window writes no file: dump files cannot cross SSH. Run nfqmon-capture -w FILE on %1, or export from this window.</source>
        <translation>Une capture sur %1 depuis cette fenêtre n’écrit aucun fichier&#xa0;: les fichiers de capture ne peuvent pas traverser SSH. Lancez nfqmon-capture -w FICHIER sur %1, ou exportez depuis cette fenêtre.</translation>
    </message>
    <message>
        <source>Double-click a connection to show its packets in the table</source>
        <translation>Double-cliquez sur une connexion pour afficher ses paquets dans le tableau</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
</context>
<context>
    <name>nfqmon::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>Fermer ce message</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Fermer le message</translation>
    </message>
</context>
<context>
    <name>nfqmon::PacketExport</name>
    <message>
        <source>The selected conversations have no packets to export.</source>
        <translation>Les conversations sélectionnées ne contiennent aucun paquet à exporter.</translation>
    </message>
    <message>
        <source>Another export is still running.</source>
        <translation>Une autre exportation est encore en cours.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln packet(s) to %1.</source>
        <translation>
            <numerusform>%Ln paquet exporté vers %1.</numerusform>
            <numerusform>%Ln paquets exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation>L’exportation a échoué.</translation>
    </message>
</context>
<context>
    <name>nfqmon::PacketMenu</name>
    <message>
        <source>&amp;Drop packets like this</source>
        <translation>&amp;Bloquer les paquets semblables à celui-ci</translation>
    </message>
    <message>
        <source>&amp;Drop packets like these</source>
        <translation>&amp;Bloquer les paquets semblables à ceux-ci</translation>
    </message>
    <message>
        <source>&amp;Show only packets like this</source>
        <translation>&amp;Afficher uniquement les paquets semblables à celui-ci</translation>
    </message>
    <message>
        <source>&amp;Show only packets like these</source>
        <translation>&amp;Afficher uniquement les paquets semblables à ceux-ci</translation>
    </message>
    <message>
        <source>(nothing these packets share)</source>
        <translation>(ces paquets n’ont rien en commun)</translation>
    </message>
    <message>
        <source>&amp;Custom…</source>
        <translation>Règle &amp;personnalisée…</translation>
    </message>
    <message>
        <source>Write or change the rule&apos;s expression before adding it</source>
        <translation>Écrire ou modifier l’expression de la règle avant de l’ajouter</translation>
    </message>
    <message>
        <source>&amp;Export this packet…</source>
        <translation>&amp;Exporter ce paquet…</translation>
    </message>
    <message>
        <source>&amp;Export these %1 packets…</source>
        <translation>&amp;Exporter ces %1 paquets…</translation>
    </message>
</context>
<context>
    <name>nfqmon::PacketTableView</name>
    <message>
        <source>Packets</source>
        <translation>Paquets</translation>
    </message>
</context>
<context>
    <name>nfqmon::PcapExporter</name>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>Impossible de créer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>L’exportation a été annulée.</translation>
    </message>
    <message>
        <source>Export to %1 failed: %2</source>
        <translation>L’exportation vers %1 a échoué&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>nfqmon::RateChart</name>
    <message>
        <source>accepted</source>
        <translation>acceptés</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>bloqués</translation>
    </message>
    <message>
        <source>Drag across the chart to show only the packets of that time in the table; click to show all again.</source>
        <translation>Faites glisser sur le graphique pour n’afficher dans le tableau que les paquets de cette période&#x202f;; cliquez pour tout réafficher.</translation>
    </message>
    <message>
        <source>Traffic rate</source>
        <translation>Débit du trafic</translation>
    </message>
    <message>
        <source>Packets per second</source>
        <translation>Paquets par seconde</translation>
    </message>
    <message>
        <source>Bytes per second</source>
        <translation>Octets par seconde</translation>
    </message>
    <message>
        <source>Megabytes per second</source>
        <translation>Mégaoctets par seconde</translation>
    </message>
    <message>
        <source>Kilobytes per second</source>
        <translation>Kilooctets par seconde</translation>
    </message>
    <message>
        <source>decided in the kernel</source>
        <translation>décidés dans le noyau</translation>
    </message>
</context>
<context>
    <name>nfqmon::RemoteLink</name>
    <message>
        <source>ssh could not be run (%1): %2</source>
        <translation>ssh n’a pas pu être lancé (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>ssh did not answer within 30 seconds.</source>
        <translation>ssh n’a pas répondu en 30 secondes.</translation>
    </message>
    <message>
        <source>ssh exited with status %1.</source>
        <translation>ssh s’est terminé avec le code %1.</translation>
    </message>
    <message>
        <source>No socket for the packet stream from %1: %2</source>
        <translation>Aucune socket pour le flux de paquets de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The packet stream from %1 ended (ssh exit status %2).</source>
        <translation>Le flux de paquets de %1 s’est arrêté (code de sortie de ssh %2).</translation>
    </message>
    <message>
        <source>ssh could not be run for %1 (%2): %3</source>
        <translation>ssh n’a pas pu être lancé pour %1 (%2)&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>nfqmon::RuleDialog</name>
    <message>
        <source>&amp;Enabled</source>
        <translation>Acti&amp;vée</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Ajouter une règle</translation>
    </message>
    <message>
        <source>Edit rule</source>
        <translation>Modifier la règle</translation>
    </message>
    <message>
        <source>e.g. udp and dst port 53, host 10.0.0.5</source>
        <translation>p. ex. udp and dst port 53, host 10.0.0.5</translation>
    </message>
    <message>
        <source>every interface</source>
        <translation>toutes les interfaces</translation>
    </message>
    <message>
        <source>The rule applies to packets on this interface only</source>
        <translation>La règle ne s’applique qu’aux paquets de cette interface</translation>
    </message>
    <message>
        <source>both directions</source>
        <translation>les deux sens</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>entrant</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>sortant</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>bloquer</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>accepter</translation>
    </message>
    <message>
        <source>Rules are tried in order; the first that matches decides. Packets no rule matches are accepted.</source>
        <translation>Les règles sont essayées dans l’ordre&#x202f;; la première qui correspond décide. Les paquets auxquels aucune règle ne correspond sont acceptés.</translation>
    </message>
    <message>
        <source>&amp;Packets matching:</source>
        <translation>&amp;Paquets correspondant à&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Action&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Sens&#xa0;:</translation>
    </message>
    <message>
        <source>On &amp;interface:</source>
        <translation>Sur l’&amp;interface&#xa0;:</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>Enregistrer la règle</translation>
    </message>
    <message>
        <source>A rule needs an expression: which packets does it match?</source>
        <translation>Une règle a besoin d’une expression&#xa0;: à quels paquets s’applique-t-elle&#x202f;?</translation>
    </message>
    <message>
        <source>Valid. Matching packets are highlighted in the table.</source>
        <translation>Valide. Les paquets correspondants sont mis en évidence dans le tableau.</translation>
    </message>
    <message>
        <source>every program; e.g. /usr/bin/curl</source>
        <translation>tout programme&#xa0;; p. ex. /usr/bin/curl</translation>
    </message>
    <message>
        <source>Only packets this program sent or receives (its executable&apos;s full path)</source>
        <translation>Seulement les paquets que ce programme envoie ou reçoit (le chemin complet de son exécutable)</translation>
    </message>
    <message>
        <source>every user; a name or a number</source>
        <translation>tout utilisateur&#xa0;; un nom ou un numéro</translation>
    </message>
    <message>
        <source>Only packets of this user&apos;s programs</source>
        <translation>Seulement les paquets des programmes de cet utilisateur</translation>
    </message>
    <message>
        <source>every unit; e.g. firefox*.scope, cron.service</source>
        <translation>toute unité&#xa0;; p. ex. firefox*.scope, cron.service</translation>
    </message>
    <message>
        <source>Only packets of programs in a systemd service or scope whose name matches (* and ? allowed)</source>
        <translation>Seulement les paquets des programmes d’un service ou d’un scope systemd dont le nom correspond (* et&#xa0;? permis)</translation>
    </message>
    <message>
        <source>P&amp;rogram:</source>
        <translation>Pro&amp;gramme&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Systemd u&amp;nit:</source>
        <translation>Unité s&amp;ystemd&#xa0;:</translation>
    </message>
    <message>
        <source>Program: %1</source>
        <translation>Programme&#xa0;: %1</translation>
    </message>
    <message>
        <source>User: no user is called %1 here</source>
        <translation>Utilisateur&#xa0;: aucun utilisateur ne s’appelle %1 ici</translation>
    </message>
    <message>
        <source>Systemd unit: %1</source>
        <translation>Unité systemd&#xa0;: %1</translation>
    </message>
    <message>
        <source>every host; e.g. a.example.org, *.example.org</source>
        <translation>tout hôte&#xa0;; p. ex. a.example.org, *.example.org</translation>
    </message>
    <message>
        <source>Only packets to or from this host name, or with *. before a domain, this domain and every name under it; matched against the names the helper learned from the traffic, so packets without a learned name never match</source>
        <translation>Seulement les paquets vers ou depuis ce nom d’hôte, ou avec *. devant un domaine, ce domaine et tout nom en dessous&#xa0;; comparé aux noms que le programme auxiliaire a appris du trafic, donc un paquet sans nom appris ne correspond jamais</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>Hôte&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>nfqmon::RuleListModel</name>
    <message>
        <source>any</source>
        <translation>toutes</translation>
    </message>
    <message>
        <source>in</source>
        <translation>entrant</translation>
    </message>
    <message>
        <source>out</source>
        <translation>sortant</translation>
    </message>
    <message>
        <source>both</source>
        <translation>les deux</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>accepter</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>bloquer</translation>
    </message>
    <message>
        <source>Enabled: the rule decides packets</source>
        <translation>Activée&#xa0;: la règle statue sur les paquets</translation>
    </message>
    <message>
        <source>Disabled: the rule is kept but decides nothing</source>
        <translation>Désactivée&#xa0;: la règle est conservée mais ne statue sur rien</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Expression</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Correspondances</translation>
    </message>
    <message>
        <source>program %1</source>
        <translation>programme %1</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>utilisateur %1</translation>
    </message>
    <message>
        <source>unit %1</source>
        <translation>unité %1</translation>
    </message>
    <message>
        <source>every program</source>
        <translation>tout programme</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>S’applique à</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>vers %1</translation>
    </message>
    <message>
        <source>to host %1</source>
        <translation>vers l’hôte %1</translation>
    </message>
</context>
<context>
    <name>nfqmon::RulesPanel</name>
    <message>
        <source>Add rule…</source>
        <translation>Ajouter une règle…</translation>
    </message>
    <message>
        <source>Edit rule…</source>
        <translation>Modifier la règle…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Supprimer la règle</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>The rule was not added. %1</source>
        <translation>La règle n’a pas été ajoutée. %1</translation>
    </message>
    <message>
        <source>The rule was not changed. %1</source>
        <translation>La règle n’a pas été modifiée. %1</translation>
    </message>
    <message>
        <source>The rule was not moved. %1</source>
        <translation>La règle n’a pas été déplacée. %1</translation>
    </message>
    <message>
        <source>The rule was not deleted. %1</source>
        <translation>La règle n’a pas été supprimée. %1</translation>
    </message>
</context>
<context>
    <name>nfqmon::Session</name>
    <message>
        <source>Stop the capture before opening a file.</source>
        <translation>Arrêtez la capture avant d’ouvrir un fichier.</translation>
    </message>
    <message>
        <source>-export</source>
        <translation>-export</translation>
    </message>
    <message>
        <source>An export is still running.</source>
        <translation>Une exportation est encore en cours.</translation>
    </message>
    <message>
        <source>The rule was not added. %1</source>
        <translation>La règle n’a pas été ajoutée. %1</translation>
    </message>
    <message>
        <source>The rule was not put back. %1</source>
        <translation>La règle n’a pas été rétablie. %1</translation>
    </message>
</context>
<context>
    <name>nfqmon::SessionMessages</name>
    <message>
        <source>The system bus stopped, and the capture with it: the helper removed its chains, so packets pass without the rules. The window connects again as soon as the bus is back.</source>
        <translation>Le bus système s’est arrêté, et la capture avec lui&#xa0;: le programme auxiliaire a retiré ses chaînes, les paquets passent donc sans les règles. La fenêtre se reconnecte dès que le bus est de retour.</translation>
    </message>
    <message>
        <source>The system bus stopped (or is not running): the window cannot reach the helper. It connects again as soon as the bus is back.</source>
        <translation>Le bus système s’est arrêté (ou ne fonctionne pas)&#xa0;: la fenêtre ne peut pas joindre le programme auxiliaire. Elle se reconnecte dès que le bus est de retour.</translation>
    </message>
    <message>
        <source>Connected to the system bus again.</source>
        <translation>De nouveau connecté au bus système.</translation>
    </message>
    <message>
        <source>Connected to the system bus again. The capture stopped with the bus; start it again to go on.</source>
        <translation>De nouveau connecté au bus système. La capture s’est arrêtée avec le bus&#xa0;; relancez-la pour continuer.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Rule %1 drops packets matching “%2” from now on.</source>
        <translation>Désormais, la règle %1 bloque les paquets correspondant à «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Deleted the rule accepting “%1”.</source>
        <translation>Règle acceptant «&#xa0;%1&#xa0;» supprimée.</translation>
    </message>
    <message>
        <source>Deleted the rule dropping “%1”.</source>
        <translation>Règle bloquant «&#xa0;%1&#xa0;» supprimée.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2 (ssh %1; trying again).</source>
        <translation>Connexion à %1 impossible&#xa0;: %2 (ssh %1&#xa0;; nouvelle tentative).</translation>
    </message>
    <message>
        <source>The link to %1 dropped. The capture goes on there, and its network keeps flowing; this window connects again (ssh %1) and picks it up.</source>
        <translation>La liaison avec %1 est coupée. La capture continue là-bas et son réseau reste en service&#xa0;; cette fenêtre se reconnecte (ssh %1) et la reprend.</translation>
    </message>
    <message>
        <source>No link to %1 (ssh %1 failed or dropped): connecting again.</source>
        <translation>Aucune liaison avec %1 (ssh %1 a échoué ou s’est interrompu)&#xa0;: nouvelle connexion.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connecté à %1.</translation>
    </message>
</context>
<context>
    <name>nfqmon::ShareChart</name>
    <message>
        <source>other</source>
        <translation>autres</translation>
    </message>
</context>
<context>
    <name>nfqmon::SshDestination</name>
    <message>
        <source>Say which host to connect to: user@host, a host name or an alias of ~/.ssh/config.</source>
        <translation>Indiquez l’hôte auquel se connecter&#xa0;: utilisateur@hôte, un nom d’hôte ou un alias de ~/.ssh/config.</translation>
    </message>
    <message>
        <source>A host cannot begin with “-” (ssh would read it as an option).</source>
        <translation>Un hôte ne peut pas commencer par «&#xa0;-&#xa0;» (ssh le lirait comme une option).</translation>
    </message>
    <message>
        <source>A host cannot contain “%1”: use user@host, a host name, an address or an alias of ~/.ssh/config.</source>
        <translation>Un hôte ne peut pas contenir «&#xa0;%1&#xa0;»&#xa0;: utilisez utilisateur@hôte, un nom d’hôte, une adresse ou un alias de ~/.ssh/config.</translation>
    </message>
    <message>
        <source>A host cannot contain “/” (only an ssh:// address may).</source>
        <translation>Un hôte ne peut pas contenir «&#xa0;/&#xa0;» (seule une adresse ssh:// le peut).</translation>
    </message>
    <message>
        <source>The host is longer than %1 characters.</source>
        <translation>L’hôte dépasse %1 caractères.</translation>
    </message>
</context>
<context>
    <name>nfqmon::StreamRelay</name>
    <message>
        <source>Relaying the packet stream failed: %1.</source>
        <translation>Le relais du flux de paquets a échoué&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>nfqmon::TrayIcon</name>
    <message>
        <source>NFQueue Monitor</source>
        <translation>NFQueue Monitor</translation>
    </message>
    <message>
        <source>%1 pkt/s · dropped by rules %2</source>
        <translation>%1 paq./s · bloqués par les règles&#xa0;: %2</translation>
    </message>
    <message>
        <source>lost to display %1 · kernel %2</source>
        <translation>perdus pour l’affichage&#xa0;: %1 · noyau&#xa0;: %2</translation>
    </message>
    <message>
        <source>&amp;Hide window</source>
        <translation>&amp;Masquer la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Show window</source>
        <translation>&amp;Afficher la fenêtre</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Busiest: %1</source>
        <translation>Les plus actifs&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>nfqmon::WindowActions</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Capture &amp;settings…</source>
        <translation>&amp;Paramètres de capture…</translation>
    </message>
    <message>
        <source>&amp;Open pcap file…</source>
        <translation>&amp;Ouvrir un fichier pcap…</translation>
    </message>
    <message>
        <source>&amp;Export packets to pcap…</source>
        <translation>&amp;Exporter des paquets en pcap…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <source>Start capturing on the chosen interfaces (asks for authorisation)</source>
        <translation>Démarrer la capture sur les interfaces choisies (demande une autorisation)</translation>
    </message>
    <message>
        <source>Stop capturing; the packets stay in the table</source>
        <translation>Arrêter la capture&#x202f;; les paquets restent dans le tableau</translation>
    </message>
    <message>
        <source>Browse the packets of a pcap file, without capturing</source>
        <translation>Consulter les paquets d’un fichier pcap, sans capturer</translation>
    </message>
    <message>
        <source>&amp;Connect to host…</source>
        <translation>Se &amp;connecter à un hôte…</translation>
    </message>
    <message>
        <source>Watch and steer another machine&apos;s nfqmon over SSH, in a window of its own</source>
        <translation>Observer et piloter le nfqmon d’une autre machine par SSH, dans une fenêtre à part</translation>
    </message>
    <message>
        <source>&amp;All machines</source>
        <translation>&amp;Toutes les machines</translation>
    </message>
    <message>
        <source>The packets of this machine and of every machine connected to, in one table with a Machine column</source>
        <translation>Les paquets de cette machine et de chaque machine connectée, dans un seul tableau avec une colonne Machine</translation>
    </message>
</context>
</TS>
