// The registrable domain of a host name: the part a person or company registered, one label
// above its public suffix ("www.bbc.co.uk" → "bbc.co.uk", "a.b.example.org" → "example.org"),
// from the Public Suffix List (publicsuffix.org) as Debian's package `publicsuffix` installs it.
// Without the list, a guess: the name without its first label when it has three or more.
// "Drop packets like this → to this domain" limits a rule to "*." and this domain.
#pragma once

#include <QSet>
#include <QString>

namespace nfqmon {

class RegistrableDomain
{
public:
    static QString defaultListPath(); // /usr/share/publicsuffix/public_suffix_list.dat

    // The rules of a list in the publicsuffix.org format ("co.uk", "*.ck", "!www.ck", "//"
    // comments); its international names are kept in their xn-- form, as the helper learns them.
    static RegistrableDomain fromList(const QString &text);
    // The list in the file; no list (the guess) when it cannot be read.
    static RegistrableDomain fromFile(const QString &path);
    // The system's list, read once on first use (from the thread of the window).
    static const RegistrableDomain &system();

    bool hasList() const { return !m_exact.isEmpty() || !m_wildcards.isEmpty(); }
    // The registrable domain of `host` (a host name, any case, a trailing dot allowed), in lower
    // case; the name itself when it is a public suffix or too short to have one above it.
    QString of(const QString &host) const;

private:
    QString byList(const QStringList &labels) const;

    QSet<QString> m_exact;      // "co.uk"
    QSet<QString> m_wildcards;  // "ck" for "*.ck": every name directly under it is a suffix
    QSet<QString> m_exceptions; // "www.ck" for "!www.ck": not a suffix despite a wildcard
};

} // namespace nfqmon
