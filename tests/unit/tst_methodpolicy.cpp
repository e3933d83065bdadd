// MethodPolicy: every method the helper exports has an authorisation rule, the rules are the
// documented ones, and a method added without a rule is caught.
#include "helper/service/HelperService.h"
#include "helper/service/MethodPolicy.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace nfqmon;

namespace {

// What a careless change could look like: a new exported method and no entry in the table.
class ServiceWithNewMethod : public QObject
{
    Q_OBJECT
public slots:
    Q_SCRIPTABLE void FlushAllRules() {}
    void notExported() {}
};

QStringList exportedMethods()
{
    QFile file(QStringLiteral(NFQMON_DBUS_XML));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList names;
    const QString xml = QString::fromUtf8(file.readAll());
    static const QRegularExpression method(QStringLiteral("<method name=\"(\\w+)\""));
    for (const auto &match : method.globalMatch(xml))
        names.append(match.captured(1));
    return names;
}

} // namespace

class TestMethodPolicy : public QObject
{
    Q_OBJECT

private slots:
    void actions_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("action"); // polkit action id, empty for none
        QTest::newRow("StartCapture") << "StartCapture"
                                      << "org.nfqmon.capture";
        QTest::newRow("StopCapture") << "StopCapture"
                                     << "org.nfqmon.capture";
        QTest::newRow("OpenStream") << "OpenStream"
                                    << "org.nfqmon.capture";
        QTest::newRow("AddRule") << "AddRule"
                                 << "org.nfqmon.rules";
        QTest::newRow("ChangeRule") << "ChangeRule"
                                    << "org.nfqmon.rules";
        QTest::newRow("SetRuleEnabled") << "SetRuleEnabled"
                                        << "org.nfqmon.rules";
        QTest::newRow("MoveRule") << "MoveRule"
                                  << "org.nfqmon.rules";
        QTest::newRow("RemoveRule") << "RemoveRule"
                                    << "org.nfqmon.rules";
        QTest::newRow("GetStatus") << "GetStatus"
                                   << "";
        QTest::newRow("ListRules") << "ListRules"
                                   << "";
        QTest::newRow("GetChains") << "GetChains"
                                   << "org.nfqmon.read";
        QTest::newRow("SetMetricsFile") << "SetMetricsFile"
                                        << "org.nfqmon.configure";
        QTest::newRow("ListInterfaces") << "ListInterfaces"
                                        << "";
        QTest::newRow("ListConnections") << "ListConnections"
                                         << "org.nfqmon.capture";
    }

    void actions()
    {
        QFETCH(QString, method);
        QFETCH(QString, action);
        const auto found = MethodPolicy::actionFor(method);
        QVERIFY(found);
        QCOMPARE(MethodPolicy::polkitActionId(*found), action);
    }

    void unknownMethodHasNoRule() { QVERIFY(!MethodPolicy::actionFor(QStringLiteral("Shell"))); }

    void everyExportedMethodIsCovered()
    {
        const QStringList methods = exportedMethods();
        QVERIFY2(methods.size() >= 12, qPrintable(methods.join(u' ')));
        for (const QString &method : methods)
            QVERIFY2(MethodPolicy::actionFor(method), qPrintable(method));
        QCOMPARE(MethodPolicy::uncovered(HelperService::staticMetaObject), QStringList());
    }

    void newMethodWithoutRuleIsCaught()
    {
        QCOMPARE(MethodPolicy::uncovered(ServiceWithNewMethod::staticMetaObject),
                 QStringList{QStringLiteral("FlushAllRules")});
    }
};

QTEST_GUILESS_MAIN(TestMethodPolicy)
#include "tst_methodpolicy.moc"
