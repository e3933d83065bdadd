// Reads a capture file back with tshark, Wireshark's reader, as users open the dumps and
// exports: the fields of each packet, and the names of the file's Name Resolution Blocks
// (`tshark -q -z hosts`). A missing tshark is a failure with the command that installs it.
#pragma once

#include "tests/support/core/Command.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace nfqmon::test {

class Tshark
{
public:
    // The path of tshark; empty when it is not installed.
    static QString program();

    // `tshark -r FILE -T fields -e F1 -e F2 ...`: a row per packet, a value per field (empty when
    // the packet has none; several occurrences joined by ','). `resolveNames` adds `-N n`, so
    // that *_host fields show the file's names. False and the command's output on failure.
    static bool fields(const QString &file, const QStringList &fields, QList<QStringList> *rows,
                       QString *error, bool resolveNames = false);

    // `tshark -r FILE -q -z hosts`: the names the file gives addresses (its NRBs), an
    // "ADDRESS NAME" entry each, sorted.
    static bool hosts(const QString &file, QStringList *entries, QString *error);

private:
    static Command::Result run(const QStringList &arguments);
};

} // namespace nfqmon::test
