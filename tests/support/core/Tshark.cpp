#include "tests/support/core/Tshark.h"

#include <QStandardPaths>

namespace nfqmon::test {

QString Tshark::program()
{
    return QStandardPaths::findExecutable(
        QStringLiteral("tshark"), {QStringLiteral("/usr/bin"), QStringLiteral("/usr/sbin")});
}

Command::Result Tshark::run(const QStringList &arguments)
{
    const QString tshark = program();
    if (tshark.isEmpty()) {
        Command::Result missing;
        missing.command = QStringLiteral("tshark");
        missing.errorOutput = "tshark is missing: packaging/install-deps.sh --tests "
                              "(apt-get install -y tshark)";
        return missing;
    }
    return Command::run(QStringList{tshark} + arguments, std::chrono::seconds(60));
}

bool Tshark::fields(const QString &file, const QStringList &fields, QList<QStringList> *rows,
                    QString *error, bool resolveNames)
{
    QStringList arguments{QStringLiteral("-r"), file};
    arguments << QStringLiteral("-n");
    if (resolveNames)
        arguments << QStringLiteral("-N") << QStringLiteral("n");
    arguments << QStringLiteral("-T") << QStringLiteral("fields") << QStringLiteral("-E")
              << QStringLiteral("separator=/t") << QStringLiteral("-E")
              << QStringLiteral("aggregator=,");
    for (const QString &field : fields)
        arguments << QStringLiteral("-e") << field;
    const Command::Result result = run(arguments);
    if (!result.succeeded()) {
        *error = result.describe();
        return false;
    }
    rows->clear();
    const QStringList lines = QString::fromUtf8(result.output).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines)
        rows->append(line.split(u'\t'));
    return true;
}

bool Tshark::hosts(const QString &file, QStringList *entries, QString *error)
{
    const Command::Result result = run({QStringLiteral("-r"), file, QStringLiteral("-q"),
                                        QStringLiteral("-z"), QStringLiteral("hosts")});
    if (!result.succeeded()) {
        *error = result.describe();
        return false;
    }
    entries->clear();
    // "# comment" lines, then "ADDRESS<TAB>NAME" (hosts-file form).
    const QStringList lines = QString::fromUtf8(result.output).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (line.startsWith(u'#'))
            continue;
        const QStringList parts = line.split(u'\t', Qt::SkipEmptyParts);
        for (qsizetype i = 1; i < parts.size(); ++i)
            entries->append(parts.first() + u' ' + parts[i].trimmed());
    }
    entries->sort();
    return true;
}

} // namespace nfqmon::test
