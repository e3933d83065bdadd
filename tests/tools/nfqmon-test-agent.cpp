// nfqmon-test-agent METHOD: a polkit authentication agent that never answers, for the tests of a
// password prompt left open. It registers itself with polkitd (on DBUS_SYSTEM_BUS_ADDRESS) as the
// agent of its own process, then calls org.nfqmon.Helper1.METHOD (no arguments, or the capture
// options {interfaces: [lo]} for StartCapture). When the helper asks polkit, polkitd asks this
// agent to authenticate the user; the "prompt" stays open until polkitd cancels it or this
// program is killed. It prints, as they happen:
//   registered | register-error NAME MESSAGE
//   begin ACTION-ID                 (polkitd opened the prompt)
//   cancel                          (polkitd closed it: the request went away)
//   reply ok | reply error NAME MESSAGE   (the helper answered METHOD)
#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusVirtualObject>
#include <QFile>

#include <cstdio>
#include <unistd.h>

namespace {

void print(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

const QString AgentPath = QStringLiteral("/org/nfqmon/TestAgent");

// Field 22 of /proc/self/stat: what polkit identifies a process by, with its pid.
quint64 startTime()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.value(19).toULongLong();
}

class Agent : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        if (message.member() == QLatin1String("BeginAuthentication")) {
            // Never answered: a person who walks away from the password dialog.
            message.setDelayedReply(true);
            m_open.append(message);
            print(QStringLiteral("begin ") + message.arguments().value(0).toString());
            return true;
        }
        if (message.member() == QLatin1String("CancelAuthentication")) {
            print(QStringLiteral("cancel"));
            connection.send(message.createReply());
            return true;
        }
        return false;
    }

private:
    QList<QDBusMessage> m_open;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fputs("usage: nfqmon-test-agent METHOD\n", stderr);
        return 2;
    }
    QDBusConnection bus = QDBusConnection::systemBus();
    Agent agent;
    if (!bus.isConnected() || !bus.registerVirtualObject(AgentPath, &agent)) {
        std::fputs("nfqmon-test-agent: no system bus\n", stderr);
        return 1;
    }
    QDBusMessage registration =
        QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.PolicyKit1"),
                                       QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
                                       QStringLiteral("org.freedesktop.PolicyKit1.Authority"),
                                       QStringLiteral("RegisterAuthenticationAgent"));
    QDBusArgument subject;
    subject.beginStructure();
    subject << QStringLiteral("unix-process")
            << QVariantMap{{QStringLiteral("pid"), uint(::getpid())},
                           {QStringLiteral("start-time"), startTime()},
                           {QStringLiteral("uid"), int(::getuid())}};
    subject.endStructure();
    registration << QVariant::fromValue(subject) << QStringLiteral("C") << AgentPath;
    const QDBusMessage registered = bus.call(registration, QDBus::Block, 10000);
    if (registered.type() != QDBusMessage::ReplyMessage) {
        print(QStringLiteral("register-error %1 %2")
                  .arg(registered.errorName(), registered.errorMessage()));
        return 1;
    }
    print(QStringLiteral("registered"));

    const QString method = QString::fromLocal8Bit(argv[1]);
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.nfqmon.Helper"), QStringLiteral("/org/nfqmon/Helper"),
        QStringLiteral("org.nfqmon.Helper1"), method);
    call.setInteractiveAuthorizationAllowed(true);
    if (method == QLatin1String("StartCapture"))
        call << QVariantMap{{QStringLiteral("interfaces"), QStringList{QStringLiteral("lo")}}};
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 120000), &app);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, [](QDBusPendingCallWatcher *w) {
        const QDBusMessage reply = w->reply();
        print(reply.type() == QDBusMessage::ErrorMessage
                  ? QStringLiteral("reply error %1 %2").arg(reply.errorName(), reply.errorMessage())
                  : QStringLiteral("reply ok"));
    });
    return app.exec();
}
