// What every test of the D-Bus service needs: the private network namespace with peers, the
// private system bus with polkitd (on which nfqmon-helper --service is activated), clients as
// the test users, and a directory the allowed user owns (for dump files it opens itself).
#pragma once

#include "tests/support/bus/BusClient.h"
#include "tests/support/bus/PrivateSystemBus.h"
#include "tests/support/network/TestNetwork.h"

#include <QTemporaryDir>

#include <memory>

namespace nfqmon::test {

class ServiceTestBed
{
public:
    // Network first: the bus daemon, and so the helper it activates, must live in it.
    bool start(int peers, QString *error);
    void stop();

    TestNetwork &network() { return m_network; }
    PrivateSystemBus &bus() { return m_bus; }
    // A directory owned by PrivateSystemBus::AllowedUser, mode 0700.
    QString userDirectory() const { return m_userDirectory.path(); }

    // A connected client as `user`; nullptr and *error when it cannot start.
    std::unique_ptr<BusClient> client(const QString &user, QString *error);
    // GetStatus through a root client (allowed without a password).
    QJsonObject status();

    // Between test functions: no capture left running, no rules, the namespace's firewall empty.
    bool reset(QString *error);

private:
    TestNetwork m_network;
    PrivateSystemBus m_bus;
    QTemporaryDir m_userDirectory;
};

} // namespace nfqmon::test

// initTestCase() of a service test: privileges checked (fail in CI), everything started.
#define NFQMON_START_SERVICE_TEST_BED(bed, peers)                                                  \
    do {                                                                                           \
        NFQMON_REQUIRE_PRIVILEGES();                                                               \
        QString bedError_;                                                                         \
        QVERIFY2((bed).start((peers), &bedError_), qPrintable(bedError_));                         \
    } while (false)

// Checks a BusClient reply; a failure shows the reply. `reply` is evaluated once (it may be the
// call itself).
#define NFQMON_VERIFY_REPLY(reply)                                                                 \
    do {                                                                                           \
        const QJsonObject reply_ = (reply);                                                        \
        QVERIFY2(reply_.value(QStringLiteral("ok")).toBool(),                                      \
                 QJsonDocument(reply_).toJson(QJsonDocument::Compact).constData());                \
    } while (false)
