// The window's widgets on their own, on the offscreen platform, without a helper: the hex view,
// the header tree, the display filter bar, the rule dialog, the rate chart's brushing, the top
// charts (the applications' fed from a store as the window feeds it), the packet table's
// autoscroll and its row colours, the message bar and the status bar health.
#include "app/client/CaptureHealth.h"
#include "app/display/Translations.h"
#include "app/session/Session.h"
#include "app/store/PacketStore.h"
#include "app/store/PacketTableModel.h"
#include "tests/support/app/StoreTestData.h"
#include "tests/support/core/PacketBuilder.h"
#include "ui/ApplicationIcon.h"
#include "ui/ChartFeeder.h"
#include "ui/ChartsPanel.h"
#include "ui/FilterBar.h"
#include "ui/HeaderTree.h"
#include "ui/HealthWidget.h"
#include "ui/HexView.h"
#include "ui/MessageBar.h"
#include "ui/PacketTableView.h"
#include "ui/RateChart.h"
#include "ui/RuleDialog.h"
#include "ui/TopChart.h"
#include "ui/TrayIcon.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>

using namespace nfqmon;
using namespace nfqmon::test;

class tst_Widgets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // "1,200"
        installTranslations();                                                 // the plurals
    }
    void hexViewShowsOffsetsHexAndAscii();
    void headerTreeShowsEveryLayer();
    void headerTreeChoosesTheBytesOfAHeader();
    void filterBarChecksAsTyped_data();
    void filterBarChecksAsTyped();
    void filterBarAppliesAfterAPause();
    void ruleDialogAcceptsOnlyValidExpressions();
    void rateChartBrushingSelectsATimeRange();
    void rateChartShowsWhatTheKernelDecided();
    void topChartShowsTheLargestFirst();
    void topChartsSayHowExactTheyAre();
    void applicationsChartNamesProgramsAsTheTableDoes();
    void hostsChartNamesHostsAsTheTableDoes();
    void tableFollowsUntilTheUserScrollsUp();
    void tableColoursDroppedAndPreviewedRows();
    void messageBarActionsAndDismiss();
    void healthShowsEveryCounter();
    void trayTooltipNamesTheBusiestApplications();
    void applicationIconsComeFromTheThemeOrAFile();
};

void tst_Widgets::hexViewShowsOffsetsHexAndAscii()
{
    HexView view;
    QByteArray bytes;
    for (int i = 0; i < 20; ++i)
        bytes.append(char(0x41 + i));
    bytes[3] = '\x01';
    view.setBytes(bytes);
    const QStringList lines = view.text().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QCOMPARE(
        lines[0],
        QStringLiteral("0000  41 42 43 01 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  ABC.EFGHIJKLMNOP"));
    QCOMPARE(lines[1], QStringLiteral("0010  51 52 53 54") + QString(39, QLatin1Char(' ')) +
                           QStringLiteral("QRST"));
    view.setHighlight(18, 100); // clipped to the bytes there are
    view.resize(600, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.grab().isNull());
}

void tst_Widgets::headerTreeShowsEveryLayer()
{
    HeaderTree tree;
    const QByteArray packet = PacketBuilder::ipv4("10.0.0.1", "10.0.0.2", PacketBuilder::Udp,
                                                  PacketBuilder::udp(5353, 53, "query"));
    tree.showPacket({{QStringLiteral("Number"), QStringLiteral("7")}}, packet);
    const QStringList names = tree.layerNames();
    QVERIFY2(names.size() >= 3, qPrintable(names.join(u',')));
    QCOMPARE(names[0], QStringLiteral("Packet"));
    QCOMPARE(names[1], QStringLiteral("IPv4"));
    QCOMPARE(names[2], QStringLiteral("UDP"));
    QCOMPARE(tree.topLevelItem(0)->child(0)->text(1), QStringLiteral("7"));
    // A cut packet says what is missing.
    tree.showPacket({}, packet.left(24));
    QCOMPARE(tree.layerNames().constLast(), QStringLiteral("Problem"));
}

void tst_Widgets::headerTreeChoosesTheBytesOfAHeader()
{
    HeaderTree tree;
    QSignalSpy ranges(&tree, &HeaderTree::byteRangeChosen);
    const QByteArray packet = PacketBuilder::ipv4("10.0.0.1", "10.0.0.2", PacketBuilder::Udp,
                                                  PacketBuilder::udp(5353, 53, "query"));
    tree.showPacket({}, packet);
    tree.setCurrentItem(tree.topLevelItem(2)); // UDP
    QCOMPARE(ranges.constLast().at(0).toInt(), 20);
    QCOMPARE(ranges.constLast().at(1).toInt(), 8);
    tree.setCurrentItem(tree.topLevelItem(1)->child(0)); // a field of IPv4: the whole header
    QCOMPARE(ranges.constLast().at(0).toInt(), 0);
    QCOMPARE(ranges.constLast().at(1).toInt(), 20);
}

void tst_Widgets::filterBarChecksAsTyped_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("sentence"); // a part of the status when not valid
    QTest::newRow("empty") << QString() << true << QString();
    QTest::newRow("port") << QStringLiteral("tcp port 443") << true << QString();
    QTest::newRow("ipv6") << QStringLiteral("ip6 and icmp6") << true << QString();
    QTest::newRow("unfinished") << QStringLiteral("tcp port") << false << QString();
    QTest::newRow("nonsense") << QStringLiteral("frobnicate") << false << QString();
    QTest::newRow("link header") << QStringLiteral("ether host 00:11:22:33:44:55") << false
                                 << QString();
    QTest::newRow("application and port")
        << QStringLiteral("app \"Web Content\" and tcp port 443") << true << QString();
    QTest::newRow("not a user") << QStringLiteral("not user root") << true << QString();
    QTest::newRow("application under or") << QStringLiteral("app curl or udp") << false
                                          << QStringLiteral("“app” cannot be combined with “or”");
    QTest::newRow("user in parentheses")
        << QStringLiteral("udp and (user 0)") << false
        << QStringLiteral("“user” cannot stand inside parentheses");
}

void tst_Widgets::filterBarChecksAsTyped()
{
    QFETCH(QString, expression);
    QFETCH(bool, valid);
    QFETCH(QString, sentence);
    FilterBar bar;
    QSignalSpy requested(&bar, &FilterBar::filterRequested);
    bar.setCounts(10, 10, false);
    QTest::keyClicks(bar.lineEdit(), expression);
    if (valid) {
        QVERIFY2(!bar.statusText().contains(QStringLiteral("error"), Qt::CaseInsensitive),
                 qPrintable(bar.statusText()));
        QCOMPARE(bar.statusText(), QStringLiteral("10 packets"));
    } else {
        QVERIFY(bar.statusText() != QStringLiteral("10 packets")); // libpcap's message
        QVERIFY(!bar.statusText().isEmpty());
        QVERIFY2(bar.statusText().contains(sentence), qPrintable(bar.statusText()));
        QTest::keyClick(bar.lineEdit(), Qt::Key_Return);
        QCOMPARE(requested.size(), 0); // nothing changes on an error
    }
}

void tst_Widgets::filterBarAppliesAfterAPause()
{
    FilterBar bar;
    QSignalSpy requested(&bar, &FilterBar::filterRequested);
    QTest::keyClicks(bar.lineEdit(), QStringLiteral("udp"));
    QCOMPARE(requested.size(), 0); // not while typing
    QTRY_COMPARE(requested.size(), 1);
    QCOMPARE(requested.constFirst().constFirst().toString(), QStringLiteral("udp"));
    QTest::keyClicks(bar.lineEdit(), QStringLiteral(" and port"));
    QTest::keyClick(bar.lineEdit(), Qt::Key_Return); // invalid: nothing applied
    QTest::qWait(FilterBar::TypingPauseMs * 2);
    QCOMPARE(requested.size(), 1);
    QTest::keyClicks(bar.lineEdit(), QStringLiteral(" 53"));
    QTest::keyClick(bar.lineEdit(), Qt::Key_Return); // at once
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.constLast().constFirst().toString(), QStringLiteral("udp and port 53"));
    bar.setCounts(3, 1200, true);
    QCOMPARE(bar.statusText(), QStringLiteral("3 of 1,200 shown"));
}

void tst_Widgets::ruleDialogAcceptsOnlyValidExpressions()
{
    RuleDialog dialog(RuleDialog::Purpose::Add);
    QSignalSpy previews(&dialog, &RuleDialog::ruleChanged);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    RuleInfo rule;
    rule.expression = QStringLiteral("udp and dst port 53");
    rule.direction = RuleDirection::Out;
    dialog.setRule(rule);
    QVERIFY(ok->isEnabled());
    const auto previewed = [&] { return previews.constLast().constFirst().value<RuleInfo>(); };
    QCOMPARE(previewed().expression, rule.expression);
    QCOMPARE(previewed().direction, RuleDirection::Out);
    // The preview follows the direction and the interface, not only the expression.
    auto *direction = dialog.findChild<QComboBox *>(QStringLiteral("ruleDirection"));
    direction->setCurrentIndex(direction->findData(QStringLiteral("in")));
    QCOMPARE(previewed().direction, RuleDirection::In);
    dialog.findChild<QComboBox *>(QStringLiteral("ruleInterface"))
        ->setEditText(QStringLiteral("eth7"));
    QCOMPARE(previewed().interface, QStringLiteral("eth7"));
    QCOMPARE(previewed().expression, rule.expression);
    direction->setCurrentIndex(direction->findData(QStringLiteral("out")));
    dialog.findChild<QComboBox *>(QStringLiteral("ruleInterface"))->setCurrentIndex(0);
    QCOMPARE(previewed().interface, QString());
    const qsizetype emitted = previews.size();
    dialog.expressionEdit()->setText(QStringLiteral("udp and dst port"));
    QVERIFY(!ok->isEnabled());
    QCOMPARE(previews.size(), emitted); // nothing to preview
    dialog.expressionEdit()->setText(QStringLiteral("host 10.0.0.5"));
    QVERIFY(ok->isEnabled());
    const RuleInfo result = dialog.rule();
    QCOMPARE(result.expression, QStringLiteral("host 10.0.0.5"));
    QCOMPARE(result.direction, RuleDirection::Out);
    QCOMPARE(result.action, RuleAction::Drop);
    QCOMPARE(result.interface, QString());

    // Program, user and unit: each checked as the helper would, each in the preview.
    auto *program = dialog.findChild<QLineEdit *>(QStringLiteral("ruleProgram"));
    auto *user = dialog.findChild<QLineEdit *>(QStringLiteral("ruleUser"));
    auto *unit = dialog.findChild<QLineEdit *>(QStringLiteral("ruleUnit"));
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("ruleMessage"));
    program->setText(QStringLiteral("curl"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(message->text().startsWith(QStringLiteral("Program: ")), qPrintable(message->text()));
    program->setText(QStringLiteral("/usr/bin/curl"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(previewed().program, QStringLiteral("/usr/bin/curl"));
    user->setText(QStringLiteral("nfqmon-no-such-user"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(message->text().contains(QStringLiteral("no user is called nfqmon-no-such-user")),
             qPrintable(message->text()));
    user->setText(QStringLiteral("root"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(previewed().user, std::optional<quint32>(0));
    user->setText(QStringLiteral("65534"));
    QCOMPARE(previewed().user, std::optional<quint32>(65534));
    unit->setText(QStringLiteral("user.slice"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(message->text().startsWith(QStringLiteral("Systemd unit: ")),
             qPrintable(message->text()));
    unit->setText(QStringLiteral("app-flatpak-*.scope"));
    QVERIFY(ok->isEnabled());
    const RuleInfo limited = dialog.rule();
    QCOMPARE(limited.program, QStringLiteral("/usr/bin/curl"));
    QCOMPARE(limited.user, std::optional<quint32>(65534));
    QCOMPARE(limited.unit, QStringLiteral("app-flatpak-*.scope"));
    // The host: a name or "*." and a domain, kept as the helper keeps it.
    auto *host = dialog.findChild<QLineEdit *>(QStringLiteral("ruleHost"));
    host->setText(QStringLiteral("a..example.org"));
    QVERIFY(!ok->isEnabled());
    QCOMPARE(message->text(),
             QStringLiteral("Host: host name \"a..example.org\" has an empty label"));
    host->setText(QStringLiteral("10.0.0.5"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(message->text().startsWith(QStringLiteral("Host: ")), qPrintable(message->text()));
    host->setText(QStringLiteral("*.Example.ORG."));
    QVERIFY(ok->isEnabled());
    QCOMPARE(previewed().host, QStringLiteral("*.example.org"));
    QCOMPARE(dialog.rule().host, QStringLiteral("*.example.org"));
    host->clear();
    QCOMPARE(dialog.rule().host, QString());
    host->setText(QStringLiteral("ads.example.org"));
    const RuleInfo withHost = dialog.rule();
    // An existing rule's limits fill the form; clearing a field lifts the limit.
    RuleDialog edit(RuleDialog::Purpose::Edit);
    edit.setRule(limited);
    QCOMPARE(edit.rule().program, limited.program);
    QCOMPARE(edit.rule().user, limited.user);
    QCOMPARE(edit.rule().unit, limited.unit);
    edit.setRule(withHost);
    QCOMPARE(edit.findChild<QLineEdit *>(QStringLiteral("ruleHost"))->text(),
             QStringLiteral("ads.example.org"));
    QCOMPARE(edit.rule().host, QStringLiteral("ads.example.org"));
    edit.findChild<QLineEdit *>(QStringLiteral("ruleUser"))->clear();
    QCOMPARE(edit.rule().user, std::nullopt);
}

void tst_Widgets::rateChartBrushingSelectsATimeRange()
{
    RateChart chart;
    chart.resize(600, 260);
    const qint64 start = 1'700'000'000LL * 1'000'000'000LL;
    QList<RatePoint> points;
    for (int s = 0; s < 60; ++s)
        points.append({start + s * 1'000'000'000LL, quint64(10 + s), quint64(s % 7), 1000, 100});
    chart.setPoints(points);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QSignalSpy selected(&chart, &RateChart::timeRangeSelected);
    QSignalSpy cleared(&chart, &RateChart::timeRangeCleared);
    const QRectF plot = chart.chart()->plotArea();
    const QPoint from =
        chart.mapFromScene(QPointF(plot.left() + plot.width() / 4, plot.center().y()));
    const QPoint to =
        chart.mapFromScene(QPointF(plot.left() + plot.width() / 2, plot.center().y()));
    QTest::mousePress(chart.viewport(), Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, to, chart.viewport()->mapToGlobal(to), Qt::LeftButton,
                     Qt::LeftButton, {});
    QApplication::sendEvent(chart.viewport(), &move);
    QTest::mouseRelease(chart.viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(selected.size(), 1);
    const qint64 fromNs = selected.constFirst().at(0).toLongLong();
    const qint64 toNs = selected.constFirst().at(1).toLongLong();
    // A quarter to a half of one minute: about 15 s to 30 s after the start.
    QVERIFY2(qAbs(fromNs - (start + 15'000'000'000LL)) < 2'000'000'000LL,
             qPrintable(QString::number(fromNs - start)));
    QVERIFY2(qAbs(toNs - (start + 30'000'000'000LL)) < 2'000'000'000LL,
             qPrintable(QString::number(toNs - start)));
    QVERIFY(chart.selection().has_value());
    QTest::mouseClick(chart.viewport(), Qt::LeftButton, {}, from); // a click clears
    QCOMPARE(cleared.size(), 1);
    QVERIFY(!chart.selection().has_value());
}

// With an inspection depth the kernel's share is stacked on top, in the legend only then.
void tst_Widgets::rateChartShowsWhatTheKernelDecided()
{
    RateChart chart;
    const qint64 start = 1'700'000'000LL * 1'000'000'000LL;
    QList<RatePoint> points;
    for (int s = 0; s < 10; ++s)
        points.append({start + s * 1'000'000'000LL, 10, 0, 1000, 0});
    chart.setPoints(points);
    QVERIFY(!chart.showsDecided());
    points[5].decidedPackets = 990;
    points[5].decidedBytes = 99000;
    chart.setPoints(points);
    QVERIFY(chart.showsDecided());
    // The scale takes the kernel's packets in: 1,000 in that second.
    const auto *axis = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Vertical).first());
    QVERIFY(axis);
    QVERIFY2(axis->max() >= 1000, qPrintable(QString::number(axis->max())));
    QStringList names;
    for (QAbstractSeries *series : chart.chart()->series())
        if (series->isVisible())
            names.append(series->name());
    QCOMPARE(names, (QStringList{"accepted", "dropped", "decided in the kernel"}));
}

void tst_Widgets::topChartShowsTheLargestFirst()
{
    TopChart chart(QStringLiteral("Top"), QStringLiteral("packets"));
    QList<ChartEntry> entries;
    for (int i = 0; i < 20; ++i)
        entries.append({QStringLiteral("10.0.0.%1").arg(i), quint64(i * 3 % 20)});
    chart.setEntries(entries);
    const QStringList labels = chart.labels();
    QCOMPARE(labels.size(), TopChart::MaximumBars);
    QCOMPARE(labels.constFirst(), QStringLiteral("10.0.0.13")); // 39 % 20 = 19, the largest
}

void tst_Widgets::topChartsSayHowExactTheyAre()
{
    // The tooltip states the heavy-hitter summary's error bound once there is one.
    ChartsPanel panel;
    const QList<ChartEntry> entries{{QStringLiteral("10.0.0.1"), 5000}};
    panel.setTalkers(entries, 0, 4096);
    panel.setPorts(entries, 0, 4096);
    QVERIFY2(panel.talkersChart()->toolTip().startsWith("Exact counts"),
             qPrintable(panel.talkersChart()->toolTip()));
    QVERIFY(panel.portsChart()->toolTip().startsWith("Exact counts"));
    panel.setTalkers(entries, 1234567, 4096);
    panel.setPorts(entries, 89, 4096);
    const QString talkers = panel.talkersChart()->toolTip();
    QVERIFY2(talkers.contains(QLocale().toString(1234567) + " packets, never too low") &&
                 talkers.contains(QLocale().toString(4096) + " counters"),
             qPrintable(talkers));
    QVERIFY2(panel.portsChart()->toolTip().contains("more than 89 packets"),
             qPrintable(panel.portsChart()->toolTip()));
    panel.setApplications(entries, 0, 4096);
    QVERIFY2(panel.applicationsChart()->toolTip().contains("\nExact counts"),
             qPrintable(panel.applicationsChart()->toolTip()));
    panel.setApplications(entries, 77, 4096);
    QVERIFY2(panel.applicationsChart()->toolTip().contains("too high by up to 77 packets"),
             qPrintable(panel.applicationsChart()->toolTip()));
    panel.setHosts(entries, 0, 4096);
    QVERIFY2(panel.hostsChart()->toolTip().contains("\nExact counts"),
             qPrintable(panel.hostsChart()->toolTip()));
    panel.setHosts(entries, 55, 4096);
    QVERIFY2(panel.hostsChart()->toolTip().contains("too high by up to 55 packets"),
             qPrintable(panel.hostsChart()->toolTip()));
}

// The Top hosts tab labels its bars as the table's Host column (one name learned two ways is one
// bar) and leaves out the packets without a learned name.
void tst_Widgets::hostsChartNamesHostsAsTheTableDoes()
{
    using namespace PacketBuilder;
    const qint64 t0 = 1'700'000'000'000'000'000;
    QList<TestPacket> packets;
    const auto add = [&](int count, quint64 id, const char *name, HostSource source) {
        for (int i = 0; i < count; ++i) {
            TestPacket p =
                testPacket(ipv4("10.0.0.1", "10.0.0.9", Udp, udp(5000, 443, "q")),
                           t0 + packets.size() * 1'000'000, Verdict::Accept, -1, Hook::Output);
            if (name)
                p = withHost(p, id, QString::fromLatin1(name), source);
            packets.append(p);
        }
    };
    add(2, 1, "video.example.org", HostSource::Quic);
    add(3, 2, "video.example.org", HostSource::Dns); // the same name: one bar
    add(4, 3, "mail.example.net", HostSource::Tls);
    add(7, 0, nullptr, HostSource::None); // no name: not counted

    Session session(QDBusConnection(QStringLiteral("no bus")));
    ChartsPanel panel;
    auto *feeder = new ChartFeeder(&session, &panel);
    auto *tabs = panel.findChild<QTabWidget *>();
    QCOMPARE(tabs->tabText(tabs->indexOf(panel.hostsChart())), QStringLiteral("Top hosts"));
    tabs->setCurrentWidget(panel.hostsChart());
    appendInBatches(*session.store(), packets);
    feeder->update();
    const QStringList labels = panel.hostsChart()->labels();
    QCOMPARE(labels, (QStringList{"video.example.org", "mail.example.net"}));

    PacketTableModel &model = *session.model();
    QTRY_COMPARE(model.rowCount(), packets.size());
    QSet<QString> column;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString text = model.index(row, PacketTableModel::Host).data().toString();
        if (!text.isEmpty())
            column.insert(text);
    }
    QCOMPARE(QSet<QString>(labels.begin(), labels.end()), column);

    session.store()->clear();
    feeder->update();
    QVERIFY(panel.hostsChart()->labels().isEmpty());
}

void tst_Widgets::applicationsChartNamesProgramsAsTheTableDoes()
{
    // Packets as the helper streams them, each program described before its first packet.
    using namespace PacketBuilder;
    const qint64 t0 = 1'700'000'000'000'000'000;
    QList<TestPacket> packets;
    const auto add = [&](int count, Origin origin, quint32 id, const char *executable) {
        for (int i = 0; i < count; ++i) {
            TestPacket p = testPacket(ipv4("10.0.0.1", "10.0.0.9", Udp, udp(5000, 53, "q")),
                                      t0 + packets.size() * 1'000'000);
            p.record.origin = origin;
            p.record.processId = id;
            if (origin == Origin::Process && i == 0 && executable) {
                p.process = ProcessInfo{};
                p.process->id = id;
                p.process->pid = 100 + id;
                p.process->executable = executable;
            }
            packets.append(p);
        }
    };
    add(3, Origin::Process, 1, "/usr/bin/curl");
    add(4, Origin::Process, 2, "/usr/bin/ssh");
    add(2, Origin::Process, 3, "/usr/local/bin/curl"); // another curl: one bar with the first
    add(2, Origin::Kernel, 0, nullptr);
    add(1, Origin::Process, 4, nullptr); // never described
    add(9, Origin::NoSocket, 0, nullptr);

    Session session(QDBusConnection(QStringLiteral("no bus")));
    ChartsPanel panel;
    auto *feeder = new ChartFeeder(&session, &panel);
    panel.findChild<QTabWidget *>()->setCurrentWidget(panel.applicationsChart());
    appendInBatches(*session.store(), packets);
    feeder->update();
    const QStringList labels = panel.applicationsChart()->labels();
    QCOMPARE(labels, (QStringList{"curl", "ssh", "(kernel)", "(unknown program)"}));

    // Every bar is a text of the table's Application column, and every such text is a bar.
    PacketTableModel &model = *session.model();
    QTRY_COMPARE(model.rowCount(), packets.size());
    QSet<QString> column;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString text =
            model.index(row, PacketTableModel::Application).data(Qt::DisplayRole).toString();
        if (!text.isEmpty())
            column.insert(text);
    }
    QCOMPARE(QSet<QString>(labels.begin(), labels.end()), column);

    // A new capture or file empties the chart, as it does the other top lists.
    session.store()->clear();
    feeder->update();
    QVERIFY(panel.applicationsChart()->labels().isEmpty());
}

void tst_Widgets::tableFollowsUntilTheUserScrollsUp()
{
    QStandardItemModel model(0, 3);
    PacketTableView view;
    view.setModel(&model);
    view.resize(500, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const auto addRows = [&model](int count) {
        for (int i = 0; i < count; ++i)
            model.appendRow({new QStandardItem(QString::number(model.rowCount() + 1)),
                             new QStandardItem(QStringLiteral("b")),
                             new QStandardItem(QStringLiteral("c"))});
    };
    QScrollBar *bar = view.verticalScrollBar();
    addRows(200);
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(view.isFollowing());
    // The user scrolls up: new rows arrive, the view stays where it is.
    bar->setValue(bar->maximum() / 2);
    QVERIFY(!view.isFollowing());
    const int kept = bar->value();
    addRows(100);
    QTest::qWait(50);
    QCOMPARE(bar->value(), kept);
    // Back at the bottom: follows again.
    bar->setValue(bar->maximum());
    QVERIFY(view.isFollowing());
    addRows(100);
    QTRY_COMPARE(bar->value(), bar->maximum());
}

// Dropped packets on light red, the rows a previewed rule would catch on yellow (also dropped
// ones), with dark text on both even when the theme's text is light; other rows as the theme has
// them.
void tst_Widgets::tableColoursDroppedAndPreviewedRows()
{
    using namespace PacketBuilder;
    PacketStore store;
    PacketTableModel model(&store);
    appendInBatches(
        store, {testPacket(ipv4("10.0.0.1", "10.0.0.2", Tcp, tcp(1, 80, TcpFlag::Syn)), 0),
                testPacket(ipv4("10.0.0.1", "10.0.0.2", Tcp, tcp(2, 80, TcpFlag::Syn)), 0,
                           Verdict::Drop, 4),
                testPacket(ipv4("10.0.0.1", "10.0.0.2", Udp, udp(3, 53)), 0),
                testPacket(ipv4("10.0.0.1", "10.0.0.2", Udp, udp(4, 53)), 0, Verdict::Drop, 4)});
    QTRY_COMPARE(model.rowCount(), 4);
    QVERIFY(model.setPreview(QStringLiteral("udp"), nullptr));
    PacketTableView view;
    QPalette dark = view.palette(); // a dark theme: light text on a dark base
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, Qt::white);
    view.setPalette(dark);
    view.setModel(&model);
    view.resize(1400, 200); // every column in sight
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage image = view.viewport()->grab().toImage();
    const qreal scale = image.devicePixelRatio();
    const auto pixel = [&](const QPoint &p) {
        return image.pixelColor((QPointF(p) * scale).toPoint());
    };
    // The User column is empty for these packets: all background.
    const auto background = [&](int row) {
        return pixel(view.visualRect(model.index(row, PacketTableModel::User)).center());
    };
    // The darkest and the lightest pixel of the row's number (text on background).
    const auto textRange = [&](int row) {
        const QRect cell = view.visualRect(model.index(row, PacketTableModel::Number));
        int darkest = 255;
        int lightest = 0;
        for (int y = cell.top() + 1; y < cell.bottom(); ++y) {
            for (int x = cell.left() + 1; x < cell.right(); ++x) {
                const int v = qGray(pixel({x, y}).rgb());
                darkest = std::min(darkest, v);
                lightest = std::max(lightest, v);
            }
        }
        return std::pair(darkest, lightest);
    };
    const QColor red(255, 214, 214);
    const QColor yellow(255, 234, 140);
    QCOMPARE(background(0), QColor(30, 30, 30));
    QCOMPARE(background(1), red);
    QCOMPARE(background(2), yellow);
    QCOMPARE(background(3), yellow);    // the preview is what the user looks at
    QVERIFY(textRange(0).second > 200); // the theme's light text
    for (int row = 1; row < 4; ++row)
        QVERIFY2(textRange(row).first < 60, qPrintable(QString::number(textRange(row).first)));
    // Without the preview the dropped one is red again, the other ordinary.
    model.clearPreview();
    const QImage after = view.viewport()->grab().toImage();
    const auto at = [&](int row) {
        const QPoint p = view.visualRect(model.index(row, PacketTableModel::User)).center();
        return after.pixelColor((QPointF(p) * scale).toPoint());
    };
    QCOMPARE(at(2), QColor(30, 30, 30));
    QCOMPARE(at(3), red);
}

void tst_Widgets::messageBarActionsAndDismiss()
{
    QWidget parent;
    auto *bar = new MessageBar(&parent);
    QVERIFY(bar->isHidden());
    QAction again(QStringLiteral("Start again"));
    QSignalSpy triggered(&again, &QAction::triggered);
    bar->showMessage(MessageBar::Kind::Error, QStringLiteral("The helper stopped."), {&again});
    QVERIFY(!bar->isHidden());
    QCOMPARE(bar->text(), QStringLiteral("The helper stopped."));
    auto *button = bar->findChild<QPushButton *>(QStringLiteral("messageButton"));
    QVERIFY(button);
    QCOMPARE(button->text(), QStringLiteral("Start again"));
    button->click();
    QCOMPARE(triggered.size(), 1);
    QVERIFY(bar->isHidden());
    QCOMPARE(bar->text(), QString());
}

void tst_Widgets::healthShowsEveryCounter()
{
    HealthWidget health;
    QCOMPARE(health.text(), QStringLiteral("● Not capturing"));
    CaptureHealth h;
    h.state = CaptureState::Running;
    h.interfaces = {QStringLiteral("eth0")};
    h.packetsPerSecond = 8210.4;
    h.droppedByRules = 412;
    h.lostToDisplay = 3;
    h.kernelDropped = 0;
    h.failOpen = true;
    health.setHealth(h);
    health.setRolledOff(1000); // the store's figure
    QCOMPARE(health.text(),
             QStringLiteral("● Capturing eth0 · 8,210 pkt/s · dropped by rules 412 · lost to "
                            "display 3 · kernel 0 · fail-open on · rolled off 1,000"));
    // Once the helper has read its rules' counters: what fail-open let pass, which the
    // kernel's queue counters leave at 0.
    h.passedUnseen = 5120;
    health.setHealth(h);
    QCOMPARE(health.text(),
             QStringLiteral("● Capturing eth0 · 8,210 pkt/s · dropped by rules 412 · lost to "
                            "display 3 · kernel 0 · passed unseen 5,120 · fail-open on · rolled "
                            "off 1,000"));
    // Attribution ran and lost nothing: not shown; it lost reports: shown.
    h.attributionLost = 0;
    health.setHealth(h);
    QVERIFY(!health.text().contains(QStringLiteral("program unknown")));
    h.attributionLost = 7;
    health.setHealth(h);
    QVERIFY2(health.text().contains(QStringLiteral("passed unseen 5,120 · program unknown 7 · "
                                                   "fail-open on")),
             qPrintable(health.text()));
    // With an inspection depth: what the kernel decided after it.
    h.decidedPassed = 90000;
    h.decidedDropped = 10;
    health.setHealth(h);
    QVERIFY2(health.text().contains(QStringLiteral("program unknown 7 · decided in the kernel "
                                                   "90,010 · fail-open on")),
             qPrintable(health.text()));
    h.state = CaptureState::Idle;
    health.setHealth(h);
    health.setOfflineFile(QStringLiteral("/tmp/x.pcap"));
    QVERIFY(health.text().startsWith(QStringLiteral("● Browsing x.pcap (offline)")));
}

// The tray's tooltip adds the busiest applications of the capture, as the table names them,
// a few and each kept short; no line before there are any.
void tst_Widgets::trayTooltipNamesTheBusiestApplications()
{
    QWidget window;
    QAction start, stop, quit;
    TrayIcon tray(&start, &stop, &quit, &window);
    QCOMPARE(tray.toolTip(), QStringLiteral("NFQueue Monitor\nNot capturing"));
    const auto count = [](const char *name, quint64 packets) {
        TrafficStatistics::Count c;
        c.name = QString::fromUtf8(name);
        c.packets = packets;
        return c;
    };
    tray.setBusiestApplications({count("Firefox ESR", 1200), count("curl", 40),
                                 count("An Application With A Very Long Name", 3),
                                 count("(kernel)", 2)});
    QCOMPARE(tray.toolTip(),
             QStringLiteral("NFQueue Monitor\nNot capturing\nBusiest: Firefox ESR (1,200), curl "
                            "(40), An Application With A V… (3)"));
    tray.setBusiestApplications({});
    QCOMPARE(tray.toolTip(), QStringLiteral("NFQueue Monitor\nNot capturing"));
}

// A desktop entry's Icon: a file by its absolute path, a theme icon by name; nothing where
// neither exists, so that the cell shows no empty icon.
void tst_Widgets::applicationIconsComeFromTheThemeOrAFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("app.png"));
    QImage image(16, 16, QImage::Format_ARGB32);
    image.fill(Qt::red);
    QVERIFY(image.save(file));
    const QVariant icon = ApplicationIcon::make(file);
    QVERIFY(icon.canConvert<QIcon>());
    QVERIFY(!icon.value<QIcon>().isNull());
    QVERIFY(!ApplicationIcon::make(dir.filePath(QStringLiteral("missing.png"))).isValid());
    QVERIFY(!ApplicationIcon::make(QStringLiteral("no-such-icon-in-any-theme")).isValid());

    // A theme's icon by its name.
    QDir(dir.path()).mkpath(QStringLiteral("icons/test/16x16/apps"));
    QFile index(dir.filePath(QStringLiteral("icons/test/index.theme")));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("[Icon Theme]\nName=Test\nDirectories=16x16/apps\n\n"
                "[16x16/apps]\nSize=16\nType=Fixed\n");
    index.close();
    QVERIFY(image.save(dir.filePath(QStringLiteral("icons/test/16x16/apps/test-app.png"))));
    const QStringList searchPaths = QIcon::themeSearchPaths();
    const QString theme = QIcon::themeName();
    QIcon::setThemeSearchPaths({dir.filePath(QStringLiteral("icons"))});
    QIcon::setThemeName(QStringLiteral("test"));
    const bool byName = !ApplicationIcon::make(QStringLiteral("test-app")).value<QIcon>().isNull();
    QIcon::setThemeSearchPaths(searchPaths);
    QIcon::setThemeName(theme);
    QVERIFY(byName);
}

QTEST_MAIN(tst_Widgets)
#include "tst_widgets.moc"
