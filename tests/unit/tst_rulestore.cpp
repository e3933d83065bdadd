// RuleStore: the rules a user set survive a restart of the helper, are written atomically, and a
// damaged file is set aside rather than silently lost.
#include "helper/service/RuleStore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace nfqmon;

namespace {

Rule makeRule(int id, const char *expression, RuleAction action = RuleAction::Drop)
{
    Rule rule;
    rule.id = id;
    rule.expression = QString::fromUtf8(expression);
    rule.action = action;
    return rule;
}

} // namespace

class TestRuleStore : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void missingFileMeansNoRules()
    {
        RuleStore store(m_dir.filePath(QStringLiteral("state-a")));
        QString error, warning;
        QVERIFY2(store.load(&error, &warning), qPrintable(error));
        QVERIFY(store.rules().empty());
        QVERIFY(warning.isEmpty());
        // The directory was created for root only.
        struct stat st {};
        QCOMPARE(
            ::stat(QFile::encodeName(m_dir.filePath(QStringLiteral("state-a"))).constData(), &st),
            0);
        QCOMPARE(st.st_mode & 07777, 0700u);
    }

    void rulesSurviveARestart_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("one") << 1;
        QTest::newRow("three") << 3;
        QTest::newRow("none after removing all") << 0;
    }

    void rulesSurviveARestart()
    {
        QFETCH(int, count);
        const QString dir = m_dir.filePath(QStringLiteral("state-%1").arg(count));
        std::vector<Rule> rules;
        {
            RuleStore store(dir);
            QString error, warning;
            QVERIFY(store.load(&error, &warning));
            for (int i = 0; i < 3; ++i) {
                Rule rule = makeRule(i + 1, "udp and dst port 53");
                rule.interface = QStringLiteral("eth%1").arg(i);
                rule.direction = i == 1 ? RuleDirection::In : RuleDirection::Out;
                rule.enabled = i != 2;
                if (i == 1) {
                    rule.program = QStringLiteral("/usr/bin/curl");
                    rule.user = 1000;
                    rule.unit = QStringLiteral("app-flatpak-*.scope");
                }
                if (i == 2)
                    rule.host = QStringLiteral("*.example.org");
                rules.push_back(rule);
            }
            QVERIFY2(store.save(rules, &error), qPrintable(error)); // ids 1-3 handed out
            rules.resize(std::size_t(count));
            QVERIFY2(store.save(rules, &error), qPrintable(error));
        }
        RuleStore reloaded(dir);
        QString error, warning;
        QVERIFY(reloaded.load(&error, &warning));
        QVERIFY(warning.isEmpty());
        QCOMPARE(reloaded.rules().size(), rules.size());
        for (std::size_t i = 0; i < rules.size(); ++i)
            QVERIFY(reloaded.rules()[i] == rules[i]);
        // Ids are never reused, even for rules that were removed.
        QCOMPARE(reloaded.nextId(), 4);
        QVERIFY(!QFile::exists(reloaded.filePath() + QStringLiteral(".tmp")));
    }

    void damagedFileIsSetAside_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not json") << QByteArray("rule = drop udp\n");
        QTest::newRow("wrong version") << QByteArray(R"({"version": 99, "rules": []})");
        QTest::newRow("bad direction")
            << QByteArray(R"({"version": 1, "rules": [{"id": 1, "expression": "udp",)"
                          R"( "direction": "sideways", "action": "drop"}]})");
        QTest::newRow("truncated") << QByteArray(R"({"version": 1, "rules": [{"id": 1, )");
        QTest::newRow("bad host") << QByteArray(
            R"({"version": 1, "rules": [{"id": 1, "expression": "udp",)"
            R"( "direction": "any", "action": "drop", "host": "a..b"}]})");
    }

    // A file written before rules had a host loads, each rule for every host.
    void rulesWithoutAHostLoad()
    {
        const QString dir = m_dir.filePath(QStringLiteral("without-host"));
        QVERIFY(QDir().mkpath(dir));
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                       QFileDevice::ExeOwner);
        QFile file(dir + QStringLiteral("/rules.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version": 1, "nextId": 3, "rules": [{"id": 2, "expression": "udp",)"
                   R"( "interface": "", "direction": "out", "action": "drop",)"
                   R"( "enabled": true, "program": "/usr/bin/dig"}]})");
        file.close();
        RuleStore store(dir);
        QString error, warning;
        QVERIFY2(store.load(&error, &warning), qPrintable(error));
        QVERIFY2(warning.isEmpty(), qPrintable(warning));
        QCOMPARE(store.rules().size(), 1u);
        QCOMPARE(store.rules()[0].host, QString());
        QCOMPARE(store.rules()[0].program, QStringLiteral("/usr/bin/dig"));
        // Saved again, a rule without a host writes no "host" either.
        QVERIFY2(store.save(store.rules(), &error), qPrintable(error));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("\"host\""));
    }

    void damagedFileIsSetAside()
    {
        QFETCH(QByteArray, content);
        const QString dir = m_dir.filePath(QStringLiteral("damaged-%1").arg(qHash(content)));
        QVERIFY(QDir().mkpath(dir));
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                       QFileDevice::ExeOwner);
        QFile file(dir + QStringLiteral("/rules.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();

        RuleStore store(dir);
        QString error, warning;
        QVERIFY2(store.load(&error, &warning), qPrintable(error));
        QVERIFY(store.rules().empty());
        QVERIFY2(warning.contains(QStringLiteral("could not be read")), qPrintable(warning));
        const QStringList aside =
            QDir(dir).entryList({QStringLiteral("rules.json.unreadable-*")}, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QFile kept(dir + u'/' + aside.first());
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), content); // nothing the user had is lost
        QVERIFY2(warning.contains(aside.first()), qPrintable(warning));
    }

    void unsafeStateDirectoryIsRefused()
    {
        const QString dir = m_dir.filePath(QStringLiteral("open-to-all"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0777) == 0);
        RuleStore store(dir);
        QString error, warning;
        QVERIFY(!store.load(&error, &warning));
        QVERIFY2(error.contains(QStringLiteral("writable by it only")), qPrintable(error));
    }

    void failedSaveChangesNothing()
    {
        const QString dir = m_dir.filePath(QStringLiteral("read-only"));
        RuleStore store(dir);
        QString error, warning;
        QVERIFY(store.load(&error, &warning));
        const std::vector<Rule> first{makeRule(store.nextId(), "icmp")};
        QVERIFY(store.save(first, &error));
        // A directory where rules.json.tmp should go makes the write fail, even for root.
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/rules.json.tmp/x")));
        const std::vector<Rule> second{makeRule(store.nextId(), "tcp")};
        QVERIFY(!store.save(second, &error));
        QVERIFY2(error.contains(QStringLiteral("were not changed")), qPrintable(error));
        QVERIFY(store.rules() == first);
        RuleStore reloaded(dir);
        QVERIFY(reloaded.load(&error, &warning));
        QVERIFY(reloaded.rules() == first);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestRuleStore)
#include "tst_rulestore.moc"
