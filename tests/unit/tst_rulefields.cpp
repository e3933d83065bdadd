// RuleFields: a rule as AddRule/ChangeRule take it and ListRules returns it, written by the helper
// and read by the window with the same keys and names.
#include "helper/protocol/HelperContract.h"
#include "helper/protocol/RuleFields.h"

#include <QTest>

using namespace nfqmon;

namespace Key = Contract::RuleField;

class tst_RuleFields : public QObject
{
    Q_OBJECT

private slots:
    void aListedRuleReadsBackWithItsHits();
    void theFieldsToSendCarryNoIdAndNoHits();
    void aDirectionOrActionTheWindowDoesNotKnowKeepsTheBase();
    void aRuleListedWithoutAHostAppliesToEveryHost();
};

namespace {

Rule sample()
{
    Rule rule;
    rule.id = 7;
    rule.expression = QStringLiteral("udp and dst port 53");
    rule.interface = QStringLiteral("eth0");
    rule.direction = RuleDirection::Out;
    rule.action = RuleAction::Accept;
    rule.enabled = false;
    rule.program = QStringLiteral("/usr/bin/dig");
    rule.user = 1000;
    rule.unit = QStringLiteral("cron.service");
    rule.host = QStringLiteral("*.example.org");
    return rule;
}

} // namespace

void tst_RuleFields::aListedRuleReadsBackWithItsHits()
{
    const QVariantMap map = RuleFields::describe(sample(), 12);
    QCOMPARE(map.value(Key::Direction).toString(), QStringLiteral("out"));
    QCOMPARE(map.value(Key::Action).toString(), QStringLiteral("accept"));
    QCOMPARE(map.value(Key::Id).metaType(), QMetaType::fromType<uint>());         // u
    QCOMPARE(map.value(Key::Hits).metaType(), QMetaType::fromType<qulonglong>()); // t
    QCOMPARE(RuleFields::fromMap(map), sample());
    QCOMPARE(RuleFields::hitsOf(map), 12u);
}

void tst_RuleFields::theFieldsToSendCarryNoIdAndNoHits()
{
    const QVariantMap map = RuleFields::toMap(sample());
    QCOMPARE(map.keys(),
             (QStringList{Key::Action, Key::Direction, Key::Enabled, Key::Expression, Key::Host,
                          Key::Interface, Key::Program, Key::Unit, Key::User}));
    QCOMPARE(map.value(Key::User).metaType(), QMetaType::fromType<uint>()); // u
    // Any user is the one uid no user has.
    Rule anyone = sample();
    anyone.user.reset();
    QCOMPARE(RuleFields::toMap(anyone).value(Key::User).toUInt(), Key::AnyUser);
    QCOMPARE(RuleFields::fromMap(RuleFields::toMap(anyone)).user, std::nullopt);
    Rule expected = sample();
    expected.id = 0;
    QCOMPARE(RuleFields::fromMap(map), expected);
}

void tst_RuleFields::aDirectionOrActionTheWindowDoesNotKnowKeepsTheBase()
{
    QVariantMap map = RuleFields::describe(sample(), 0);
    map.insert(Key::Direction, QStringLiteral("sideways"));
    map.insert(Key::Action, QStringLiteral("reject"));
    const Rule read = RuleFields::fromMap(map);
    QCOMPARE(read.direction, RuleDirection::Any);
    QCOMPARE(read.action, RuleAction::Drop);
    QCOMPARE(read.expression, sample().expression);
}

void tst_RuleFields::aRuleListedWithoutAHostAppliesToEveryHost()
{
    QVariantMap map = RuleFields::describe(sample(), 0);
    QCOMPARE(map.value(Key::Host).toString(), QStringLiteral("*.example.org"));
    map.remove(Key::Host);
    QCOMPARE(RuleFields::fromMap(map).host, QString());
    QVERIFY(!RuleFields::fromMap(map).needsHostNames());
}

QTEST_GUILESS_MAIN(tst_RuleFields)
#include "tst_rulefields.moc"
