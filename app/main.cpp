// nfqmon, the desktop application: `nfqmon [file.pcap]`. Everything happens in the Session and
// the MainWindow built on it.
#include "app/desktop/DesktopNotifier.h"
#include "app/display/Translations.h"
#include "app/session/Session.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDBusConnection>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Settings live in ~/.config/nfqmon/nfqmon.conf.
    QApplication::setOrganizationName(QStringLiteral("nfqmon"));
    QApplication::setApplicationName(QStringLiteral("nfqmon"));
    QApplication::setApplicationVersion(QStringLiteral(NFQMON_VERSION));
    QApplication::setDesktopFileName(nfqmon::DesktopNotifier::DesktopEntry);

    nfqmon::installTranslations();
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

    nfqmon::Session session(QDBusConnection::systemBus());
    nfqmon::MainWindow window(&session);
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    return QApplication::exec();
}
