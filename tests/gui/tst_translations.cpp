// The shipped translations (translations/nfqmon_<lang>.ts, English aside, which is the template)
// are complete: every string marked for translation in a source of the window's targets (the
// list CMake derives from them, cmake/Translations.cmake) is in every .ts file, finished, with
// the placeholders of its source and the plural forms its language needs, and nothing else is.
// And the application follows the system locale: started with LANG set to a shipped language,
// the window's menus, status bar, decoded headers and Info column speak it; with a language
// nfqmon lacks, English with correct plurals.
#include "app/display/Translations.h"
#include "app/session/Session.h"
#include "app/store/PacketTableModel.h"
#include "helper/protocol/PcapWriter.h"
#include "tests/support/core/PacketBuilder.h"
#include "ui/HeaderTree.h"
#include "ui/HealthWidget.h"
#include "ui/MainWindow.h"
#include "ui/PacketTableView.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTreeWidgetItem>
#include <QXmlStreamReader>
#include <QtTest>

#include <cstdio>

using namespace nfqmon;

namespace {

const char LocaleChild[] = "--print-menus";

struct Message {
    QString context;
    QString source;
    QString comment; // lupdate's disambiguation: the same source, another meaning
    bool numerus = false;
    QString type;             // of the translation: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or the plural forms

    QString key() const { return context + u'\x1f' + source + u'\x1f' + comment; }
    QString describe() const
    {
        return context + QStringLiteral(" “") + source + QStringLiteral("”") +
               (comment.isEmpty() ? QString() : QStringLiteral(" (") + comment + u')');
    }
};

// Every message of a .ts file, with its translation or plural forms.
QList<Message> readTsWithPlurals(const QString &path, QString *language, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message") && inMessage) {
            messages.append(message);
            inMessage = false;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name") && !inMessage) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message();
            inMessage = true;
            message.context = context;
            message.numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus)
                message.translations = {xml.readElementText()};
        } else if (name == QLatin1String("numerusform")) {
            message.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error =
            QStringLiteral("%1: %2 at line %3").arg(path, xml.errorString()).arg(xml.lineNumber());
    return messages;
}

// Every .ts file: English (the template, which holds the English plural forms) too.
QStringList tsFiles()
{
    QStringList files;
    const QDir dir(QStringLiteral(NFQMON_SOURCE_DIR "/translations"));
    for (const QString &name : dir.entryList({QStringLiteral("nfqmon_*.ts")}, QDir::Files))
        files.append(dir.filePath(name));
    return files;
}

bool isEnglish(const QString &path)
{
    return QFileInfo(path).fileName() == QLatin1String("nfqmon_en.ts");
}

QStringList shippedLanguages()
{
    QStringList files = tsFiles();
    files.removeIf(isEnglish);
    return files;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(1));
    found.sort();
    return found;
}

// lupdate's input as CMake derived it from the window's targets: "-I<dir>" lines, then the
// source files, one a line (lupdate's @file syntax).
QStringList lupdateInput()
{
    QFile file(QStringLiteral(NFQMON_LUPDATE_LIST));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

QString relativeToSource(const QString &path)
{
    return QDir(QStringLiteral(NFQMON_SOURCE_DIR)).relativeFilePath(path);
}

// What the child prints of a packet browsed from a pcap file: an ICMP echo request.
void printDecodedPacket(Session &session, MainWindow &window)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("echo.pcap"));
    PcapWriter writer;
    QString error;
    const QByteArray packet = test::PacketBuilder::ipv4(
        "192.0.2.1", "192.0.2.2", test::PacketBuilder::Icmp,
        test::PacketBuilder::icmpEcho(false, 1, 1, QByteArrayLiteral("ping")));
    if (!writer.open(path, 65535, &error) ||
        !writer.write(1'700'000'000'000'000'000LL,
                      reinterpret_cast<const std::uint8_t *>(packet.constData()),
                      std::uint32_t(packet.size()), std::uint32_t(packet.size())) ||
        !writer.close() || !window.openFile(path) ||
        !QTest::qWaitFor([&] { return session.model()->rowCount() == 1; }, 10000)) {
        std::printf("cannot browse %s: %s\n", qUtf8Printable(path), qUtf8Printable(error));
        return;
    }
    window.findChild<PacketTableView *>()->selectRow(0);
    const auto *tree = window.findChild<HeaderTree *>();
    QStringList names;
    QString type;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *layer = tree->topLevelItem(i);
        if (layer->text(0) != QLatin1String("ICMP"))
            continue;
        for (int j = 0; j < layer->childCount(); ++j)
            names.append(layer->child(j)->text(0));
        type = layer->childCount() > 0 ? layer->child(0)->text(1) : QString();
    }
    const QModelIndex info = session.model()->index(0, PacketTableModel::Info);
    std::printf("%s\n%s\n%s\n", qUtf8Printable(names.join(u'|')), qUtf8Printable(type),
                qUtf8Printable(info.data().toString()));
}

int printMenus(int argc, char *argv[])
{
    QApplication app(argc, argv);
    installTranslations();
    Session session(QDBusConnection(QStringLiteral("no bus")));
    MainWindow window(&session);
    QStringList titles;
    for (QAction *menu : window.menuBar()->actions())
        titles.append(menu->text());
    std::printf(
        "%s\n%s\n%s\n", qUtf8Printable(titles.join(u'|')),
        qUtf8Printable(QCoreApplication::translate("nfqmon::FilterBar", "%Ln packet(s)", "", 1)),
        qUtf8Printable(window.findChild<HealthWidget *>()->text()));
    printDecodedPacket(session, window);
    return 0;
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private slots:
    void shippedLanguagesExist();
    void everyMessageFinished_data();
    void everyMessageFinished();
    void sourcesAreTheWindows();
    void nothingMissingFromTheSources_data();
    void nothingMissingFromTheSources();
    void followsTheSystemLocale_data();
    void followsTheSystemLocale();
};

void tst_Translations::shippedLanguagesExist()
{
    QStringList languages;
    for (const QString &path : shippedLanguages())
        languages.append(QFileInfo(path).completeBaseName());
    QVERIFY2(languages.contains(QStringLiteral("nfqmon_de")), qPrintable(languages.join(u' ')));
    QVERIFY2(languages.contains(QStringLiteral("nfqmon_fr")), qPrintable(languages.join(u' ')));
}

void tst_Translations::everyMessageFinished_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : shippedLanguages())
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void tst_Translations::everyMessageFinished()
{
    QFETCH(QString, path);
    QString language;
    QString error;
    const QList<Message> messages = readTsWithPlurals(path, &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    // Both shipped languages have two plural forms (Qt: one, other; French counts 0 as one).
    const int forms = 2;
    QStringList problems;
    for (const Message &m : messages) {
        const QString where = m.context + QStringLiteral(" “") + m.source + QStringLiteral("”: ");
        if (!m.type.isEmpty())
            problems.append(where + m.type);
        else if (m.translations.isEmpty() ||
                 std::any_of(m.translations.cbegin(), m.translations.cend(),
                             [](const QString &t) { return t.trimmed().isEmpty(); }))
            problems.append(where + QStringLiteral("empty"));
        else if (m.numerus && m.translations.size() != forms)
            problems.append(where + QStringLiteral("%1 plural forms").arg(m.translations.size()));
        for (const QString &translation : m.translations) {
            // A plural form may leave out %n ("one packet"), nothing else.
            QStringList wanted = placeholders(m.source);
            QStringList got = placeholders(translation);
            if (m.numerus) {
                wanted.removeAll(QStringLiteral("n"));
                got.removeAll(QStringLiteral("n"));
            }
            if (wanted != got)
                problems.append(
                    where +
                    QStringLiteral("placeholders %1 in “%2”").arg(got.join(u','), translation));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(language + QStringLiteral(":\n  ") +
                                            problems.join(QStringLiteral("\n  "))));
}

// lupdate reads what CMake derived from the window's targets: the widgets, the client and
// store, the packet's display text (app/display) and main(); not the root helper's engine and
// service, whose messages stay English.
void tst_Translations::sourcesAreTheWindows()
{
    const QStringList input = lupdateInput();
    QStringList sources;
    for (const QString &line : input) {
        if (line.startsWith(QLatin1String("-I")))
            continue;
        QVERIFY2(QFileInfo::exists(line), qPrintable(line));
        sources.append(relativeToSource(line));
    }
    for (const char *file :
         {"ui/MainWindow.cpp", "ui/HeaderTree.cpp", "app/session/Session.cpp",
          "app/client/HelperError.cpp", "app/store/PacketTableModel.cpp",
          "app/display/PacketDescription.cpp", "app/display/SummaryText.cpp", "app/main.cpp"})
        QVERIFY2(sources.contains(QLatin1String(file)),
                 qPrintable(QStringLiteral("%1 is not in %2").arg(file, NFQMON_LUPDATE_LIST)));
    for (const QString &source : sources) {
        QVERIFY2(!source.startsWith(QLatin1String("helper/engine/")) &&
                     !source.startsWith(QLatin1String("helper/service/")) &&
                     source != QLatin1String("helper/main.cpp"),
                 qPrintable(source));
    }
}

void tst_Translations::nothingMissingFromTheSources_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : tsFiles())
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

// lupdate over the window's sources into a copy of the .ts file must find exactly the messages
// the file holds, each finished (English: each plural message; its other messages are the
// sources themselves).
void tst_Translations::nothingMissingFromTheSources()
{
    QFETCH(QString, path);
    const QStringList input = lupdateInput();
    QVERIFY2(!input.isEmpty(), NFQMON_LUPDATE_LIST " is missing: re-run cmake");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(path).fileName());
    QVERIFY(QFile::copy(path, copy));
    QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner));
    const QString lupdate =
        QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate, {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                            QStringLiteral("none"), QStringLiteral("-silent"),
                            QStringLiteral("@" NFQMON_LUPDATE_LIST), QStringLiteral("-ts"), copy});
    QVERIFY2(process.waitForFinished(60000) && process.exitCode() == 0,
             qPrintable(lupdate + QStringLiteral(": ") + process.errorString() +
                        QString::fromLocal8Bit(process.readAll())));

    QString language;
    QString error;
    const QList<Message> committed = readTsWithPlurals(path, &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<Message> current = readTsWithPlurals(copy, &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(current.size() > 100);

    QSet<QString> inFile;
    for (const Message &m : committed)
        inFile.insert(m.key());
    QSet<QString> inSources;
    QStringList problems;
    for (const Message &m : current) {
        inSources.insert(m.key());
        if (!inFile.contains(m.key()))
            problems.append(QStringLiteral("missing: ") + m.describe());
        else if (!m.type.isEmpty() && (!isEnglish(path) || m.numerus))
            problems.append(QStringLiteral("not translated: ") + m.describe());
    }
    for (const Message &m : committed) {
        if (!inSources.contains(m.key()))
            problems.append(QStringLiteral("no longer in the sources: ") + m.describe());
    }
    // One line each (a QVERIFY2 message is cut after 1,000 characters or so).
    for (const QString &problem : std::as_const(problems))
        qInfo().noquote() << QFileInfo(path).fileName() + QStringLiteral(": ") + problem;
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 does not match the sources in %2 place(s), listed "
                                       "above; run `cmake --build build --target "
                                       "update_translations`, then translate the new entries")
                            .arg(QFileInfo(path).fileName())
                            .arg(problems.size())));
}

void tst_Translations::followsTheSystemLocale_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("menus");
    QTest::addColumn<QString>("onePacket");
    QTest::addColumn<QString>("status");     // the status bar
    QTest::addColumn<QString>("icmpFields"); // the header tree of an ICMP echo request
    QTest::addColumn<QString>("icmpType");
    QTest::addColumn<QString>("info"); // the table's Info column
    const QString english = QStringLiteral("Type|Code|Checksum|Identifier|Sequence number");
    QTest::newRow("German") << "de_DE.UTF-8"
                            << "&Datei|&Mitschnitt|&Ansicht|&Hilfe"
                            << "1 Paket"
                            << "● Kein Mitschnitt"
                            << "Typ|Code|Prüfsumme|Kennung|Sequenznummer"
                            << "8 (Echo-Anfrage)"
                            << "192.0.2.1 → 192.0.2.2 ICMP Echo-Anfrage";
    QTest::newRow("French") << "fr_FR.UTF-8"
                            << "&Fichier|&Capture|&Affichage|Aid&e"
                            << "1 paquet"
                            << "● Pas de capture"
                            << "Type|Code|Somme de contrôle|Identifiant|Numéro de séquence"
                            << "8 (demande d’écho)"
                            << "192.0.2.1 → 192.0.2.2 ICMP demande d’écho";
    QTest::newRow("Spanish: English") << "es_ES.UTF-8"
                                      << "&File|&Capture|&View|&Help"
                                      << "1 packet"
                                      << "● Not capturing" << english << "8 (echo request)"
                                      << "192.0.2.1 → 192.0.2.2 ICMP echo request";
    QTest::newRow("C: English") << "C"
                                << "&File|&Capture|&View|&Help"
                                << "1 packet"
                                << "● Not capturing" << english << "8 (echo request)"
                                << "192.0.2.1 → 192.0.2.2 ICMP echo request";
}

void tst_Translations::followsTheSystemLocale()
{
    QFETCH(QString, lang);
    QFETCH(QString, menus);
    QFETCH(QString, onePacket);
    QFETCH(QString, status);
    QFETCH(QString, icmpFields);
    QFETCH(QString, icmpType);
    QFETCH(QString, info);
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LC_ALL"));
    environment.remove(QStringLiteral("LC_MESSAGES"));
    environment.remove(QStringLiteral("LANGUAGE"));
    environment.insert(QStringLiteral("LANG"), lang);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {QLatin1String(LocaleChild)});
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitCode(), 0);
    const QStringList lines =
        QString::fromUtf8(child.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);
    QCOMPARE(lines[0], menus);
    QCOMPARE(lines[1], onePacket);
    QCOMPARE(lines[2].trimmed(), status);
    QCOMPARE(lines[3], icmpFields);
    QCOMPARE(lines[4], icmpType);
    QCOMPARE(lines[5], info);
}

int main(int argc, char *argv[])
{
    if (argc > 1 && qstrcmp(argv[1], LocaleChild) == 0)
        return printMenus(argc, argv);
    QApplication app(argc, argv);
    tst_Translations test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
