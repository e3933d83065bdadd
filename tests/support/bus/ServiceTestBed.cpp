#include "tests/support/bus/ServiceTestBed.h"

#include <QFile>
#include <QJsonArray>

#include <unistd.h>

namespace nfqmon::test {

bool ServiceTestBed::start(int peers, QString *error)
{
    if (!TestNetwork::enterPrivateNamespace(error) || !m_network.addPeers(peers, error))
        return false;
    if (!m_userDirectory.isValid() ||
        ::chown(QFile::encodeName(m_userDirectory.path()).constData(), PrivateSystemBus::AllowedUid,
                PrivateSystemBus::AllowedUid) != 0) {
        *error = QStringLiteral("cannot make a directory for the allowed user");
        return false;
    }
    return m_bus.start(error);
}

void ServiceTestBed::stop()
{
    m_bus.stop();
    m_network.removeAll();
}

std::unique_ptr<BusClient> ServiceTestBed::client(const QString &user, QString *error)
{
    auto client = std::make_unique<BusClient>();
    if (!client->start(m_bus, user, error))
        return nullptr;
    return client;
}

QJsonObject ServiceTestBed::status()
{
    QString error;
    const auto root = client(QStringLiteral("root"), &error);
    if (!root)
        return {{QStringLiteral("error"), error}};
    return root->call(QStringLiteral("GetStatus"))
        .value(QStringLiteral("result"))
        .toArray()
        .first()
        .toObject();
}

bool ServiceTestBed::reset(QString *error)
{
    const auto root = client(QStringLiteral("root"), error);
    if (!root)
        return false;
    root->call(QStringLiteral("StopCapture"));
    const QJsonArray rules = root->call(QStringLiteral("ListRules"))
                                 .value(QStringLiteral("result"))
                                 .toArray()
                                 .first()
                                 .toArray();
    for (const QJsonValue &rule : rules)
        root->call(QStringLiteral("RemoveRule"),
                   {BusClient::u(rule.toObject().value(QStringLiteral("id")).toInteger())});
    return TestNetwork::resetFirewall(error);
}

} // namespace nfqmon::test
