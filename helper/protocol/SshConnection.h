// The TCP connection a caller reaches the helper through, as sshd describes it to the commands it
// runs ($SSH_CONNECTION: "CLIENT-ADDRESS CLIENT-PORT SERVER-ADDRESS SERVER-PORT"). A capture on
// the interface that connection uses would otherwise queue its own SSH packets, and stream them
// back over the same connection, each batch making more: the capture's chains let exactly this
// connection pass, unseen, both ways (ChainScript). Parsed strictly: the text reaches an
// iptables-restore script, and only what inet_ntop and the numbers print back goes there.
#pragma once

#include <QString>

#include <optional>

namespace nfqmon {

struct SshConnection {
    QString client; // canonical text (inet_ntop)
    quint16 clientPort = 0;
    QString server;
    quint16 serverPort = 0;
    bool ipv6 = false;

    // Two addresses of one family (an IPv4-mapped IPv6 address counts as IPv4) and two ports in
    // 1..65535; nothing and a sentence otherwise.
    static std::optional<SshConnection> parse(const QString &text, QString *error);
    QString toString() const; // the same form parse() reads

    friend bool operator==(const SshConnection &, const SshConnection &) = default;
};

} // namespace nfqmon
