#include "helper/protocol/SshConnection.h"

#include <QStringList>

#include <arpa/inet.h>

#include <cstring>

namespace nfqmon {

namespace {

struct Address {
    QString text;
    bool ipv6 = false;
};

std::optional<Address> address(const QString &text)
{
    const QByteArray bytes = text.toLatin1();
    in_addr v4{};
    in6_addr v6{};
    char out[INET6_ADDRSTRLEN] = {};
    if (inet_pton(AF_INET, bytes.constData(), &v4) == 1) {
        inet_ntop(AF_INET, &v4, out, sizeof out);
        return Address{QString::fromLatin1(out), false};
    }
    if (inet_pton(AF_INET6, bytes.constData(), &v6) != 1)
        return std::nullopt;         // nor a scope: a rule cannot say one
    if (IN6_IS_ADDR_V4MAPPED(&v6)) { // ::ffff:a.b.c.d is the IPv4 table's
        std::memcpy(&v4, v6.s6_addr + 12, 4);
        inet_ntop(AF_INET, &v4, out, sizeof out);
        return Address{QString::fromLatin1(out), false};
    }
    inet_ntop(AF_INET6, &v6, out, sizeof out);
    return Address{QString::fromLatin1(out), true};
}

std::optional<quint16> port(const QString &text)
{
    bool ok = false;
    const uint value = text.toUInt(&ok, 10);
    if (!ok || value == 0 || value > 65535 || !text.front().isDigit())
        return std::nullopt;
    return quint16(value);
}

} // namespace

std::optional<SshConnection> SshConnection::parse(const QString &text, QString *error)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() != 4 || text.size() > 200) {
        *error = QStringLiteral("an SSH connection is \"CLIENT-ADDRESS CLIENT-PORT SERVER-ADDRESS "
                                "SERVER-PORT\", as $SSH_CONNECTION says it");
        return std::nullopt;
    }
    const auto client = address(words[0]);
    const auto clientPort = port(words[1]);
    const auto server = address(words[2]);
    const auto serverPort = port(words[3]);
    if (!client || !server || !clientPort || !serverPort) {
        *error = QStringLiteral("the SSH connection \"%1\" does not hold two addresses and two "
                                "ports from 1 to 65535")
                     .arg(text);
        return std::nullopt;
    }
    if (client->ipv6 != server->ipv6) {
        *error = QStringLiteral("the SSH connection \"%1\" mixes IPv4 and IPv6").arg(text);
        return std::nullopt;
    }
    return SshConnection{client->text, *clientPort, server->text, *serverPort, server->ipv6};
}

QString SshConnection::toString() const
{
    return QStringLiteral("%1 %2 %3 %4").arg(client).arg(clientPort).arg(server).arg(serverPort);
}

} // namespace nfqmon
