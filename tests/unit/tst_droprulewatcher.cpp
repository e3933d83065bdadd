// DropRuleWatcher: which rule lists make "a new rule starts dropping packets", and how often.
// Each row feeds a sequence of rule lists and names the rules that must be reported, in order.
#include "app/client/DropRuleWatcher.h"

#include <QSignalSpy>
#include <QTest>

using namespace nfqmon;

Q_DECLARE_METATYPE(QList<QList<nfqmon::RuleInfo>>)

namespace {

RuleInfo rule(uint id, quint64 hits, const char *expression = "udp and dst port 53",
              RuleAction action = RuleAction::Drop)
{
    RuleInfo r;
    r.id = id;
    r.hits = hits;
    r.expression = QLatin1String(expression);
    r.action = action;
    return r;
}

} // namespace

class tst_DropRuleWatcher : public QObject
{
    Q_OBJECT

private slots:
    void reports_data();
    void reports();
};

void tst_DropRuleWatcher::reports_data()
{
    using Lists = QList<QList<RuleInfo>>;
    QTest::addColumn<Lists>("lists");
    QTest::addColumn<QList<uint>>("reported");
    QTest::addColumn<QList<quint64>>("hits");

    QTest::newRow("a new rule's first hits")
        << Lists{{}, {rule(1, 0)}, {rule(1, 3)}} << QList<uint>{1} << QList<quint64>{3};
    QTest::newRow("once, not at every rise")
        << Lists{{rule(1, 0)}, {rule(1, 2)}, {rule(1, 5)}, {rule(1, 9)}} << QList<uint>{1}
        << QList<quint64>{2};
    QTest::newRow("already dropping when first seen: quiet")
        << Lists{{rule(1, 40)}, {rule(1, 41)}} << QList<uint>{} << QList<quint64>{};
    QTest::newRow("added with hits at once (a fast flood)")
        << Lists{{}, {rule(2, 7)}} << QList<uint>{} << QList<quint64>{};
    QTest::newRow("an accept rule never")
        << Lists{{rule(1, 0, "icmp", RuleAction::Accept)}, {rule(1, 4, "icmp", RuleAction::Accept)}}
        << QList<uint>{} << QList<quint64>{};
    QTest::newRow("two new rules, each once") << Lists{{rule(1, 0), rule(2, 0, "tcp")},
                                                       {rule(1, 1), rule(2, 0, "tcp")},
                                                       {rule(1, 2), rule(2, 6, "tcp")}}
                                              << QList<uint>{1, 2} << QList<quint64>{1, 6};
    QTest::newRow("a changed expression is a new rule")
        << Lists{{rule(1, 0)}, {rule(1, 2)}, {rule(1, 0, "tcp")}, {rule(1, 1, "tcp")}}
        << QList<uint>{1, 1} << QList<quint64>{2, 1};
    QTest::newRow("accept changed to drop starts again")
        << Lists{{rule(1, 5, "icmp", RuleAction::Accept)},
                 {rule(1, 0, "icmp")},
                 {rule(1, 1, "icmp")}}
        << QList<uint>{1} << QList<quint64>{1};
    QTest::newRow("removed and its id seen again")
        << Lists{{rule(1, 0)}, {rule(1, 2)}, {}, {rule(1, 0)}, {rule(1, 3)}} << QList<uint>{1, 1}
        << QList<quint64>{2, 3};
    QTest::newRow("counters reset by a helper restart: not again")
        << Lists{{rule(1, 0)}, {rule(1, 4)}, {rule(1, 0)}, {rule(1, 2)}} << QList<uint>{1}
        << QList<quint64>{4};
}

void tst_DropRuleWatcher::reports()
{
    QFETCH(QList<QList<RuleInfo>>, lists);
    QFETCH(QList<uint>, reported);
    QFETCH(QList<quint64>, hits);
    qRegisterMetaType<RuleInfo>();
    DropRuleWatcher watcher;
    QSignalSpy spy(&watcher, &DropRuleWatcher::ruleStartedDropping);
    for (const QList<RuleInfo> &list : lists)
        watcher.observe(list);
    QList<uint> ids;
    QList<quint64> counts;
    for (const QList<QVariant> &signal : spy) {
        ids.append(signal.at(0).value<RuleInfo>().id);
        counts.append(signal.at(0).value<RuleInfo>().hits);
    }
    QCOMPARE(ids, reported);
    QCOMPARE(counts, hits);
}

QTEST_GUILESS_MAIN(tst_DropRuleWatcher)
#include "tst_droprulewatcher.moc"
