// nfqmon-test-agent: a polkit authentication agent registered through polkit's D-Bus API (on
// DBUS_SYSTEM_BUS_ADDRESS), in one of two modes.
//
// nfqmon-test-agent METHOD: an agent that never answers, for the tests of a password prompt left
// open. It registers as the agent of its own process, then calls org.nfqmon.Helper1.METHOD (no
// arguments, or the capture options {interfaces: [lo]} for StartCapture). When the helper asks
// polkit, polkitd asks this agent to authenticate the user; the "prompt" stays open until polkitd
// cancels it or this program is killed.
//
// nfqmon-test-agent --answer PID: the agent of process PID (same user, as `pkttyagent --process`)
// that answers every prompt with the password read from its standard input's first line, the
// way polkit's own agents do: polkit-agent-helper-1 checks it with PAM and tells polkitd.
//
// It prints, as they happen:
//   registered | register-error NAME MESSAGE
//   begin ACTION-ID                 (polkitd opened the prompt)
//   cancel                          (polkitd closed it: the request went away)
//   reply ok | reply error NAME MESSAGE   (the helper answered METHOD)
//   authenticated USER | failed USER WHY  (--answer: what polkit-agent-helper-1 said)
#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusVirtualObject>
#include <QFile>
#include <QProcess>

#include <cstdio>
#include <pwd.h>
#include <unistd.h>

namespace {

void print(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

const QString AgentPath = QStringLiteral("/org/nfqmon/TestAgent");

const QString AgentHelper = QStringLiteral("/usr/lib/polkit-1/polkit-agent-helper-1");

// Field 22 of /proc/PID/stat: what polkit identifies a process by, with its pid.
quint64 startTime(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.value(19).toULongLong();
}

// polkit's identities (a(sa{sv})): the first unix-user's name, empty when there is none.
QString firstUser(const QVariant &identities)
{
    const QDBusArgument argument = identities.value<QDBusArgument>();
    QString found;
    argument.beginArray();
    while (!argument.atEnd()) {
        QString kind;
        QVariantMap details;
        argument.beginStructure();
        argument >> kind >> details;
        argument.endStructure();
        if (kind == QLatin1String("unix-user") && found.isEmpty())
            if (const passwd *user =
                    ::getpwuid(uid_t(details.value(QStringLiteral("uid")).toUInt())))
                found = QString::fromLocal8Bit(user->pw_name);
    }
    argument.endArray();
    return found;
}

class Agent : public QDBusVirtualObject
{
public:
    // An empty password: never answer.
    explicit Agent(QByteArray password = {}) : m_password(std::move(password)) {}

    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        if (message.member() == QLatin1String("BeginAuthentication")) {
            message.setDelayedReply(true);
            print(QStringLiteral("begin ") + message.arguments().value(0).toString());
            if (m_password.isEmpty())
                m_open.append(message); // a person who walks away from the password dialog
            else
                answer(message, connection);
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
    // BeginAuthentication(action, message, icon, details, cookie, identities).
    void answer(const QDBusMessage &message, const QDBusConnection &connection)
    {
        const QString cookie = message.arguments().value(4).toString();
        const QString user = firstUser(message.arguments().value(5));
        auto *helper = new QProcess;
        helper->setProgram(AgentHelper);
        helper->setArguments({user});
        QObject::connect(helper, &QProcess::readyReadStandardOutput, helper, [this, helper] {
            while (helper->canReadLine()) {
                const QByteArray line = helper->readLine().trimmed();
                if (line.startsWith("PAM_PROMPT_ECHO_OFF") || line.startsWith("PAM_PROMPT_ECHO_ON"))
                    helper->write(m_password + '\n');
                else
                    m_said.append(line + ' ');
            }
        });
        QObject::connect(helper, &QProcess::finished, helper,
                         [helper, message, connection, user, this](int code, QProcess::ExitStatus) {
                             helper->deleteLater();
                             const QByteArray said = m_said + helper->readAllStandardError();
                             m_said.clear();
                             if (code == 0 && said.contains("SUCCESS")) {
                                 print(QStringLiteral("authenticated ") + user);
                                 connection.send(message.createReply());
                             } else {
                                 print(QStringLiteral("failed %1 %2")
                                           .arg(user, QString::fromUtf8(said).simplified()));
                                 connection.send(message.createErrorReply(
                                     QStringLiteral("org.freedesktop.PolicyKit1.Error.Failed"),
                                     QStringLiteral("authentication failed")));
                             }
                         });
        helper->start();
        helper->write(cookie.toUtf8() + '\n');
    }

    QByteArray m_password;
    QByteArray m_said;
    QList<QDBusMessage> m_open;
};

bool registerAgent(QDBusConnection &bus, qint64 pid, uint uid)
{
    QDBusMessage registration =
        QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.PolicyKit1"),
                                       QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
                                       QStringLiteral("org.freedesktop.PolicyKit1.Authority"),
                                       QStringLiteral("RegisterAuthenticationAgent"));
    QDBusArgument subject;
    subject.beginStructure();
    subject << QStringLiteral("unix-process")
            << QVariantMap{{QStringLiteral("pid"), uint(pid)},
                           {QStringLiteral("start-time"), startTime(pid)},
                           {QStringLiteral("uid"), int(uid)}};
    subject.endStructure();
    registration << QVariant::fromValue(subject) << QStringLiteral("C") << AgentPath;
    const QDBusMessage registered = bus.call(registration, QDBus::Block, 10000);
    if (registered.type() != QDBusMessage::ReplyMessage) {
        print(QStringLiteral("register-error %1 %2")
                  .arg(registered.errorName(), registered.errorMessage()));
        return false;
    }
    print(QStringLiteral("registered"));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool answering = argc == 3 && qstrcmp(argv[1], "--answer") == 0;
    if (argc != 2 && !answering) {
        std::fputs("usage: nfqmon-test-agent METHOD | nfqmon-test-agent --answer PID\n", stderr);
        return 2;
    }
    QByteArray password;
    if (answering) {
        char line[256] = {};
        if (!std::fgets(line, sizeof line, stdin)) {
            std::fputs("nfqmon-test-agent: no password on standard input\n", stderr);
            return 2;
        }
        password = QByteArray(line).trimmed();
    }
    QDBusConnection bus = QDBusConnection::systemBus();
    Agent agent(password);
    if (!bus.isConnected() || !bus.registerVirtualObject(AgentPath, &agent)) {
        std::fputs("nfqmon-test-agent: no system bus\n", stderr);
        return 1;
    }
    if (answering)
        return registerAgent(bus, QByteArray(argv[2]).toLongLong(), ::getuid()) ? app.exec() : 1;
    if (!registerAgent(bus, ::getpid(), ::getuid()))
        return 1;

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
