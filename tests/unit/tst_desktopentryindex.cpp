// DesktopEntryIndex and DesktopEntryReader: which desktop entry names a process, read from
// desktop files this test writes into a temporary $XDG_DATA_HOME and $XDG_DATA_DIRS (with the
// programs they start): Exec with arguments and field codes, TryExec, an `env` prefix, a bare
// name found on PATH through a link, a Flatpak's id, a Snap, localized names, NoDisplay entries,
// an entry of the user's hiding the system's, a malformed file, and processes no entry names.
#include "app/store/DesktopEntryIndex.h"
#include "app/store/DesktopEntryReader.h"
#include "tests/support/core/DesktopFileTree.h"

#include <QFileInfo>
#include <QTest>

#include <memory>

using namespace nfqmon;
using namespace nfqmon::test;

class tst_DesktopEntryIndex : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void execNamesItsProgram_data();
    void execNamesItsProgram();
    void processesAreNamedByTheirEntry_data();
    void processesAreNamedByTheirEntry();
    void malformedFilesAreSkipped_data();
    void malformedFilesAreSkipped();
    void languageKeysPreferTheCountry();
    void searchPathIsTheUsersThenTheSystems();

private:
    std::unique_ptr<DesktopFileTree> m_tree;
};

void tst_DesktopEntryIndex::initTestCase()
{
    m_tree = std::make_unique<DesktopFileTree>();
    QVERIFY(m_tree->isValid());
    m_tree->useAsSearchPath();
    DesktopFileTree &t = *m_tree;
    const QString home = t.homeApplications();
    const QString system = t.systemApplications();

    // Exec with a quoted absolute path, arguments and a field code.
    t.writeProgram(QStringLiteral("opt/mail suite/mailer"));
    t.writeEntry(system, QStringLiteral("mail.desktop"),
                 "[Desktop Entry]\nType=Application\nName=Mail\nIcon=mail-client\n"
                 "Exec=\"{{root}}/opt/mail suite/mailer\" --compose %U\n");
    // env with settings before a bare name on PATH.
    t.writeProgram(QStringLiteral("bin/editor"));
    t.writeEntry(system, QStringLiteral("editor.desktop"),
                 "[Desktop Entry]\nType=Application\nName=Editor\n"
                 "Exec=env GDK_BACKEND=x11 LANG=C editor %F\n");
    // A bare name on PATH that is a link to the real binary, with localized names.
    t.writeProgram(QStringLiteral("lib/firefox-esr/firefox-esr"));
    t.writeLink(QStringLiteral("bin/firefox"),
                t.path(QStringLiteral("lib/firefox-esr/firefox-esr")));
    t.writeEntry(system, QStringLiteral("firefox-esr.desktop"),
                 "[Desktop Entry]\n# a comment\nVersion=1.0\nType=Application\nName=Firefox ESR\n"
                 "Name[de]=Firefox ESR (de)\nName[fr_CA]=Firefox ESR (fr_CA)\n"
                 "Icon={{root}}/firefox.png\nExec=firefox %u\n\n"
                 "[Desktop Action new-window]\nName=New Window\nExec=/bin/false\n");
    // TryExec names the binary, Exec a wrapper.
    t.writeProgram(QStringLiteral("bin/chat-bin"));
    t.writeProgram(QStringLiteral("bin/chat-wrapper"));
    t.writeEntry(system, QStringLiteral("chat.desktop"),
                 "[Desktop Entry]\nType=Application\nName=Chat\nTryExec=chat-bin\n"
                 "Exec=chat-wrapper --start\n");
    // A Flatpak, found by its id; its Exec is flatpak itself, which names no one.
    t.writeEntry(system, QStringLiteral("org.example.Game.desktop"),
                 "[Desktop Entry]\nType=Application\nName=Game\nX-Flatpak=org.example.Game\n"
                 "Exec={{root}}/bin/flatpak run org.example.Game\n");
    t.writeProgram(QStringLiteral("bin/flatpak"));
    // A Snap, found by its name.
    t.writeEntry(system, QStringLiteral("spotify_spotify.desktop"),
                 "[Desktop Entry]\nType=Application\nName=Spotify\nX-SnapInstanceName=spotify\n"
                 "Exec=env BAMF_DESKTOP_FILE_HINT=x {{root}}/bin/snap-launcher spotify %U\n");
    t.writeProgram(QStringLiteral("bin/snap-launcher"));
    // Two entries of one program: the shown one wins over the NoDisplay one, whatever the ids.
    t.writeProgram(QStringLiteral("bin/tool"));
    t.writeEntry(system, QStringLiteral("a-tool-helper.desktop"),
                 "[Desktop Entry]\nType=Application\nName=Tool Helper\nNoDisplay=true\n"
                 "Exec=tool\n");
    t.writeEntry(system, QStringLiteral("tool.desktop"),
                 "[Desktop Entry]\nType=Application\nName=Tool\nExec=tool --window\n");
    // Only a NoDisplay entry: it still names its program.
    t.writeProgram(QStringLiteral("bin/interpreter"));
    t.writeEntry(system, QStringLiteral("interpreter.desktop"),
                 "[Desktop Entry]\nType=Application\nName=Interpreter\nNoDisplay=true\n"
                 "Exec={{root}}/bin/interpreter\n");
    // The user's entry of an id hides the system's.
    t.writeProgram(QStringLiteral("bin/viewer"));
    t.writeEntry(system, QStringLiteral("viewer.desktop"),
                 "[Desktop Entry]\nType=Application\nName=Viewer\nExec=viewer %f\n");
    t.writeEntry(home, QStringLiteral("viewer.desktop"),
                 "[Desktop Entry]\nType=Application\nName=My Viewer\nExec=viewer %f\n");
    // An entry in a subfolder: its id has the folder in it.
    t.writeProgram(QStringLiteral("bin/konsole"));
    t.writeEntry(system + QStringLiteral("/kde"), QStringLiteral("konsole.desktop"),
                 "[Desktop Entry]\nType=Application\nName=Konsole\nExec=konsole\n");
    // Malformed: a line that is neither key nor group. Its program stays unnamed.
    t.writeProgram(QStringLiteral("bin/broken"));
    t.writeEntry(system, QStringLiteral("broken.desktop"),
                 "[Desktop Entry]\nType=Application\nName=Broken\nExec=broken\nnot a key\n");
    // Not an application.
    t.writeProgram(QStringLiteral("bin/linked"));
    t.writeEntry(system, QStringLiteral("linked.desktop"),
                 "[Desktop Entry]\nType=Link\nName=Linked\nExec=linked\nURL=https://example.org\n");
    t.writeProgram(QStringLiteral("bin/nameless"));
}

void tst_DesktopEntryIndex::execNamesItsProgram_data()
{
    QTest::addColumn<QString>("exec");
    QTest::addColumn<QString>("program");
    QTest::addColumn<bool>("plain");

    QTest::newRow("a bare name") << "gimp"
                                 << "gimp" << true;
    QTest::newRow("field codes only") << "gimp-2.10 %U %i"
                                      << "gimp-2.10" << true;
    QTest::newRow("arguments") << "/usr/bin/soffice --writer %U"
                               << "/usr/bin/soffice" << false;
    QTest::newRow("a quoted path with a space") << "\"/opt/my app/run\" %u"
                                                << "/opt/my app/run" << true;
    QTest::newRow("escapes in quotes") << "\"/opt/a\\\"b\" x"
                                       << "/opt/a\"b" << false;
    QTest::newRow("env and settings") << "env A=1 B=x=y prog %f"
                                      << "prog" << true;
    QTest::newRow("env by path, -u with its name") << "/usr/bin/env -u DISPLAY A=1 prog --flag"
                                                   << "prog" << false;
    QTest::newRow("env and nothing else") << "env A=1"
                                          << "" << true;
    QTest::newRow("empty") << ""
                           << "" << true;
    QTest::newRow("sh -c is the shell") << "sh -c \"prog --x\""
                                        << "sh" << false;
}

void tst_DesktopEntryIndex::execNamesItsProgram()
{
    QFETCH(QString, exec);
    QFETCH(QString, program);
    QFETCH(bool, plain);
    bool isPlain = !plain;
    QCOMPARE(DesktopEntryReader::programOf(exec, &isPlain), program);
    if (!program.isEmpty())
        QCOMPARE(isPlain, plain);
}

void tst_DesktopEntryIndex::processesAreNamedByTheirEntry_data()
{
    QTest::addColumn<QString>("executable"); // below the tree's root, or absolute
    QTest::addColumn<QString>("cgroup");
    QTest::addColumn<QString>("language"); // the window's locale
    QTest::addColumn<QString>("name");     // the entry's Name; empty: no entry
    QTest::addColumn<QString>("id");

    const QString session = QStringLiteral("/user.slice/user-1000.slice/session-2.scope");
    QTest::newRow("Exec with arguments and %U") << "opt/mail suite/mailer" << session << "C"
                                                << "Mail"
                                                << "mail.desktop";
    QTest::newRow("env prefix, name on PATH") << "bin/editor" << session << "C"
                                              << "Editor"
                                              << "editor.desktop";
    QTest::newRow("a link on PATH to the real binary")
        << "lib/firefox-esr/firefox-esr" << session << "C"
        << "Firefox ESR"
        << "firefox-esr.desktop";
    QTest::newRow("localized Name") << "lib/firefox-esr/firefox-esr" << session << "de_DE"
                                    << "Firefox ESR (de)"
                                    << "firefox-esr.desktop";
    QTest::newRow("localized Name of the country")
        << "lib/firefox-esr/firefox-esr" << session << "fr_CA"
        << "Firefox ESR (fr_CA)"
        << "firefox-esr.desktop";
    QTest::newRow("a language the entry lacks")
        << "lib/firefox-esr/firefox-esr" << session << "es_ES"
        << "Firefox ESR"
        << "firefox-esr.desktop";
    QTest::newRow("TryExec's binary") << "bin/chat-bin" << session << "C"
                                      << "Chat"
                                      << "chat.desktop";
    QTest::newRow("Exec's wrapper") << "bin/chat-wrapper" << session << "C"
                                    << "Chat"
                                    << "chat.desktop";
    QTest::newRow("a Flatpak by its id")
        << "/app/bin/game"
        << "/user.slice/user-1000.slice/user@1000.service/app.slice/"
           "app-flatpak-org.example.Game-52117.scope"
        << "C"
        << "Game"
        << "org.example.Game.desktop";
    QTest::newRow("flatpak itself is no Flatpak app") << "bin/flatpak" << session << "C"
                                                      << ""
                                                      << "";
    QTest::newRow("a Snap by its name")
        << "/snap/spotify/80/usr/share/spotify/spotify"
        << "/user.slice/user-1000.slice/user@1000.service/app.slice/"
           "snap.spotify.spotify-0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0.scope"
        << "C"
        << "Spotify"
        << "spotify_spotify.desktop";
    QTest::newRow("the shown entry before a NoDisplay one") << "bin/tool" << session << "C"
                                                            << "Tool"
                                                            << "tool.desktop";
    QTest::newRow("a NoDisplay entry where there is no other")
        << "bin/interpreter" << session << "C"
        << "Interpreter"
        << "interpreter.desktop";
    QTest::newRow("the user's entry hides the system's") << "bin/viewer" << session << "C"
                                                         << "My Viewer"
                                                         << "viewer.desktop";
    QTest::newRow("an entry in a subfolder") << "bin/konsole" << session << "C"
                                             << "Konsole"
                                             << "kde-konsole.desktop";
    QTest::newRow("a malformed file names nobody") << "bin/broken" << session << "C"
                                                   << ""
                                                   << "";
    QTest::newRow("a link entry names nobody") << "bin/linked" << session << "C"
                                               << ""
                                               << "";
    QTest::newRow("a program without an entry") << "bin/nameless" << session << "C"
                                                << ""
                                                << "";
    QTest::newRow("a container's paths are its own")
        << "opt/mail suite/mailer"
        << "/system.slice/docker-"
           "4f1d2c3b4a59687766554433221100ffeeddccbbaa99887766554433221100ff.scope"
        << "C"
        << ""
        << "";
}

void tst_DesktopEntryIndex::processesAreNamedByTheirEntry()
{
    QFETCH(QString, executable);
    QFETCH(QString, cgroup);
    QFETCH(QString, language);
    QFETCH(QString, name);
    QFETCH(QString, id);
    const DesktopEntryIndex index = DesktopEntryIndex::load(
        DesktopEntryIndex::directories(), DesktopEntryReader::languageKeys(QLocale(language)));
    ProcessInfo process;
    process.executable =
        (executable.startsWith(u'/') ? executable
                                     : QFileInfo(m_tree->path(executable)).canonicalFilePath())
            .toStdString();
    process.cgroup = cgroup.toStdString();
    const DesktopEntry *entry = index.match(process);
    QCOMPARE(entry ? entry->name : QString(), name);
    QCOMPARE(entry ? entry->id : QString(), id);
}

void tst_DesktopEntryIndex::malformedFilesAreSkipped_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("read");

    QTest::newRow("well formed") << QByteArray("[Desktop Entry]\nType=Application\nName=A\n")
                                 << true;
    QTest::newRow("a line that is no key")
        << QByteArray("[Desktop Entry]\nType=Application\nName=A\nnonsense\n") << false;
    QTest::newRow("another group first")
        << QByteArray("[Other]\nX=1\n[Desktop Entry]\nType=Application\nName=A\n") << false;
    QTest::newRow("a key before any group")
        << QByteArray("Name=A\n[Desktop Entry]\nType=Application\n") << false;
    QTest::newRow("a bad key") << QByteArray("[Desktop Entry]\nType=Application\nN me=A\nName=A\n")
                               << false;
    QTest::newRow("an unclosed group")
        << QByteArray("[Desktop Entry\nType=Application\nName=A\n") << false;
    QTest::newRow("no name") << QByteArray("[Desktop Entry]\nType=Application\nExec=a\n") << false;
    QTest::newRow("not an application")
        << QByteArray("[Desktop Entry]\nType=Directory\nName=A\n") << false;
    QTest::newRow("too big") << QByteArray("[Desktop Entry]\nType=Application\nName=A\n#" +
                                           QByteArray(DesktopEntryReader::MaximumFileBytes, 'x'))
                             << false;
    QTest::newRow("binary") << QByteArray("\x7f"
                                          "ELF\x02\x01\x01\0\0\0",
                                          10)
                            << false;
}

void tst_DesktopEntryIndex::malformedFilesAreSkipped()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, read);
    QCOMPARE(DesktopEntryReader::parse(text, QStringLiteral("a.desktop"), {}).has_value(), read);
}

void tst_DesktopEntryIndex::languageKeysPreferTheCountry()
{
    const QStringList keys = DesktopEntryReader::languageKeys(QLocale(QStringLiteral("de_AT")));
    QVERIFY2(keys.indexOf(QStringLiteral("de_AT")) == 0, qPrintable(keys.join(u' ')));
    QVERIFY2(keys.contains(QStringLiteral("de")), qPrintable(keys.join(u' ')));
    QVERIFY(DesktopEntryReader::languageKeys(QLocale::c()).isEmpty() ||
            !DesktopEntryReader::languageKeys(QLocale::c()).contains(QStringLiteral("C")));
}

void tst_DesktopEntryIndex::searchPathIsTheUsersThenTheSystems()
{
    const QStringList folders = DesktopEntryIndex::directories();
    QVERIFY2(folders.size() >= 2, qPrintable(folders.join(u' ')));
    QCOMPARE(folders.at(0), m_tree->homeApplications());
    QCOMPARE(folders.at(1), m_tree->systemApplications());
    QVERIFY(folders.contains(QStringLiteral("/var/lib/flatpak/exports/share/applications")));
    QVERIFY(folders.contains(QStringLiteral("/var/lib/snapd/desktop/applications")));
    // Only the files read: the broken and the link entries are not among them.
    const DesktopEntryIndex index = DesktopEntryIndex::load(folders.mid(0, 2), {});
    QVERIFY(index.byId(QStringLiteral("mail.desktop")));
    QVERIFY(!index.byId(QStringLiteral("broken.desktop")));
    QVERIFY(!index.byId(QStringLiteral("linked.desktop")));
    QCOMPARE(index.byId(QStringLiteral("viewer.desktop"))->path,
             m_tree->homeApplications() + QStringLiteral("/viewer.desktop"));
}

QTEST_GUILESS_MAIN(tst_DesktopEntryIndex)
#include "tst_desktopentryindex.moc"
