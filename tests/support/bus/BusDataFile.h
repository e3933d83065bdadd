// The files of tests/support/bus/data/ (the private bus's configuration, polkit rules, the
// helper's activation file) as the build copied them. A value known only at run time (a path in
// the bus's temporary directory, a test user's name) is written {{name}} in the file and filled
// in by read().
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace nfqmon::test {

class BusDataFile
{
public:
    using Values = QList<QPair<QString, QString>>; // {{name}} -> value

    // The file's text with every {{name}} replaced; nothing (and `error`) when the file cannot
    // be read or names a value it is not given.
    static std::optional<QByteArray> read(const QString &name, const Values &values,
                                          QString *error);
    static QString path(const QString &name);
};

} // namespace nfqmon::test
