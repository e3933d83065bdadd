// RuleListModel follows the helper's rule list with row changes a view can keep its selection
// through: any list becomes any other by removals, moves and insertions (never a reset), a
// change of hits is dataChanged only, and the model stays consistent under
// QAbstractItemModelTester throughout. The helper side (setRuleEnabled through HelperClient) is
// covered by tst_capturecontroller.
#include "app/client/RuleListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace nfqmon;

namespace {

RuleInfo rule(uint id, quint64 hits = 0)
{
    RuleInfo r;
    r.id = id;
    r.expression = QStringLiteral("udp and dst port %1").arg(1000 + id);
    r.hits = hits;
    return r;
}

QList<RuleInfo> rules(const QList<uint> &ids)
{
    QList<RuleInfo> list;
    for (uint id : ids)
        list.append(rule(id));
    return list;
}

QList<uint> idsOf(const RuleListModel &model)
{
    QList<uint> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.ruleId(row));
    return ids;
}

} // namespace

class tst_RuleListModel : public QObject
{
    Q_OBJECT

private slots:
    void becomesAnyList_data();
    void becomesAnyList();
    void hitsChangeInPlace();
    void selectionFollowsAMovedRule();
    void showsTheFields_data();
    void showsTheFields();
    void withoutClientNothingIsCheckable();
};

void tst_RuleListModel::becomesAnyList_data()
{
    QTest::addColumn<QList<uint>>("before");
    QTest::addColumn<QList<uint>>("after");
    QTest::newRow("empty to some") << QList<uint>{} << QList<uint>{1, 2, 3};
    QTest::newRow("some to empty") << QList<uint>{1, 2, 3} << QList<uint>{};
    QTest::newRow("append") << QList<uint>{1, 2} << QList<uint>{1, 2, 3};
    QTest::newRow("insert at top") << QList<uint>{1, 2} << QList<uint>{3, 1, 2};
    QTest::newRow("remove middle") << QList<uint>{1, 2, 3} << QList<uint>{1, 3};
    QTest::newRow("move down") << QList<uint>{1, 2, 3, 4} << QList<uint>{2, 3, 1, 4};
    QTest::newRow("move up") << QList<uint>{1, 2, 3, 4} << QList<uint>{4, 1, 2, 3};
    QTest::newRow("reverse") << QList<uint>{1, 2, 3, 4, 5} << QList<uint>{5, 4, 3, 2, 1};
    QTest::newRow("everything at once") << QList<uint>{1, 2, 3, 4, 5} << QList<uint>{6, 4, 2, 7, 1};
    QTest::newRow("all new") << QList<uint>{1, 2} << QList<uint>{3, 4};
}

void tst_RuleListModel::becomesAnyList()
{
    QFETCH(QList<uint>, before);
    QFETCH(QList<uint>, after);
    RuleListModel model(nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules(rules(before));
    QCOMPARE(idsOf(model), before);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setRules(rules(after));
    QCOMPARE(idsOf(model), after);
    QCOMPARE(resets.size(), 0);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rule(row), rule(after.at(row)));
}

void tst_RuleListModel::hitsChangeInPlace()
{
    RuleListModel model(nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules(rules({1, 2, 3}));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    model.setRules({rule(1), rule(2, 41), rule(3)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(inserted.size() + removed.size() + moved.size(), 0);
    QCOMPARE(model.data(model.index(1, RuleListModel::Hits)).toULongLong(), 41u);
    // The same list again changes nothing.
    model.setRules({rule(1), rule(2, 41), rule(3)});
    QCOMPARE(changed.size(), 1);
}

void tst_RuleListModel::selectionFollowsAMovedRule()
{
    RuleListModel model(nullptr);
    model.setRules(rules({1, 2, 3, 4}));
    const QPersistentModelIndex selected = model.index(3, RuleListModel::Expression);
    model.setRules(rules({4, 1, 3}));
    QVERIFY(selected.isValid());
    QCOMPARE(selected.row(), 0);
    QCOMPARE(selected.data(RuleListModel::RuleIdRole).toUInt(), 4u);
}

void tst_RuleListModel::showsTheFields_data()
{
    QTest::addColumn<QString>("interface");
    QTest::addColumn<RuleDirection>("direction");
    QTest::addColumn<RuleAction>("action");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<int>("user"); // -1: any
    QTest::addColumn<QString>("host");
    QTest::addColumn<QStringList>("texts"); // Interface, Direction, Action, AppliesTo
    QTest::newRow("defaults") << QString() << RuleDirection::Any << RuleAction::Drop << true
                              << QString() << QString() << -1 << QString()
                              << QStringList{"any", "both", "drop", "every program"};
    QTest::newRow("eth0 in accept disabled")
        << QStringLiteral("eth0") << RuleDirection::In << RuleAction::Accept << false
        << QStringLiteral("/usr/bin/curl") << QString() << -1 << QString()
        << QStringList{"eth0", "in", "accept", "program /usr/bin/curl"};
    QTest::newRow("out") << QStringLiteral("wlan0") << RuleDirection::Out << RuleAction::Drop
                         << true << QStringLiteral("/usr/bin/curl")
                         << QStringLiteral("app-flatpak-*.scope") << -1 << QString()
                         << QStringList{"wlan0", "out", "drop",
                                        "program /usr/bin/curl, unit app-flatpak-*.scope"};
    QTest::newRow("a user's") << QString() << RuleDirection::Out << RuleAction::Drop << true
                              << QString() << QString() << 65534 << QString()
                              << QStringList{"any", "out", "drop", "user 65534"};
    QTest::newRow("a host") << QString() << RuleDirection::Out << RuleAction::Drop << true
                            << QString() << QString() << -1 << QStringLiteral("a.example.org")
                            << QStringList{"any", "out", "drop", "to host a.example.org"};
    QTest::newRow("a domain, of a program")
        << QString() << RuleDirection::Any << RuleAction::Drop << true
        << QStringLiteral("/usr/bin/curl") << QString() << -1 << QStringLiteral("*.example.org")
        << QStringList{"any", "both", "drop", "program /usr/bin/curl, to *.example.org"};
}

void tst_RuleListModel::showsTheFields()
{
    QFETCH(QString, interface);
    QFETCH(RuleDirection, direction);
    QFETCH(RuleAction, action);
    QFETCH(bool, enabled);
    QFETCH(QString, program);
    QFETCH(QString, unit);
    QFETCH(int, user);
    QFETCH(QString, host);
    QFETCH(QStringList, texts);
    RuleInfo r = rule(7, 12);
    r.program = program;
    r.host = host;
    r.unit = unit;
    if (user >= 0)
        r.user = quint32(user);
    r.interface = interface;
    r.direction = direction;
    r.action = action;
    r.enabled = enabled;
    RuleListModel model(nullptr);
    model.setRules({r});
    QCOMPARE(model.columnCount(), int(RuleListModel::ColumnCount));
    QCOMPARE(model.data(model.index(0, RuleListModel::Enabled), Qt::CheckStateRole)
                 .value<Qt::CheckState>(),
             enabled ? Qt::Checked : Qt::Unchecked);
    QCOMPARE(model.data(model.index(0, RuleListModel::Expression)).toString(), r.expression);
    QCOMPARE(model.data(model.index(0, RuleListModel::Interface)).toString(), texts.at(0));
    QCOMPARE(model.data(model.index(0, RuleListModel::Direction)).toString(), texts.at(1));
    QCOMPARE(model.data(model.index(0, RuleListModel::Action)).toString(), texts.at(2));
    QCOMPARE(model.data(model.index(0, RuleListModel::AppliesTo)).toString(), texts.at(3));
    QCOMPARE(model.data(model.index(0, RuleListModel::Hits)).toULongLong(), 12u);
    QCOMPARE(model.rowOfRule(7), 0);
    QCOMPARE(model.rowOfRule(8), -1);
    for (int column = 0; column < RuleListModel::ColumnCount; ++column)
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
}

void tst_RuleListModel::withoutClientNothingIsCheckable()
{
    RuleListModel model(nullptr);
    model.setRules(rules({1}));
    const QModelIndex enabled = model.index(0, RuleListModel::Enabled);
    QVERIFY(!(model.flags(enabled) & Qt::ItemIsUserCheckable));
    QVERIFY(!model.setData(enabled, Qt::Unchecked, Qt::CheckStateRole));
}

QTEST_GUILESS_MAIN(tst_RuleListModel)
#include "tst_rulelistmodel.moc"
