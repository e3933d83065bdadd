// nfqmon-test-client run by a test as an unprivileged user: a real D-Bus client of the helper on
// the private system bus. Each request is a JSON command; the answer comes back as JSON.
//
//   BusClient client;
//   QVERIFY2(client.start(bus, PrivateSystemBus::AllowedUser, &error), qPrintable(error));
//   const QJsonObject reply = client.call("AddRule", {BusClient::map({{"expression",
//                                           BusClient::s("udp")}})});
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>

class QProcess;

namespace nfqmon::test {

class PrivateSystemBus;

class BusClient
{
public:
    BusClient();
    ~BusClient(); // ends the client (closes its bus connection)
    BusClient(const BusClient &) = delete;
    BusClient &operator=(const BusClient &) = delete;

    // Starts the client as `user` (PrivateSystemBus::startAs) on that bus; waits until it is
    // connected.
    bool start(const PrivateSystemBus &bus, const QString &user, QString *error);
    // SIGKILL, as when a desktop program crashes; waits until it is gone.
    void kill();
    qint64 pid() const;

    // {"ok": bool, "result": [...]} or {"ok": false, "error": name, "message": text}.
    QJsonObject call(const QString &method, const QJsonArray &args = {}, int timeoutMs = 120000);
    // Waits for `count` records of the stream OpenStream opened: {"records": [...], "lost": N}.
    QJsonObject read(int count, int timeoutMs);
    QJsonObject request(const QJsonObject &command, int timeoutMs = 150000);
    QString uniqueName();
    QString standardError() const;

    // Typed argument builders (see tests/client/DBusJson.h).
    static QJsonObject s(const QString &value) { return {{QStringLiteral("s"), value}}; }
    static QJsonObject u(qint64 value) { return {{QStringLiteral("u"), double(value)}}; }
    static QJsonObject i(qint64 value) { return {{QStringLiteral("i"), double(value)}}; }
    static QJsonObject b(bool value) { return {{QStringLiteral("b"), value}}; }
    static QJsonObject as(const QStringList &value)
    {
        return {{QStringLiteral("as"), QJsonArray::fromStringList(value)}};
    }
    static QJsonObject map(const QJsonObject &entries)
    {
        return {{QStringLiteral("a{sv}"), entries}};
    }
    // StartCapture's options: the interfaces, and whatever else `extra` adds.
    static QJsonObject captureOn(const QStringList &interfaces, QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("interfaces"), as(interfaces));
        return map(extra);
    }
    // mode: w, rw, r, dir, closed: the client opens `path` itself, as the user it runs as.
    static QJsonObject fd(const QString &path, const QString &mode)
    {
        return {{QStringLiteral("h"),
                 QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("mode"), mode}}}};
    }

private:
    std::unique_ptr<QProcess> m_process;
    QByteArray m_pending; // stdout not yet consumed
};

} // namespace nfqmon::test
