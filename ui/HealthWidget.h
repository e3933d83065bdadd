// The capture's health in the status bar, always visible: state and interfaces, packets per
// second, packets dropped by rules, records lost on the way to this window, the kernel's queue
// drops, packets fail-open let pass unseen, fail-open, and packets rolled off the window's store.
// Counts that mean something was missed turn orange.
#pragma once

#include "CaptureHealth.h"

#include <QWidget>

class QLabel;

namespace nfqmon {

class HealthWidget : public QWidget
{
    Q_OBJECT
public:
    explicit HealthWidget(QWidget *parent = nullptr);

    void setHealth(const CaptureHealth &health);
    // Browsing a file instead of capturing (empty: back to capture mode).
    void setOfflineFile(const QString &path);
    // Everything shown, as one line (tests, accessibility).
    QString text() const;

private:
    void refresh();
    void setCount(QLabel *label, const QString &text, bool warn, const QString &tip);

    CaptureHealth m_health;
    QString m_offlineFile;
    QLabel *m_state;
    QLabel *m_rate;
    QLabel *m_dropped;
    QLabel *m_lost;
    QLabel *m_kernel;
    QLabel *m_unseen;
    QLabel *m_failOpen;
    QLabel *m_rolledOff;
};

} // namespace nfqmon
