// The capture's health in the status bar, always visible: state and interfaces, packets per
// second, packets dropped by rules, records lost on the way to this window, the kernel's queue
// drops, packets fail-open let pass unseen, fail-open (all from the CaptureController), and
// packets rolled off the window's store (from the PacketStore). Counts that mean something was
// missed turn orange.
#pragma once

#include "app/client/CaptureHealth.h"

#include <QWidget>

class QLabel;

namespace nfqmon {

class CaptureController;
class PacketStore;

class HealthWidget : public QWidget
{
    Q_OBJECT
public:
    explicit HealthWidget(QWidget *parent = nullptr);

    // Follows the capture's health and the store's roll-off from their owners.
    void watch(const CaptureController *controller, const PacketStore *store);
    void setHealth(const CaptureHealth &health);
    // Packets the store dropped from the front (its limit).
    void setRolledOff(qint64 packets);
    // Browsing a file instead of capturing (empty: back to capture mode).
    void setOfflineFile(const QString &path);
    // Everything shown, as one line (tests, accessibility).
    QString text() const;

private:
    void refresh();
    void setCount(QLabel *label, const QString &text, bool warn, const QString &tip);

    CaptureHealth m_health;
    QString m_offlineFile;
    qint64 m_rolledOffCount = 0;
    QLabel *m_state;
    QLabel *m_rate;
    QLabel *m_dropped;
    QLabel *m_lost;
    QLabel *m_kernel;
    QLabel *m_unseen;
    QLabel *m_unattributed;
    QLabel *m_decided;
    QLabel *m_failOpen;
    QLabel *m_rolledOff;
};

} // namespace nfqmon
