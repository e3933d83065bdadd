#include "tests/support/bus/BusClient.h"

#include "tests/support/bus/PrivateSystemBus.h"
#include "tests/support/network/TestNetwork.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QProcess>

namespace nfqmon::test {

BusClient::BusClient() = default;

BusClient::~BusClient()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->closeWriteChannel();
        if (!m_process->waitForFinished(3000))
            kill();
    }
}

bool BusClient::start(const PrivateSystemBus &bus, const QString &user, QString *error)
{
    m_process =
        bus.startAs(user, TestNetwork::toolPath(QStringLiteral("nfqmon-test-client")), {}, error);
    if (!m_process)
        return false;
    if (uniqueName().isEmpty()) {
        *error = QStringLiteral("nfqmon-test-client did not connect to the bus: %1")
                     .arg(standardError());
        return false;
    }
    return true;
}

void BusClient::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
}

qint64 BusClient::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString BusClient::standardError() const
{
    return m_process ? QString::fromLocal8Bit(m_process->readAllStandardError()) : QString();
}

QJsonObject BusClient::request(const QJsonObject &command, int timeoutMs)
{
    if (!m_process || m_process->state() != QProcess::Running)
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("error"), QStringLiteral("no client")}};
    m_process->write(QJsonDocument(command).toJson(QJsonDocument::Compact) + '\n');
    QDeadlineTimer deadline(timeoutMs);
    qsizetype end;
    while ((end = m_pending.indexOf('\n')) < 0) {
        if (deadline.hasExpired() || m_process->state() != QProcess::Running)
            return {{QStringLiteral("ok"), false},
                    {QStringLiteral("error"), QStringLiteral("no answer from the client")},
                    {QStringLiteral("message"), standardError()}};
        m_process->waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 1000)));
        m_pending += m_process->readAllStandardOutput();
    }
    const QByteArray line = m_pending.left(end);
    m_pending.remove(0, end + 1);
    return QJsonDocument::fromJson(line).object();
}

QJsonObject BusClient::call(const QString &method, const QJsonArray &args, int timeoutMs)
{
    return request({{QStringLiteral("cmd"), QStringLiteral("call")},
                    {QStringLiteral("method"), method},
                    {QStringLiteral("args"), args},
                    {QStringLiteral("timeoutMs"), timeoutMs}},
                   timeoutMs + 5000);
}

QJsonObject BusClient::read(int count, int timeoutMs)
{
    return request({{QStringLiteral("cmd"), QStringLiteral("read")},
                    {QStringLiteral("count"), count},
                    {QStringLiteral("timeoutMs"), timeoutMs}},
                   timeoutMs + 5000);
}

QString BusClient::uniqueName()
{
    return request({{QStringLiteral("cmd"), QStringLiteral("name")}}, 10000)
        .value(QStringLiteral("name"))
        .toString();
}

} // namespace nfqmon::test
