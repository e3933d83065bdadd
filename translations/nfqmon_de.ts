<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CaptureState</name>
    <message>
        <source>Not capturing</source>
        <translation>Kein Mitschnitt</translation>
    </message>
    <message>
        <source>Starting (authorisation may be asked)…</source>
        <translation>Wird gestartet (eventuell wird eine Legitimierung abgefragt) …</translation>
    </message>
    <message>
        <source>Capturing</source>
        <translation>Mitschnitt läuft</translation>
    </message>
    <message>
        <source>Capturing %1</source>
        <translation>Mitschnitt auf %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird gestoppt …</translation>
    </message>
</context>
<context>
    <name>ChainStatus</name>
    <message>
        <source>The helper could not read the firewall: %1</source>
        <translation>Das Hilfsprogramm konnte die Firewall nicht auslesen: %1</translation>
    </message>
    <message>
        <source>The chains nfqmon fills are missing: create them first (commands below).</source>
        <translation>Die Ketten, die nfqmon befüllt, fehlen: Bitte zuerst anlegen (Befehle siehe unten).</translation>
    </message>
    <message>
        <source>The chains exist, but no rule sends traffic to them: nothing will be captured until one does.</source>
        <translation>Die Ketten sind vorhanden, aber keine Regel leitet Datenverkehr dorthin: Bis eine das tut, wird nichts mitgeschnitten.</translation>
    </message>
    <message>
        <source>The chains exist and traffic is sent to them: ready.</source>
        <translation>Die Ketten sind vorhanden und erhalten Datenverkehr: bereit.</translation>
    </message>
    <message>
        <source>exists</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
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
        <translation>%1: HAKA-PRE %2, HAKA-OUT %3</translation>
    </message>
    <message>
        <source>  no rule jumps to them</source>
        <translation>  keine Regel springt zu ihnen</translation>
    </message>
    <message>
        <source>To create them (as root):</source>
        <translation>Zum Anlegen (als root):</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>%1 will be captured. %2 will not be captured: table raw (%2) has no chain %3. To capture it too, create the chains and send traffic to them (commands below), then start the capture again.</source>
        <translation>%1 wird mitgeschnitten. %2 wird nicht mitgeschnitten: Tabelle raw (%2) hat keine Kette %3. Um es ebenfalls mitzuschneiden, legen Sie die Ketten an, leiten Sie Verkehr in sie (Befehle unten) und starten Sie den Mitschnitt erneut.</translation>
    </message>
</context>
<context>
    <name>DisplayFilterParser</name>
    <message>
        <source>The quotation mark at %1 is not closed.</source>
        <translation>Das Anführungszeichen an Stelle %1 wird nicht geschlossen.</translation>
    </message>
    <message>
        <source>“app” needs a program’s name as the Application column shows it: app curl, app &quot;Web Content&quot;.</source>
        <translation>„app“ braucht den Namen eines Programms, wie ihn die Spalte Anwendung zeigt: app curl, app &quot;Web Content&quot;.</translation>
    </message>
    <message>
        <source>“exe” needs the full path of a program: exe /usr/bin/curl.</source>
        <translation>„exe“ braucht den vollständigen Pfad eines Programms: exe /usr/bin/curl.</translation>
    </message>
    <message>
        <source>“user” needs a user’s name or number: user alice, user 1000.</source>
        <translation>„user“ braucht den Namen oder die Nummer eines Benutzers: user alice, user 1000.</translation>
    </message>
    <message>
        <source>“pid” needs a process id: pid 1234.</source>
        <translation>„pid“ braucht eine Prozessnummer: pid 1234.</translation>
    </message>
    <message>
        <source>“unit” needs a systemd unit or a glob: unit cron.service, unit app-*.scope.</source>
        <translation>„unit“ braucht eine systemd-Unit oder ein Muster: unit cron.service, unit app-*.scope.</translation>
    </message>
    <message>
        <source>“exe %1”: name the program by its full path, starting with /.</source>
        <translation>„exe %1“: Nennen Sie das Programm mit seinem vollständigen Pfad, beginnend mit /.</translation>
    </message>
    <message>
        <source>There is no user “%1” on this machine.</source>
        <translation>Auf diesem Rechner gibt es keinen Benutzer „%1“.</translation>
    </message>
    <message>
        <source>“pid %1”: a process id is a number.</source>
        <translation>„pid %1“: Eine Prozessnummer ist eine Zahl.</translation>
    </message>
    <message>
        <source>“unit %1” cannot match a unit: %2.</source>
        <translation>„unit %1“ kann zu keiner Unit passen: %2.</translation>
    </message>
    <message>
        <source>“%1” cannot stand inside parentheses: join it to the rest with “and”, outside them.</source>
        <translation>„%1“ kann nicht in Klammern stehen: Verbinden Sie es außerhalb der Klammern mit „and“ mit dem Rest.</translation>
    </message>
    <message>
        <source>“%1” cannot be combined with “or”: it only narrows what the rest shows, joined with “and”.</source>
        <translation>„%1“ lässt sich nicht mit „or“ verbinden: Es schränkt nur ein, was der Rest zeigt, verbunden mit „and“.</translation>
    </message>
    <message>
        <source>“and” needs a term on each side.</source>
        <translation>„and“ braucht auf jeder Seite einen Ausdruck.</translation>
    </message>
    <message>
        <source>“%1 %2” is followed by “%3”: join terms with “and”, and quote a name with spaces (app &quot;Web Content&quot;).</source>
        <translation>Auf „%1 %2“ folgt „%3“: Verbinden Sie Ausdrücke mit „and“ und setzen Sie einen Namen mit Leerzeichen in Anführungszeichen (app &quot;Web Content&quot;).</translation>
    </message>
    <message>
        <source>“hostname” needs a host name or a domain: hostname a.example.org, hostname *.example.org.</source>
        <translation>„hostname“ braucht einen Hostnamen oder eine Domain: hostname a.example.org, hostname *.example.org.</translation>
    </message>
    <message>
        <source>“hostname %1” cannot match a host name: %2.</source>
        <translation>„hostname %1“ kann zu keinem Hostnamen passen: %2.</translation>
    </message>
    <message>
        <source>“%1 %2” is followed by “%3”: join terms with “and”.</source>
        <translation>Auf „%1 %2“ folgt „%3“: Verbinden Sie Ausdrücke mit „and“.</translation>
    </message>
    <message>
        <source>“machine” needs the name of a machine as the Machine column shows it: machine gw.</source>
        <translation>„machine“ braucht den Namen einer Maschine, wie ihn die Spalte Maschine zeigt: machine gw.</translation>
    </message>
</context>
<context>
    <name>DropNotification</name>
    <message>
        <source>Rule %1 is dropping packets</source>
        <translation>Regel %1 verwirft Pakete</translation>
    </message>
    <message>
        <source>Rule %1 is dropping packets of %2</source>
        <translation>Regel %1 verwirft Pakete von %2</translation>
    </message>
    <message numerus="yes">
        <source>“%1” has dropped %Ln packet(s) so far.</source>
        <translation>
            <numerusform>„%1“ hat bisher %Ln Paket verworfen.</numerusform>
            <numerusform>„%1“ hat bisher %Ln Pakete verworfen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” on %2 has dropped %Ln packet(s) so far.</source>
        <translation>
            <numerusform>„%1“ auf %2 hat bisher %Ln Paket verworfen.</numerusform>
            <numerusform>„%1“ auf %2 hat bisher %Ln Pakete verworfen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applies to %1.</source>
        <translation>Gilt für %1.</translation>
    </message>
    <message>
        <source>Made from packets of %1.</source>
        <translation>Erstellt aus Paketen von %1.</translation>
    </message>
</context>
<context>
    <name>FieldFormat</name>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source>[none]</source>
        <translation>[keine]</translation>
    </message>
</context>
<context>
    <name>HeaderNames</name>
    <message>
        <source>IPv6 Hop-by-Hop Options</source>
        <translation>IPv6-Hop-by-Hop-Optionen</translation>
    </message>
    <message>
        <source>IPv6 Routing</source>
        <translation>IPv6-Routing</translation>
    </message>
    <message>
        <source>IPv6 Fragment</source>
        <translation>IPv6-Fragment</translation>
    </message>
    <message>
        <source>IPv6 Destination Options</source>
        <translation>IPv6-Zieloptionen</translation>
    </message>
    <message>
        <source>Authentication Header</source>
        <translation>Authentication Header</translation>
    </message>
    <message>
        <source>Encapsulating Security Payload</source>
        <translation>Encapsulating Security Payload</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Trailing bytes</source>
        <translation>Überschüssige Bytes</translation>
    </message>
    <message>
        <source>IPv4 header</source>
        <translation>IPv4-Header</translation>
    </message>
    <message>
        <source>IPv6 header</source>
        <translation>IPv6-Header</translation>
    </message>
    <message>
        <source>IPv6 Hop-by-Hop Options header</source>
        <translation>IPv6-Hop-by-Hop-Optionen-Header</translation>
    </message>
    <message>
        <source>IPv6 Routing header</source>
        <translation>IPv6-Routing-Header</translation>
    </message>
    <message>
        <source>IPv6 Fragment header</source>
        <translation>IPv6-Fragment-Header</translation>
    </message>
    <message>
        <source>IPv6 Destination Options header</source>
        <translation>IPv6-Zieloptionen-Header</translation>
    </message>
    <message>
        <source>Authentication Header</source>
        <comment>in a sentence: the … needs N bytes</comment>
        <translation>Authentication Header</translation>
    </message>
    <message>
        <source>ESP header</source>
        <translation>ESP-Header</translation>
    </message>
    <message>
        <source>TCP header</source>
        <translation>TCP-Header</translation>
    </message>
    <message>
        <source>UDP header</source>
        <translation>UDP-Header</translation>
    </message>
    <message>
        <source>UDP-Lite header</source>
        <translation>UDP-Lite-Header</translation>
    </message>
    <message>
        <source>SCTP common header</source>
        <translation>gemeinsame SCTP-Header</translation>
    </message>
    <message>
        <source>DCCP header</source>
        <translation>DCCP-Header</translation>
    </message>
    <message>
        <source>ICMP header</source>
        <translation>ICMP-Header</translation>
    </message>
    <message>
        <source>ICMPv6 header</source>
        <translation>ICMPv6-Header</translation>
    </message>
</context>
<context>
    <name>HelperError</name>
    <message>
        <source>The nfqmon helper is not installed: nothing on the system bus provides %1. Install nfqmon with the prefix /usr (see the README).</source>
        <translation>Das nfqmon-Hilfsprogramm ist nicht installiert: Nichts auf dem Systembus stellt %1 bereit. nfqmon mit dem Präfix /usr installieren (siehe README).</translation>
    </message>
    <message>
        <source>The nfqmon helper could not be started (%1).</source>
        <translation>Das nfqmon-Hilfsprogramm konnte nicht gestartet werden (%1).</translation>
    </message>
    <message>
        <source>The nfqmon helper did not answer (%1).</source>
        <translation>Das nfqmon-Hilfsprogramm hat nicht geantwortet (%1).</translation>
    </message>
    <message>
        <source>There is no connection to the system bus (%1).</source>
        <translation>Es besteht keine Verbindung zum Systembus (%1).</translation>
    </message>
    <message>
        <source>The system bus does not let nfqmon talk to its helper (%1).</source>
        <translation>Der Systembus erlaubt nfqmon nicht, mit seinem Hilfsprogramm zu kommunizieren (%1).</translation>
    </message>
    <message>
        <source>The rule is not valid: %1.</source>
        <translation>Die Regel ist ungültig: %1.</translation>
    </message>
    <message>
        <source>The capture could not start: %1.</source>
        <translation>Der Mitschnitt konnte nicht gestartet werden: %1.</translation>
    </message>
    <message>
        <source>A dump file was not accepted: %1.</source>
        <translation>Eine Mitschnittdatei wurde abgelehnt: %1.</translation>
    </message>
    <message>
        <source>Too many requests at once: %1.</source>
        <translation>Zu viele Anfragen auf einmal: %1.</translation>
    </message>
    <message>
        <source>Not allowed: %1.</source>
        <translation>Nicht erlaubt: %1.</translation>
    </message>
</context>
<context>
    <name>HostDrop</name>
    <message>
        <source>The chosen packets have different host names</source>
        <translation>Die gewählten Pakete haben verschiedene Hostnamen</translation>
    </message>
    <message numerus="yes">
        <source>The helper learned no host name for the remote end of %n of the chosen packets</source>
        <translation>
            <numerusform>Das Hilfsprogramm kennt für die Gegenstelle von %n der gewählten Pakete keinen Hostnamen</numerusform>
            <numerusform>Das Hilfsprogramm kennt für die Gegenstelle von %n der gewählten Pakete keinen Hostnamen</numerusform>
        </translation>
    </message>
    <message>
        <source>To this host name (%1)</source>
        <translation>An diesen Hostnamen (%1)</translation>
    </message>
    <message>
        <source>%1 to host %2</source>
        <translation>%1 an Host %2</translation>
    </message>
    <message>
        <source>To this host name</source>
        <translation>An diesen Hostnamen</translation>
    </message>
    <message>
        <source>To this domain (%1)</source>
        <translation>An diese Domain (%1)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 an %2</translation>
    </message>
    <message>
        <source>To this domain</source>
        <translation>An diese Domain</translation>
    </message>
    <message>
        <source>The chosen packets are of different domains</source>
        <translation>Die gewählten Pakete gehören zu verschiedenen Domains</translation>
    </message>
</context>
<context>
    <name>HostFilter</name>
    <message>
        <source>To this host (%1)</source>
        <translation>An diesen Host (%1)</translation>
    </message>
    <message>
        <source>To this domain (%1)</source>
        <translation>An diese Domain (%1)</translation>
    </message>
    <message>
        <source>To this host</source>
        <translation>An diesen Host</translation>
    </message>
    <message>
        <source>To this domain</source>
        <translation>An diese Domain</translation>
    </message>
</context>
<context>
    <name>HostText</name>
    <message>
        <source>DNS answer</source>
        <translation>DNS-Antwort</translation>
    </message>
    <message>
        <source>TLS server name</source>
        <translation>TLS-Servername</translation>
    </message>
    <message>
        <source>HTTP Host header</source>
        <translation>HTTP-Host-Header</translation>
    </message>
    <message>
        <source>QUIC server name</source>
        <translation>QUIC-Servername</translation>
    </message>
    <message>
        <source>from a DNS answer</source>
        <translation>aus einer DNS-Antwort</translation>
    </message>
    <message>
        <source>from the TLS server name</source>
        <translation>aus dem TLS-Servernamen</translation>
    </message>
    <message>
        <source>from the HTTP Host header</source>
        <translation>aus dem HTTP-Host-Header</translation>
    </message>
    <message>
        <source>from the QUIC server name</source>
        <translation>aus dem QUIC-Servernamen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>from a reverse DNS lookup of the address by this window; rules do not use it</source>
        <translation>aus einer Rückwärtsauflösung (Reverse DNS) der Adresse durch dieses Fenster; Regeln verwenden ihn nicht</translation>
    </message>
    <message>
        <source>%1 (reverse lookup)</source>
        <translation>%1 (Rückwärtsauflösung)</translation>
    </message>
</context>
<context>
    <name>IcmpText</name>
    <message>
        <source>echo reply</source>
        <translation>Echo-Antwort</translation>
    </message>
    <message>
        <source>destination unreachable</source>
        <translation>Ziel nicht erreichbar</translation>
    </message>
    <message>
        <source>source quench</source>
        <translation>Quelle drosseln</translation>
    </message>
    <message>
        <source>redirect</source>
        <translation>Umleitung</translation>
    </message>
    <message>
        <source>echo request</source>
        <translation>Echo-Anfrage</translation>
    </message>
    <message>
        <source>router advertisement</source>
        <translation>Router-Ankündigung</translation>
    </message>
    <message>
        <source>router solicitation</source>
        <translation>Router-Anfrage</translation>
    </message>
    <message>
        <source>time exceeded</source>
        <translation>Zeit überschritten</translation>
    </message>
    <message>
        <source>parameter problem</source>
        <translation>Parameterproblem</translation>
    </message>
    <message>
        <source>timestamp request</source>
        <translation>Zeitstempel-Anfrage</translation>
    </message>
    <message>
        <source>timestamp reply</source>
        <translation>Zeitstempel-Antwort</translation>
    </message>
    <message>
        <source>network unreachable</source>
        <translation>Netz nicht erreichbar</translation>
    </message>
    <message>
        <source>host unreachable</source>
        <translation>Host nicht erreichbar</translation>
    </message>
    <message>
        <source>protocol unreachable</source>
        <translation>Protokoll nicht erreichbar</translation>
    </message>
    <message>
        <source>port unreachable</source>
        <translation>Port nicht erreichbar</translation>
    </message>
    <message>
        <source>fragmentation needed</source>
        <translation>Fragmentierung nötig</translation>
    </message>
    <message>
        <source>source route failed</source>
        <translation>Source Route fehlgeschlagen</translation>
    </message>
    <message>
        <source>destination network unknown</source>
        <translation>Zielnetz unbekannt</translation>
    </message>
    <message>
        <source>destination host unknown</source>
        <translation>Zielhost unbekannt</translation>
    </message>
    <message>
        <source>network administratively prohibited</source>
        <translation>Netz administrativ gesperrt</translation>
    </message>
    <message>
        <source>host administratively prohibited</source>
        <translation>Host administrativ gesperrt</translation>
    </message>
    <message>
        <source>communication administratively prohibited</source>
        <translation>Kommunikation administrativ gesperrt</translation>
    </message>
    <message>
        <source>packet too big</source>
        <translation>Paket zu groß</translation>
    </message>
    <message>
        <source>multicast listener query</source>
        <translation>Multicast-Listener-Abfrage</translation>
    </message>
    <message>
        <source>multicast listener report</source>
        <translation>Multicast-Listener-Bericht</translation>
    </message>
    <message>
        <source>multicast listener done</source>
        <translation>Multicast-Listener-Abmeldung</translation>
    </message>
    <message>
        <source>neighbor solicitation</source>
        <translation>Nachbaranfrage</translation>
    </message>
    <message>
        <source>neighbor advertisement</source>
        <translation>Nachbarankündigung</translation>
    </message>
    <message>
        <source>multicast listener report v2</source>
        <translation>Multicast-Listener-Bericht v2</translation>
    </message>
    <message>
        <source>no route to destination</source>
        <translation>keine Route zum Ziel</translation>
    </message>
    <message>
        <source>administratively prohibited</source>
        <translation>administrativ gesperrt</translation>
    </message>
    <message>
        <source>beyond scope of source address</source>
        <translation>außerhalb des Bereichs der Quelladresse</translation>
    </message>
    <message>
        <source>address unreachable</source>
        <translation>Adresse nicht erreichbar</translation>
    </message>
    <message>
        <source>source address failed policy</source>
        <translation>Quelladresse von Richtlinie abgelehnt</translation>
    </message>
    <message>
        <source>reject route to destination</source>
        <translation>Reject-Route zum Ziel</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>während der Übertragung</translation>
    </message>
    <message>
        <source>fragment reassembly</source>
        <translation>beim Zusammensetzen der Fragmente</translation>
    </message>
    <message>
        <source>type %1 code %2</source>
        <translation>Typ %1 Code %2</translation>
    </message>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1 (Code %2)</translation>
    </message>
</context>
<context>
    <name>NetworkFields</name>
    <message>
        <source>source route (deprecated)</source>
        <translation>Source Route (veraltet)</translation>
    </message>
    <message>
        <source>Mobile IPv6</source>
        <translation>Mobile IPv6</translation>
    </message>
    <message>
        <source>RPL source route</source>
        <translation>RPL-Source-Route</translation>
    </message>
    <message>
        <source>segment routing</source>
        <translation>Segment Routing</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Header length</source>
        <translation>Headerlänge</translation>
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
        <translation>Gesamtlänge</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>Identifikation</translation>
    </message>
    <message>
        <source>reserved bit</source>
        <translation>reserviertes Bit</translation>
    </message>
    <message>
        <source>don&apos;t fragment</source>
        <translation>nicht fragmentieren</translation>
    </message>
    <message>
        <source>more fragments</source>
        <translation>weitere Fragmente</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no flag set</comment>
        <translation>keine</translation>
    </message>
    <message>
        <source>Fragment offset</source>
        <translation>Fragment-Offset</translation>
    </message>
    <message>
        <source>Time to live</source>
        <translation>Lebensdauer (TTL)</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source> (correct)</source>
        <translation> (korrekt)</translation>
    </message>
    <message>
        <source> (incorrect, should be %1)</source>
        <translation> (falsch, erwartet %1)</translation>
    </message>
    <message>
        <source>Header checksum</source>
        <translation>Header-Prüfsumme</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no options</comment>
        <translation>keine</translation>
    </message>
    <message>
        <source>Traffic class</source>
        <translation>Verkehrsklasse</translation>
    </message>
    <message>
        <source>Flow label</source>
        <translation>Flow Label</translation>
    </message>
    <message>
        <source>Payload length</source>
        <translation>Nutzdatenlänge</translation>
    </message>
    <message>
        <source>0 (jumbogram or segmentation offload)</source>
        <translation>0 (Jumbogramm oder Segmentation Offload)</translation>
    </message>
    <message>
        <source>Next header</source>
        <translation>Nächster Header</translation>
    </message>
    <message>
        <source>Hop limit</source>
        <translation>Hop-Limit</translation>
    </message>
    <message>
        <source>SPI</source>
        <translation>SPI</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>Sequenznummer</translation>
    </message>
    <message>
        <source>Encrypted data</source>
        <translation>Verschlüsselte Daten</translation>
    </message>
    <message>
        <source>More fragments</source>
        <translation>Weitere Fragmente</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Routing type</source>
        <translation>Routing-Typ</translation>
    </message>
    <message>
        <source>Segments left</source>
        <translation>Verbleibende Segmente</translation>
    </message>
</context>
<context>
    <name>OptionList</name>
    <message>
        <source>Record Route</source>
        <translation>Record Route</translation>
    </message>
    <message>
        <source>Quick-Start</source>
        <translation>Quick-Start</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <source>Traceroute</source>
        <translation>Traceroute</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Loose Source Route</source>
        <translation>Loose Source Route</translation>
    </message>
    <message>
        <source>Extended Security</source>
        <translation>Erweiterte Sicherheit</translation>
    </message>
    <message>
        <source>CIPSO</source>
        <translation>CIPSO</translation>
    </message>
    <message>
        <source>Stream ID</source>
        <translation>Stream-ID</translation>
    </message>
    <message>
        <source>Strict Source Route</source>
        <translation>Strict Source Route</translation>
    </message>
    <message>
        <source>Router Alert</source>
        <translation>Router Alert</translation>
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
        <translation>Tunnel-Kapselungsgrenze</translation>
    </message>
    <message>
        <source>CALIPSO</source>
        <translation>CALIPSO</translation>
    </message>
    <message>
        <source>RPL Option</source>
        <translation>RPL-Option</translation>
    </message>
    <message>
        <source>Jumbo Payload</source>
        <translation>Jumbo-Nutzdaten</translation>
    </message>
    <message>
        <source>Home Address</source>
        <translation>Heimatadresse</translation>
    </message>
    <message>
        <source>window scale</source>
        <translation>Fensterskalierung</translation>
    </message>
    <message>
        <source>SACK permitted</source>
        <translation>SACK erlaubt</translation>
    </message>
    <message>
        <source>timestamps</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <source>user timeout</source>
        <translation>User Timeout</translation>
    </message>
    <message>
        <source>Fast Open</source>
        <translation>Fast Open</translation>
    </message>
    <message>
        <source>end of list</source>
        <translation>Listenende</translation>
    </message>
    <message>
        <source>(cut off or malformed)</source>
        <translation>(abgeschnitten oder fehlerhaft)</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>Typ %1</translation>
    </message>
</context>
<context>
    <name>OwnerDrop</name>
    <message>
        <source>Everything from this application (%1)</source>
        <translation>Alles von dieser Anwendung (%1)</translation>
    </message>
    <message>
        <source>%1 from program %2</source>
        <translation>%1 von Programm %2</translation>
    </message>
    <message>
        <source>Everything from user %1</source>
        <translation>Alles von Benutzer %1</translation>
    </message>
    <message>
        <source>%1 from user %2</source>
        <translation>%1 von Benutzer %2</translation>
    </message>
</context>
<context>
    <name>OwnerFilter</name>
    <message>
        <source>From this application (%1)</source>
        <translation>Von dieser Anwendung (%1)</translation>
    </message>
    <message>
        <source>From user %1</source>
        <translation>Von Benutzer %1</translation>
    </message>
</context>
<context>
    <name>PacketCellText</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>dropped by rule %1</source>
        <translation>von Regel %1 verworfen</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>accepted by rule %1</source>
        <translation>von Regel %1 angenommen</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>%1 bytes on the wire, %2 captured</source>
        <translation>%1 Byte auf der Leitung, %2 mitgeschnitten</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source>The kernel did not say which user&apos;s socket this packet belongs to.</source>
        <translation>Der Kernel hat nicht mitgeteilt, welchem Benutzer der Socket dieses Pakets gehört.</translation>
    </message>
    <message>
        <source>uid %1, gid %2</source>
        <translation>UID %1, GID %2</translation>
    </message>
    <message>
        <source>uid %1</source>
        <translation>UID %1</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>(unknown program)</source>
        <translation>(unbekanntes Programm)</translation>
    </message>
    <message>
        <source>(kernel)</source>
        <translation>(Kernel)</translation>
    </message>
    <message>
        <source>%1
process %2, user %3</source>
        <translation>%1
Prozess %2, Benutzer %3</translation>
    </message>
    <message>
        <source>The kernel sent this packet itself: no program did.</source>
        <translation>Der Kernel hat dieses Paket selbst gesendet, kein Programm.</translation>
    </message>
    <message>
        <source>No local socket is known for this packet: it is forwarded, or no program listens for it.</source>
        <translation>Für dieses Paket ist kein lokaler Socket bekannt: Es wird weitergeleitet, oder kein Programm wartet darauf.</translation>
    </message>
    <message>
        <source>%1
process %2, user %3
name and icon from %4</source>
        <translation>%1
Prozess %2, Benutzer %3
Name und Symbol aus %4</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>The helper learned no name for this packet&apos;s remote end.</source>
        <translation>Das Hilfsprogramm hat keinen Namen für die Gegenstelle dieses Pakets erfahren.</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Maschine</translation>
    </message>
</context>
<context>
    <name>PacketDescription</name>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
</context>
<context>
    <name>PacketFields</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Arrival time</source>
        <translation>Ankunftszeit</translation>
    </message>
    <message>
        <source>Arrived on</source>
        <translation>Eingang über</translation>
    </message>
    <message>
        <source>Leaving through</source>
        <translation>Ausgang über</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>outgoing (OUTPUT)</source>
        <translation>ausgehend (OUTPUT)</translation>
    </message>
    <message>
        <source>incoming (PREROUTING)</source>
        <translation>eingehend (PREROUTING)</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>%1 bytes, %2 captured</source>
        <translation>%1 Byte, davon %2 mitgeschnitten</translation>
    </message>
    <message>
        <source>dropped by rule %1</source>
        <translation>von Regel %1 verworfen</translation>
    </message>
    <message>
        <source>accepted by rule %1</source>
        <translation>von Regel %1 angenommen</translation>
    </message>
    <message>
        <source>accepted (no rule matched)</source>
        <translation>angenommen (keine Regel hat gepasst)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>Group id</source>
        <translation>Gruppen-ID</translation>
    </message>
    <message>
        <source>Offload</source>
        <translation>Offload</translation>
    </message>
    <message>
        <source>several packets the kernel handed over as one (segmentation offload)</source>
        <translation>mehrere Pakete, die der Kernel als eines übergeben hat (Segmentation Offload)</translation>
    </message>
    <message>
        <source>none (read from a file)</source>
        <translation>keine (aus einer Datei gelesen)</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Executable</source>
        <translation>Programmdatei</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>Process id</source>
        <translation>Prozess-ID</translation>
    </message>
    <message>
        <source>%1 (%2 in its own PID namespace)</source>
        <translation>%1 (%2 in seinem eigenen PID-Namensraum)</translation>
    </message>
    <message>
        <source>Control group id</source>
        <translation>Control-Group-ID</translation>
    </message>
    <message>
        <source>a process the window was not told about</source>
        <translation>ein Prozess, den das Fenster nicht mitgeteilt bekam</translation>
    </message>
    <message>
        <source>none: the kernel sent it itself</source>
        <translation>keines: Der Kernel hat es selbst gesendet</translation>
    </message>
    <message>
        <source>none: no local socket is known for it (forwarded, or no program listens)</source>
        <translation>keines: Kein lokaler Socket ist dafür bekannt (weitergeleitet, oder kein Programm wartet darauf)</translation>
    </message>
    <message>
        <source>Control group</source>
        <translation>Control Group</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (ID %2)</translation>
    </message>
    <message>
        <source>Systemd unit</source>
        <translation>Systemd-Unit</translation>
    </message>
    <message>
        <source>Flatpak application</source>
        <translation>Flatpak-Anwendung</translation>
    </message>
    <message>
        <source>Snap</source>
        <translation>Snap</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Desktop entry</source>
        <translation>Desktop-Eintrag</translation>
    </message>
    <message>
        <source>Network namespace</source>
        <translation>Netzwerk-Namensraum</translation>
    </message>
    <message>
        <source>another one (a container&apos;s): the packet came here forwarded</source>
        <translation>ein anderer (der eines Containers): das Paket wurde hierher weitergeleitet</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
</context>
<context>
    <name>PcapImporter</name>
    <message>
        <source>%1 holds packets of link type %2, which nfqmon cannot show (it shows IP packets: raw IP, Ethernet, Linux cooked or loopback captures).</source>
        <translation>%1 enthält Pakete des Link-Typs %2, die nfqmon nicht anzeigen kann (angezeigt werden IP-Pakete: Mitschnitte von Raw-IP, Ethernet, Linux Cooked oder Loopback).</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 ist beschädigt: %2</translation>
    </message>
    <message>
        <source>%1 is damaged after packet %2: %3</source>
        <translation>%1 ist nach Paket %2 beschädigt: %3</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message>
        <source>IPv6 payload length</source>
        <translation>IPv6-Nutzdatenlänge</translation>
    </message>
    <message>
        <source>IPv4 total length</source>
        <translation>IPv4-Gesamtlänge</translation>
    </message>
    <message>
        <source>truncated: the packet is empty</source>
        <translation>abgeschnitten: Das Paket ist leer</translation>
    </message>
    <message>
        <source>not an IP packet: the version field is %1</source>
        <translation>kein IP-Paket: Das Versionsfeld ist %1</translation>
    </message>
    <message>
        <source>malformed: the version field is %1, but the packet was delivered as IPv%2</source>
        <translation>fehlerhaft: Das Versionsfeld ist %1, aber das Paket wurde als IPv%2 übergeben</translation>
    </message>
    <message numerus="yes">
        <source>truncated: the %1 needs %2 bytes, %n present</source>
        <translation>
            <numerusform>abgeschnitten: Der %1 benötigt %2 Byte, %n vorhanden</numerusform>
            <numerusform>abgeschnitten: Der %1 benötigt %2 Byte, %n vorhanden</numerusform>
        </translation>
    </message>
    <message>
        <source>malformed: the IPv4 header length is %1 bytes, less than the minimum of 20</source>
        <translation>fehlerhaft: Die IPv4-Headerlänge ist %1 Byte, weniger als das Minimum von 20</translation>
    </message>
    <message>
        <source>malformed: the IPv4 total length (%1) is less than the header length (%2)</source>
        <translation>fehlerhaft: Die IPv4-Gesamtlänge (%1) ist kleiner als die Headerlänge (%2)</translation>
    </message>
    <message>
        <source>malformed: the %1 needs %2 bytes, but the %3 leaves room for %4</source>
        <translation>fehlerhaft: Der %1 benötigt %2 Byte, aber die %3 lässt nur Platz für %4</translation>
    </message>
    <message>
        <source>malformed: the TCP data offset is %1 bytes, less than the minimum of 20</source>
        <translation>fehlerhaft: Der TCP-Datenoffset ist %1 Byte, weniger als das Minimum von 20</translation>
    </message>
    <message>
        <source>malformed: the UDP-Lite checksum coverage (%1) is less than the 8-byte header</source>
        <translation>fehlerhaft: Die UDP-Lite-Prüfsummenabdeckung (%1) ist kleiner als der 8 Byte lange Header</translation>
    </message>
    <message>
        <source>malformed: the UDP length (%1) is less than the 8-byte header</source>
        <translation>fehlerhaft: Die UDP-Länge (%1) ist kleiner als der 8 Byte lange Header</translation>
    </message>
    <message>
        <source>malformed: the UDP-Lite checksum coverage (%1) is more than the %2 bytes the %3 leaves for it</source>
        <translation>fehlerhaft: Die UDP-Lite-Prüfsummenabdeckung (%1) ist größer als die %2 Byte, die die %3 dafür lässt</translation>
    </message>
    <message>
        <source>malformed: the UDP length (%1) is more than the %2 bytes the %3 leaves for it</source>
        <translation>fehlerhaft: Die UDP-Länge (%1) ist größer als die %2 Byte, die die %3 dafür lässt</translation>
    </message>
    <message>
        <source>malformed: the extension headers run past 65535 bytes</source>
        <translation>fehlerhaft: Die Erweiterungsheader reichen über 65535 Byte hinaus</translation>
    </message>
</context>
<context>
    <name>RuleSuggestion</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weitere</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Von %1</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>An %1</translation>
    </message>
    <message>
        <source>Conversation %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>To port %1</source>
        <translation>An Port %1</translation>
    </message>
    <message>
        <source>Protocol %1</source>
        <translation>Protokoll %1</translation>
    </message>
</context>
<context>
    <name>SummaryText</name>
    <message>
        <source>IP version does not match the packet&apos;s family (malformed)</source>
        <translation>IP-Version passt nicht zur Adressfamilie des Pakets (fehlerhaft)</translation>
    </message>
    <message>
        <source>no IP header</source>
        <translation>kein IP-Header</translation>
    </message>
    <message>
        <source>[fragment: offset %1, id %2]</source>
        <translation>[Fragment: Offset %1, ID %2]</translation>
    </message>
    <message>
        <source>(truncated: %1 header)</source>
        <translation>(abgeschnitten: %1-Header)</translation>
    </message>
    <message>
        <source>(truncated: authentication header)</source>
        <translation>(abgeschnitten: Authentication Header)</translation>
    </message>
    <message>
        <source>(truncated: IPv6 extension headers)</source>
        <translation>(abgeschnitten: IPv6-Erweiterungsheader)</translation>
    </message>
    <message>
        <source>(truncated: IPv4 options)</source>
        <translation>(abgeschnitten: IPv4-Optionen)</translation>
    </message>
    <message>
        <source>(malformed)</source>
        <translation>(fehlerhaft)</translation>
    </message>
</context>
<context>
    <name>TransportFields</name>
    <message>
        <source>Source port</source>
        <translation>Quellport</translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation>Zielport</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Checksum coverage</source>
        <translation>Prüfsummenabdeckung</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>0x0000 (none)</source>
        <translation>0x0000 (keine)</translation>
    </message>
    <message>
        <source>Verification tag</source>
        <translation>Verifikations-Tag</translation>
    </message>
    <message>
        <source>Data offset</source>
        <translation>Datenoffset</translation>
    </message>
    <message>
        <source>Packet type</source>
        <translation>Pakettyp</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>Sequenznummer</translation>
    </message>
    <message>
        <source>Acknowledgment number</source>
        <translation>Bestätigungsnummer</translation>
    </message>
    <message>
        <source>Header length</source>
        <translation>Headerlänge</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Urgent pointer</source>
        <translation>Urgent-Zeiger</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>Next-hop MTU</source>
        <translation>MTU des nächsten Hops</translation>
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
        <translation>Zeigt die Pakete, die netfilter per Warteschlange an den Userspace übergibt, verwirft Datenverkehr anhand von Regeln und speichert ihn in pcap-Dateien.</translation>
    </message>
    <message>
        <source>A pcap file to browse.</source>
        <translation>Eine pcap-Datei zum Ansehen.</translation>
    </message>
</context>
<context>
    <name>nfqmon::AllMachinesWindow</name>
    <message>
        <source>All machines — NFQueue Monitor</source>
        <translation>Alle Maschinen — NFQueue Monitor</translation>
    </message>
    <message>
        <source>Open the window of %1</source>
        <translation>Fenster von %1 öffnen</translation>
    </message>
    <message>
        <source>The window of %1 is closed.</source>
        <translation>Das Fenster von %1 ist geschlossen.</translation>
    </message>
    <message>
        <source>Show only packets of %1</source>
        <translation>Nur Pakete von %1 zeigen</translation>
    </message>
    <message>
        <source>Packets of %1, each from when it joined this table.</source>
        <translation>Pakete von %1, jeweils ab dem Moment, in dem die Maschine dieser Tabelle beitrat.</translation>
    </message>
</context>
<context>
    <name>nfqmon::CaptureCommand</name>
    <message>
        <source>standard output</source>
        <translation>Standardausgabe</translation>
    </message>
    <message>
        <source>%1 packets captured, %2 accepted, %3 dropped, %4 lost</source>
        <translation>%1 Pakete mitgeschnitten, %2 angenommen, %3 verworfen, %4 verloren</translation>
    </message>
    <message>
        <source>Standard output is a terminal: --relay writes nfqmon&apos;s binary stream for a program to read, so pipe it into one.</source>
        <translation>Die Standardausgabe ist ein Terminal: --relay schreibt nfqmons binären Strom für ein Programm, leiten Sie ihn also in eines.</translation>
    </message>
    <message>
        <source>Standard output is a terminal: write the capture to a file with -w FILE, or pipe it into a program (-w - | wireshark -k -i -).</source>
        <translation>Die Standardausgabe ist ein Terminal: schreiben Sie den Mitschnitt mit -w DATEI in eine Datei, oder leiten Sie ihn in ein Programm (-w - | wireshark -k -i -).</translation>
    </message>
    <message>
        <source>Cannot write to standard output: %1.</source>
        <translation>Kann nicht auf die Standardausgabe schreiben: %1.</translation>
    </message>
    <message>
        <source>Cannot write the capture to %1: %2.</source>
        <translation>Kann den Mitschnitt nicht nach %1 schreiben: %2.</translation>
    </message>
    <message>
        <source>A capture is already running on this host (started by the window or another program): nfqmon-capture --attach writes its packets without starting one.</source>
        <translation>Auf diesem Rechner läuft schon ein Mitschnitt (vom Fenster oder einem anderen Programm gestartet): nfqmon-capture --attach schreibt seine Pakete, ohne einen zu starten.</translation>
    </message>
    <message>
        <source>No capture is running on this host, so there is no packet stream to relay.</source>
        <translation>Auf diesem Rechner läuft kein Mitschnitt, also gibt es keinen Paketstrom weiterzugeben.</translation>
    </message>
    <message>
        <source>No capture is running on this host to attach to.</source>
        <translation>Auf diesem Rechner läuft kein Mitschnitt, an den man sich anhängen könnte.</translation>
    </message>
    <message>
        <source>The capture started, but its packets cannot reach nfqmon-capture, so it was stopped. %1</source>
        <translation>Der Mitschnitt hat begonnen, aber seine Pakete erreichen nfqmon-capture nicht, daher wurde er beendet. %1</translation>
    </message>
    <message>
        <source>Writing the running capture&apos;s packets to %1.</source>
        <translation>Schreibe die Pakete des laufenden Mitschnitts nach %1.</translation>
    </message>
    <message>
        <source>Capturing on %1, writing to %2.</source>
        <translation>Mitschnitt auf %1, geschrieben nach %2.</translation>
    </message>
    <message>
        <source>The packet stream broke: %1.</source>
        <translation>Der Paketstrom ist abgebrochen: %1.</translation>
    </message>
    <message>
        <source>The capture ended: %1.</source>
        <translation>Der Mitschnitt ist beendet: %1.</translation>
    </message>
    <message>
        <source>The capture ended before nfqmon-capture stopped it.</source>
        <translation>Der Mitschnitt endete, bevor nfqmon-capture ihn beendet hat.</translation>
    </message>
    <message>
        <source>Writing the capture failed: %1.</source>
        <translation>Das Schreiben des Mitschnitts ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>%1 packets did not reach the helper: the kernel&apos;s queue was full.</source>
        <translation>%1 Pakete haben den Helfer nicht erreicht: die Queue des Kernels war voll.</translation>
    </message>
    <message>
        <source>%1 packets decided in the kernel after the first %2 of their connection: %3 passed, %4 dropped.</source>
        <translation>%1 Pakete im Kernel entschieden nach den ersten %2 ihrer Verbindung: %3 durchgelassen, %4 verworfen.</translation>
    </message>
</context>
<context>
    <name>nfqmon::CaptureCommandLine</name>
    <message>
        <source>Captures the packets netfilter queues to nfqmon and writes them as pcapng, each with its verdict, rule, direction and interface.</source>
        <translation>Schneidet die Pakete mit, die Netfilter an nfqmon einreiht, und schreibt sie als pcapng, jedes mit Urteil, Regel, Richtung und Schnittstelle.</translation>
    </message>
    <message>
        <source>Capture on this interface (repeat it, or separate names with commas); &quot;any&quot; for every interface, the default.</source>
        <translation>Auf dieser Schnittstelle mitschneiden (wiederholbar, oder Namen durch Kommas getrennt); „any“ für alle Schnittstellen, die Vorgabe.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Create the iptables rules automatically (the default).</source>
        <translation>Die iptables-Regeln automatisch anlegen (die Vorgabe).</translation>
    </message>
    <message>
        <source>Create no iptables rules: capture what your own rules send to the chains HAKA-PRE and HAKA-OUT.</source>
        <translation>Keine iptables-Regeln anlegen: mitschneiden, was Ihre eigenen Regeln an die Ketten HAKA-PRE und HAKA-OUT schicken.</translation>
    </message>
    <message>
        <source>Stop after this many packets.</source>
        <translation>Nach so vielen Paketen aufhören.</translation>
    </message>
    <message>
        <source>packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Stop after this many seconds.</source>
        <translation>Nach so vielen Sekunden aufhören.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Write the pcapng capture to this file, or &quot;-&quot; for standard output (the default).</source>
        <translation>Den pcapng-Mitschnitt in diese Datei schreiben, oder „-“ für die Standardausgabe (die Vorgabe).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Print nothing on standard error but errors.</source>
        <translation>Auf der Standardfehlerausgabe nur Fehler ausgeben.</translation>
    </message>
    <message>
        <source>The NFQUEUE number (default 0); change it when another program uses queue 0.</source>
        <translation>Die NFQUEUE-Nummer (Vorgabe 0); ändern Sie sie, wenn ein anderes Programm Queue 0 benutzt.</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>How many queues, each with a thread of the helper (1 to %1).</source>
        <translation>Wie viele Queues, jede mit einem Thread des Helfers (1 bis %1).</translation>
    </message>
    <message>
        <source>Bytes kept of each packet (%1 to %2, default %3).</source>
        <translation>Bytes, die von jedem Paket behalten werden (%1 bis %2, Vorgabe %3).</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Write the packets of the capture already running on this host instead of starting one; it goes on when this program ends.</source>
        <translation>Die Pakete des auf diesem Rechner schon laufenden Mitschnitts schreiben, statt einen zu starten; er läuft weiter, wenn dieses Programm endet.</translation>
    </message>
    <message>
        <source>Copy the packet stream of the capture running on this host to standard output unchanged (nfqmon&apos;s own format, for a window on another host).</source>
        <translation>Den Paketstrom des auf diesem Rechner laufenden Mitschnitts unverändert auf die Standardausgabe kopieren (nfqmons eigenes Format, für ein Fenster auf einem anderen Rechner).</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;: nfqmon-capture takes no filter; drop rules decide what passes.</source>
        <translation>Unerwartetes Argument „%1“: nfqmon-capture nimmt keinen Filter; Verwerfen-Regeln entscheiden, was durchgeht.</translation>
    </message>
    <message>
        <source>Give either --relay or --attach, not both.</source>
        <translation>Geben Sie entweder --relay oder --attach an, nicht beides.</translation>
    </message>
    <message>
        <source>--relay copies the running capture&apos;s stream to standard output and takes no option but -q (not --%1).</source>
        <translation>--relay kopiert den Strom des laufenden Mitschnitts auf die Standardausgabe und nimmt keine Option außer -q (nicht --%1).</translation>
    </message>
    <message>
        <source>--attach writes the running capture as it was started, so --%1 cannot change it.</source>
        <translation>--attach schreibt den laufenden Mitschnitt so, wie er gestartet wurde, also kann --%1 ihn nicht ändern.</translation>
    </message>
    <message>
        <source>-i needs an interface name (&quot;%1&quot; has an empty one).</source>
        <translation>-i braucht einen Schnittstellennamen („%1“ enthält einen leeren).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an interface name.</source>
        <translation>„%1“ ist kein Schnittstellenname.</translation>
    </message>
    <message>
        <source>&quot;any&quot; stands for every interface: give it alone, or name the interfaces.</source>
        <translation>„any“ steht für alle Schnittstellen: geben Sie es allein an, oder nennen Sie die Schnittstellen.</translation>
    </message>
    <message>
        <source>Name at most %1 interfaces.</source>
        <translation>Nennen Sie höchstens %1 Schnittstellen.</translation>
    </message>
    <message>
        <source>Give either --rules or --no-rules, not both.</source>
        <translation>Geben Sie entweder --rules oder --no-rules an, nicht beides.</translation>
    </message>
    <message>
        <source>-c needs a number of packets, 1 or more (not &quot;%1&quot;).</source>
        <translation>-c braucht eine Anzahl Pakete, 1 oder mehr (nicht „%1“).</translation>
    </message>
    <message>
        <source>-a needs a duration in seconds, more than 0 (not &quot;%1&quot;).</source>
        <translation>-a braucht eine Dauer in Sekunden, mehr als 0 (nicht „%1“).</translation>
    </message>
    <message>
        <source>-w needs a file name, or &quot;-&quot; for standard output.</source>
        <translation>-w braucht einen Dateinamen, oder „-“ für die Standardausgabe.</translation>
    </message>
    <message>
        <source>--queue needs a queue number from 0 to %1 (not &quot;%2&quot;).</source>
        <translation>--queue braucht eine Queue-Nummer von 0 bis %1 (nicht „%2“).</translation>
    </message>
    <message>
        <source>--queues needs a number from %1 to %2 (not &quot;%3&quot;).</source>
        <translation>--queues braucht eine Zahl von %1 bis %2 (nicht „%3“).</translation>
    </message>
    <message>
        <source>Queues %1 and on do not fit below %2: choose a lower --queue.</source>
        <translation>Queues ab %1 passen nicht unter %2: wählen Sie ein kleineres --queue.</translation>
    </message>
    <message>
        <source>-s needs a number of bytes from %1 to %2 (not &quot;%3&quot;).</source>
        <translation>-s braucht eine Anzahl Bytes von %1 bis %2 (nicht „%3“).</translation>
    </message>
    <message>
        <source>This host has no interface &quot;%1&quot; (see ip link).</source>
        <translation>Dieser Rechner hat keine Schnittstelle „%1“ (siehe ip link).</translation>
    </message>
    <message>
        <source>Inspect only the first N packets of each TCP or UDP connection (1 to %1); the kernel passes or drops the rest as the last of them was decided, and they are not written.</source>
        <translation>Nur die ersten N Pakete jeder TCP- oder UDP-Verbindung untersuchen (1 bis %1); der Kernel lässt den Rest passieren oder verwirft ihn, wie das letzte davon entschieden wurde, und sie werden nicht geschrieben.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>--inspect needs a number of packets from 1 to %1 (not &quot;%2&quot;).</source>
        <translation>--inspect braucht eine Anzahl Pakete von 1 bis %1 (nicht „%2“).</translation>
    </message>
</context>
<context>
    <name>nfqmon::CaptureController</name>
    <message>
        <source>Choose at least one interface to capture on.</source>
        <translation>Mindestens eine Schnittstelle zum Mitschneiden auswählen.</translation>
    </message>
    <message>
        <source>Save all packets and accepted packets to two different files (both are %1).</source>
        <translation>Alle Pakete und angenommene Pakete in zwei verschiedenen Dateien speichern (beide lauten %1).</translation>
    </message>
    <message>
        <source>Cannot open %1 to save packets to: %2.</source>
        <translation>%1 kann nicht zum Speichern von Paketen geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>The capture started, but its packets cannot reach this window, so it was stopped. %1</source>
        <translation>Der Mitschnitt wurde gestartet, aber seine Pakete erreichen dieses Fenster nicht; daher wurde er gestoppt. %1</translation>
    </message>
    <message>
        <source>The helper stopped while the capture ran. Start again to go on. (%1)</source>
        <translation>Das Hilfsprogramm wurde während des Mitschnitts beendet. Zum Fortfahren erneut starten. (%1)</translation>
    </message>
    <message>
        <source>The capture ended.</source>
        <translation>Der Mitschnitt wurde beendet.</translation>
    </message>
    <message>
        <source>The capture ended: %1.</source>
        <translation>Der Mitschnitt wurde beendet: %1.</translation>
    </message>
    <message>
        <source>The packet stream broke, so the capture was stopped: %1.</source>
        <translation>Der Paketstrom ist abgerissen, daher wurde der Mitschnitt gestoppt: %1.</translation>
    </message>
    <message>
        <source>the helper closed it</source>
        <translation>das Hilfsprogramm hat ihn geschlossen</translation>
    </message>
    <message>
        <source>The helper stopped while the capture ran (it crashed or was killed). Start again to go on.</source>
        <translation>Das Hilfsprogramm wurde während des Mitschnitts beendet (es ist abgestürzt oder wurde zwangsweise beendet). Zum Fortfahren erneut starten.</translation>
    </message>
</context>
<context>
    <name>nfqmon::CaptureSettingsDialog</name>
    <message>
        <source>&amp;Create the iptables rules automatically</source>
        <translation>iptables-Regeln automatisch &amp;erstellen</translation>
    </message>
    <message>
        <source>Save &amp;all received packets to:</source>
        <translation>A&amp;lle empfangenen Pakete speichern in:</translation>
    </message>
    <message>
        <source>Save acce&amp;pted packets to:</source>
        <translation>An&amp;genommene Pakete speichern in:</translation>
    </message>
    <message>
        <source>Capture settings</source>
        <translation>Mitschnitt-Einstellungen</translation>
    </message>
    <message>
        <source>On: nfqmon creates the chains HAKA-PRE and HAKA-OUT and sends the chosen interfaces&apos; traffic to them, and removes all of it when the capture stops. Off: you create the chains and decide which traffic goes there; nfqmon only fills them.</source>
        <translation>An: nfqmon legt die Ketten HAKA-PRE und HAKA-OUT an, leitet den Datenverkehr der gewählten Schnittstellen dorthin und entfernt alles wieder, wenn der Mitschnitt endet. Aus: Die Ketten selbst anlegen und festlegen, welcher Datenverkehr dorthin geht; nfqmon befüllt sie nur.</translation>
    </message>
    <message>
        <source>Your chains in table raw, as the helper sees them:</source>
        <translation>Die eigenen Ketten in der Tabelle raw, wie das Hilfsprogramm sie sieht:</translation>
    </message>
    <message>
        <source>Firewall rules</source>
        <translation>Firewall-Regeln</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>pcap files with nanosecond times; the packets your rules drop are saved only to the first. Existing files are replaced.</source>
        <translation>pcap-Dateien mit Zeitstempeln in Nanosekunden; von den Regeln verworfene Pakete werden nur in der ersten gespeichert. Vorhandene Dateien werden ersetzt.</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> Byte</translation>
    </message>
    <message>
        <source>How much of each packet is kept for the window and the files</source>
        <translation>Wie viel von jedem Paket für das Fenster und die Dateien behalten wird</translation>
    </message>
    <message>
        <source>The NFQUEUE number; change it when another program uses queue 0</source>
        <translation>Die NFQUEUE-Nummer; ändern, wenn ein anderes Programm Warteschlange 0 verwendet</translation>
    </message>
    <message>
        <source> packets</source>
        <translation> Pakete</translation>
    </message>
    <message>
        <source>The window keeps at most this many packets; the oldest roll off (the status bar counts them)</source>
        <translation>Das Fenster behält höchstens so viele Pakete; die ältesten werden verdrängt (die Statusleiste zählt sie)</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Mitschnitt</translation>
    </message>
    <message>
        <source>&amp;Snap length:</source>
        <translation>&amp;Snap-Länge:</translation>
    </message>
    <message>
        <source>&amp;Queue number:</source>
        <translation>&amp;Warteschlangennummer:</translation>
    </message>
    <message>
        <source>&amp;Keep at most:</source>
        <translation>&amp;Höchstens behalten:</translation>
    </message>
    <message>
        <source>The helper cannot be asked.</source>
        <translation>Das Hilfsprogramm kann nicht abgefragt werden.</translation>
    </message>
    <message>
        <source>Asking the helper…</source>
        <translation>Hilfsprogramm wird abgefragt …</translation>
    </message>
    <message>
        <source>The helper could not be asked: %1</source>
        <translation>Das Hilfsprogramm konnte nicht abgefragt werden: %1</translation>
    </message>
    <message>
        <source>To create the chains (as root):</source>
        <translation>Zum Anlegen der Ketten (als root):</translation>
    </message>
    <message>
        <source>C&amp;heck again</source>
        <translation>Er&amp;neut prüfen</translation>
    </message>
    <message>
        <source>You are not allowed to read the firewall&apos;s rules, so nfqmon cannot check the chains (%1). Check again to enter an administrator&apos;s password.</source>
        <translation>Sie dürfen die Regeln der Firewall nicht lesen, daher kann nfqmon die Ketten nicht prüfen (%1). Prüfen Sie erneut, um das Passwort eines Administrators einzugeben.</translation>
    </message>
    <message>
        <source>&amp;Look up names of unnamed addresses (reverse DNS)</source>
        <translation>Namen unbenannter Adressen &amp;nachschlagen (Reverse DNS)</translation>
    </message>
    <message>
        <source>Off by default. The window, never the helper, asks the system&apos;s resolver in the background for the names of remote addresses the helper learned no name for. Such a name is shown as a reverse lookup in the Host column and the details, and is never used by rules or the display filter.</source>
        <translation>Standardmäßig aus. Das Fenster, nie das Hilfsprogramm, fragt im Hintergrund den Resolver des Systems nach den Namen entfernter Adressen, für die das Hilfsprogramm keinen Namen erfahren hat. Ein solcher Name wird in der Spalte Host und in den Details als Rückwärtsauflösung gezeigt und nie von Regeln oder dem Filter verwendet.</translation>
    </message>
    <message>
        <source>&amp;Inspect only the first</source>
        <translation>Nur die ersten &amp;untersuchen:</translation>
    </message>
    <message>
        <source>Only the inspected packets are saved: the first packets of each connection (see Inspect only the first, below).</source>
        <translation>Nur die untersuchten Pakete werden gespeichert: die ersten Pakete jeder Verbindung (siehe „Nur die ersten untersuchen“ unten).</translation>
    </message>
    <message>
        <source> packets of each connection</source>
        <translation> Pakete jeder Verbindung</translation>
    </message>
    <message>
        <source>Off: the helper sees every packet. On: it sees the first packets of each TCP or UDP connection (both directions), and the kernel passes or drops the rest as the last of them was decided, counting them, at almost no cost. A rule changed later applies to each connection&apos;s next packet. The table and the dumps then hold only the inspected packets; the status bar counts the rest.</source>
        <translation>Aus: Der Helfer sieht jedes Paket. An: Er sieht die ersten Pakete jeder TCP- oder UDP-Verbindung (beide Richtungen), und der Kernel lässt den Rest so passieren oder verwirft ihn, wie das letzte davon entschieden wurde, und zählt ihn – fast ohne Kosten. Eine später geänderte Regel gilt ab dem nächsten Paket jeder Verbindung. Tabelle und Mitschnitte enthalten dann nur die untersuchten Pakete; die Statusleiste zählt den Rest.</translation>
    </message>
</context>
<context>
    <name>nfqmon::ChartsPanel</name>
    <message>
        <source>Protocols (packets)</source>
        <translation>Protokolle (Pakete)</translation>
    </message>
    <message>
        <source>Top talkers (packets sent)</source>
        <translation>Aktivste Sender (gesendete Pakete)</translation>
    </message>
    <message>
        <source>packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Top destination ports (packets)</source>
        <translation>Häufigste Zielports (Pakete)</translation>
    </message>
    <message>
        <source>Packets/s</source>
        <translation>Pakete/s</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>Byte/s</translation>
    </message>
    <message>
        <source>What the rate chart counts</source>
        <translation>Was das Ratendiagramm zählt</translation>
    </message>
    <message>
        <source>Show all times</source>
        <translation>Gesamten Zeitraum anzeigen</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Top talkers</source>
        <translation>Aktivste Sender</translation>
    </message>
    <message>
        <source>Top ports</source>
        <translation>Häufigste Ports</translation>
    </message>
    <message>
        <source>Table shows %1 – %2</source>
        <translation>Tabelle zeigt %1 – %2</translation>
    </message>
    <message>
        <source>Drag across the chart to filter by time</source>
        <translation>Im Diagramm ziehen, um nach Zeit zu filtern</translation>
    </message>
    <message>
        <source>Exact counts: every source so far has a counter of its own (up to %L1 sources).</source>
        <translation>Genaue Zählung: Jede bisherige Quelle hat einen eigenen Zähler (bis zu %L1 Quellen).</translation>
    </message>
    <message>
        <source>Counted in fixed memory (%L1 counters, Space-Saving): a count may be too high by up to %L2 packets, never too low, and every source that sent more than %L2 packets is counted.</source>
        <translation>In festem Speicher gezählt (%L1 Zähler, Space-Saving): Ein Wert kann um bis zu %L2 Pakete zu hoch sein, nie zu niedrig, und jede Quelle, die mehr als %L2 Pakete gesendet hat, wird gezählt.</translation>
    </message>
    <message>
        <source>Exact counts: every port so far has a counter of its own (up to %L1 ports).</source>
        <translation>Genaue Zählung: Jeder bisherige Port hat einen eigenen Zähler (bis zu %L1 Ports).</translation>
    </message>
    <message>
        <source>Counted in fixed memory (%L1 counters, Space-Saving): a count may be too high by up to %L2 packets, never too low, and every port that received more than %L2 packets is counted.</source>
        <translation>In festem Speicher gezählt (%L1 Zähler, Space-Saving): Ein Wert kann um bis zu %L2 Pakete zu hoch sein, nie zu niedrig, und jeder Port, der mehr als %L2 Pakete empfangen hat, wird gezählt.</translation>
    </message>
    <message>
        <source>Top applications (packets sent and received)</source>
        <translation>Aktivste Anwendungen (gesendete und empfangene Pakete)</translation>
    </message>
    <message>
        <source>Top applications</source>
        <translation>Aktivste Anwendungen</translation>
    </message>
    <message>
        <source>Packets of each program, sent or received, named as in the Application column; the kernel&apos;s own packets count as (kernel). Forwarded packets, packets nobody listens for and packets of unknown origin (an opened file) are not counted.</source>
        <translation>Pakete jedes Programms, gesendet oder empfangen, benannt wie in der Spalte Anwendung; die eigenen Pakete des Kernels zählen als (Kernel). Weitergeleitete Pakete, Pakete, auf die kein Programm wartet, und Pakete unbekannter Herkunft (eine geöffnete Datei) werden nicht gezählt.</translation>
    </message>
    <message>
        <source>Exact counts: every application so far has a counter of its own (up to %L1 applications).</source>
        <translation>Genaue Zählung: Jede bisherige Anwendung hat einen eigenen Zähler (bis zu %L1 Anwendungen).</translation>
    </message>
    <message>
        <source>Counted in fixed memory (%L1 counters, Space-Saving): a count may be too high by up to %L2 packets, never too low, and every application with more than %L2 packets is counted.</source>
        <translation>In festem Speicher gezählt (%L1 Zähler, Space-Saving): Ein Wert kann um bis zu %L2 Pakete zu hoch sein, nie zu niedrig, und jede Anwendung mit mehr als %L2 Paketen wird gezählt.</translation>
    </message>
    <message>
        <source>Top hosts (packets sent and received)</source>
        <translation>Aktivste Hosts (gesendete und empfangene Pakete)</translation>
    </message>
    <message>
        <source>Top hosts</source>
        <translation>Aktivste Hosts</translation>
    </message>
    <message>
        <source>Packets to and from each host name the helper learned, named as in the Host column. Packets without a learned name are not counted.</source>
        <translation>Pakete an und von jedem Hostnamen, den das Hilfsprogramm erfahren hat, benannt wie in der Spalte Host. Pakete ohne erfahrenen Namen werden nicht gezählt.</translation>
    </message>
    <message>
        <source>Exact counts: every host name so far has a counter of its own (up to %L1 names).</source>
        <translation>Genaue Zählung: Jeder bisherige Hostname hat einen eigenen Zähler (bis zu %L1 Namen).</translation>
    </message>
    <message>
        <source>Counted in fixed memory (%L1 counters, Space-Saving): a count may be too high by up to %L2 packets, never too low, and every host name with more than %L2 packets is counted.</source>
        <translation>In festem Speicher gezählt (%L1 Zähler, Space-Saving): Ein Wert kann um bis zu %L2 Pakete zu hoch sein, nie zu niedrig, und jeder Hostname mit mehr als %L2 Paketen wird gezählt.</translation>
    </message>
</context>
<context>
    <name>nfqmon::ConnectionListModel</name>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>inspected</source>
        <translation>untersucht</translation>
    </message>
    <message>
        <source>inspected again (rules changed)</source>
        <translation>erneut untersucht (Regeln geändert)</translation>
    </message>
    <message>
        <source>passed by the kernel</source>
        <translation>vom Kernel durchgelassen</translation>
    </message>
    <message>
        <source>dropped by the kernel</source>
        <translation>vom Kernel verworfen</translation>
    </message>
    <message>
        <source>Packets the kernel passed or dropped after the inspection depth, as the helper decided this connection: not in the packet table</source>
        <translation>Pakete, die der Kernel nach der Untersuchungstiefe durchließ oder verwarf, wie der Helfer diese Verbindung entschieden hatte: nicht in der Pakettabelle</translation>
    </message>
    <message>
        <source>Not decided by the kernel: every packet of it was inspected</source>
        <translation>Nicht vom Kernel entschieden: Jedes ihrer Pakete wurde untersucht</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation>Untersucht</translation>
    </message>
    <message>
        <source>In the kernel</source>
        <translation>Im Kernel</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>nfqmon::DesktopIntegration</name>
    <message>
        <source>Show an icon in the system &amp;tray</source>
        <translation>Symbol im Systemabschnitt der &amp;Kontrollleiste anzeigen</translation>
    </message>
    <message>
        <source>The capture state beside the clock; closing the window while capturing keeps the capture running there</source>
        <translation>Der Mitschnittstatus neben der Uhr; wird das Fenster während eines Mitschnitts geschlossen, läuft der Mitschnitt dort weiter</translation>
    </message>
    <message>
        <source>&amp;Notify when a new rule drops packets</source>
        <translation>&amp;Benachrichtigen, wenn eine neue Regel Pakete verwirft</translation>
    </message>
    <message>
        <source>A desktop notification when a rule that had not matched yet drops its first packets</source>
        <translation>Eine Desktop-Benachrichtigung, wenn eine Regel, die noch nie gepasst hat, ihre ersten Pakete verwirft</translation>
    </message>
    <message>
        <source>NFQueue Monitor is still capturing</source>
        <translation>NFQueue Monitor schneidet weiter mit</translation>
    </message>
    <message>
        <source>Click the tray icon to bring the window back; Quit in its menu ends the capture.</source>
        <translation>Ein Klick auf das Symbol in der Kontrollleiste holt das Fenster zurück; „Beenden“ in seinem Menü beendet den Mitschnitt.</translation>
    </message>
</context>
<context>
    <name>nfqmon::DesktopNotifier</name>
    <message>
        <source>There is no session bus, so no desktop notification can be shown.</source>
        <translation>Es gibt keinen Sitzungsbus, daher kann keine Desktop-Benachrichtigung angezeigt werden.</translation>
    </message>
    <message>
        <source>No desktop notification was shown: %1</source>
        <translation>Es wurde keine Desktop-Benachrichtigung angezeigt: %1</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
</context>
<context>
    <name>nfqmon::DumpFileField</name>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>a pcap file of yours</source>
        <translation>eine eigene pcap-Datei</translation>
    </message>
    <message>
        <source>Save packets to</source>
        <translation>Pakete speichern in</translation>
    </message>
    <message>
        <source>pcap files (*.pcap);;pcapng files, with host names and verdicts (*.pcapng);;All files (*)</source>
        <extracomment>Three file types, in this order, separated by &quot;;;&quot;.</extracomment>
        <translation>pcap-Dateien (*.pcap);;pcapng-Dateien, mit Hostnamen und Entscheidungen (*.pcapng);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>nfqmon::ExportDialog</name>
    <message>
        <source>Export packets to pcap</source>
        <translation>Pakete als pcap exportieren</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>&amp;All captured (%1)</source>
        <translation>&amp;Alle mitgeschnittenen (%1)</translation>
    </message>
    <message>
        <source>&amp;Displayed by the filter (%1)</source>
        <translation>Vom &amp;Filter angezeigte (%1)</translation>
    </message>
    <message>
        <source>&amp;Selected (%1)</source>
        <translation>Aus&amp;gewählte (%1)</translation>
    </message>
    <message>
        <source>Every packet of the selected &amp;conversations (both directions)</source>
        <translation>Alle Pakete der ausgewählten &amp;Verbindungen (beide Richtungen)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export packets to</source>
        <translation>Pakete exportieren nach</translation>
    </message>
    <message>
        <source>the pcap or pcapng file to write</source>
        <translation>die zu schreibende pcap- oder pcapng-Datei</translation>
    </message>
    <message>
        <source>pcap files (*.pcap);;pcapng files, with host names and verdicts (*.pcapng);;All files (*)</source>
        <extracomment>Three file types, in this order, separated by &quot;;;&quot;.</extracomment>
        <translation>pcap-Dateien (*.pcap);;pcapng-Dateien, mit Hostnamen und Entscheidungen (*.pcapng);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>nfqmon::ExportProgress</name>
    <message>
        <source>Exporting packets to %1…</source>
        <translation>Pakete werden nach %1 exportiert …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export packets</source>
        <translation>Pakete exportieren</translation>
    </message>
</context>
<context>
    <name>nfqmon::FilterBar</name>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln packet(s)</source>
        <translation>
            <numerusform>%Ln Paket</numerusform>
            <numerusform>%Ln Pakete</numerusform>
        </translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message numerus="yes">
        <source>filtering %Ln packet(s)…</source>
        <translation>
            <numerusform>%Ln Paket wird gefiltert …</numerusform>
            <numerusform>%Ln Pakete werden gefiltert …</numerusform>
        </translation>
    </message>
    <message>
        <source>pcap filter and owner, e.g. tcp port 443 or host 10.0.0.7, app curl and udp</source>
        <translation>pcap-Filter und Absender, z. B. tcp port 443 or host 10.0.0.7, app curl and udp</translation>
    </message>
    <message>
        <source>Show only the packets that match this expression, in the pcap filter language of tcpdump and of the rules, joined with “and” to app NAME, exe PATH, user NAME, pid N or unit GLOB. Empty shows every packet.</source>
        <translation>Nur die Pakete anzeigen, auf die dieser Ausdruck passt, in der pcap-Filtersprache von tcpdump und der Regeln, mit „and“ verbunden mit app NAME, exe PFAD, user NAME, pid N oder unit MUSTER. Leer zeigt alle Pakete.</translation>
    </message>
    <message>
        <source>Show only the packets that match this expression, in the pcap filter language of tcpdump and of the rules, joined with “and” to app NAME, exe PATH, user NAME, pid N or unit GLOB.</source>
        <translation>Nur die Pakete anzeigen, auf die dieser Ausdruck passt, in der pcap-Filtersprache von tcpdump und der Regeln, mit „and“ verbunden mit app NAME, exe PFAD, user NAME, pid N oder unit MUSTER.</translation>
    </message>
</context>
<context>
    <name>nfqmon::HeaderTree</name>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Decoded headers</source>
        <translation>Dekodierte Header</translation>
    </message>
    <message>
        <source>Packet</source>
        <translation>Paket</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) captured</source>
        <translation>
            <numerusform>%n Byte mitgeschnitten</numerusform>
            <numerusform>%n Byte mitgeschnitten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bytes %1–%2 (%n byte(s))</source>
        <translation>
            <numerusform>Byte %1–%2 (%n Byte)</numerusform>
            <numerusform>Byte %1–%2 (%n Byte)</numerusform>
        </translation>
    </message>
    <message>
        <source>no bytes</source>
        <translation>keine Bytes</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>nfqmon::HealthWidget</name>
    <message>
        <source>Packets the helper received per second</source>
        <translation>Pakete, die das Hilfsprogramm pro Sekunde empfangen hat</translation>
    </message>
    <message>
        <source>Fail-open: when the kernel&apos;s queue is full, packets pass unseen instead of waiting or being lost</source>
        <translation>Fail-open: Ist die Warteschlange des Kernels voll, passieren Pakete ungesehen, statt zu warten oder verloren zu gehen</translation>
    </message>
    <message>
        <source>Browsing %1 (offline)</source>
        <translation>Anzeige von %1 (offline)</translation>
    </message>
    <message>
        <source>%1 pkt/s</source>
        <translation>%1 Pakete/s</translation>
    </message>
    <message>
        <source>dropped by rules %1</source>
        <translation>von Regeln verworfen %1</translation>
    </message>
    <message>
        <source>Packets your rules dropped since the capture started</source>
        <translation>Pakete, die die Regeln seit Beginn des Mitschnitts verworfen haben</translation>
    </message>
    <message>
        <source>lost to display %1</source>
        <translation>nicht angezeigt %1</translation>
    </message>
    <message>
        <source>Packets that passed the firewall but could not reach this window in time (the window was too slow); they are missing from the table</source>
        <translation>Pakete, die die Firewall passiert haben, dieses Fenster aber nicht rechtzeitig erreicht haben (das Fenster war zu langsam); sie fehlen in der Tabelle</translation>
    </message>
    <message>
        <source>kernel %1</source>
        <translation>Kernel %1</translation>
    </message>
    <message>
        <source>fail-open on</source>
        <translation>Fail-open an</translation>
    </message>
    <message>
        <source>fail-open off</source>
        <translation>Fail-open aus</translation>
    </message>
    <message>
        <source>rolled off %1</source>
        <translation>verdrängt %1</translation>
    </message>
    <message>
        <source>The oldest packets left the table because of the packet limit in the capture settings</source>
        <translation>Die ältesten Pakete wurden wegen der Paketgrenze in den Mitschnitt-Einstellungen aus der Tabelle verdrängt</translation>
    </message>
    <message>
        <source>Packets the kernel&apos;s queue dropped or could not deliver to the helper (packets that fail-open let pass are not among them: see passed unseen)</source>
        <translation>Pakete, die die Warteschlange des Kernels verworfen oder nicht an das Hilfsprogramm zustellen konnte (Pakete, die Fail-open passieren ließ, gehören nicht dazu: siehe ungesehen passiert)</translation>
    </message>
    <message>
        <source>passed unseen %1</source>
        <translation>ungesehen passiert %1</translation>
    </message>
    <message>
        <source>Packets that reached nfqmon&apos;s queue rules but never the helper: the kernel&apos;s queue was full and fail-open let them pass without a verdict, so rules did not apply to them and they are missing from the table and the dumps. The kernel&apos;s rule counters minus the packets it handed to the helper, read once a second</source>
        <translation>Pakete, die die Warteschlangen-Regeln von nfqmon erreichten, aber nie das Hilfsprogramm: Die Warteschlange des Kernels war voll und Fail-open ließ sie ohne Urteil passieren, daher galten die Regeln nicht für sie und sie fehlen in der Tabelle und in den Mitschnitten. Die Regelzähler des Kernels abzüglich der Pakete, die er dem Hilfsprogramm übergab, einmal pro Sekunde gelesen</translation>
    </message>
    <message>
        <source>program unknown %1</source>
        <translation>Programm unbekannt %1</translation>
    </message>
    <message>
        <source>Reports of which program sent a flow that the kernel could not pass to the helper in time (its ring was full): the packets of those flows show no program, and rules by program, user or unit do not apply to them</source>
        <translation>Meldungen, welches Programm einen Fluss gesendet hat, die der Kernel nicht rechtzeitig an das Hilfsprogramm weitergeben konnte (sein Ringpuffer war voll): Die Pakete dieser Flüsse zeigen kein Programm, und Regeln nach Programm, Benutzer oder Unit gelten für sie nicht</translation>
    </message>
    <message>
        <source>decided in the kernel %1</source>
        <translation>im Kernel entschieden %1</translation>
    </message>
    <message>
        <source>Packets after the first ones of each connection (the inspection depth in the capture settings): the kernel passed %1 and dropped %2 as the helper decided their connection, without queueing them; they are not in the table or the dumps</source>
        <translation>Pakete nach den ersten jeder Verbindung (die Untersuchungstiefe in den Aufzeichnungseinstellungen): Der Kernel ließ %1 passieren und verwarf %2, wie der Helfer ihre Verbindung entschieden hatte, ohne sie in die Warteschlange zu stellen; sie fehlen in der Tabelle und den Mitschnitten</translation>
    </message>
</context>
<context>
    <name>nfqmon::HelperClient</name>
    <message>
        <source>This connection to the system bus cannot pass file descriptors, which the packet stream and the dump files need.</source>
        <translation>Diese Verbindung zum Systembus kann keine Dateideskriptoren übertragen, die der Paketstrom und die Mitschnittdateien aber benötigen.</translation>
    </message>
    <message>
        <source>The packet stream&apos;s descriptor could not be kept: %1</source>
        <translation>Der Deskriptor des Paketstroms konnte nicht behalten werden: %1</translation>
    </message>
    <message>
        <source>the helper stopped while the capture ran</source>
        <translation>das Hilfsprogramm wurde während des Mitschnitts beendet</translation>
    </message>
    <message>
        <source>the system bus stopped while the capture ran</source>
        <translation>der Systembus wurde während des Mitschnitts beendet</translation>
    </message>
    <message>
        <source>There is no connection to %1 yet (ssh %1): wait until the window says it is connected.</source>
        <translation>Es besteht noch keine Verbindung zu %1 (ssh %1): Warten Sie, bis das Fenster die Verbindung meldet.</translation>
    </message>
    <message>
        <source>Dump files cannot be passed to %1 over SSH: capture there with nfqmon-capture -w FILE, or export from this window.</source>
        <translation>Mitschnittdateien lassen sich nicht über SSH an %1 übergeben: Zeichnen Sie dort mit nfqmon-capture -w DATEI auf oder exportieren Sie aus diesem Fenster.</translation>
    </message>
</context>
<context>
    <name>nfqmon::HexView</name>
    <message>
        <source>Packet bytes</source>
        <translation>Paket-Bytes</translation>
    </message>
</context>
<context>
    <name>nfqmon::InterfaceListModel</name>
    <message>
        <source>any (all interfaces)</source>
        <translation>any (alle Schnittstellen)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>up</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>down</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>%1 (%2) %3</source>
        <translation>%1 (%2) %3</translation>
    </message>
    <message>
        <source>Capture on every interface, including those that appear later.</source>
        <translation>Auf allen Schnittstellen mitschneiden, auch auf später hinzukommenden.</translation>
    </message>
    <message>
        <source>No addresses</source>
        <translation>Keine Adressen</translation>
    </message>
</context>
<context>
    <name>nfqmon::InterfacePicker</name>
    <message>
        <source>The interfaces to capture on</source>
        <translation>Die Schnittstellen, auf denen mitgeschnitten wird</translation>
    </message>
    <message>
        <source>Interfaces: none</source>
        <translation>Schnittstellen: keine</translation>
    </message>
    <message>
        <source>Interfaces: %1</source>
        <translation>Schnittstellen: %1</translation>
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
        <translation>Mitschnitt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>&amp;Mitschnitt</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About NFQueue Monitor</source>
        <translation>Ü&amp;ber NFQueue Monitor</translation>
    </message>
    <message>
        <source>About NFQueue Monitor</source>
        <translation>Über NFQueue Monitor</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;NFQueue Monitor&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Shows the packets netfilter queues to userspace, drops traffic by rule and saves it to pcap files.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;NFQueue Monitor&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Zeigt die Pakete, die netfilter per Warteschlange an den Userspace übergibt, verwirft Datenverkehr anhand von Regeln und speichert ihn in pcap-Dateien.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>%1 — NFQueue Monitor</source>
        <translation>%1 — NFQueue Monitor</translation>
    </message>
    <message>
        <source>Open pcap file</source>
        <translation>pcap-Datei öffnen</translation>
    </message>
    <message numerus="yes">
        <source>Left out %Ln frame(s) without an IP packet.</source>
        <translation>
            <numerusform>%Ln Frame ohne IP-Paket wurde ausgelassen.</numerusform>
            <numerusform>%Ln Frames ohne IP-Paket wurden ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>pcap and pcapng files (*.pcap *.cap *.pcapng);;All files (*)</source>
        <translation>pcap- und pcapng-Dateien (*.pcap *.cap *.pcapng);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>NFQueue Monitor — %1</source>
        <translation>NFQueue Monitor — %1</translation>
    </message>
    <message>
        <source>Connecting to %1 (ssh %1)…</source>
        <translation>Verbindung mit %1 wird aufgebaut (ssh %1)…</translation>
    </message>
    <message>
        <source>Connect to host</source>
        <translation>Mit Host verbinden</translation>
    </message>
    <message>
        <source>Host, as for ssh (user@host or an alias of ~/.ssh/config). Your own ssh connects, with your keys and known hosts; on the host, nfqmon must be installed and you must be in group nfqmon.</source>
        <translation>Host, wie für ssh (benutzer@host oder ein Alias aus ~/.ssh/config). Ihr eigenes ssh verbindet sich, mit Ihren Schlüsseln und bekannten Hosts; auf dem Host muss nfqmon installiert sein und Sie müssen der Gruppe nfqmon angehören.</translation>
    </message>
    <message>
        <source>A capture on %1 from this window writes no file: dump files cannot cross SSH. Run nfqmon-capture -w FILE on %1, or export from this window.</source>
        <translation>Eine Aufzeichnung auf %1 aus diesem Fenster schreibt keine Datei: Mitschnittdateien können SSH nicht überqueren. Führen Sie auf %1 nfqmon-capture -w DATEI aus oder exportieren Sie aus diesem Fenster.</translation>
    </message>
    <message>
        <source>Double-click a connection to show its packets in the table</source>
        <translation>Doppelklick auf eine Verbindung zeigt ihre Pakete in der Tabelle</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
</context>
<context>
    <name>nfqmon::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>nfqmon::PacketExport</name>
    <message>
        <source>The selected conversations have no packets to export.</source>
        <translation>Die ausgewählten Verbindungen enthalten keine Pakete zum Exportieren.</translation>
    </message>
    <message>
        <source>Another export is still running.</source>
        <translation>Es läuft noch ein anderer Export.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln packet(s) to %1.</source>
        <translation>
            <numerusform>%Ln Paket nach %1 exportiert.</numerusform>
            <numerusform>%Ln Pakete nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation>Der Export ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>nfqmon::PacketMenu</name>
    <message>
        <source>&amp;Drop packets like this</source>
        <translation>Pakete wie dieses &amp;verwerfen</translation>
    </message>
    <message>
        <source>&amp;Drop packets like these</source>
        <translation>Pakete wie diese &amp;verwerfen</translation>
    </message>
    <message>
        <source>&amp;Show only packets like this</source>
        <translation>Nur Pakete wie dieses &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Show only packets like these</source>
        <translation>Nur Pakete wie diese &amp;anzeigen</translation>
    </message>
    <message>
        <source>(nothing these packets share)</source>
        <translation>(keine Gemeinsamkeiten dieser Pakete)</translation>
    </message>
    <message>
        <source>&amp;Custom…</source>
        <translation>&amp;Benutzerdefiniert …</translation>
    </message>
    <message>
        <source>Write or change the rule&apos;s expression before adding it</source>
        <translation>Den Ausdruck der Regel vor dem Hinzufügen schreiben oder ändern</translation>
    </message>
    <message>
        <source>&amp;Export this packet…</source>
        <translation>Dieses Paket &amp;exportieren …</translation>
    </message>
    <message>
        <source>&amp;Export these %1 packets…</source>
        <translation>Diese %1 Pakete &amp;exportieren …</translation>
    </message>
</context>
<context>
    <name>nfqmon::PacketTableView</name>
    <message>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
</context>
<context>
    <name>nfqmon::PcapExporter</name>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Der Export wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Export to %1 failed: %2</source>
        <translation>Export nach %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>nfqmon::RateChart</name>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>Drag across the chart to show only the packets of that time in the table; click to show all again.</source>
        <translation>Im Diagramm ziehen, um in der Tabelle nur die Pakete dieses Zeitraums anzuzeigen; klicken, um wieder alle anzuzeigen.</translation>
    </message>
    <message>
        <source>Traffic rate</source>
        <translation>Datenverkehrsrate</translation>
    </message>
    <message>
        <source>Packets per second</source>
        <translation>Pakete pro Sekunde</translation>
    </message>
    <message>
        <source>Bytes per second</source>
        <translation>Byte pro Sekunde</translation>
    </message>
    <message>
        <source>Megabytes per second</source>
        <translation>Megabyte pro Sekunde</translation>
    </message>
    <message>
        <source>Kilobytes per second</source>
        <translation>Kilobyte pro Sekunde</translation>
    </message>
    <message>
        <source>decided in the kernel</source>
        <translation>im Kernel entschieden</translation>
    </message>
</context>
<context>
    <name>nfqmon::RemoteLink</name>
    <message>
        <source>ssh could not be run (%1): %2</source>
        <translation>ssh konnte nicht ausgeführt werden (%1): %2</translation>
    </message>
    <message>
        <source>ssh did not answer within 30 seconds.</source>
        <translation>ssh hat innerhalb von 30 Sekunden nicht geantwortet.</translation>
    </message>
    <message>
        <source>ssh exited with status %1.</source>
        <translation>ssh wurde mit Status %1 beendet.</translation>
    </message>
    <message>
        <source>No socket for the packet stream from %1: %2</source>
        <translation>Kein Socket für den Paketstrom von %1: %2</translation>
    </message>
    <message>
        <source>The packet stream from %1 ended (ssh exit status %2).</source>
        <translation>Der Paketstrom von %1 endete (ssh-Exit-Status %2).</translation>
    </message>
    <message>
        <source>ssh could not be run for %1 (%2): %3</source>
        <translation>ssh konnte für %1 nicht ausgeführt werden (%2): %3</translation>
    </message>
</context>
<context>
    <name>nfqmon::RuleDialog</name>
    <message>
        <source>&amp;Enabled</source>
        <translation>A&amp;ktiviert</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>Edit rule</source>
        <translation>Regel bearbeiten</translation>
    </message>
    <message>
        <source>e.g. udp and dst port 53, host 10.0.0.5</source>
        <translation>z. B. udp and dst port 53, host 10.0.0.5</translation>
    </message>
    <message>
        <source>every interface</source>
        <translation>alle Schnittstellen</translation>
    </message>
    <message>
        <source>The rule applies to packets on this interface only</source>
        <translation>Die Regel gilt nur für Pakete auf dieser Schnittstelle</translation>
    </message>
    <message>
        <source>both directions</source>
        <translation>beide Richtungen</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>eingehend</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>ausgehend</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>verwerfen</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>annehmen</translation>
    </message>
    <message>
        <source>Rules are tried in order; the first that matches decides. Packets no rule matches are accepted.</source>
        <translation>Regeln werden der Reihe nach geprüft; die erste passende entscheidet. Pakete, auf die keine Regel passt, werden angenommen.</translation>
    </message>
    <message>
        <source>&amp;Packets matching:</source>
        <translation>&amp;Pakete, passend zu:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Aktion:</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Richtung:</translation>
    </message>
    <message>
        <source>On &amp;interface:</source>
        <translation>Auf &amp;Schnittstelle:</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>Regel speichern</translation>
    </message>
    <message>
        <source>A rule needs an expression: which packets does it match?</source>
        <translation>Eine Regel braucht einen Ausdruck: Auf welche Pakete soll sie passen?</translation>
    </message>
    <message>
        <source>Valid. Matching packets are highlighted in the table.</source>
        <translation>Gültig. Passende Pakete sind in der Tabelle hervorgehoben.</translation>
    </message>
    <message>
        <source>every program; e.g. /usr/bin/curl</source>
        <translation>jedes Programm; z. B. /usr/bin/curl</translation>
    </message>
    <message>
        <source>Only packets this program sent or receives (its executable&apos;s full path)</source>
        <translation>Nur Pakete, die dieses Programm sendet oder empfängt (der vollständige Pfad seiner ausführbaren Datei)</translation>
    </message>
    <message>
        <source>every user; a name or a number</source>
        <translation>jeder Benutzer; ein Name oder eine Nummer</translation>
    </message>
    <message>
        <source>Only packets of this user&apos;s programs</source>
        <translation>Nur Pakete der Programme dieses Benutzers</translation>
    </message>
    <message>
        <source>every unit; e.g. firefox*.scope, cron.service</source>
        <translation>jede Unit; z. B. firefox*.scope, cron.service</translation>
    </message>
    <message>
        <source>Only packets of programs in a systemd service or scope whose name matches (* and ? allowed)</source>
        <translation>Nur Pakete von Programmen in einem systemd-Dienst oder -Scope, dessen Name passt (* und ? erlaubt)</translation>
    </message>
    <message>
        <source>P&amp;rogram:</source>
        <translation>Pro&amp;gramm:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Systemd u&amp;nit:</source>
        <translation>Systemd-&amp;Unit:</translation>
    </message>
    <message>
        <source>Program: %1</source>
        <translation>Programm: %1</translation>
    </message>
    <message>
        <source>User: no user is called %1 here</source>
        <translation>Benutzer: Hier heißt kein Benutzer %1</translation>
    </message>
    <message>
        <source>Systemd unit: %1</source>
        <translation>Systemd-Unit: %1</translation>
    </message>
    <message>
        <source>every host; e.g. a.example.org, *.example.org</source>
        <translation>jeder Host; z. B. a.example.org, *.example.org</translation>
    </message>
    <message>
        <source>Only packets to or from this host name, or with *. before a domain, this domain and every name under it; matched against the names the helper learned from the traffic, so packets without a learned name never match</source>
        <translation>Nur Pakete an oder von diesem Hostnamen, oder mit *. vor einer Domain, dieser Domain und jedem Namen darunter; verglichen mit den Namen, die das Hilfsprogramm aus dem Verkehr gelernt hat, daher passen Pakete ohne gelernten Namen nie</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>Host: %1</translation>
    </message>
</context>
<context>
    <name>nfqmon::RuleListModel</name>
    <message>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>annehmen</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>verwerfen</translation>
    </message>
    <message>
        <source>Enabled: the rule decides packets</source>
        <translation>Aktiviert: Die Regel entscheidet über Pakete</translation>
    </message>
    <message>
        <source>Disabled: the rule is kept but decides nothing</source>
        <translation>Deaktiviert: Die Regel bleibt erhalten, entscheidet aber über nichts</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>program %1</source>
        <translation>Programm %1</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>unit %1</source>
        <translation>Unit %1</translation>
    </message>
    <message>
        <source>every program</source>
        <translation>jedes Programm</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>an %1</translation>
    </message>
    <message>
        <source>to host %1</source>
        <translation>an Host %1</translation>
    </message>
</context>
<context>
    <name>nfqmon::RulesPanel</name>
    <message>
        <source>Add rule…</source>
        <translation>Regel hinzufügen …</translation>
    </message>
    <message>
        <source>Edit rule…</source>
        <translation>Regel bearbeiten …</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Regel löschen</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>The rule was not added. %1</source>
        <translation>Die Regel wurde nicht hinzugefügt. %1</translation>
    </message>
    <message>
        <source>The rule was not changed. %1</source>
        <translation>Die Regel wurde nicht geändert. %1</translation>
    </message>
    <message>
        <source>The rule was not moved. %1</source>
        <translation>Die Regel wurde nicht verschoben. %1</translation>
    </message>
    <message>
        <source>The rule was not deleted. %1</source>
        <translation>Die Regel wurde nicht gelöscht. %1</translation>
    </message>
</context>
<context>
    <name>nfqmon::Session</name>
    <message>
        <source>Stop the capture before opening a file.</source>
        <translation>Vor dem Öffnen einer Datei den Mitschnitt stoppen.</translation>
    </message>
    <message>
        <source>-export</source>
        <translation>-Export</translation>
    </message>
    <message>
        <source>An export is still running.</source>
        <translation>Es läuft noch ein Export.</translation>
    </message>
    <message>
        <source>The rule was not added. %1</source>
        <translation>Die Regel wurde nicht hinzugefügt. %1</translation>
    </message>
    <message>
        <source>The rule was not put back. %1</source>
        <translation>Die Regel wurde nicht wiederhergestellt. %1</translation>
    </message>
</context>
<context>
    <name>nfqmon::SessionMessages</name>
    <message>
        <source>The system bus stopped, and the capture with it: the helper removed its chains, so packets pass without the rules. The window connects again as soon as the bus is back.</source>
        <translation>Der Systembus wurde beendet und mit ihm der Mitschnitt: Das Hilfsprogramm hat seine Ketten entfernt, Pakete passieren also ohne die Regeln. Das Fenster verbindet sich erneut, sobald der Bus wieder da ist.</translation>
    </message>
    <message>
        <source>The system bus stopped (or is not running): the window cannot reach the helper. It connects again as soon as the bus is back.</source>
        <translation>Der Systembus wurde beendet (oder läuft nicht): Das Fenster erreicht das Hilfsprogramm nicht. Es verbindet sich erneut, sobald der Bus wieder da ist.</translation>
    </message>
    <message>
        <source>Connected to the system bus again.</source>
        <translation>Wieder mit dem Systembus verbunden.</translation>
    </message>
    <message>
        <source>Connected to the system bus again. The capture stopped with the bus; start it again to go on.</source>
        <translation>Wieder mit dem Systembus verbunden. Der Mitschnitt wurde mit dem Bus beendet; starten Sie ihn erneut, um fortzufahren.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Rule %1 drops packets matching “%2” from now on.</source>
        <translation>Regel %1 verwirft ab jetzt Pakete, auf die „%2“ passt.</translation>
    </message>
    <message>
        <source>Deleted the rule accepting “%1”.</source>
        <translation>Die Regel, die „%1“ annimmt, wurde gelöscht.</translation>
    </message>
    <message>
        <source>Deleted the rule dropping “%1”.</source>
        <translation>Die Regel, die „%1“ verwirft, wurde gelöscht.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2 (ssh %1; trying again).</source>
        <translation>Keine Verbindung zu %1 möglich: %2 (ssh %1; neuer Versuch folgt).</translation>
    </message>
    <message>
        <source>The link to %1 dropped. The capture goes on there, and its network keeps flowing; this window connects again (ssh %1) and picks it up.</source>
        <translation>Die Verbindung zu %1 ist abgebrochen. Die Aufzeichnung läuft dort weiter, und sein Netzwerk bleibt in Betrieb; dieses Fenster verbindet sich erneut (ssh %1) und übernimmt sie wieder.</translation>
    </message>
    <message>
        <source>No link to %1 (ssh %1 failed or dropped): connecting again.</source>
        <translation>Keine Verbindung zu %1 (ssh %1 fehlgeschlagen oder abgebrochen): neuer Verbindungsversuch.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Mit %1 verbunden.</translation>
    </message>
</context>
<context>
    <name>nfqmon::ShareChart</name>
    <message>
        <source>other</source>
        <translation>Sonstige</translation>
    </message>
</context>
<context>
    <name>nfqmon::SshDestination</name>
    <message>
        <source>Say which host to connect to: user@host, a host name or an alias of ~/.ssh/config.</source>
        <translation>Geben Sie an, mit welchem Host verbunden werden soll: benutzer@host, ein Hostname oder ein Alias aus ~/.ssh/config.</translation>
    </message>
    <message>
        <source>A host cannot begin with “-” (ssh would read it as an option).</source>
        <translation>Ein Host kann nicht mit „-“ beginnen (ssh würde ihn als Option lesen).</translation>
    </message>
    <message>
        <source>A host cannot contain “%1”: use user@host, a host name, an address or an alias of ~/.ssh/config.</source>
        <translation>Ein Host kann „%1“ nicht enthalten: Verwenden Sie benutzer@host, einen Hostnamen, eine Adresse oder einen Alias aus ~/.ssh/config.</translation>
    </message>
    <message>
        <source>A host cannot contain “/” (only an ssh:// address may).</source>
        <translation>Ein Host kann „/“ nicht enthalten (nur eine ssh://-Adresse darf das).</translation>
    </message>
    <message>
        <source>The host is longer than %1 characters.</source>
        <translation>Der Host ist länger als %1 Zeichen.</translation>
    </message>
</context>
<context>
    <name>nfqmon::StreamRelay</name>
    <message>
        <source>Relaying the packet stream failed: %1.</source>
        <translation>Das Weitergeben des Paketstroms ist fehlgeschlagen: %1.</translation>
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
        <translation>%1 Pakete/s · von Regeln verworfen %2</translation>
    </message>
    <message>
        <source>lost to display %1 · kernel %2</source>
        <translation>nicht angezeigt %1 · Kernel %2</translation>
    </message>
    <message>
        <source>&amp;Hide window</source>
        <translation>Fenster &amp;ausblenden</translation>
    </message>
    <message>
        <source>&amp;Show window</source>
        <translation>Fenster &amp;anzeigen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Busiest: %1</source>
        <translation>Am aktivsten: %1</translation>
    </message>
</context>
<context>
    <name>nfqmon::WindowActions</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Capture &amp;settings…</source>
        <translation>Mitschnitt-&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Open pcap file…</source>
        <translation>pcap-Datei ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;Export packets to pcap…</source>
        <translation>Pakete als pcap &amp;exportieren …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Erneut starten</translation>
    </message>
    <message>
        <source>Start capturing on the chosen interfaces (asks for authorisation)</source>
        <translation>Mitschnitt auf den gewählten Schnittstellen starten (fragt nach Legitimierung)</translation>
    </message>
    <message>
        <source>Stop capturing; the packets stay in the table</source>
        <translation>Mitschnitt stoppen; die Pakete bleiben in der Tabelle</translation>
    </message>
    <message>
        <source>Browse the packets of a pcap file, without capturing</source>
        <translation>Die Pakete einer pcap-Datei ansehen, ohne mitzuschneiden</translation>
    </message>
    <message>
        <source>&amp;Connect to host…</source>
        <translation>Mit Host &amp;verbinden…</translation>
    </message>
    <message>
        <source>Watch and steer another machine&apos;s nfqmon over SSH, in a window of its own</source>
        <translation>nfqmon eines anderen Rechners über SSH beobachten und steuern, in einem eigenen Fenster</translation>
    </message>
    <message>
        <source>&amp;All machines</source>
        <translation>&amp;Alle Maschinen</translation>
    </message>
    <message>
        <source>The packets of this machine and of every machine connected to, in one table with a Machine column</source>
        <translation>Die Pakete dieser Maschine und jeder verbundenen Maschine in einer Tabelle mit einer Spalte Maschine</translation>
    </message>
</context>
</TS>
