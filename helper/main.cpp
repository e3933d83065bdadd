// nfqmon-helper: the root helper. `--service` on the D-Bus system bus, `--config FILE` headless.
#include "helper/engine/HeadlessRunner.h"
#include "helper/service/ServiceRunner.h"

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
    const QCommandLineOption service(
        QStringLiteral("service"),
        QCoreApplication::translate("main", "Serve org.nfqmon.Helper on the D-Bus system bus."));
    const QCommandLineOption stateDir(
        QStringLiteral("state-dir"),
        QCoreApplication::translate("main", "Keep the saved rules in <dir> (service mode)."),
        QStringLiteral("dir"), QStringLiteral("/var/lib/nfqmon"));
    const QCommandLineOption idleTimeout(
        QStringLiteral("idle-timeout"),
        QCoreApplication::translate("main", "Exit after <seconds> without a capture or a client "
                                            "(service mode; 0: never)."),
        QStringLiteral("seconds"), QStringLiteral("60"));
    parser.addOptions({service, stateDir, idleTimeout});
    if (!parser.parse(app.arguments())) {
        nfqmon::printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    bool idleOk = false;
    const int idleSeconds = parser.value(idleTimeout).toInt(&idleOk);
    if (parser.isSet(config) == parser.isSet(service) || !parser.positionalArguments().isEmpty() ||
        !idleOk || idleSeconds < 0) {
        nfqmon::printError(QCoreApplication::translate(
            "main", "usage: nfqmon-helper --service [--state-dir DIR] [--idle-timeout SECONDS] | "
                    "--config FILE (see --help)"));
        return 2;
    }

    if (parser.isSet(service)) {
        nfqmon::ServiceRunner runner({parser.value(stateDir), idleSeconds});
        if (const int failed = runner.start())
            return failed;
        QObject::connect(&runner, &nfqmon::ServiceRunner::finished, &app, &QCoreApplication::exit);
        return app.exec();
    }

    nfqmon::HeadlessRunner runner;
    const int failed = runner.start(parser.value(config));
    if (failed >= 0)
        return failed;
    QObject::connect(&runner, &nfqmon::HeadlessRunner::finished, &app, &QCoreApplication::exit);
    return app.exec();
}
