// nfqmon-helper: the root helper. Headless mode for now: --config FILE.
#include "HeadlessRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nfqmon-helper"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NFQMON_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "Captures packets from netfilter queues, applies drop rules and writes pcap dumps."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption config(
        QStringLiteral("config"),
        QCoreApplication::translate("main", "Run headless with the capture described in <file>."),
        QStringLiteral("file"));
    parser.addOption(config);
    if (!parser.parse(app.arguments())) {
        nfqmon::printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.isSet(config) || !parser.positionalArguments().isEmpty()) {
        nfqmon::printError(
            QCoreApplication::translate("main", "usage: nfqmon-helper --config FILE (see --help)"));
        return 2;
    }

    nfqmon::HeadlessRunner runner;
    const int failed = runner.start(parser.value(config));
    if (failed >= 0)
        return failed;
    QObject::connect(&runner, &nfqmon::HeadlessRunner::finished, &app, &QCoreApplication::exit);
    return app.exec();
}
