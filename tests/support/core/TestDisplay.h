// An X server of the test's own (Xvfb), for what needs a real display: the system tray, the
// notification daemon. It takes the first free display number from 90 on; the machine's own
// display, if any, is never used.
#pragma once

#include <QProcess>
#include <QString>

#include <chrono>
#include <memory>

namespace nfqmon::test {

class TestDisplay
{
public:
    TestDisplay() = default;
    ~TestDisplay(); // stop()
    TestDisplay(const TestDisplay &) = delete;
    TestDisplay &operator=(const TestDisplay &) = delete;

    bool start(QString *error, std::chrono::milliseconds timeout = std::chrono::seconds(10));
    void stop();
    QString name() const { return m_name; } // ":90"

private:
    std::unique_ptr<QProcess> m_server;
    QString m_name;
};

} // namespace nfqmon::test
