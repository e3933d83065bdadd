// The shipped translations (translations/nfqmon_<lang>.ts, English aside, which is the template)
// are complete: every message of the current sources is there (lupdate run over the sources
// finds nothing new), finished, with the placeholders of its source and the plural forms its
// language needs. And the application follows the system locale: started with LANG set to a
// shipped language, the window's menus speak it; with a language nfqmon lacks, English with
// correct plurals.
#include "HealthWidget.h"
#include "MainWindow.h"
#include "Translations.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <cstdio>

using namespace nfqmon;

namespace {

const char LocaleChild[] = "--print-menus";

struct Message {
    QString context;
    QString source;
    bool numerus = false;
    QString type;             // of the translation: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or the plural forms
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

QStringList shippedLanguages()
{
    QStringList files;
    const QDir dir(QStringLiteral(NFQMON_SOURCE_DIR "/translations"));
    for (const QString &name : dir.entryList({QStringLiteral("nfqmon_*.ts")}, QDir::Files)) {
        if (name != QLatin1String("nfqmon_en.ts"))
            files.append(dir.filePath(name));
    }
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

// The sources whose tr() are translated (as ui/CMakeLists.txt gives them to lupdate).
QStringList translatedSources()
{
    QStringList sources;
    const QString root = QStringLiteral(NFQMON_SOURCE_DIR);
    for (const char *directory : {"ui", "app/client", "app/store"}) {
        QDirIterator it(root + QLatin1Char('/') + QLatin1String(directory),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files);
        while (it.hasNext())
            sources.append(it.next());
    }
    sources.append(root + QStringLiteral("/app/main.cpp"));
    return sources;
}

int printMenus(int argc, char *argv[])
{
    QApplication app(argc, argv);
    installTranslations();
    MainWindow window(QDBusConnection(QStringLiteral("no bus")));
    QStringList titles;
    for (QAction *menu : window.menuBar()->actions())
        titles.append(menu->text());
    std::printf(
        "%s\n%s\n%s\n", qPrintable(titles.join(u'|')),
        qPrintable(QCoreApplication::translate("nfqmon::FilterBar", "%Ln packet(s)", "", 1)),
        qPrintable(window.findChild<HealthWidget *>()->text()));
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

void tst_Translations::nothingMissingFromTheSources_data()
{
    everyMessageFinished_data();
}

void tst_Translations::nothingMissingFromTheSources()
{
    QFETCH(QString, path);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(path).fileName());
    QVERIFY(QFile::copy(path, copy));
    const QString lupdate =
        QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate, QStringList{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                                       QStringLiteral("none"), QStringLiteral("-silent")}
                               << translatedSources() << QStringLiteral("-ts") << copy);
    QVERIFY2(process.waitForFinished(60000) && process.exitCode() == 0,
             qPrintable(lupdate + QStringLiteral(": ") + process.errorString() +
                        QString::fromLocal8Bit(process.readAll())));
    QString language;
    QString error;
    QStringList missing;
    for (const Message &m : readTsWithPlurals(copy, &language, &error)) {
        if (!m.type.isEmpty())
            missing.append(m.context + QStringLiteral(" “") + m.source + QStringLiteral("”"));
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(
        missing.isEmpty(),
        qPrintable(QStringLiteral("not translated in %1 (run the update_translations target "
                                  "and translate):\n  %2")
                       .arg(QFileInfo(path).fileName(), missing.join(QStringLiteral("\n  ")))));
}

void tst_Translations::followsTheSystemLocale_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("menus");
    QTest::addColumn<QString>("onePacket");
    QTest::addColumn<QString>("status"); // the status bar
    QTest::newRow("German") << "de_DE.UTF-8"
                            << "&Datei|&Mitschnitt|&Ansicht|&Hilfe"
                            << "1 Paket"
                            << "● Kein Mitschnitt";
    QTest::newRow("French") << "fr_FR.UTF-8"
                            << "&Fichier|&Capture|&Affichage|Aid&e"
                            << "1 paquet"
                            << "● Pas de capture";
    QTest::newRow("Spanish: English") << "es_ES.UTF-8"
                                      << "&File|&Capture|&View|&Help"
                                      << "1 packet"
                                      << "● Not capturing";
    QTest::newRow("C: English") << "C"
                                << "&File|&Capture|&View|&Help"
                                << "1 packet"
                                << "● Not capturing";
}

void tst_Translations::followsTheSystemLocale()
{
    QFETCH(QString, lang);
    QFETCH(QString, menus);
    QFETCH(QString, onePacket);
    QFETCH(QString, status);
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
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], menus);
    QCOMPARE(lines[1], onePacket);
    QCOMPARE(lines[2].trimmed(), status);
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
