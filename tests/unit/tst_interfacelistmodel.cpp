// InterfaceListModel: "any" first, then the machine's interfaces (lo is always there) with state
// and addresses; checking "any" unchecks the others and the reverse; checks survive refresh();
// QAbstractItemModelTester watches every step.
#include "app/client/InterfaceListModel.h"

#include <QAbstractItemModelTester>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTest>

using namespace nfqmon;

namespace {

int rowOf(const InterfaceListModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.data(model.index(row), InterfaceListModel::NameRole).toString() == name)
            return row;
    }
    return -1;
}

bool check(InterfaceListModel &model, const QString &name, bool on)
{
    return model.setData(model.index(rowOf(model, name)), on ? Qt::Checked : Qt::Unchecked,
                         Qt::CheckStateRole);
}

} // namespace

class tst_InterfaceListModel : public QObject
{
    Q_OBJECT

private slots:
    void listsAnyThenTheInterfaces();
    void checking_data();
    void checking();
    void setCheckedSkipsUnknownNames();
    void checksSurviveRefresh();

private:
    static QStringList machineInterfaces();
};

QStringList tst_InterfaceListModel::machineInterfaces()
{
    QStringList names;
    for (const QNetworkInterface &interface : QNetworkInterface::allInterfaces())
        names.append(interface.name());
    return names;
}

void tst_InterfaceListModel::listsAnyThenTheInterfaces()
{
    InterfaceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.data(model.index(0), InterfaceListModel::NameRole).toString(),
             InterfaceListModel::Any);
    QStringList names;
    for (int row = 1; row < model.rowCount(); ++row)
        names.append(model.data(model.index(row), InterfaceListModel::NameRole).toString());
    QCOMPARE(names, machineInterfaces());
    const int lo = rowOf(model, QStringLiteral("lo"));
    QVERIFY(lo > 0);
    QVERIFY(model.data(model.index(lo), InterfaceListModel::IsUpRole).toBool());
    QVERIFY(model.data(model.index(lo), InterfaceListModel::AddressesRole)
                .toStringList()
                .contains(QStringLiteral("127.0.0.1")));
    const QString shown = model.data(model.index(lo)).toString();
    QVERIFY2(shown.contains(QStringLiteral("lo")) && shown.contains(QStringLiteral("127.0.0.1")),
             qPrintable(shown));
    QVERIFY(model.flags(model.index(lo)) & Qt::ItemIsUserCheckable);
    QCOMPARE(model.checked(), QStringList());
}

void tst_InterfaceListModel::checking_data()
{
    // Steps "name+" / "name-" applied in order, then what checked() says.
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QStringList>("checked");
    QTest::newRow("any") << QStringList{"any+"} << QStringList{"any"};
    QTest::newRow("lo") << QStringList{"lo+"} << QStringList{"lo"};
    QTest::newRow("lo unchecks any") << QStringList{"any+", "lo+"} << QStringList{"lo"};
    QTest::newRow("any unchecks lo") << QStringList{"lo+", "any+"} << QStringList{"any"};
    QTest::newRow("lo off again") << QStringList{"lo+", "lo-"} << QStringList{};
}

void tst_InterfaceListModel::checking()
{
    QFETCH(QStringList, steps);
    QFETCH(QStringList, checked);
    InterfaceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changes(&model, &InterfaceListModel::checkedChanged);
    for (const QString &step : steps)
        QVERIFY(check(model, step.chopped(1), step.endsWith(QLatin1Char('+'))));
    QCOMPARE(model.checked(), checked);
    QVERIFY(!changes.isEmpty());
    QCOMPARE(changes.last().first().toStringList(), checked);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString name = model.data(model.index(row), InterfaceListModel::NameRole).toString();
        QCOMPARE(model.data(model.index(row), Qt::CheckStateRole).value<Qt::CheckState>(),
                 checked.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
}

void tst_InterfaceListModel::setCheckedSkipsUnknownNames()
{
    InterfaceListModel model;
    model.setChecked({QStringLiteral("lo"), QStringLiteral("nosuchif0")});
    QCOMPARE(model.checked(), QStringList{QStringLiteral("lo")});
    model.setChecked({QStringLiteral("lo"), QStringLiteral("any")});
    QCOMPARE(model.checked(), QStringList{QStringLiteral("any")});
    model.setChecked({});
    QCOMPARE(model.checked(), QStringList());
}

void tst_InterfaceListModel::checksSurviveRefresh()
{
    InterfaceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChecked({QStringLiteral("lo")});
    QSignalSpy changes(&model, &InterfaceListModel::checkedChanged);
    model.refresh();
    QCOMPARE(model.checked(), QStringList{QStringLiteral("lo")});
    QCOMPARE(changes.size(), 0);
}

QTEST_GUILESS_MAIN(tst_InterfaceListModel)
#include "tst_interfacelistmodel.moc"
