// nfqmon-test-busprobe: what a process of some user may do on the system bus
// (DBUS_SYSTEM_BUS_ADDRESS), for the tests of the private bus fixture. Run as a test user through
// PrivateSystemBus::commandAs(), or as root.
//
//   nfqmon-test-busprobe check ACTION... [--no-interaction]
//       polkit CheckAuthorization of each action for this very connection, as nfqmon-helper
//       asks it: subject system-bus-name (our unique name), flag AllowUserInteraction unless
//       --no-interaction. One line per action:
//         ACTION authorized=true|false challenge=true|false ms=N details=k=v,...
//         ACTION error=<D-Bus error name> ms=N <message>
//   nfqmon-test-busprobe own NAME
//       RequestName(NAME, DoNotQueue); prints "owned NAME" or "refused NAME <error> <message>".
//   nfqmon-test-busprobe --service [--state-dir DIR] [--idle-timeout SECONDS] [ARG...]
//       Stands in for `nfqmon-helper --service` when activated: owns org.nfqmon.Helper, writes
//       its arguments (one a line) to DIR/busprobe-arguments and exits after SECONDS (0: never)
//       or on SIGTERM.
// The first line of check and own is "name UNIQUE-NAME uid UID". Exit status: 0 done (whatever
// polkit answered), 1 no bus or the call failed, 2 usage, 3 name refused.
#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace {

void print(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

void printError(const QString &line)
{
    std::fputs(qPrintable(QStringLiteral("nfqmon-test-busprobe: ") + line + QLatin1Char('\n')),
               stderr);
}

int checkAuthorization(QDBusConnection &bus, const QStringList &actions, bool interactive)
{
    for (const QString &action : actions) {
        QDBusMessage call =
            QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.PolicyKit1"),
                                           QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
                                           QStringLiteral("org.freedesktop.PolicyKit1.Authority"),
                                           QStringLiteral("CheckAuthorization"));
        // Subject (sa{sv}): the kind and its details; details (a{ss}) of the request: none.
        QDBusArgument subject;
        subject.beginStructure();
        subject << QStringLiteral("system-bus-name")
                << QVariantMap{{QStringLiteral("name"), bus.baseService()}};
        subject.endStructure();
        QDBusArgument details;
        details << QMap<QString, QString>();
        call << QVariant::fromValue(subject) << action << QVariant::fromValue(details)
             << uint(interactive ? 1 : 0) << QString();

        QElapsedTimer timer;
        timer.start();
        const QDBusMessage reply = bus.call(call, QDBus::Block, 30000);
        const qint64 ms = timer.elapsed();
        if (reply.type() != QDBusMessage::ReplyMessage) {
            print(QStringLiteral("%1 error=%2 ms=%3 %4")
                      .arg(action, reply.errorName())
                      .arg(ms)
                      .arg(reply.errorMessage()));
            continue;
        }
        bool authorized = false;
        bool challenge = false;
        QMap<QString, QString> resultDetails;
        const QDBusArgument result = reply.arguments().value(0).value<QDBusArgument>();
        result.beginStructure();
        result >> authorized >> challenge >> resultDetails;
        result.endStructure();
        QStringList pairs;
        for (auto it = resultDetails.cbegin(); it != resultDetails.cend(); ++it)
            pairs.append(it.key() + QLatin1Char('=') + it.value());
        print(QStringLiteral("%1 authorized=%2 challenge=%3 ms=%4 details=%5")
                  .arg(action, QLatin1String(authorized ? "true" : "false"),
                       QLatin1String(challenge ? "true" : "false"))
                  .arg(ms)
                  .arg(pairs.join(QLatin1Char(','))));
    }
    return 0;
}

int own(QDBusConnection &bus, const QString &name)
{
    const QDBusReply<QDBusConnectionInterface::RegisterServiceReply> reply =
        bus.interface()->registerService(name, QDBusConnectionInterface::DontQueueService,
                                         QDBusConnectionInterface::DontAllowReplacement);
    if (reply.isValid() && reply.value() == QDBusConnectionInterface::ServiceRegistered) {
        print(QStringLiteral("owned ") + name);
        return 0;
    }
    print(QStringLiteral("refused %1 %2 %3")
              .arg(name, reply.error().name(), reply.error().message()));
    return 3;
}

int standIn(QCoreApplication &app, QDBusConnection &bus, const QStringList &arguments)
{
    const int stateDirectory = int(arguments.indexOf(QStringLiteral("--state-dir")));
    const int idleTimeout = int(arguments.indexOf(QStringLiteral("--idle-timeout")));
    if (stateDirectory >= 0 && stateDirectory + 1 < arguments.size()) {
        const QString directory = arguments.at(stateDirectory + 1);
        QDir().mkpath(directory);
        QFile file(directory + QStringLiteral("/busprobe-arguments"));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(arguments.join(QLatin1Char('\n')).toUtf8() + '\n') < 0) {
            printError(QStringLiteral("cannot write %1").arg(file.fileName()));
            return 1;
        }
    }
    if (own(bus, QStringLiteral("org.nfqmon.Helper")) != 0)
        return 3;
    const int seconds =
        idleTimeout >= 0 ? arguments.value(idleTimeout + 1).toInt() : 0; // 0: stay until killed
    if (seconds > 0)
        QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    // Without the bus there is nobody to serve; QtDBus has no public signal for its loss.
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &app, [&app, &bus] {
        if (!bus.isConnected())
            app.quit();
    });
    watch.start(200);
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    const QString mode = arguments.value(0);
    if (mode != QLatin1String("check") && mode != QLatin1String("own") &&
        mode != QLatin1String("--service")) {
        printError(QStringLiteral("usage: check ACTION... [--no-interaction] | own NAME | "
                                  "--service [--state-dir DIR] [--idle-timeout SECONDS]"));
        return 2;
    }

    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        printError(
            QStringLiteral("no system bus at %1: %2")
                .arg(qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS"), bus.lastError().message()));
        return 1;
    }
    if (mode == QLatin1String("--service"))
        return standIn(app, bus, arguments);

    print(QStringLiteral("name %1 uid %2").arg(bus.baseService()).arg(::getuid()));
    if (mode == QLatin1String("own")) {
        if (arguments.size() != 2) {
            printError(QStringLiteral("usage: own NAME"));
            return 2;
        }
        return own(bus, arguments.at(1));
    }
    QStringList actions = arguments.mid(1);
    const bool interactive = !actions.removeAll(QStringLiteral("--no-interaction"));
    if (actions.isEmpty()) {
        printError(QStringLiteral("usage: check ACTION... [--no-interaction]"));
        return 2;
    }
    return checkAuthorization(bus, actions, interactive);
}
