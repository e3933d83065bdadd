// RuleRequest: the rule fields a caller sends over D-Bus, applied onto a rule or refused with a
// sentence.
#include "helper/protocol/HelperContract.h"
#include "helper/protocol/RuleFields.h"
#include "helper/service/RuleRequest.h"

#include <QtTest>

using namespace nfqmon;

class TestRuleRequest : public QObject
{
    Q_OBJECT

private slots:
    void applied_data()
    {
        QTest::addColumn<QVariantMap>("fields");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("interface");
        QTest::addColumn<QString>("direction");
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("nothing changes") << QVariantMap() << "icmp"
                                         << ""
                                         << "any"
                                         << "drop" << true;
        QTest::newRow("expression trimmed")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("  udp port 53 ")}}
            << "udp port 53"
            << ""
            << "any"
            << "drop" << true;
        QTest::newRow("everything")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("host 10.0.0.5")},
                           {Contract::RuleField::Interface, QStringLiteral("eth1")},
                           {Contract::RuleField::Direction, QStringLiteral("out")},
                           {Contract::RuleField::Action, QStringLiteral("accept")},
                           {Contract::RuleField::Enabled, false}}
            << "host 10.0.0.5"
            << "eth1"
            << "out"
            << "accept" << false;
        QTest::newRow("back to any interface")
            << QVariantMap{{Contract::RuleField::Interface, QString()}} << "icmp"
            << ""
            << "any"
            << "drop" << true;
    }

    void applied()
    {
        QFETCH(QVariantMap, fields);
        QFETCH(QString, expression);
        QFETCH(QString, interface);
        QFETCH(QString, direction);
        QFETCH(QString, action);
        QFETCH(bool, enabled);
        Rule base;
        base.id = 7;
        base.expression = QStringLiteral("icmp");
        QString error;
        const auto rule = RuleRequest::apply(fields, base, false, &error);
        QVERIFY2(rule, qPrintable(error));
        QCOMPARE(rule->id, 7);
        QCOMPARE(rule->expression, expression);
        QCOMPARE(rule->interface, interface);
        QCOMPARE(directionName(rule->direction), direction);
        QCOMPARE(actionName(rule->action), action);
        QCOMPARE(rule->enabled, enabled);
        const QVariantMap described = RuleFields::describe(*rule, 12);
        QCOMPARE(described.value(Contract::RuleField::Id).toUInt(), 7u);
        QCOMPARE(described.value(Contract::RuleField::Hits).toULongLong(), 12u);
        QCOMPARE(described.value(Contract::RuleField::Direction).toString(), direction);
    }

    // A program and a user are kept; any user again clears the user.
    void programAndUser()
    {
        QString error;
        const auto rule =
            RuleRequest::apply({{Contract::RuleField::Expression, QStringLiteral("tcp")},
                                {Contract::RuleField::Program, QStringLiteral("/usr/bin/curl")},
                                {Contract::RuleField::User, 1000u}},
                               Rule{}, true, &error);
        QVERIFY2(rule, qPrintable(error));
        QCOMPARE(rule->program, QStringLiteral("/usr/bin/curl"));
        QCOMPARE(rule->user, std::optional<std::uint32_t>(1000));
        const auto anyone = RuleRequest::apply(
            {{Contract::RuleField::User, Contract::RuleField::AnyUser}}, *rule, false, &error);
        QVERIFY2(anyone, qPrintable(error));
        QCOMPARE(anyone->user, std::nullopt);
        QCOMPARE(anyone->program, QStringLiteral("/usr/bin/curl"));
        const auto inUnit = RuleRequest::apply(
            {{Contract::RuleField::Unit, QStringLiteral("cron.service")}}, *anyone, false, &error);
        QVERIFY2(inUnit, qPrintable(error));
        QCOMPARE(inUnit->unit, QStringLiteral("cron.service"));
        QVERIFY(inUnit->needsProcess());
    }

    // A host is kept as the matcher compares it: lower case, without a trailing dot; "" is any.
    void host_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("kept");
        QTest::newRow("a name") << "a.example.org"
                                << "a.example.org";
        QTest::newRow("a domain") << "*.example.org"
                                  << "*.example.org";
        QTest::newRow("upper case, trailing dot") << "Mail.Example.ORG."
                                                  << "mail.example.org";
        QTest::newRow("any host") << ""
                                  << "";
    }
    void host()
    {
        QFETCH(QString, host);
        QFETCH(QString, kept);
        Rule base;
        base.expression = QStringLiteral("ip or ip6");
        base.host = QStringLiteral("old.example.org");
        QString error;
        const auto rule =
            RuleRequest::apply({{Contract::RuleField::Host, host}}, base, false, &error);
        QVERIFY2(rule, qPrintable(error));
        QCOMPARE(rule->host, kept);
        QCOMPARE(rule->needsHostNames(), !kept.isEmpty());
        QVERIFY(!rule->needsProcess());
        QCOMPARE(RuleFields::describe(*rule, 0).value(Contract::RuleField::Host).toString(), kept);
    }

    void refused_data()
    {
        QTest::addColumn<QVariantMap>("fields");
        QTest::addColumn<QString>("message");
        QTest::newRow("no expression") << QVariantMap() << "needs an expression";
        QTest::newRow("empty expression")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("   ")}}
            << "must not be empty";
        QTest::newRow("huge expression")
            << QVariantMap{{Contract::RuleField::Expression, QString(5000, u'x')}}
            << "longer than 1024";
        QTest::newRow("newline in expression")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("udp\nCOMMIT")}}
            << "control characters";
        QTest::newRow("expression as bytes")
            << QVariantMap{{Contract::RuleField::Expression, QByteArray("udp")}}
            << "expression must be of D-Bus type s, not ay";
        QTest::newRow("bad interface")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("udp")},
                           {Contract::RuleField::Interface, QStringLiteral("eth0 -j DROP")}}
            << "eth0 -j DROP";
        QTest::newRow("bad direction")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("udp")},
                           {Contract::RuleField::Direction, QStringLiteral("sideways")}}
            << "\"any\", \"in\" or \"out\"";
        QTest::newRow("bad action")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("udp")},
                           {Contract::RuleField::Action, QStringLiteral("reject")}}
            << "\"drop\" or \"accept\"";
        QTest::newRow("program not a path")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("udp")},
                           {Contract::RuleField::Program, QStringLiteral("curl")}}
            << "rule field program: a program is named by its full path";
        QTest::newRow("control character in program")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("udp")},
                           {Contract::RuleField::Program, QStringLiteral("/usr/bin/a\nb")}}
            << "rule field program contains control characters";
        QTest::newRow("host with an empty label")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("udp")},
                           {Contract::RuleField::Host, QStringLiteral("a..example.org")}}
            << "rule field host: host name \"a..example.org\" has an empty label";
        QTest::newRow("host that is an address")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("udp")},
                           {Contract::RuleField::Host, QStringLiteral("10.0.0.5")}}
            << "rule field host: 10.0.0.5 is an address, not a host name";
        QTest::newRow("host with a star inside")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("udp")},
                           {Contract::RuleField::Host, QStringLiteral("ads.*.example.org")}}
            << "only as a leading \"*.\"";
        QTest::newRow("host as a number")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("udp")},
                           {Contract::RuleField::Host, 5u}}
            << "host must be of D-Bus type s";
        QTest::newRow("huge host")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("udp")},
                           {Contract::RuleField::Host, QString(300, u'a')}}
            << "host";
        QTest::newRow("unit that cannot match")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("udp")},
                           {Contract::RuleField::Unit, QStringLiteral("cron.timer")}}
            << "rule field unit: cron.timer can match no unit that runs programs";
        QTest::newRow("user as text")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("udp")},
                           {Contract::RuleField::User, QStringLiteral("root")}}
            << "user";
        QTest::newRow("unknown field")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("udp")},
                           {Contract::RuleField::Id, 5u}}
            << "unknown rule field \"id\"";
        QTest::newRow("enabled as number")
            << QVariantMap{{Contract::RuleField::Expression, QStringLiteral("udp")},
                           {Contract::RuleField::Enabled, 1u}}
            << "enabled must be of D-Bus type b, not u";
    }

    void refused()
    {
        QFETCH(QVariantMap, fields);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!RuleRequest::apply(fields, Rule{}, true, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestRuleRequest)
#include "tst_rulerequest.moc"
