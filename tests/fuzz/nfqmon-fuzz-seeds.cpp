// nfqmon-fuzz-seeds DIR: writes the seed corpus of the fuzz targets (DIR/<target>/<name>), the
// inputs each target starts from: real packets of every protocol the decoder knows, streams as
// the helper's encoder makes them, config files, the option maps a client sends and what the
// host-name parsers read. Built with the tests; its output is committed as tests/fuzz/corpus
// (regenerate after format changes).
#include "helper/protocol/PacketDecoder.h"
#include "helper/protocol/StreamEncoder.h"
#include "tests/support/core/PacketBuilder.h"
#include "tests/support/core/QuicInitialBuilder.h"

#include <QDir>
#include <QFile>

#include <cstdio>

using namespace nfqmon;
namespace PB = nfqmon::test::PacketBuilder;
namespace QIB = nfqmon::test::QuicInitialBuilder;

namespace {

QString g_root;

void write(const char *target, const char *name, const QByteArray &bytes)
{
    const QString dir = g_root + QLatin1Char('/') + QLatin1String(target);
    QDir().mkpath(dir);
    QFile file(dir + QLatin1Char('/') + QLatin1String(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
}

QList<QPair<const char *, QByteArray>> packets()
{
    PB::Ipv4Options fragment;
    fragment.moreFragments = true;
    PB::Ipv4Options withOptions;
    withOptions.options = QByteArray("\x94\x04\x00\x00", 4); // router alert
    return {
        {"ipv4-tcp-syn", PB::ipv4("10.0.0.1", "10.0.0.2", PB::Tcp,
                                  PB::tcp(5512, 443, TcpFlag::Syn, 1000, 0,
                                          QByteArray("\x02\x04\x05\xb4\x01\x01\x04\x02", 8)))},
        {"ipv4-udp-dns", PB::ipv4("10.0.0.1", "10.0.0.53", PB::Udp, PB::udp(5353, 53, "query"))},
        {"ipv4-icmp-echo", PB::ipv4("10.0.0.1", "10.0.0.2", PB::Icmp, PB::icmpEcho(false, 7, 1))},
        {"ipv4-options", PB::ipv4("10.0.0.1", "224.0.0.22", PB::Udp, PB::udp(1, 2), withOptions)},
        {"ipv4-fragment",
         PB::ipv4("10.0.0.1", "10.0.0.2", PB::Udp, PB::udp(1, 2, "abc"), fragment)},
        {"ipv4-sctp", PB::ipv4("10.0.0.1", "10.0.0.2", PB::Sctp, PB::sctp(1, 2, 0x1234))},
        {"ipv4-esp", PB::ipv4("10.0.0.1", "10.0.0.2", PB::Esp, PB::esp(0x100, 1, "secret"))},
        {"ipv4-dccp", PB::ipv4("10.0.0.1", "10.0.0.2", PB::Dccp, PB::dccp(1, 2, 0))},
        {"ipv4-udplite", PB::ipv4("10.0.0.1", "10.0.0.2", PB::UdpLite, PB::udpLite(1, 2, 8, "x"))},
        {"ipv6-udp", PB::ipv6("2001:db8::1", "2001:db8::2", PB::Udp, PB::udp(5353, 53, "query"))},
        {"ipv6-tcp", PB::ipv6("2001:db8::1", "2001:db8::2", PB::Tcp,
                              PB::tcp(1, 443, TcpFlag::Syn | TcpFlag::Ack))},
        {"ipv6-icmpv6", PB::ipv6("fe80::1", "ff02::1", PB::Icmpv6, PB::icmpv6Echo(true, 1, 2))},
        {"ipv6-extensions",
         PB::ipv6("2001:db8::1", "2001:db8::2", PB::Udp, PB::udp(1, 2, "x"),
                  {PB::hopByHop(), PB::destinationOptions(), PB::routing(4, 1, QByteArray(16, 0)),
                   PB::authentication(1, 2)})},
        {"ipv6-fragment", PB::ipv6("2001:db8::1", "2001:db8::2", PB::Udp, PB::udp(1, 2, "abc"),
                                   {PB::fragment(8, false, 0x1234)})},
    };
}

void packetSeeds()
{
    for (const auto &[name, packet] : packets()) {
        const char family = packet.at(0) >> 4 == 4 ? '\x01' : '\x02';
        write("fuzz_packetdecoder", name, family + packet);
        write("fuzz_packetdecoder", (QByteArray(name) + "-cut").constData(),
              '\x00' + packet.left(packet.size() - 3));
    }
}

PacketRecord recordFor(const QByteArray &packet, std::uint64_t sequence)
{
    PacketRecord r;
    r.sequence = sequence;
    r.timestampNs = 1'700'000'000'000'000'000 + std::int64_t(sequence) * 1000;
    r.packetLength = std::uint32_t(packet.size());
    r.capturedLength = std::uint32_t(packet.size());
    r.ruleId = sequence % 3 == 0 ? 1 : -1;
    r.verdict = sequence % 3 == 0 ? Verdict::Drop : Verdict::Accept;
    std::snprintf(r.inInterface, sizeof r.inInterface, "veth%u", unsigned(sequence % 2));
    r.summary = PacketDecoder::summarize(PB::bytes(packet));
    return r;
}

void streamSeeds()
{
    const auto all = packets();
    StreamEncoder encoder;
    QByteArray stream;
    std::uint64_t sequence = 0;
    for (int batch = 0; batch < 3; ++batch) {
        for (int i = 0; i < 4; ++i) {
            const QByteArray &packet = all.at((batch * 4 + i) % all.size()).second;
            PacketRecord record = recordFor(packet, ++sequence);
            if (i == 1) { // a packet of a program, described just before it
                ProcessInfo process;
                process.id = std::uint32_t(batch + 1);
                process.pid = std::uint32_t(1000 + batch);
                process.uid = 1000;
                process.command = "curl";
                process.executable = "/usr/bin/curl";
                process.arguments = std::string("curl\0http://a.test/", 19);
                process.cgroup = "/user.slice/user-1000.slice/session-2.scope";
                encoder.appendProcess(process);
                record.origin = Origin::Process;
                record.processId = process.id;
            }
            if (i == 2) { // a packet with a host name, described just before it
                record.hostId = std::uint64_t(batch + 1) << 32 | 1;
                record.hostSource = HostSource::Dns;
                encoder.appendHost(record.hostId, record.hostSource, "b.example.test");
            }
            encoder.append(record, PB::bytes(packet));
        }
        const auto bytes = encoder.seal(batch);
        stream.append(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
        encoder.clear();
    }
    const auto lossOnly = encoder.seal(7); // a batch without records, only reporting a loss
    stream.append(reinterpret_cast<const char *>(lossOnly.data()), qsizetype(lossOnly.size()));
    write("fuzz_streamdecoder", "three-batches-and-a-loss", '\xff' + stream);
    write("fuzz_streamdecoder", "three-batches-in-small-reads", '\x06' + stream);
    write("fuzz_streamdecoder", "cut-in-a-record", '\x20' + stream.left(stream.size() / 2));
}

void configSeeds()
{
    QFile sample(QStringLiteral(NFQMON_SOURCE_DIR "/packaging/nfqmon-sample.conf"));
    if (sample.open(QIODevice::ReadOnly))
        write("fuzz_configparser", "sample", sample.readAll());
    write("fuzz_configparser", "haka",
          "[nfqueue]\nmodule = \"packet/nfqueue\"\ninterfaces = \"eth1, eth2\"\ndump = yes\n"
          "dump_input = \"/tmp/in.pcap\"\ndump_output = \"/tmp/out.pcap\"\n");
    write("fuzz_configparser", "every-key",
          "interfaces = \"any\" ; all\nenable_iptables = no\nqueue = 3\nqueues = 2\n"
          "snaplen = 128\nqueue_maxlen = 100\nstatus_interval = 0\n"
          "rule = \"drop udp and dst port 53\"\nrule = \"accept out on lo icmp\"\n"
          "rule = \"drop in on eth1 host 10.0.0.5\"\n");
    write("fuzz_configparser", "rule-line", "drop in on eth1 host 10.0.0.5 and tcp[13] & 2 != 0");
    write("fuzz_configparser", "errors", "queue = 70000\nbogus = 1\nrule = \"drop frob\"\n\"x");
}

// The choice programs of FuzzInput/fuzz_requests.cpp: [entries] then per entry [key pick]
// [type] [value...]. Key picks < 200 index its Keys list; type 0 is a string (how%4==0: a word
// from Words), 1 a string list, 2 a uint32, 4 a bool, 8 a descriptor (index into its list).
QByteArray word(int index)
{
    return QByteArray("\x00", 1) + char(index);
}
QByteArray u32(std::uint32_t v)
{
    return QByteArray(1, '\x02') + char(v >> 24) + char(v >> 16) + char(v >> 8) + char(v);
}

void requestSeeds()
{
    const QByteArray interfacesLo = QByteArray(1, '\x00') + '\x01' + '\x01' + word(0);
    const QByteArray emptyRule(1, '\x00');
    // StartCapture {interfaces: ["lo"]}, AddRule {}.
    write("fuzz_requests", "capture-lo", QByteArray(1, '\x01') + interfacesLo + emptyRule + '\x00');
    // {interfaces: ["lo"], queue: 4, queues: 2, snapLength: 96, dumpOutput: memfd}
    write("fuzz_requests", "capture-dump",
          QByteArray(1, '\x05') + interfacesLo + '\x02' + u32(4) + '\x03' + u32(2) + '\x04' +
              u32(96) + '\x07' + '\x08' + '\x00' + emptyRule + '\x01');
    // {dumpInput: pipe} (refused: not a regular file)
    write("fuzz_requests", "capture-pipe",
          QByteArray(1, '\x02') + interfacesLo + '\x06' + '\x08' + '\x04' + emptyRule + '\x00');
    // AddRule {expression: "udp", action: "drop", direction: "in", interface: "lo"}
    write("fuzz_requests", "rule",
          QByteArray(1, '\x00') + '\x04' + '\x09' + '\x00' + word(6) + '\x0c' + '\x00' + word(4) +
              '\x0b' + '\x00' + word(2) + '\x0a' + '\x00' + word(0) + '\x00');
    // a key that is not known, with control characters in its value
    write("fuzz_requests", "unknown-key",
          QByteArray(1, '\x01') + '\xf0' + '\x01' + '\x04' + "frob" + '\x00' + '\x01' + '\x03' +
              "a\nb" + emptyRule + '\x00');
}

QByteArray be16(int v)
{
    return QByteArray(1, char(v >> 8)) + char(v & 0xff);
}

QByteArray fromBytes(const QIB::Bytes &b)
{
    return QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
}

// What the host-name parsers read: a DNS response (www.example.org → CNAME cdn.example.net →
// A and AAAA, names compressed), the same over TCP twice, a ClientHello in a TLS record and
// bare, an HTTP request, QUIC v1 and v2 client Initials, and frames as an Initial carries them.
void hostNameSeeds()
{
    QByteArray dns = QByteArray::fromHex("1234818000010003000000000377777707657861"
                                         "6d706c65036f72670000010001");
    dns += QByteArray::fromHex("c00c000500010000003c0011" // CNAME, 17 bytes of data at 45
                               "0363646e076578616d706c65036e657400");
    dns += QByteArray::fromHex("c02d000100010000012c0004c0000201");
    dns += QByteArray::fromHex("c02d001c00010000012c001020010db8000000000000000000000001");
    write("fuzz_hostnames", "dns-cname-chain", dns);
    write("fuzz_hostnames", "dns-tcp-two-messages",
          be16(int(dns.size())) + dns + be16(int(dns.size())) + dns);
    const QByteArray hello = fromBytes(QIB::clientHello("a.example.test"));
    write("fuzz_hostnames", "tls-record-clienthello",
          QByteArray("\x16\x03\x01", 3) + be16(int(hello.size())) + hello);
    write("fuzz_hostnames", "tls-handshake-clienthello", hello);
    write("fuzz_hostnames", "http-get",
          "GET / HTTP/1.1\r\nHost: www.example.com:8080\r\nUser-Agent: curl/7.88.1\r\n"
          "Accept: */*\r\n\r\n");
    write("fuzz_hostnames", "quic-v1-initial",
          fromBytes(QIB::clientInitial(QIB::Version::V1, "q.example.test")));
    write("fuzz_hostnames", "quic-v2-initial-out-of-order",
          fromBytes(QIB::clientInitial(QIB::Version::V2, "q.example.test", true)));
    QIB::Bytes frames = QIB::fromHex("01 03 0a 00 01 02 03 04 05 06 07");
    const QIB::Bytes crypto = QIB::cryptoFrame(0, QIB::clientHello("f.example.test"));
    frames.insert(frames.end(), crypto.begin(), crypto.end());
    write("fuzz_hostnames", "quic-frames-ping-ack-crypto", fromBytes(frames));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: nfqmon-fuzz-seeds DIR\n");
        return 2;
    }
    g_root = QString::fromLocal8Bit(argv[1]);
    packetSeeds();
    streamSeeds();
    configSeeds();
    requestSeeds();
    hostNameSeeds();
    return 0;
}
