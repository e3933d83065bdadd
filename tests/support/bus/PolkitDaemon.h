// The real polkitd on a PrivateSystemBus, reading the actions and rules the bus mounted over
// polkit's directories. It drops to user polkitd and exits when its bus goes away.
#pragma once

#include <QProcess>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

namespace nfqmon::test {

class PolkitDaemon
{
public:
    PolkitDaemon() = default;
    ~PolkitDaemon(); // stop()
    PolkitDaemon(const PolkitDaemon &) = delete;
    PolkitDaemon &operator=(const PolkitDaemon &) = delete;

    // Starts polkitd, its output appended to `logFile`, and waits until `onBus` says it owns its
    // name (it loads its rules before it asks for the name: once on the bus, it answers).
    bool start(const QString &logFile, const std::function<bool()> &onBus, QString *error,
               std::chrono::milliseconds timeout);
    // SIGTERM, SIGKILL after `grace`.
    void stop(std::chrono::milliseconds grace = std::chrono::seconds(5));
    // Waits until it has ended by itself (its bus gone); true when it has.
    bool waitForEnd(std::chrono::milliseconds timeout);

    qint64 pid() const; // 0 when it does not run

private:
    std::unique_ptr<QProcess> m_process;
};

} // namespace nfqmon::test
