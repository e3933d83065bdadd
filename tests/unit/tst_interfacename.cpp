// Interface names reach iptables rule text and kernel calls: these tests pin which names pass and
// the sentence a user reads when one does not.
#include "helper/config/InterfaceName.h"

#include <QTest>

using namespace nfqmon;

class TestInterfaceName : public QObject
{
    Q_OBJECT

private slots:
    void validNames_data();
    void validNames();
    void invalidNames_data();
    void invalidNames();
    void parseList_data();
    void parseList();
    void parseListRefuses_data();
    void parseListRefuses();
    void missing_data();
    void missing();
};

void TestInterfaceName::validNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("lo") << QStringLiteral("lo");
    QTest::newRow("eth0") << QStringLiteral("eth0");
    QTest::newRow("predictable name") << QStringLiteral("enp0s31f6");
    QTest::newRow("vlan") << QStringLiteral("eth0.100");
    QTest::newRow("dash and underscore") << QStringLiteral("veth-a_1");
    QTest::newRow("at sign") << QStringLiteral("veth0@if3");
    QTest::newRow("one byte") << QStringLiteral("a");
    QTest::newRow("15 bytes (IFNAMSIZ-1)") << QStringLiteral("abcdefghijklmno");
    QTest::newRow("three dots") << QStringLiteral("...");
    QTest::newRow("trailing dash") << QStringLiteral("br-");
    QTest::newRow("anybody") << QStringLiteral("anybody");
}

void TestInterfaceName::validNames()
{
    QFETCH(QString, name);
    QString error = QStringLiteral("untouched");
    QVERIFY2(InterfaceName::isValid(name, &error), qPrintable(error));
    QVERIFY(InterfaceName::isValid(name));
}

void TestInterfaceName::invalidNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("error");
    const QString onlyAllowed =
        QStringLiteral("; only letters A-Z and a-z, digits, '.', '_', '@' and '-' are allowed");

    QTest::newRow("empty") << QString() << QStringLiteral("interface name is empty");
    QTest::newRow("16 bytes") << QStringLiteral("abcdefghijklmnop")
                              << QStringLiteral("interface name \"abcdefghijklmnop\" is 16 bytes "
                                                "long; the kernel allows at most 15");
    QTest::newRow("space") << QStringLiteral("eth0 -A INPUT")
                           << QStringLiteral("interface name \"eth0 -A INPUT\" contains a space");
    QTest::newRow("long with spaces: the space is the news")
        << QStringLiteral("eth0 -A INPUT -j ACCEPT")
        << QStringLiteral("interface name \"eth0 -A INPUT -j ACCEPT\" contains a space");
    QTest::newRow("newline") << QStringLiteral("eth0\nreboot")
                             << QStringLiteral("interface name \"eth0\\nreboot\" contains a "
                                               "newline");
    QTest::newRow("trailing newline")
        << QStringLiteral("eth0\n")
        << QStringLiteral("interface name \"eth0\\n\" contains a newline");
    QTest::newRow("tab") << QStringLiteral("eth\t0")
                         << QStringLiteral("interface name \"eth\\t0\" contains a tab");
    QTest::newRow("carriage return") << QStringLiteral("eth0\r")
                                     << QStringLiteral("interface name \"eth0\\r\" contains a "
                                                       "carriage return");
    QTest::newRow("control character") << QStringLiteral("eth\x01")
                                       << QStringLiteral("interface name \"eth\\x01\" contains a "
                                                         "control character (U+0001)");
    QTest::newRow("delete character") << QStringLiteral("eth\x7f")
                                      << QStringLiteral("interface name \"eth\\x7f\" contains a "
                                                        "control character (U+007F)");
    QTest::newRow("no-break space")
        << QStringLiteral("eth\u00a00")
        << QStringLiteral("interface name \"eth\u00a00\" contains a space character (U+00A0)");
    QTest::newRow("option") << QStringLiteral("-A INPUT")
                            << QStringLiteral("interface name \"-A INPUT\" starts with '-', which "
                                              "would read as a command-line option");
    QTest::newRow("lone dash") << QStringLiteral("-")
                               << QStringLiteral("interface name \"-\" starts with '-', which "
                                                 "would read as a command-line option");
    QTest::newRow("shell injection")
        << QStringLiteral("eth0;reboot")
        << QStringLiteral("interface name \"eth0;reboot\" contains ';'") + onlyAllowed;
    QTest::newRow("command substitution")
        << QStringLiteral("$(reboot)")
        << QStringLiteral("interface name \"$(reboot)\" contains '$'") + onlyAllowed;
    QTest::newRow("quote") << QStringLiteral("eth\"0")
                           << QStringLiteral("interface name \"eth\\\"0\" contains '\"'") +
                                  onlyAllowed;
    QTest::newRow("plus alone") << QStringLiteral("+")
                                << QStringLiteral("interface name \"+\" contains '+', which "
                                                  "iptables reads as a wildcard");
    QTest::newRow("leading plus") << QStringLiteral("+eth")
                                  << QStringLiteral("interface name \"+eth\" contains '+', which "
                                                    "iptables reads as a wildcard");
    QTest::newRow("wildcard") << QStringLiteral("eth+")
                              << QStringLiteral("interface name \"eth+\" contains '+', which "
                                                "iptables reads as a wildcard");
    QTest::newRow("dot") << QStringLiteral(".")
                         << QStringLiteral("interface name \".\" is reserved by the kernel");
    QTest::newRow("dot dot") << QStringLiteral("..")
                             << QStringLiteral("interface name \"..\" is reserved by the kernel");
    QTest::newRow("slash") << QStringLiteral("eth/0")
                           << QStringLiteral("interface name \"eth/0\" contains '/', which the "
                                             "kernel does not allow in interface names");
    QTest::newRow("path traversal")
        << QStringLiteral("../lo")
        << QStringLiteral("interface name \"../lo\" contains '/', which "
                          "the kernel does not allow in interface "
                          "names");
    QTest::newRow("colon (alias)") << QStringLiteral("eth0:1")
                                   << QStringLiteral("interface name \"eth0:1\" contains ':', "
                                                     "which the kernel does not allow in "
                                                     "interface names");
    QTest::newRow("any") << QStringLiteral("any")
                         << QStringLiteral("interface name \"any\" is reserved: \"any\" stands for "
                                           "every interface and must be given alone");
    QTest::newRow("ANY") << QStringLiteral("ANY")
                         << QStringLiteral("interface name \"ANY\" is reserved: \"any\" stands for "
                                           "every interface and must be given alone");
    QTest::newRow("unicode letter")
        << QStringLiteral("ethé")
        << QStringLiteral("interface name \"ethé\" contains 'é' (U+00E9)") + onlyAllowed;
    QTest::newRow("emoji (outside the BMP)")
        << QStringLiteral("eth😀")
        << QStringLiteral("interface name \"eth😀\" contains '😀' (U+1F600)") + onlyAllowed;
    QTest::newRow("cyrillic look-alike")
        << QStringLiteral("еth0") // U+0435, not 'e'
        << QStringLiteral("interface name \"еth0\" contains 'е' (U+0435)") + onlyAllowed;
}

void TestInterfaceName::invalidNames()
{
    QFETCH(QString, name);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!InterfaceName::isValid(name, &actual));
    QCOMPARE(actual, error);
    QVERIFY(!InterfaceName::isValid(name)); // no error pointer: must not crash
}

void TestInterfaceName::parseList_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<bool>("any");

    QTest::newRow("lo") << QStringLiteral("lo") << QStringList{QStringLiteral("lo")} << false;
    QTest::newRow("padded lo") << QStringLiteral(" lo ") << QStringList{QStringLiteral("lo")}
                               << false;
    QTest::newRow("comma and space")
        << QStringLiteral("eth1, eth2")
        << QStringList{QStringLiteral("eth1"), QStringLiteral("eth2")} << false;
    QTest::newRow("comma only") << QStringLiteral("eth1,eth2")
                                << QStringList{QStringLiteral("eth1"), QStringLiteral("eth2")}
                                << false;
    QTest::newRow("tabs and spaces")
        << QStringLiteral(" eth1 ,\teth2 , lo")
        << QStringList{QStringLiteral("eth1"), QStringLiteral("eth2"), QStringLiteral("lo")}
        << false;
    QTest::newRow("order kept") << QStringLiteral("wlan0, eth0")
                                << QStringList{QStringLiteral("wlan0"), QStringLiteral("eth0")}
                                << false;
    QTest::newRow("any") << QStringLiteral("any") << QStringList{} << true;
    QTest::newRow("padded any") << QStringLiteral("  any ") << QStringList{} << true;
}

void TestInterfaceName::parseList()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    QFETCH(bool, any);
    QStringList actualNames{QStringLiteral("stale")};
    bool actualAny = !any;
    QString error;
    QVERIFY2(InterfaceName::parseList(text, &actualNames, &actualAny, &error), qPrintable(error));
    QCOMPARE(actualNames, names);
    QCOMPARE(actualAny, any);
}

void TestInterfaceName::parseListRefuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << QString()
                           << QStringLiteral("no interface given; name one or more interfaces "
                                             "separated by commas, or \"any\"");
    QTest::newRow("blank") << QStringLiteral("   ")
                           << QStringLiteral("no interface given; name one or more interfaces "
                                             "separated by commas, or \"any\"");
    QTest::newRow("double comma") << QStringLiteral("eth1,,eth2")
                                  << QStringLiteral("interface list \"eth1,,eth2\" has an empty "
                                                    "item (item 2 of 3)");
    QTest::newRow("trailing comma") << QStringLiteral("eth1, ")
                                    << QStringLiteral("interface list \"eth1, \" has an empty "
                                                      "item (item 2 of 2)");
    QTest::newRow("leading comma") << QStringLiteral(",eth1")
                                   << QStringLiteral("interface list \",eth1\" has an empty item "
                                                     "(item 1 of 2)");
    QTest::newRow("any first") << QStringLiteral("any, eth0")
                               << QStringLiteral("interface list \"any, eth0\": \"any\" already "
                                                 "means every interface and cannot be combined "
                                                 "with other names");
    QTest::newRow("any last") << QStringLiteral("eth0,any")
                              << QStringLiteral("interface list \"eth0,any\": \"any\" already "
                                                "means every interface and cannot be combined "
                                                "with other names");
    QTest::newRow("duplicate") << QStringLiteral("eth1, eth2, eth1")
                               << QStringLiteral("interface list \"eth1, eth2, eth1\" names "
                                                 "\"eth1\" twice");
    QTest::newRow("space inside a name") << QStringLiteral("eth1, eth 2")
                                         << QStringLiteral("interface name \"eth 2\" contains a "
                                                           "space");
    QTest::newRow("semicolon") << QStringLiteral("eth0;reboot")
                               << QStringLiteral("interface name \"eth0;reboot\" contains ';'; "
                                                 "only letters A-Z and a-z, digits, '.', '_', "
                                                 "'@' and '-' are allowed");
    QTest::newRow("too long") << QStringLiteral("lo, abcdefghijklmnop")
                              << QStringLiteral("interface name \"abcdefghijklmnop\" is 16 bytes "
                                                "long; the kernel allows at most 15");
}

void TestInterfaceName::parseListRefuses()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QStringList names{QStringLiteral("kept")};
    bool any = false;
    QString actual;
    QVERIFY(!InterfaceName::parseList(text, &names, &any, &actual));
    QCOMPARE(actual, error);
    QCOMPARE(names, QStringList{QStringLiteral("kept")}); // outputs untouched on failure
}

void TestInterfaceName::missing_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("expected");
    const QString madeUp = QStringLiteral("nfqmonnope0");

    QTest::newRow("none") << QStringList{} << QStringList{};
    QTest::newRow("lo exists") << QStringList{QStringLiteral("lo")} << QStringList{};
    QTest::newRow("made-up name") << QStringList{madeUp} << QStringList{madeUp};
    QTest::newRow("mixed") << QStringList{QStringLiteral("lo"), madeUp, QStringLiteral("nfqmonx@1")}
                           << QStringList{madeUp, QStringLiteral("nfqmonx@1")};
}

void TestInterfaceName::missing()
{
    QFETCH(QStringList, names);
    QFETCH(QStringList, expected);
    QCOMPARE(InterfaceName::missing(names), expected);
}

QTEST_GUILESS_MAIN(TestInterfaceName)
#include "tst_interfacename.moc"
