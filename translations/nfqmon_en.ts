<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CaptureState</name>
    <message>
        <source>Not capturing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting (authorisation may be asked)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capturing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capturing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChainStatus</name>
    <message>
        <source>The helper could not read the firewall: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chains nfqmon fills are missing: create them first (commands below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chains exist, but no rule sends traffic to them: nothing will be captured until one does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chains exist and traffic is sent to them: ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: HAKA-PRE %2, HAKA-OUT %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  no rule jumps to them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To create them (as root):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be captured. %2 will not be captured: table raw (%2) has no chain %3. To capture it too, create the chains and send traffic to them (commands below), then start the capture again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayFilterParser</name>
    <message>
        <source>The quotation mark at %1 is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“app” needs a program’s name as the Application column shows it: app curl, app &quot;Web Content&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“exe” needs the full path of a program: exe /usr/bin/curl.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“user” needs a user’s name or number: user alice, user 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“pid” needs a process id: pid 1234.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“unit” needs a systemd unit or a glob: unit cron.service, unit app-*.scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“exe %1”: name the program by its full path, starting with /.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no user “%1” on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“pid %1”: a process id is a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“unit %1” cannot match a unit: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot stand inside parentheses: join it to the rest with “and”, outside them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be combined with “or”: it only narrows what the rest shows, joined with “and”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“and” needs a term on each side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1 %2” is followed by “%3”: join terms with “and”, and quote a name with spaces (app &quot;Web Content&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“hostname” needs a host name or a domain: hostname a.example.org, hostname *.example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“hostname %1” cannot match a host name: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1 %2” is followed by “%3”: join terms with “and”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“machine” needs the name of a machine as the Machine column shows it: machine gw.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DropNotification</name>
    <message>
        <source>Rule %1 is dropping packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 is dropping packets of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“%1” has dropped %Ln packet(s) so far.</source>
        <translation>
            <numerusform>“%1” has dropped %Ln packet so far.</numerusform>
            <numerusform>“%1” has dropped %Ln packets so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” on %2 has dropped %Ln packet(s) so far.</source>
        <translation>
            <numerusform>“%1” on %2 has dropped %Ln packet so far.</numerusform>
            <numerusform>“%1” on %2 has dropped %Ln packets so far.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applies to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made from packets of %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldFormat</name>
    <message>
        <source>1 byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[none]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeaderNames</name>
    <message>
        <source>IPv6 Hop-by-Hop Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 Routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 Fragment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 Destination Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encapsulating Security Payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailing bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv4 header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 Hop-by-Hop Options header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 Routing header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 Fragment header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 Destination Options header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication Header</source>
        <comment>in a sentence: the … needs N bytes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ESP header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UDP header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UDP-Lite header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCTP common header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DCCP header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICMP header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICMPv6 header</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelperError</name>
    <message>
        <source>The nfqmon helper is not installed: nothing on the system bus provides %1. Install nfqmon with the prefix /usr (see the README).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nfqmon helper could not be started (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nfqmon helper did not answer (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no connection to the system bus (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system bus does not let nfqmon talk to its helper (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule is not valid: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture could not start: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dump file was not accepted: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests at once: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostDrop</name>
    <message>
        <source>The chosen packets have different host names</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The helper learned no host name for the remote end of %n of the chosen packets</source>
        <translation>
            <numerusform>The helper learned no host name for the remote end of %n of the chosen packets</numerusform>
            <numerusform>The helper learned no host name for the remote end of %n of the chosen packets</numerusform>
        </translation>
    </message>
    <message>
        <source>To this host name (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to host %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To this host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To this domain (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To this domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen packets are of different domains</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostFilter</name>
    <message>
        <source>To this host (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To this domain (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To this domain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostText</name>
    <message>
        <source>DNS answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS server name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP Host header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QUIC server name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from a DNS answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the TLS server name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the HTTP Host header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the QUIC server name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from a reverse DNS lookup of the address by this window; rules do not use it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (reverse lookup)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IcmpText</name>
    <message>
        <source>echo reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>destination unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source quench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>echo request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>router advertisement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>router solicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameter problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamp request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamp reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fragmentation needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source route failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>destination network unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>destination host unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network administratively prohibited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host administratively prohibited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>communication administratively prohibited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packet too big</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multicast listener query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multicast listener report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multicast listener done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neighbor solicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neighbor advertisement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multicast listener report v2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no route to destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administratively prohibited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beyond scope of source address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source address failed policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reject route to destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fragment reassembly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type %1 code %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (code %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkFields</name>
    <message>
        <source>source route (deprecated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPL source route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segment routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DSCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>don&apos;t fragment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more fragments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <comment>no flag set</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fragment offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (correct)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (incorrect, should be %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <comment>no options</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 (jumbogram or segmentation offload)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hop limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More fragments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionList</name>
    <message>
        <source>Record Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick-Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traceroute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loose Source Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extended Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CIPSO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strict Source Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Router Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pad1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PadN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tunnel Encapsulation Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CALIPSO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPL Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jumbo Payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SACK permitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(cut off or malformed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OwnerDrop</name>
    <message>
        <source>Everything from this application (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from program %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything from user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from user %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OwnerFilter</name>
    <message>
        <source>From this application (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From user %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PacketCellText</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped by rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted by rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes on the wire, %2 captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel did not say which user&apos;s socket this packet belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uid %1, gid %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown program)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(kernel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
process %2, user %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel sent this packet itself: no program did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No local socket is known for this packet: it is forwarded, or no program listens for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
process %2, user %3
name and icon from %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The helper learned no name for this packet&apos;s remote end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PacketDescription</name>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PacketFields</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaving through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outgoing (OUTPUT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incoming (PREROUTING)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes, %2 captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped by rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted by rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted (no rule matched)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>several packets the kernel handed over as one (segmentation offload)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (read from a file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 in its own PID namespace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control group id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a process the window was not told about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: the kernel sent it itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: no local socket is known for it (forwarded, or no program listens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systemd unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flatpak application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another one (a container&apos;s): the packet came here forwarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PcapImporter</name>
    <message>
        <source>%1 holds packets of link type %2, which nfqmon cannot show (it shows IP packets: raw IP, Ethernet, Linux cooked or loopback captures).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged after packet %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message>
        <source>IPv6 payload length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv4 total length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated: the packet is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an IP packet: the version field is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed: the version field is %1, but the packet was delivered as IPv%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>truncated: the %1 needs %2 bytes, %n present</source>
        <translation>
            <numerusform>truncated: the %1 needs %2 bytes, %n present</numerusform>
            <numerusform>truncated: the %1 needs %2 bytes, %n present</numerusform>
        </translation>
    </message>
    <message>
        <source>malformed: the IPv4 header length is %1 bytes, less than the minimum of 20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed: the IPv4 total length (%1) is less than the header length (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed: the %1 needs %2 bytes, but the %3 leaves room for %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed: the TCP data offset is %1 bytes, less than the minimum of 20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed: the UDP-Lite checksum coverage (%1) is less than the 8-byte header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed: the UDP length (%1) is less than the 8-byte header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed: the UDP-Lite checksum coverage (%1) is more than the %2 bytes the %3 leaves for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed: the UDP length (%1) is more than the %2 bytes the %3 leaves for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed: the extension headers run past 65535 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleSuggestion</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>From %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryText</name>
    <message>
        <source>IP version does not match the packet&apos;s family (malformed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no IP header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[fragment: offset %1, id %2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(truncated: %1 header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(truncated: authentication header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(truncated: IPv6 extension headers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(truncated: IPv4 options)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(malformed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransportFields</name>
    <message>
        <source>Source port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0x0000 (none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgment number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent pointer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MTU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next-hop MTU</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>NFQueue Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the packets netfilter queues to userspace, drops traffic by rule and saves it to pcap files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pcap file to browse.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::AllMachinesWindow</name>
    <message>
        <source>All machines — NFQueue Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the window of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window of %1 is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only packets of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets of %1, each from when it joined this table.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::CaptureCommand</name>
    <message>
        <source>standard output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 packets captured, %2 accepted, %3 dropped, %4 lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard output is a terminal: --relay writes nfqmon&apos;s binary stream for a program to read, so pipe it into one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard output is a terminal: write the capture to a file with -w FILE, or pipe it into a program (-w - | wireshark -k -i -).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to standard output: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the capture to %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A capture is already running on this host (started by the window or another program): nfqmon-capture --attach writes its packets without starting one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No capture is running on this host, so there is no packet stream to relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No capture is running on this host to attach to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture started, but its packets cannot reach nfqmon-capture, so it was stopped. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the running capture&apos;s packets to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capturing on %1, writing to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The packet stream broke: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture ended: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture ended before nfqmon-capture stopped it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the capture failed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 packets did not reach the helper: the kernel&apos;s queue was full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 packets decided in the kernel after the first %2 of their connection: %3 passed, %4 dropped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::CaptureCommandLine</name>
    <message>
        <source>Captures the packets netfilter queues to nfqmon and writes them as pcapng, each with its verdict, rule, direction and interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture on this interface (repeat it, or separate names with commas); &quot;any&quot; for every interface, the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the iptables rules automatically (the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create no iptables rules: capture what your own rules send to the chains HAKA-PRE and HAKA-OUT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this many packets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this many seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the pcapng capture to this file, or &quot;-&quot; for standard output (the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print nothing on standard error but errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The NFQUEUE number (default 0); change it when another program uses queue 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many queues, each with a thread of the helper (1 to %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes kept of each packet (%1 to %2, default %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the packets of the capture already running on this host instead of starting one; it goes on when this program ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the packet stream of the capture running on this host to standard output unchanged (nfqmon&apos;s own format, for a window on another host).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;: nfqmon-capture takes no filter; drop rules decide what passes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either --relay or --attach, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--relay copies the running capture&apos;s stream to standard output and takes no option but -q (not --%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--attach writes the running capture as it was started, so --%1 cannot change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-i needs an interface name (&quot;%1&quot; has an empty one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an interface name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;any&quot; stands for every interface: give it alone, or name the interfaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at most %1 interfaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either --rules or --no-rules, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-c needs a number of packets, 1 or more (not &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-a needs a duration in seconds, more than 0 (not &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-w needs a file name, or &quot;-&quot; for standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--queue needs a queue number from 0 to %1 (not &quot;%2&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--queues needs a number from %1 to %2 (not &quot;%3&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues %1 and on do not fit below %2: choose a lower --queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-s needs a number of bytes from %1 to %2 (not &quot;%3&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This host has no interface &quot;%1&quot; (see ip link).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect only the first N packets of each TCP or UDP connection (1 to %1); the kernel passes or drops the rest as the last of them was decided, and they are not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--inspect needs a number of packets from 1 to %1 (not &quot;%2&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::CaptureController</name>
    <message>
        <source>Choose at least one interface to capture on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save all packets and accepted packets to two different files (both are %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1 to save packets to: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture started, but its packets cannot reach this window, so it was stopped. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The helper stopped while the capture ran. Start again to go on. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture ended: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The packet stream broke, so the capture was stopped: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the helper closed it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The helper stopped while the capture ran (it crashed or was killed). Start again to go on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::CaptureSettingsDialog</name>
    <message>
        <source>&amp;Create the iptables rules automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;all received packets to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save acce&amp;pted packets to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: nfqmon creates the chains HAKA-PRE and HAKA-OUT and sends the chosen interfaces&apos; traffic to them, and removes all of it when the capture stops. Off: you create the chains and decide which traffic goes there; nfqmon only fills them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your chains in table raw, as the helper sees them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firewall rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pcap files with nanosecond times; the packets your rules drop are saved only to the first. Existing files are replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of each packet is kept for the window and the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The NFQUEUE number; change it when another program uses queue 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window keeps at most this many packets; the oldest roll off (the status bar counts them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snap length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The helper cannot be asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the helper…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The helper could not be asked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To create the chains (as root):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;heck again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to read the firewall&apos;s rules, so nfqmon cannot check the chains (%1). Check again to enter an administrator&apos;s password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Look up names of unnamed addresses (reverse DNS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off by default. The window, never the helper, asks the system&apos;s resolver in the background for the names of remote addresses the helper learned no name for. Such a name is shown as a reverse lookup in the Host column and the details, and is never used by rules or the display filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inspect only the first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the inspected packets are saved: the first packets of each connection (see Inspect only the first, below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> packets of each connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: the helper sees every packet. On: it sees the first packets of each TCP or UDP connection (both directions), and the kernel passes or drops the rest as the last of them was decided, counting them, at almost no cost. A rule changed later applies to each connection&apos;s next packet. The table and the dumps then hold only the inspected packets; the status bar counts the rest.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::ChartsPanel</name>
    <message>
        <source>Protocols (packets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top talkers (packets sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top destination ports (packets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the rate chart counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top talkers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table shows %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag across the chart to filter by time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact counts: every source so far has a counter of its own (up to %L1 sources).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted in fixed memory (%L1 counters, Space-Saving): a count may be too high by up to %L2 packets, never too low, and every source that sent more than %L2 packets is counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact counts: every port so far has a counter of its own (up to %L1 ports).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted in fixed memory (%L1 counters, Space-Saving): a count may be too high by up to %L2 packets, never too low, and every port that received more than %L2 packets is counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top applications (packets sent and received)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets of each program, sent or received, named as in the Application column; the kernel&apos;s own packets count as (kernel). Forwarded packets, packets nobody listens for and packets of unknown origin (an opened file) are not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact counts: every application so far has a counter of its own (up to %L1 applications).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted in fixed memory (%L1 counters, Space-Saving): a count may be too high by up to %L2 packets, never too low, and every application with more than %L2 packets is counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top hosts (packets sent and received)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets to and from each host name the helper learned, named as in the Host column. Packets without a learned name are not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact counts: every host name so far has a counter of its own (up to %L1 names).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted in fixed memory (%L1 counters, Space-Saving): a count may be too high by up to %L2 packets, never too low, and every host name with more than %L2 packets is counted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::ConnectionListModel</name>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspected again (rules changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed by the kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped by the kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets the kernel passed or dropped after the inspection depth, as the helper decided this connection: not in the packet table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not decided by the kernel: every packet of it was inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::DesktopIntegration</name>
    <message>
        <source>Show an icon in the system &amp;tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture state beside the clock; closing the window while capturing keeps the capture running there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notify when a new rule drops packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop notification when a rule that had not matched yet drops its first packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NFQueue Monitor is still capturing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click the tray icon to bring the window back; Quit in its menu ends the capture.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::DesktopNotifier</name>
    <message>
        <source>There is no session bus, so no desktop notification can be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No desktop notification was shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::DumpFileField</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pcap file of yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save packets to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pcap files (*.pcap);;pcapng files, with host names and verdicts (*.pcapng);;All files (*)</source>
        <extracomment>Three file types, in this order, separated by &quot;;;&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::ExportDialog</name>
    <message>
        <source>Export packets to pcap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All captured (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Displayed by the filter (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Selected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every packet of the selected &amp;conversations (both directions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export packets to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pcap or pcapng file to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pcap files (*.pcap);;pcapng files, with host names and verdicts (*.pcapng);;All files (*)</source>
        <extracomment>Three file types, in this order, separated by &quot;;;&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::ExportProgress</name>
    <message>
        <source>Exporting packets to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export packets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::FilterBar</name>
    <message>
        <source>%1 of %2 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln packet(s)</source>
        <translation>
            <numerusform>%Ln packet</numerusform>
            <numerusform>%Ln packets</numerusform>
        </translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>filtering %Ln packet(s)…</source>
        <translation>
            <numerusform>filtering %Ln packet…</numerusform>
            <numerusform>filtering %Ln packets…</numerusform>
        </translation>
    </message>
    <message>
        <source>pcap filter and owner, e.g. tcp port 443 or host 10.0.0.7, app curl and udp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the packets that match this expression, in the pcap filter language of tcpdump and of the rules, joined with “and” to app NAME, exe PATH, user NAME, pid N or unit GLOB. Empty shows every packet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the packets that match this expression, in the pcap filter language of tcpdump and of the rules, joined with “and” to app NAME, exe PATH, user NAME, pid N or unit GLOB.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::HeaderTree</name>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoded headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) captured</source>
        <translation>
            <numerusform>%n byte captured</numerusform>
            <numerusform>%n bytes captured</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bytes %1–%2 (%n byte(s))</source>
        <translation>
            <numerusform>bytes %1–%2 (%n byte)</numerusform>
            <numerusform>bytes %1–%2 (%n bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>no bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::HealthWidget</name>
    <message>
        <source>Packets the helper received per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fail-open: when the kernel&apos;s queue is full, packets pass unseen instead of waiting or being lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browsing %1 (offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pkt/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped by rules %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets your rules dropped since the capture started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost to display %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets that passed the firewall but could not reach this window in time (the window was too slow); they are missing from the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail-open on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail-open off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolled off %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The oldest packets left the table because of the packet limit in the capture settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets the kernel&apos;s queue dropped or could not deliver to the helper (packets that fail-open let pass are not among them: see passed unseen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed unseen %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets that reached nfqmon&apos;s queue rules but never the helper: the kernel&apos;s queue was full and fail-open let them pass without a verdict, so rules did not apply to them and they are missing from the table and the dumps. The kernel&apos;s rule counters minus the packets it handed to the helper, read once a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>program unknown %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports of which program sent a flow that the kernel could not pass to the helper in time (its ring was full): the packets of those flows show no program, and rules by program, user or unit do not apply to them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided in the kernel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets after the first ones of each connection (the inspection depth in the capture settings): the kernel passed %1 and dropped %2 as the helper decided their connection, without queueing them; they are not in the table or the dumps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::HelperClient</name>
    <message>
        <source>This connection to the system bus cannot pass file descriptors, which the packet stream and the dump files need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The packet stream&apos;s descriptor could not be kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the helper stopped while the capture ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system bus stopped while the capture ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no connection to %1 yet (ssh %1): wait until the window says it is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dump files cannot be passed to %1 over SSH: capture there with nfqmon-capture -w FILE, or export from this window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::HexView</name>
    <message>
        <source>Packet bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::InterfaceListModel</name>
    <message>
        <source>any (all interfaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture on every interface, including those that appear later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No addresses</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::InterfacePicker</name>
    <message>
        <source>The interfaces to capture on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interfaces: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interfaces: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::MainWindow</name>
    <message>
        <source>NFQueue Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About NFQueue Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About NFQueue Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;NFQueue Monitor&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Shows the packets netfilter queues to userspace, drops traffic by rule and saves it to pcap files.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — NFQueue Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pcap file</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Left out %Ln frame(s) without an IP packet.</source>
        <translation>
            <numerusform>Left out %Ln frame without an IP packet.</numerusform>
            <numerusform>Left out %Ln frames without an IP packet.</numerusform>
        </translation>
    </message>
    <message>
        <source>pcap and pcapng files (*.pcap *.cap *.pcapng);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NFQueue Monitor — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1 (ssh %1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host, as for ssh (user@host or an alias of ~/.ssh/config). Your own ssh connects, with your keys and known hosts; on the host, nfqmon must be installed and you must be in group nfqmon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A capture on %1 from this window writes no file: dump files cannot cross SSH. Run nfqmon-capture -w FILE on %1, or export from this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a connection to show its packets in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::PacketExport</name>
    <message>
        <source>The selected conversations have no packets to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another export is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln packet(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln packet to %1.</numerusform>
            <numerusform>Exported %Ln packets to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::PacketMenu</name>
    <message>
        <source>&amp;Drop packets like this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drop packets like these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show only packets like this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show only packets like these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing these packets share)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write or change the rule&apos;s expression before adding it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export this packet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export these %1 packets…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::PacketTableView</name>
    <message>
        <source>Packets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::PcapExporter</name>
    <message>
        <source>Cannot create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::RateChart</name>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag across the chart to show only the packets of that time in the table; click to show all again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Megabytes per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kilobytes per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided in the kernel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::RemoteLink</name>
    <message>
        <source>ssh could not be run (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssh did not answer within 30 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssh exited with status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No socket for the packet stream from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The packet stream from %1 ended (ssh exit status %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssh could not be run for %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::RuleDialog</name>
    <message>
        <source>&amp;Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. udp and dst port 53, host 10.0.0.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule applies to packets on this interface only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules are tried in order; the first that matches decides. Packets no rule matches are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Packets matching:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On &amp;interface:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule needs an expression: which packets does it match?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid. Matching packets are highlighted in the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every program; e.g. /usr/bin/curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only packets this program sent or receives (its executable&apos;s full path)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every user; a name or a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only packets of this user&apos;s programs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every unit; e.g. firefox*.scope, cron.service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only packets of programs in a systemd service or scope whose name matches (* and ? allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rogram:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systemd u&amp;nit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User: no user is called %1 here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systemd unit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every host; e.g. a.example.org, *.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only packets to or from this host name, or with *. before a domain, this domain and every name under it; matched against the names the helper learned from the traffic, so packets without a learned name never match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::RuleListModel</name>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled: the rule decides packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled: the rule is kept but decides nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>program %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to host %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::RulesPanel</name>
    <message>
        <source>Add rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule was not added. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule was not changed. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule was not moved. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule was not deleted. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::Session</name>
    <message>
        <source>Stop the capture before opening a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule was not added. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule was not put back. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::SessionMessages</name>
    <message>
        <source>The system bus stopped, and the capture with it: the helper removed its chains, so packets pass without the rules. The window connects again as soon as the bus is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system bus stopped (or is not running): the window cannot reach the helper. It connects again as soon as the bus is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to the system bus again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to the system bus again. The capture stopped with the bus; start it again to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 drops packets matching “%2” from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the rule accepting “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the rule dropping “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2 (ssh %1; trying again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link to %1 dropped. The capture goes on there, and its network keeps flowing; this window connects again (ssh %1) and picks it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No link to %1 (ssh %1 failed or dropped): connecting again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::ShareChart</name>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::SshDestination</name>
    <message>
        <source>Say which host to connect to: user@host, a host name or an alias of ~/.ssh/config.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host cannot begin with “-” (ssh would read it as an option).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host cannot contain “%1”: use user@host, a host name, an address or an alias of ~/.ssh/config.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host cannot contain “/” (only an ssh:// address may).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::StreamRelay</name>
    <message>
        <source>Relaying the packet stream failed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::TrayIcon</name>
    <message>
        <source>NFQueue Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pkt/s · dropped by rules %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost to display %1 · kernel %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busiest: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nfqmon::WindowActions</name>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open pcap file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export packets to pcap…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start capturing on the chosen interfaces (asks for authorisation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop capturing; the packets stay in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse the packets of a pcap file, without capturing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to host…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch and steer another machine&apos;s nfqmon over SSH, in a window of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The packets of this machine and of every machine connected to, in one table with a Machine column</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
