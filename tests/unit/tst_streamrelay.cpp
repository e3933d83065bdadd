// StreamRelay, what `nfqmon-capture --relay` copies the packet stream with: every byte in order,
// into a pipe (splice) or a file (read/write); it ends with the stream, and also when the pipe's
// reader goes away while the stream is idle (the window on the other host closed its ssh), not
// only at the next write.
#include "app/capture/StreamRelay.h"

#include <QTemporaryFile>
#include <QtTest>

#include <chrono>
#include <future>

#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using nfqmon::StreamRelay;
using namespace std::chrono_literals;

namespace {

// Both ends of a descriptor pair, closed with the object unless already closed.
struct Pair {
    int fds[2] = {-1, -1};
    ~Pair()
    {
        for (int fd : fds) {
            if (fd >= 0)
                ::close(fd);
        }
    }
    void close(int i)
    {
        ::close(fds[i]);
        fds[i] = -1;
    }
};

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(i * 7 + i / 251);
    return bytes;
}

bool writeAll(int fd, const QByteArray &bytes)
{
    for (qsizetype done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.constData() + done, std::size_t(bytes.size() - done));
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

QByteArray readAll(int fd)
{
    QByteArray bytes;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            return bytes;
        bytes.append(buffer, n);
    }
}

} // namespace

class tst_StreamRelay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); } // as nfqmon-capture --relay
    void copiesIntoAPipe();
    void copiesIntoAFile();
    void endsWhenThePipesReaderLeavesAnIdleStream();
};

void tst_StreamRelay::copiesIntoAPipe()
{
    Pair stream;
    Pair pipe;
    QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, stream.fds) == 0);
    QVERIFY(::pipe2(pipe.fds, O_CLOEXEC) == 0);
    const QByteArray sent = pattern(3 * 1024 * 1024 + 17);

    auto relay = std::async(std::launch::async, [&] {
        QString error;
        return std::pair(StreamRelay::copy(stream.fds[1], pipe.fds[1], &error), error);
    });
    // Whatever a check says, the relay (and the reader) end before the test returns.
    const auto unblock = qScopeGuard([&] { ::shutdown(stream.fds[0], SHUT_RDWR); });
    auto reader = std::async(std::launch::async, [&] { return readAll(pipe.fds[0]); });
    const auto endReader = qScopeGuard([&] {
        ::shutdown(stream.fds[0], SHUT_RDWR);
        if (relay.valid())
            relay.wait();
        if (pipe.fds[1] >= 0)
            pipe.close(1);
    });
    QVERIFY(writeAll(stream.fds[0], sent));
    stream.close(0); // the helper ends the stream
    QVERIFY(relay.wait_for(10s) == std::future_status::ready);
    const auto [end, error] = relay.get();
    QVERIFY2(end == StreamRelay::End::StreamEnded, qPrintable(error));
    pipe.close(1);
    QVERIFY(reader.wait_for(10s) == std::future_status::ready);
    QVERIFY(reader.get() == sent);
}

void tst_StreamRelay::copiesIntoAFile()
{
    Pair stream;
    QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, stream.fds) == 0);
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray sent = pattern(2 * 1024 * 1024 + 5);

    auto relay = std::async(std::launch::async, [&] {
        QString error;
        return std::pair(StreamRelay::copy(stream.fds[1], int(file.handle()), &error), error);
    });
    // Whatever a check says, the relay (and the reader) end before the test returns.
    const auto unblock = qScopeGuard([&] { ::shutdown(stream.fds[0], SHUT_RDWR); });
    QVERIFY(writeAll(stream.fds[0], sent));
    stream.close(0);
    QVERIFY(relay.wait_for(10s) == std::future_status::ready);
    const auto [end, error] = relay.get();
    QVERIFY2(end == StreamRelay::End::StreamEnded, qPrintable(error));
    QVERIFY(file.seek(0));
    QVERIFY(file.readAll() == sent);
}

void tst_StreamRelay::endsWhenThePipesReaderLeavesAnIdleStream()
{
    Pair stream;
    Pair pipe;
    QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, stream.fds) == 0);
    QVERIFY(::pipe2(pipe.fds, O_CLOEXEC) == 0);

    auto relay = std::async(std::launch::async, [&] {
        QString error;
        return std::pair(StreamRelay::copy(stream.fds[1], pipe.fds[1], &error), error);
    });
    // Whatever a check says, the relay (and the reader) end before the test returns.
    const auto unblock = qScopeGuard([&] { ::shutdown(stream.fds[0], SHUT_RDWR); });
    // Some bytes first, so that the relay is past its start and waits for the stream.
    const QByteArray sent = pattern(1000);
    QVERIFY(writeAll(stream.fds[0], sent));
    QByteArray received;
    char buffer[4096];
    while (received.size() < sent.size()) {
        const ssize_t n = ::read(pipe.fds[0], buffer, sizeof buffer);
        QVERIFY(n > 0);
        received.append(buffer, n);
    }
    QVERIFY(received == sent);
    QVERIFY(relay.wait_for(100ms) == std::future_status::timeout);

    pipe.close(0); // the reader leaves; the stream stays open and sends nothing
    QVERIFY2(relay.wait_for(5s) == std::future_status::ready,
             "the relay waits for the stream after its reader left");
    const auto [end, error] = relay.get();
    QVERIFY2(end == StreamRelay::End::OutputClosed, qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_StreamRelay)
#include "tst_streamrelay.moc"
