// DisplayFilter and DisplayFilterParser: the display filter's owner terms (app, exe, user, pid,
// unit), host terms (hostname NAME, hostname *.DOMAIN) and machine terms (machine NAME) are read
// out of the text, joined with
// "and" at the top level to a pcap expression, which libpcap compiles as before; a term out of
// place, without a value or naming nothing is refused with a sentence, and what has no owner term
// reaches libpcap exactly as typed.
#include "app/store/DisplayFilter.h"
#include "app/store/DisplayFilterParser.h"
#include "app/store/OwnerTerms.h"

#include <QTest>

using namespace nfqmon;

namespace {

// "app curl", "not user 0", ... as the test reads a term back.
QString describe(const OwnerTerm &term)
{
    static const QStringList keywords = {"app", "exe", "user", "pid", "unit"};
    QString text = (term.negated ? "not " : "") + keywords.at(int(term.kind)) + ' ';
    switch (term.kind) {
    case OwnerTerm::Kind::User:
    case OwnerTerm::Kind::Pid:
        return text + QString::number(term.number);
    default:
        return text + '[' + term.value + ']' + (term.kernel ? " kernel" : "");
    }
}

// "hostname a.example.org", "not hostname *.example.org" as the test reads a term back.
QString describe(const HostTerm &term)
{
    return QString(term.negated ? "not " : "") + "hostname " + (term.domain ? "*." : "") +
           term.name;
}

} // namespace

class tst_DisplayFilter : public QObject
{
    Q_OBJECT

private slots:
    void ownerTermsAreReadOutOfTheFilter_data();
    void ownerTermsAreReadOutOfTheFilter();
    void hostTermsAreReadOutOfTheFilter_data();
    void hostTermsAreReadOutOfTheFilter();
    void machineTermsAreReadOutOfTheFilter_data();
    void machineTermsAreReadOutOfTheFilter();
    void ownerTermsOutOfPlaceAreRefused_data();
    void ownerTermsOutOfPlaceAreRefused();
    void filtersWithoutOwnerReachLibpcapAsTyped_data();
    void filtersWithoutOwnerReachLibpcapAsTyped();
    void aNameIsQuotedWhereTheFilterNeedsIt_data();
    void aNameIsQuotedWhereTheFilterNeedsIt();
};

void tst_DisplayFilter::ownerTermsAreReadOutOfTheFilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pcap");
    QTest::addColumn<QStringList>("terms");
    QTest::newRow("app") << "app curl"
                         << "" << QStringList{"app [curl]"};
    QTest::newRow("app and pcap") << "app curl and tcp port 443"
                                  << "tcp port 443" << QStringList{"app [curl]"};
    QTest::newRow("pcap and app") << "tcp port 443 and app curl"
                                  << "tcp port 443" << QStringList{"app [curl]"};
    QTest::newRow("&&") << "udp&&app curl"
                        << "udp" << QStringList{"app [curl]"};
    QTest::newRow("not app") << "not app firefox"
                             << "" << QStringList{"not app [firefox]"};
    QTest::newRow("! app") << "!app firefox"
                           << "" << QStringList{"not app [firefox]"};
    QTest::newRow("not not") << "not not app firefox"
                             << "" << QStringList{"app [firefox]"};
    QTest::newRow("quoted") << "app \"Web Content\""
                            << "" << QStringList{"app [Web Content]"};
    QTest::newRow("escaped quote") << R"(app "say \"hi\"")"
                                   << "" << QStringList{"app [say \"hi\"]"};
    QTest::newRow("kernel") << "app \"(kernel)\""
                            << "" << QStringList{"app [(kernel)] kernel"};
    QTest::newRow("user number") << "user 1000"
                                 << "" << QStringList{"user 1000"};
    QTest::newRow("user name") << "user root"
                               << "" << QStringList{"user 0"};
    QTest::newRow("pid") << "pid 4242"
                         << "" << QStringList{"pid 4242"};
    QTest::newRow("exe") << "exe /usr/bin/curl"
                         << "" << QStringList{"exe [/usr/bin/curl]"};
    QTest::newRow("unit") << "unit app-*.scope"
                          << "" << QStringList{"unit [app-*.scope]"};
    QTest::newRow("several") << "udp and not app curl and user 0 and dst port 53"
                             << "udp and dst port 53" << QStringList{"not app [curl]", "user 0"};
    QTest::newRow("or in parentheses") << "(tcp or udp) and app curl"
                                       << "(tcp or udp)" << QStringList{"app [curl]"};
    QTest::newRow("not pcap") << "not icmp and app curl"
                              << "not icmp" << QStringList{"app [curl]"};
    QTest::newRow("bit operators")
        << "tcp[tcpflags] & (tcp-syn|tcp-fin) != 0 and pid 1"
        << "tcp[tcpflags] & (tcp-syn|tcp-fin) != 0" << QStringList{"pid 1"};
}

void tst_DisplayFilter::ownerTermsAreReadOutOfTheFilter()
{
    QFETCH(QString, text);
    QFETCH(QString, pcap);
    QFETCH(QStringList, terms);
    DisplayFilterParser::Result result;
    QString error;
    QVERIFY2(DisplayFilterParser::parse(text, &result, &error), qPrintable(error));
    QCOMPARE(result.pcapExpression, pcap);
    QStringList read;
    for (const OwnerTerm &term : result.terms)
        read.append(describe(term));
    QCOMPARE(read, terms);
    // And the whole filter compiles, the pcap part by libpcap.
    const std::optional<DisplayFilter> filter = DisplayFilter::compile(text, &error);
    QVERIFY2(filter, qPrintable(error));
    QCOMPARE(filter->text(), text);
    QCOMPARE(filter->hasPcap(), !pcap.isEmpty());
    QVERIFY(filter->owners());
    QCOMPARE(filter->owners()->terms().size(), terms.size());
}

void tst_DisplayFilter::hostTermsAreReadOutOfTheFilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pcap");
    QTest::addColumn<QStringList>("hosts");
    QTest::addColumn<QStringList>("owners");
    QTest::newRow("name") << "hostname a.example.org"
                          << "" << QStringList{"hostname a.example.org"} << QStringList{};
    QTest::newRow("domain") << "hostname *.example.org"
                            << "" << QStringList{"hostname *.example.org"} << QStringList{};
    QTest::newRow("upper case and a trailing dot")
        << "hostname A.Example.ORG."
        << "" << QStringList{"hostname a.example.org"} << QStringList{};
    QTest::newRow("quoted") << "hostname \"*.example.org\""
                            << "" << QStringList{"hostname *.example.org"} << QStringList{};
    QTest::newRow("not") << "not hostname ads.example.org"
                         << "" << QStringList{"not hostname ads.example.org"} << QStringList{};
    QTest::newRow("!") << "!hostname *.example.org"
                       << "" << QStringList{"not hostname *.example.org"} << QStringList{};
    QTest::newRow("with pcap") << "tcp port 443 and hostname *.example.org"
                               << "tcp port 443" << QStringList{"hostname *.example.org"}
                               << QStringList{};
    QTest::newRow("with an owner")
        << "app curl and hostname a.test and udp"
        << "udp" << QStringList{"hostname a.test"} << QStringList{"app [curl]"};
    QTest::newRow("two") << "hostname *.example.org and not hostname ads.example.org"
                         << ""
                         << QStringList{"hostname *.example.org", "not hostname ads.example.org"}
                         << QStringList{};
    QTest::newRow("underscore") << "hostname _dmarc.example.org"
                                << "" << QStringList{"hostname _dmarc.example.org"}
                                << QStringList{};
}

void tst_DisplayFilter::hostTermsAreReadOutOfTheFilter()
{
    QFETCH(QString, text);
    QFETCH(QString, pcap);
    QFETCH(QStringList, hosts);
    QFETCH(QStringList, owners);
    DisplayFilterParser::Result result;
    QString error;
    QVERIFY2(DisplayFilterParser::parse(text, &result, &error), qPrintable(error));
    QCOMPARE(result.pcapExpression, pcap);
    QStringList read;
    for (const HostTerm &term : result.hosts)
        read.append(describe(term));
    QCOMPARE(read, hosts);
    QStringList readOwners;
    for (const OwnerTerm &term : result.terms)
        readOwners.append(describe(term));
    QCOMPARE(readOwners, owners);
    const std::optional<DisplayFilter> filter = DisplayFilter::compile(text, &error);
    QVERIFY2(filter, qPrintable(error));
    QCOMPARE(filter->hasPcap(), !pcap.isEmpty());
    QVERIFY(filter->hosts());
    QCOMPARE(filter->hosts()->terms().size(), hosts.size());
    QCOMPARE(bool(filter->owners()), !owners.isEmpty());
}

void tst_DisplayFilter::machineTermsAreReadOutOfTheFilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pcap");
    QTest::addColumn<QStringList>("machines"); // "[not ]NAME" as read
    QTest::addColumn<int>("hosts");
    QTest::newRow("name") << "machine gw"
                          << "" << QStringList{"gw"} << 0;
    QTest::newRow("user@host") << "machine admin@gw.example.org"
                               << "" << QStringList{"admin@gw.example.org"} << 0;
    QTest::newRow("quoted") << "machine \"my laptop\""
                            << "" << QStringList{"my laptop"} << 0;
    QTest::newRow("not") << "not machine gw"
                         << "" << QStringList{"not gw"} << 0;
    QTest::newRow("with pcap and hostname") << "udp port 53 and machine gw and hostname a.test"
                                            << "udp port 53" << QStringList{"gw"} << 1;
    QTest::newRow("two") << "machine gw and !machine admin@gw"
                         << "" << QStringList{"gw", "not admin@gw"} << 0;
}

void tst_DisplayFilter::machineTermsAreReadOutOfTheFilter()
{
    QFETCH(QString, text);
    QFETCH(QString, pcap);
    QFETCH(QStringList, machines);
    QFETCH(int, hosts);
    QString error;
    const std::optional<DisplayFilter> filter = DisplayFilter::compile(text, &error);
    QVERIFY2(filter, qPrintable(error));
    QCOMPARE(filter->hasPcap(), !pcap.isEmpty());
    DisplayFilterParser::Result result;
    QVERIFY(DisplayFilterParser::parse(text, &result, &error));
    QCOMPARE(result.pcapExpression, pcap);
    QVERIFY(filter->machines());
    QStringList read;
    for (const MachineTerm &term : filter->machines()->terms())
        read.append((term.negated ? "not " : "") + term.name);
    QCOMPARE(read, machines);
    QCOMPARE(filter->hosts() ? filter->hosts()->terms().size() : 0, hosts);
}

void tst_DisplayFilter::ownerTermsOutOfPlaceAreRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("sentence"); // a part of the error
    QTest::newRow("or after") << "app curl or udp"
                              << "cannot be combined with “or”";
    QTest::newRow("or before") << "udp or app curl"
                               << "cannot be combined with “or”";
    QTest::newRow("||") << "udp || user 0"
                        << "“user” cannot be combined with “or”";
    QTest::newRow("parentheses") << "(app curl)"
                                 << "cannot stand inside parentheses";
    QTest::newRow("deeper") << "tcp and (app curl or udp)"
                            << "cannot stand inside parentheses";
    QTest::newRow("not parentheses") << "not (pid 1)"
                                     << "“pid” cannot stand inside parentheses";
    QTest::newRow("no name") << "app"
                             << "“app” needs a program’s name";
    QTest::newRow("empty name") << "app \"\" and udp"
                                << "“app” needs a program’s name";
    QTest::newRow("operator for a name") << "app and udp"
                                         << "“app” needs a program’s name";
    QTest::newRow("two words") << "app Web Content"
                               << "quote a name with spaces";
    QTest::newRow("no user") << "user nfqmon-nobody-here"
                             << "no user “nfqmon-nobody-here”";
    QTest::newRow("pid not a number") << "pid curl"
                                      << "a process id is a number";
    QTest::newRow("pid negative") << "pid -1"
                                  << "a process id is a number";
    QTest::newRow("exe not a path") << "exe curl"
                                    << "full path";
    QTest::newRow("unit path") << "unit /system.slice/cron.service"
                               << "cannot match a unit";
    QTest::newRow("unclosed quote") << "app \"Web Content"
                                    << "quotation mark at 5 is not closed";
    QTest::newRow("dangling and") << "app curl and"
                                  << "“and” needs a term on each side";
    QTest::newRow("pcap error") << "app curl and tcp port"
                                << "syntax error";
    QTest::newRow("hostname without a name") << "hostname"
                                             << "“hostname” needs a host name or a domain";
    QTest::newRow("hostname before and") << "hostname and udp"
                                         << "“hostname” needs a host name or a domain";
    QTest::newRow("hostname an address") << "hostname 10.0.0.1"
                                         << "“hostname 10.0.0.1” cannot match a host name";
    QTest::newRow("hostname a star inside") << "hostname a.*.example.org"
                                            << "cannot match a host name";
    QTest::newRow("hostname a space") << "hostname \"a b.example\""
                                      << "cannot match a host name";
    QTest::newRow("hostname two words") << "hostname a.test b.test"
                                        << "join terms with “and”";
    QTest::newRow("hostname or") << "hostname a.test or udp"
                                 << "“hostname” cannot be combined with “or”";
    QTest::newRow("hostname in parentheses") << "(hostname a.test)"
                                             << "“hostname” cannot stand inside parentheses";
    QTest::newRow("machine without a name") << "machine"
                                            << "“machine” needs the name of a machine";
    QTest::newRow("machine two words") << "machine gw udp"
                                       << "“machine gw” is followed by “udp”";
    QTest::newRow("machine or") << "machine gw or udp"
                                << "“machine” cannot be combined with “or”";
}

void tst_DisplayFilter::ownerTermsOutOfPlaceAreRefused()
{
    QFETCH(QString, text);
    QFETCH(QString, sentence);
    QString error;
    QVERIFY(!DisplayFilter::compile(text, &error));
    QVERIFY2(error.contains(sentence), qPrintable(error));
}

void tst_DisplayFilter::filtersWithoutOwnerReachLibpcapAsTyped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("compiles");
    QTest::newRow("empty") << "" << true;
    QTest::newRow("pcap") << "tcp port 443 or host 10.0.0.7" << true;
    QTest::newRow("a host named like a keyword") << "host app" << false; // libpcap's answer
    QTest::newRow("pcap error") << "udp and port" << false;
    QTest::newRow("a stray quote") << "udp and \"x" << false;
}

void tst_DisplayFilter::filtersWithoutOwnerReachLibpcapAsTyped()
{
    QFETCH(QString, text);
    QFETCH(bool, compiles);
    DisplayFilterParser::Result result;
    QString error;
    QVERIFY(DisplayFilterParser::parse(text, &result, &error));
    QCOMPARE(result.pcapExpression, text);
    QVERIFY(result.terms.isEmpty() && result.hosts.isEmpty());
    QString pcapError;
    const bool pcapCompiles = CompiledFilter::compile(text, &pcapError).has_value();
    QCOMPARE(pcapCompiles, compiles);
    const std::optional<DisplayFilter> filter = DisplayFilter::compile(text, &error);
    QCOMPARE(filter.has_value(), compiles);
    if (!compiles)
        QCOMPARE(error, pcapError); // libpcap's own message, unchanged
    else
        QVERIFY(!filter->owners() && !filter->hosts());
}

void tst_DisplayFilter::aNameIsQuotedWhereTheFilterNeedsIt_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << "curl"
                           << "curl";
    QTest::newRow("dots and dashes") << "python3.11"
                                     << "python3.11";
    QTest::newRow("space") << "Web Content"
                           << "\"Web Content\"";
    QTest::newRow("parentheses") << "(kernel)"
                                 << "\"(kernel)\"";
    QTest::newRow("a word of the language") << "not"
                                            << "\"not\"";
    QTest::newRow("quote and backslash") << "a\"b\\c"
                                         << R"("a\"b\\c")";
}

void tst_DisplayFilter::aNameIsQuotedWhereTheFilterNeedsIt()
{
    QFETCH(QString, name);
    QFETCH(QString, quoted);
    QCOMPARE(OwnerTerms::quoted(name), quoted);
    // And the parser reads it back as the same name.
    DisplayFilterParser::Result result;
    QString error;
    QVERIFY2(DisplayFilterParser::parse("app " + quoted, &result, &error), qPrintable(error));
    QCOMPARE(result.terms.size(), 1);
    QCOMPARE(result.terms.constFirst().value, name);
}

QTEST_GUILESS_MAIN(tst_DisplayFilter)
#include "tst_displayfilter.moc"
