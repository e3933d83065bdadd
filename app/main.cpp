// nfqmon, the desktop application: `nfqmon [file.pcap]`. Everything happens in MainWindow.
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDBusConnection>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Settings live in ~/.config/nfqmon/nfqmon.conf.
    QApplication::setOrganizationName(QStringLiteral("nfqmon"));
    QApplication::setApplicationName(QStringLiteral("nfqmon"));
    QApplication::setApplicationVersion(QStringLiteral(NFQMON_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.nfqmon.nfqmon"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("nfqmon"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    QApplication::setApplicationDisplayName(QApplication::translate("main", "NFQueue Monitor"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Shows the packets netfilter queues to userspace, drops traffic by rule and "
                "saves it to pcap files."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file.pcap"),
                                 QApplication::translate("main", "A pcap file to browse."),
                                 QStringLiteral("[file.pcap]"));
    parser.process(app);

    nfqmon::MainWindow window(QDBusConnection::systemBus());
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    return QApplication::exec();
}
