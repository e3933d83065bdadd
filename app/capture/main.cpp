// nfqmon-capture: captures through the helper from the command line and writes pcapng
// (README, "nfqmon-capture"). The work is CaptureCommand's; this only wires it up.
#include "app/capture/CaptureCommand.h"
#include "app/capture/CaptureCommandLine.h"
#include "app/capture/StopSignals.h"
#include "app/client/HelperClient.h"
#include "app/display/Translations.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("nfqmon"));
    QCoreApplication::setApplicationName(QStringLiteral("nfqmon-capture"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NFQMON_VERSION));
    nfqmon::installTranslations();

    const auto parsed = nfqmon::CaptureCommandLine::parse(QCoreApplication::arguments());
    switch (parsed.outcome) {
    case nfqmon::CaptureCommandLine::Outcome::Help:
        std::fputs(parsed.text.toLocal8Bit().constData(), stdout);
        return 0;
    case nfqmon::CaptureCommandLine::Outcome::Version:
        std::printf("nfqmon-capture %s\n", NFQMON_VERSION);
        return 0;
    case nfqmon::CaptureCommandLine::Outcome::Error:
        std::fprintf(stderr, "%s\n", parsed.text.toLocal8Bit().constData());
        return 1;
    case nfqmon::CaptureCommandLine::Outcome::Run:
        break;
    }

    nfqmon::HelperClient client;
    nfqmon::CaptureCommand command(parsed.options, &client);
    QObject::connect(&command, &nfqmon::CaptureCommand::finished, &app, &QCoreApplication::exit);
    std::unique_ptr<nfqmon::StopSignals> stopSignals;
    int received = 0;
    if (parsed.options.mode == nfqmon::CaptureCliOptions::Mode::Relay) {
        // The relay blocks in splice/read: a signal ends it as the default action does, and the
        // helper sees the stream's reader gone.
        std::signal(SIGPIPE, SIG_IGN);
    } else {
        stopSignals = std::make_unique<nfqmon::StopSignals>();
        QObject::connect(stopSignals.get(), &nfqmon::StopSignals::received, &command,
                         [&command, &received](int) {
                             // A second signal while stopping: leave at once (the helper stops
                             // a capture whose client left the bus).
                             if (++received > 1)
                                 std::_Exit(1);
                             command.stop();
                         });
    }
    command.start();
    return QCoreApplication::exec();
}
