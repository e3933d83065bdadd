// Reads the owner terms out of a display filter: "app NAME", "exe PATH", "user NAME|UID",
// "pid N" and "unit GLOB", the host terms "hostname NAME" and "hostname *.DOMAIN", and the
// machine term "machine NAME" (each may
// follow "not" or "!"; a value with spaces is quoted, with \"
// and \\ inside quotes), joined to each other and to a pcap expression by "and" at the top
// level. What is left is the pcap expression, for libpcap. An owner term inside parentheses or
// in an expression with "or" at the top level is refused: the pcap part is matched on the bytes,
// the owner part on the record, and only their conjunction is honoured. Words of the filter
// language: and, or, not (&&, ||, !), parentheses; everything else is left to libpcap.
#pragma once

#include "app/store/HostTerm.h"
#include "app/store/MachineTerm.h"
#include "app/store/OwnerTerm.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace nfqmon {

class DisplayFilterParser
{
    Q_DECLARE_TR_FUNCTIONS(DisplayFilterParser)

public:
    struct Result {
        QString pcapExpression; // the whole text when it has no owner term
        QList<OwnerTerm> terms;
        QList<HostTerm> hosts;
        QList<MachineTerm> machines;
    };

    // False and a sentence in *error when an owner term is malformed or out of place, or
    // names a user this machine does not know. The pcap part is not checked here.
    static bool parse(const QString &text, Result *result, QString *error);

    // Whether `word` starts an owner, host or machine term: app, exe, user, pid, unit, hostname
    // or machine.
    static bool isKeyword(const QString &word);
};

} // namespace nfqmon
