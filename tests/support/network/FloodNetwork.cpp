#include "tests/support/network/FloodNetwork.h"

namespace nfqmon::test {

namespace {

const QString TargetNet = QStringLiteral("10.99.0.0/24");

bool succeeded(const Command::Result &result, QString *error)
{
    if (!result.succeeded())
        *error = result.describe();
    return result.succeeded();
}

} // namespace

bool FloodNetwork::setUp(QString *error)
{
    const TestNetwork &net = m_network;
    if (!succeeded(Command::run({QStringLiteral("sysctl"), QStringLiteral("-qw"),
                                 QStringLiteral("net.ipv4.ip_forward=1")}),
                   error) ||
        !succeeded(net.run(0, {QStringLiteral("ip"), QStringLiteral("route"), QStringLiteral("add"),
                               TargetNet, QStringLiteral("via"), net.peer(0).ipv4}),
                   error) ||
        !succeeded(net.run(TestNetwork::Local,
                           {QStringLiteral("ip"), QStringLiteral("route"), QStringLiteral("add"),
                            TargetNet, QStringLiteral("via"), net.peer(1).peerIpv4}),
                   error) ||
        !succeeded(net.run(1, {QStringLiteral("ip"), QStringLiteral("route"), QStringLiteral("add"),
                               QStringLiteral("blackhole"), TargetNet}),
                   error) ||
        !succeeded(
            net.run(1, {QStringLiteral("iptables"), QStringLiteral("-t"), QStringLiteral("raw"),
                        QStringLiteral("-A"), QStringLiteral("PREROUTING"), QStringLiteral("-p"),
                        QStringLiteral("udp"), QStringLiteral("-d"), TargetNet,
                        QStringLiteral("--dport"), QString::number(Port)}),
            error))
        return false;
    // The router knows the sink's link address before the flood (no ARP in a measurement).
    net.ping(TestNetwork::Local, net.peer(1).peerIpv4, 1);
    net.ping(0, net.peer(0).ipv4, 1);
    return true;
}

std::optional<quint64> FloodNetwork::sinkReceived(QString *error) const
{
    const Command::Result r =
        m_network.run(1, {QStringLiteral("iptables"), QStringLiteral("-t"), QStringLiteral("raw"),
                          QStringLiteral("-L"), QStringLiteral("PREROUTING"), QStringLiteral("-v"),
                          QStringLiteral("-x"), QStringLiteral("-n")});
    if (!succeeded(r, error))
        return std::nullopt;
    // The counting rule is the chain's only rule: its line starts with the packet count.
    for (const QByteArray &line : r.output.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 3 && line.contains("dpt:" + QByteArray::number(Port)))
            return fields[0].toULongLong();
    }
    *error = QStringLiteral("the sink's counting rule is gone: ") + QString::fromUtf8(r.output);
    return std::nullopt;
}

QStringList FloodNetwork::floodCommand(int seconds, int rate, int core) const
{
    QStringList argv;
    if (core >= 0)
        argv << QStringLiteral("taskset") << QStringLiteral("-c") << QString::number(core);
    argv << TestNetwork::toolPath(QStringLiteral("nfqmon-bench-flood")) << QLatin1String(Target)
         << QString::number(Port) << QString::number(seconds) << QString::number(PayloadBytes)
         << QString::number(rate);
    return m_network.commandIn(0, argv);
}

std::optional<quint64> FloodNetwork::flood(int seconds, int rate, int core, QString *error) const
{
    const Command::Result result =
        Command::run(floodCommand(seconds, rate, core), std::chrono::seconds(seconds + 20));
    if (!succeeded(result, error))
        return std::nullopt;
    return result.output.trimmed().split(' ').value(1).toULongLong();
}

} // namespace nfqmon::test
