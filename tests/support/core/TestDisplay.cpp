#include "tests/support/core/TestDisplay.h"

#include "tests/support/core/Command.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QThread>

namespace nfqmon::test {

namespace {

QString socketOf(int display)
{
    return QStringLiteral("/tmp/.X11-unix/X%1").arg(display);
}

bool displayTaken(int display)
{
    return QFileInfo::exists(socketOf(display)) ||
           QFileInfo::exists(QStringLiteral("/tmp/.X%1-lock").arg(display));
}

} // namespace

TestDisplay::~TestDisplay()
{
    stop();
}

bool TestDisplay::start(QString *error, std::chrono::milliseconds timeout)
{
    stop();
    int display = 90;
    while (display < 200 && displayTaken(display))
        ++display;
    m_name = QStringLiteral(":%1").arg(display);
    m_server = std::make_unique<QProcess>();
    m_server->setProcessChannelMode(QProcess::MergedChannels);
    m_server->start(QStringLiteral("Xvfb"), {m_name, QStringLiteral("-screen"), QStringLiteral("0"),
                                             QStringLiteral("1280x800x24"),
                                             QStringLiteral("-nolisten"), QStringLiteral("tcp")});
    if (!m_server->waitForStarted()) {
        *error = QStringLiteral("Xvfb did not start: %1 (Debian package xvfb)")
                     .arg(m_server->errorString());
        m_server.reset();
        return false;
    }
    const QDeadlineTimer deadline(timeout);
    while (!QFileInfo::exists(socketOf(display))) {
        if (m_server->state() != QProcess::Running || deadline.hasExpired()) {
            m_server->waitForReadyRead(100);
            *error = QStringLiteral("Xvfb %1 did not come up: %2")
                         .arg(m_name, QString::fromLocal8Bit(m_server->readAll()));
            stop();
            return false;
        }
        QThread::msleep(20);
    }
    return true;
}

void TestDisplay::stop()
{
    Command::stop(m_server);
}

} // namespace nfqmon::test
