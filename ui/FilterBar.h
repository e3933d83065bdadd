// The display filter above the packet table: the pcap filter language of the rules and owner
// terms (DisplayFilter: app, exe, user, pid, unit), checked as the user types (libpcap's message
// or the parser's when the expression is wrong), applied after a short pause or on Enter, and
// the count of packets shown out of those held.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;

namespace nfqmon {

class FilterBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int TypingPauseMs = 400;

    explicit FilterBar(QWidget *parent = nullptr);

    QString expression() const;
    // Sets the text and applies it at once (e.g. "Filter on this conversation").
    void setExpression(const QString &expression);
    // The model's answer when applying failed after all (it compiles the same way).
    void setError(const QString &message);
    void setCounts(qint64 shown, qint64 total, bool filtered);
    void setBusy(bool busy); // filtering runs in the background
    // Text of the status label ("1,204 of 52,311 shown", libpcap's message...).
    QString statusText() const;
    QLineEdit *lineEdit() const { return m_edit; }

signals:
    // A valid expression (or empty: everything) to apply.
    void filterRequested(const QString &expression);

private:
    void onTextEdited();
    void apply();
    bool check(QString *error) const;
    void showState(bool valid, const QString &message);
    void updateStatus();

    QLineEdit *m_edit;
    QLabel *m_status;
    QTimer *m_pause;
    QString m_applied;
    QString m_error;
    qint64 m_shown = 0;
    qint64 m_total = 0;
    bool m_filtered = false;
    bool m_busy = false;
};

} // namespace nfqmon
