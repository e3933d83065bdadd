// CaptureRequest: what StartCapture accepts from a caller, and the sentence it gives for what it
// refuses. The helper is root: nothing a caller sends is trusted.
#include "helper/protocol/HelperContract.h"
#include "helper/service/CaptureRequest.h"

#include <QDBusUnixFileDescriptor>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <unistd.h>

using namespace nfqmon;

namespace {

QVariantMap lo(QVariantMap extra = {})
{
    extra.insert(Contract::Option::Interfaces, QStringList{QStringLiteral("lo")});
    return extra;
}

// A descriptor the way QtDBus hands it to the service (its own duplicate).
QVariant descriptorOf(int fd)
{
    const QDBusUnixFileDescriptor descriptor(fd);
    if (fd >= 0)
        ::close(fd);
    return QVariant::fromValue(descriptor);
}

} // namespace

class TestCaptureRequest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void defaults()
    {
        CaptureRequest::Problem problem;
        QString error;
        const auto request = CaptureRequest::parse(lo(), &problem, &error);
        QVERIFY2(request, qPrintable(error));
        QCOMPARE(request->options.interfaces, QStringList{QStringLiteral("lo")});
        QVERIFY(!request->options.anyInterface);
        QVERIFY(request->options.enableIptables);
        QCOMPARE(request->options.queueNumber, 0);
        QCOMPARE(request->options.queueCount, 1);
        QCOMPARE(request->options.snapLength, 65535u);
        QVERIFY(!request->options.dump);
        QVERIFY(!request->keepRunning);
    }

    void everyOption()
    {
        QVariantMap map{{Contract::Option::Interfaces, QStringList{QStringLiteral("any")}},
                        {Contract::Option::AutomaticRules, false},
                        {Contract::Option::Queue, 7u},
                        {Contract::Option::Queues, 2u},
                        {Contract::Option::SnapLength, 128u},
                        {Contract::Option::QueueMaxLength, 100u},
                        {Contract::Option::InspectPackets, 8u},
                        {Contract::Option::KeepRunning, true}};
        CaptureRequest::Problem problem;
        QString error;
        const auto request = CaptureRequest::parse(map, &problem, &error);
        QVERIFY2(request, qPrintable(error));
        QVERIFY(request->options.anyInterface);
        QVERIFY(!request->options.enableIptables);
        QCOMPARE(request->options.queueNumber, 7);
        QCOMPARE(request->options.queueCount, 2);
        QCOMPARE(request->options.snapLength, 128u);
        QCOMPARE(request->options.queueMaxLength, 100u);
        QCOMPARE(request->options.inspectPackets, 8u);
        QVERIFY(request->keepRunning);
    }

    void refused_data()
    {
        QTest::addColumn<QVariantMap>("options");
        QTest::addColumn<QString>("message");
        const auto with = [](const char *key, const QVariant &value) {
            return lo({{QString::fromLatin1(key), value}});
        };
        QTest::newRow("no interfaces") << QVariantMap() << "interfaces is required";
        QTest::newRow("empty list")
            << QVariantMap{{Contract::Option::Interfaces, QStringList()}} << "interfaces";
        QTest::newRow("interfaces as a string")
            << QVariantMap{{Contract::Option::Interfaces, QStringLiteral("lo")}}
            << "interfaces must be of D-Bus type as, not s";
        QTest::newRow("newline in a name")
            << QVariantMap{{Contract::Option::Interfaces, QStringList{QStringLiteral("lo\n-A")}}}
            << "lo\\n-A";
        QTest::newRow("rule text in a name")
            << QVariantMap{{Contract::Option::Interfaces,
                            QStringList{QStringLiteral("eth0 -j ACCEPT")}}}
            << "eth0 -j ACCEPT";
        QTest::newRow("name too long")
            << QVariantMap{{Contract::Option::Interfaces, QStringList{QString(16, u'e')}}}
            << "eeeeeeeeeeeeeeee";
        QTest::newRow("absurdly long name")
            << QVariantMap{{Contract::Option::Interfaces, QStringList{QString(100000, u'e')}}}
            << "longer than 64";
        QTest::newRow("unknown interface")
            << QVariantMap{{Contract::Option::Interfaces, QStringList{QStringLiteral("nfqnope0")}}}
            << "unknown interface(s): nfqnope0";
        QTest::newRow("any with others")
            << QVariantMap{{Contract::Option::Interfaces,
                            QStringList{QStringLiteral("any"), QStringLiteral("lo")}}}
            << "any";
        QTest::newRow("unknown key") << with("dump_input", QStringLiteral("/etc/shadow"))
                                     << "unknown capture option \"dump_input\"";
        QTest::newRow("queue as int32") << with("queue", 3) << "queue must be of D-Bus type u";
        QTest::newRow("queue too large") << with("queue", 70000u) << "between 0 and 65535";
        QTest::newRow("no queues") << with("queues", 0u) << "between 1 and 16";
        QTest::newRow("past last queue")
            << lo({{Contract::Option::Queue, 65535u}, {Contract::Option::Queues, 2u}})
            << "past the last queue number";
        QTest::newRow("tiny snap length") << with("snapLength", 10u) << "between 64 and 65535";
        QTest::newRow("keepRunning as string")
            << with("keepRunning", QStringLiteral("yes")) << "keepRunning must be of D-Bus type b";
        QTest::newRow("dump as a path") << with("dumpInput", QStringLiteral("/tmp/x.pcap"))
                                        << "dumpInput must be of D-Bus type h";
    }

    void refused()
    {
        QFETCH(QVariantMap, options);
        QFETCH(QString, message);
        CaptureRequest::Problem problem;
        QString error;
        QVERIFY(!CaptureRequest::parse(options, &problem, &error));
        QCOMPARE(problem, CaptureRequest::Problem::InvalidArgument);
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void descriptors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message"); // empty: accepted
        QTest::newRow("writable file") << "write"
                                       << "";
        QTest::newRow("read-write file") << "readwrite"
                                         << "";
        QTest::newRow("read-only file") << "read"
                                        << "open for reading only";
        QTest::newRow("directory") << "directory"
                                   << "this descriptor is a directory";
        QTest::newRow("pipe") << "pipe"
                              << "this descriptor is a pipe";
        QTest::newRow("closed") << "closed"
                                << "not an open file descriptor";
    }

    void descriptors()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        const QByteArray path = QFile::encodeName(m_dir.filePath(kind + QStringLiteral(".pcap")));
        int fd = -1;
        int pipeEnds[2] = {-1, -1};
        if (kind == QLatin1String("write"))
            fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        else if (kind == QLatin1String("readwrite"))
            fd = ::open(path.constData(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        else if (kind == QLatin1String("read")) {
            QFile(QString::fromLocal8Bit(path)).open(QIODevice::WriteOnly);
            fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
        } else if (kind == QLatin1String("directory"))
            fd = ::open(QFile::encodeName(m_dir.path()).constData(), O_RDONLY | O_DIRECTORY);
        else if (kind == QLatin1String("pipe")) {
            QVERIFY(::pipe2(pipeEnds, O_CLOEXEC) == 0);
            fd = pipeEnds[1];
            ::close(pipeEnds[0]);
        }
        if (kind != QLatin1String("closed"))
            QVERIFY(fd >= 0);

        CaptureRequest::Problem problem;
        QString error;
        const auto request = CaptureRequest::parse(
            lo({{Contract::Option::DumpOutput, descriptorOf(fd)}}), &problem, &error);
        if (message.isEmpty()) {
            QVERIFY2(request, qPrintable(error));
            QVERIFY(request->options.dump);
            QVERIFY(request->options.dumpOutputFd >= 0);
            QCOMPARE(request->options.dumpInputFd, -1);
            return;
        }
        QVERIFY(!request);
        QCOMPARE(problem, CaptureRequest::Problem::BadDescriptor);
        QVERIFY2(error.startsWith(Contract::Option::DumpOutput), qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCaptureRequest)
#include "tst_capturerequest.moc"
