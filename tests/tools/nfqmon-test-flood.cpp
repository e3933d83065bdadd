// nfqmon-test-flood METHOD SECONDS IN-FLIGHT: calls org.nfqmon.Helper1.METHOD (no arguments) on
// the system bus (DBUS_SYSTEM_BUS_ADDRESS) as fast as the helper answers, keeping IN-FLIGHT calls
// under way, for SECONDS; a caller flooding the helper, for the tests of what one caller can make
// it do. Prints "started" when its first calls are sent, then at the end one line:
//   calls N ok N ERROR-NAME N ...
// (each distinct error name with its count; "NoReply" for calls the bus timed out).
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QElapsedTimer>
#include <QMap>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace {

class Flood : public QObject
{
public:
    Flood(QString method, int seconds, int inFlight)
        : m_bus(QDBusConnection::systemBus()), m_method(std::move(method)), m_seconds(seconds)
    {
        m_clock.start();
        for (int i = 0; i < inFlight; ++i)
            send();
        std::puts("started");
        std::fflush(stdout);
    }

private:
    void send()
    {
        const QDBusMessage call = QDBusMessage::createMethodCall(
            QStringLiteral("org.nfqmon.Helper"), QStringLiteral("/org/nfqmon/Helper"),
            QStringLiteral("org.nfqmon.Helper1"), m_method);
        ++m_open;
        auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 10000), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
            watcher->deleteLater();
            --m_open;
            ++m_calls;
            const QDBusMessage reply = watcher->reply();
            QString name = reply.type() == QDBusMessage::ErrorMessage ? reply.errorName()
                                                                      : QStringLiteral("ok");
            name = name.mid(name.lastIndexOf(QLatin1Char('.')) + 1);
            ++m_results[name];
            if (m_clock.elapsed() < m_seconds * 1000)
                send();
            else if (m_open == 0)
                finish();
        });
    }

    void finish()
    {
        QString line = QStringLiteral("calls %1").arg(m_calls);
        for (auto it = m_results.cbegin(); it != m_results.cend(); ++it)
            line += QStringLiteral(" %1 %2").arg(it.key()).arg(it.value());
        std::puts(qPrintable(line));
        std::fflush(stdout);
        QCoreApplication::exit(0);
    }

    QDBusConnection m_bus;
    QString m_method;
    int m_seconds;
    QElapsedTimer m_clock;
    int m_open = 0;
    qint64 m_calls = 0;
    QMap<QString, qint64> m_results;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 4) {
        std::fputs("usage: nfqmon-test-flood METHOD SECONDS IN-FLIGHT\n", stderr);
        return 2;
    }
    if (!QDBusConnection::systemBus().isConnected()) {
        std::fputs("nfqmon-test-flood: no system bus\n", stderr);
        return 1;
    }
    Flood flood(QString::fromLocal8Bit(argv[1]), std::atoi(argv[2]),
                std::max(1, std::atoi(argv[3])));
    return app.exec();
}
