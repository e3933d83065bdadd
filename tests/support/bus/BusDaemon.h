// The dbus-daemon of a PrivateSystemBus, with the configuration PrivateSystemBus writes. It stays
// root and forks the services it activates (the helper under test) itself; they inherit its
// output, which goes to a log file.
#pragma once

#include <QProcess>
#include <QString>

#include <chrono>
#include <memory>

namespace nfqmon::test {

class BusDaemon
{
public:
    BusDaemon() = default;
    ~BusDaemon(); // stop()
    BusDaemon(const BusDaemon &) = delete;
    BusDaemon &operator=(const BusDaemon &) = delete;

    // Starts dbus-daemon with `configFile`, its output appended to `logFile`, and waits until it
    // listens at `address` ("unix:path=...").
    bool start(const QString &configFile, const QString &logFile, const QString &address,
               QString *error, std::chrono::milliseconds timeout);
    // SIGTERM, SIGKILL after a grace period.
    void stop();
    // SIGKILL (the bus crashing); true when it has ended within `timeout`.
    bool kill(std::chrono::milliseconds timeout);
    // SIGKILL to whatever it forked and is still there: a helper being activated, its babysitter.
    void killChildren();

    bool isRunning() const;
    qint64 pid() const; // 0 when it does not run

private:
    std::unique_ptr<QProcess> m_process;
};

} // namespace nfqmon::test
