// Where "Connect to host…" goes: what a person types after `ssh`, a `user@host`, a host or an
// alias of their ~/.ssh/config, handed to their own OpenSSH unchanged (nfqmon keeps no password,
// key or host list of its own). Checked before it reaches an argument list: it must not read as
// an option of ssh, nor carry spaces, quotes or control characters a D-Bus address or a remote
// shell would split or interpret.
#pragma once

#include <QString>

#include <optional>

namespace nfqmon {

class SshDestination
{
public:
    static constexpr int MaxLength = 255;

    // The destination, or nothing and a sentence saying what is wrong with `text`.
    static std::optional<SshDestination> parse(const QString &text, QString *error);

    QString text() const { return m_text; }
    // The host part, for the window's labels ("gw" of "admin@gw").
    QString host() const;

    friend bool operator==(const SshDestination &, const SshDestination &) = default;

private:
    explicit SshDestination(QString text) : m_text(std::move(text)) {}
    QString m_text;
};

} // namespace nfqmon
