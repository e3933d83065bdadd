// CgroupPlace: what a cgroup v2 path says about where a process runs, for the paths systemd,
// Flatpak, Snap and the container engines make.
#include "helper/protocol/CgroupPlace.h"

#include <QtTest>

using namespace nfqmon;

class TestCgroupPlace : public QObject
{
    Q_OBJECT

private slots:
    void of_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("flatpak");
        QTest::addColumn<QString>("snap");
        QTest::addColumn<QString>("container");
        const QString id(64, u'a');
        QTest::newRow("root") << "/"
                              << ""
                              << ""
                              << ""
                              << "";
        QTest::newRow("empty: unknown") << ""
                                        << ""
                                        << ""
                                        << ""
                                        << "";
        QTest::newRow("system service") << "/system.slice/cron.service"
                                        << "cron.service"
                                        << ""
                                        << ""
                                        << "";
        QTest::newRow("login session") << "/user.slice/user-1000.slice/session-2.scope"
                                       << "session-2.scope"
                                       << ""
                                       << ""
                                       << "";
        QTest::newRow("user service: the innermost unit")
            << "/user.slice/user-1000.slice/user@1000.service/app.slice/pipewire.service"
            << "pipewire.service"
            << ""
            << ""
            << "";
        QTest::newRow("a slice is not a unit that runs programs") << "/user.slice/user-1000.slice"
                                                                  << ""
                                                                  << ""
                                                                  << ""
                                                                  << "";
        QTest::newRow("flatpak") << "/user.slice/user-1000.slice/user@1000.service/app.slice/"
                                    "app-flatpak-org.mozilla.firefox-52117.scope"
                                 << "app-flatpak-org.mozilla.firefox-52117.scope"
                                 << "org.mozilla.firefox"
                                 << ""
                                 << "";
        QTest::newRow("snap scope")
            << "/user.slice/user-1000.slice/user@1000.service/app.slice/"
               "snap.firefox.firefox-0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0.scope"
            << "snap.firefox.firefox-0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0.scope"
            << ""
            << "firefox"
            << "";
        QTest::newRow("snap service") << "/system.slice/snap.lxd.daemon.service"
                                      << "snap.lxd.daemon.service"
                                      << ""
                                      << "lxd"
                                      << "";
        QTest::newRow("docker, systemd driver") << "/system.slice/docker-" + id + ".scope"
                                                << "docker-" + id + ".scope"
                                                << ""
                                                << "" << id;
        QTest::newRow("podman") << "/machine.slice/libpod-" + id + ".scope/container"
                                << "libpod-" + id + ".scope"
                                << ""
                                << "" << id;
        QTest::newRow("docker, cgroupfs driver") << "/docker/" + id << ""
                                                 << ""
                                                 << "" << id;
        QTest::newRow("kubernetes, containerd")
            << "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1.slice/"
               "cri-containerd-" +
                   id + ".scope"
            << "cri-containerd-" + id + ".scope"
            << ""
            << "" << id;
        QTest::newRow("63 hex digits are not an id") << "/docker/" + QString(63, u'a') << ""
                                                     << ""
                                                     << ""
                                                     << "";
        QTest::newRow("capitals are not an id") << "/docker/" + QString(64, u'A') << ""
                                                << ""
                                                << ""
                                                << "";
    }
    void of()
    {
        QFETCH(QString, path);
        QFETCH(QString, unit);
        QFETCH(QString, flatpak);
        QFETCH(QString, snap);
        QFETCH(QString, container);
        const CgroupPlace place = CgroupPlace::of(path.toStdString());
        QCOMPARE(QString::fromStdString(place.unit), unit);
        QCOMPARE(QString::fromStdString(place.flatpak), flatpak);
        QCOMPARE(QString::fromStdString(place.snap), snap);
        QCOMPARE(QString::fromStdString(place.container), container);
    }
};

QTEST_GUILESS_MAIN(TestCgroupPlace)
#include "tst_cgroupplace.moc"
