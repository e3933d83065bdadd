// nfqmon-test-client: a D-Bus client of nfqmon-helper that integration tests run as an
// unprivileged user. It reads one JSON command per line on stdin and answers one JSON line:
//   {"cmd": "call", "method": "AddRule", "args": [{"a{sv}": {...}}], "timeoutMs": 60000}
//       -> {"ok": true, "result": [...]} or {"ok": false, "error": "org.nfqmon.Error.X",
//          "message": "..."}; an "h" result (OpenStream) starts reading that stream.
//   {"cmd": "read", "count": N, "timeoutMs": T} -> {"ok": true, "records": [...], "lost": L}
//       (waits for N records of the open stream; returns what arrived by the timeout)
//   {"cmd": "closeStream"}, {"cmd": "name"} (this connection's unique name),
//   {"cmd": "signals"} (StateChanged/RulesChanged seen so far).
#include "app/client/StreamReader.h"
#include "app/display/SummaryText.h"
#include "tests/client/DBusJson.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusUnixFileDescriptor>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>

#include <unistd.h>

#include <cstdio>
#include <memory>

using namespace nfqmon;
namespace DBusJson = nfqmon::test::DBusJson;

namespace {

const QString Service = QStringLiteral("org.nfqmon.Helper");
const QString Path = QStringLiteral("/org/nfqmon/Helper");
const QString Interface = QStringLiteral("org.nfqmon.Helper1");

QJsonObject describe(const PacketRecord &r)
{
    return {{QStringLiteral("source"), SummaryText::source(r.summary)},
            {QStringLiteral("destination"), SummaryText::destination(r.summary)},
            {QStringLiteral("protocol"), SummaryText::protocolName(r.summary)},
            {QStringLiteral("sourcePort"), int(r.summary.sourcePort)},
            {QStringLiteral("destinationPort"), int(r.summary.destinationPort)},
            {QStringLiteral("length"), int(r.packetLength)},
            {QStringLiteral("captured"), int(r.capturedLength)},
            {QStringLiteral("verdict"),
             r.verdict == Verdict::Accept ? QStringLiteral("accept") : QStringLiteral("drop")},
            {QStringLiteral("rule"), r.ruleId},
            {QStringLiteral("in"), QString::fromLatin1(r.inInterface)},
            {QStringLiteral("out"), QString::fromLatin1(r.outInterface)},
            {QStringLiteral("hasProcess"), r.origin == Origin::Process}};
}

class Client : public QObject
{
public:
    Client() : m_bus(QDBusConnection::systemBus())
    {
        for (const char *name : {"StateChanged", "RulesChanged"})
            m_bus.connect(Service, Path, Interface, QString::fromLatin1(name), this,
                          SLOT(onSignal(QDBusMessage)));
        m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
        connect(m_stdin, &QSocketNotifier::activated, this, &Client::readCommand);
    }

private:
    Q_OBJECT

private slots:
    void onSignal(const QDBusMessage &message)
    {
        m_signals.append(QJsonObject{
            {QStringLiteral("name"), message.member()},
            {QStringLiteral("args"), message.arguments().isEmpty()
                                         ? QJsonValue()
                                         : DBusJson::toJson(message.arguments().first())}});
    }

private:
    void readCommand()
    {
        char chunk[4096];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n <= 0) {
            m_stdin->setEnabled(false);
            QCoreApplication::exit(0);
            return;
        }
        m_input.append(chunk, n);
        qsizetype end;
        while ((end = m_input.indexOf('\n')) >= 0) {
            const QByteArray line = m_input.left(end);
            m_input.remove(0, end + 1);
            execute(QJsonDocument::fromJson(line).object());
        }
    }

    void execute(const QJsonObject &command)
    {
        const QString cmd = command.value(QStringLiteral("cmd")).toString();
        QJsonObject answer;
        if (cmd == QLatin1String("call"))
            answer = call(command);
        else if (cmd == QLatin1String("read"))
            answer = read(command);
        else if (cmd == QLatin1String("closeStream")) {
            m_reader.reset();
            answer = {{QStringLiteral("ok"), true}};
        } else if (cmd == QLatin1String("name"))
            answer = {{QStringLiteral("ok"), true}, {QStringLiteral("name"), m_bus.baseService()}};
        else if (cmd == QLatin1String("signals")) {
            QCoreApplication::processEvents();
            answer = {{QStringLiteral("ok"), true}, {QStringLiteral("signals"), m_signals}};
        } else
            answer = {{QStringLiteral("ok"), false},
                      {QStringLiteral("error"), QStringLiteral("usage")}};
        const QByteArray out = QJsonDocument(answer).toJson(QJsonDocument::Compact) + '\n';
        fwrite(out.constData(), 1, size_t(out.size()), stdout);
        fflush(stdout);
    }

    QJsonObject call(const QJsonObject &command)
    {
        QDBusMessage message = QDBusMessage::createMethodCall(
            Service, Path, Interface, command.value(QStringLiteral("method")).toString());
        for (const QJsonValue &typed : command.value(QStringLiteral("args")).toArray()) {
            QString error;
            const QVariant value = DBusJson::toVariant(typed, &error);
            if (!value.isValid())
                return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}};
            message << value;
        }
        const int timeout = command.value(QStringLiteral("timeoutMs")).toInt(120000);
        const QDBusMessage reply = m_bus.call(message, QDBus::Block, timeout);
        if (reply.type() == QDBusMessage::ErrorMessage)
            return {{QStringLiteral("ok"), false},
                    {QStringLiteral("error"), reply.errorName()},
                    {QStringLiteral("message"), reply.errorMessage()}};
        QJsonArray values;
        for (const QVariant &value : reply.arguments()) {
            if (value.metaType() == QMetaType::fromType<QDBusUnixFileDescriptor>())
                openStream(value.value<QDBusUnixFileDescriptor>());
            values.append(DBusJson::toJson(value));
        }
        return {{QStringLiteral("ok"), true}, {QStringLiteral("result"), values}};
    }

    void openStream(const QDBusUnixFileDescriptor &descriptor)
    {
        m_received = {};
        m_reader = std::make_unique<StreamReader>(::dup(descriptor.fileDescriptor()));
        connect(m_reader.get(), &StreamReader::batchArrived, this,
                [this](const StreamBatch &batch) {
                    for (qsizetype i = 0; i < batch.size(); ++i)
                        m_received.append(describe(batch.record(i)));
                });
    }

    QJsonObject read(const QJsonObject &command)
    {
        const int count = command.value(QStringLiteral("count")).toInt();
        const int timeout = command.value(QStringLiteral("timeoutMs")).toInt(5000);
        QElapsedTimer clock;
        clock.start();
        while (m_reader && m_received.size() < count && clock.elapsed() < timeout)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        QJsonObject answer{{QStringLiteral("ok"), bool(m_reader)},
                           {QStringLiteral("records"), m_received},
                           {QStringLiteral("lost"), m_reader ? double(m_reader->lostTotal()) : 0.0},
                           {QStringLiteral("open"), m_reader && m_reader->isOpen()}};
        m_received = {};
        return answer;
    }

    QDBusConnection m_bus;
    QSocketNotifier *m_stdin = nullptr;
    QByteArray m_input;
    std::unique_ptr<StreamReader> m_reader;
    QJsonArray m_received;
    QJsonArray m_signals;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (!QDBusConnection::systemBus().isConnected()) {
        fprintf(stderr, "nfqmon-test-client: no system bus: %s\n",
                qPrintable(QDBusConnection::systemBus().lastError().message()));
        return 1;
    }
    Client client;
    return app.exec();
}

#include "nfqmon-test-client.moc"
