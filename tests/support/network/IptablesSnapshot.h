// The whole iptables state of the test's namespace as a user would compare it: the output of
// iptables-save and ip6tables-save (every table), without the comment lines (they carry dates)
// and with the packet counters zeroed (traffic changes them).
//
// Tables that hold nothing (only built-in chains, policy ACCEPT, no rules) are left out: the
// nf_tables backend creates a table the first time any command names it and never deletes it,
// so their presence says nothing about what a program left behind.
#pragma once

#include <QString>
#include <QStringList>

namespace nfqmon::test {

class IptablesSnapshot
{
public:
    // Runs both save commands; refuses outside the test's private namespace.
    static IptablesSnapshot take();
    static QString normalise(const QString &saveOutput);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString ipv4() const { return m_ipv4; }
    QString ipv6() const { return m_ipv6; }
    QString text() const; // both, headed "## iptables-save" and "## ip6tables-save"

    // Lines of either family that contain `needle`.
    QStringList linesContaining(const QString &needle) const;

    // What changed from `before` to this snapshot, for failure messages: "- line", "+ line",
    // or a note that only the order differs. Empty when they are equal.
    QString differenceFrom(const IptablesSnapshot &before) const;

    friend bool operator==(const IptablesSnapshot &a, const IptablesSnapshot &b)
    {
        return a.m_error == b.m_error && a.m_ipv4 == b.m_ipv4 && a.m_ipv6 == b.m_ipv6;
    }

private:
    QString m_ipv4;
    QString m_ipv6;
    QString m_error;
};

} // namespace nfqmon::test
