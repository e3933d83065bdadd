// The window's own reverse DNS lookups (off unless the user turns them on): names for remote
// addresses the helper learned no name for, asked of the system's resolver with
// QHostInfo::lookupHost() in the background, never waiting, and only for the addresses a view
// shows. Answers are cached, those without a name too, for at most Capacity addresses (the oldest
// answers go first); at most MaximumInFlight lookups run at once and the others wait their turn
// in a bounded queue. The names are shown as found by this window, and never used by rules or the
// display filter: the helper does no lookups, and a name from a PTR record says only what the
// address's owner chose to say.
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <deque>

namespace nfqmon {

class ReverseLookup : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype Capacity = 4096;
    static constexpr int MaximumInFlight = 8;

    // capacity: answers kept (Capacity; tests use fewer).
    explicit ReverseLookup(QObject *parent = nullptr, qsizetype capacity = Capacity);
    ~ReverseLookup() override;

    // Off (the default): nameOf() answers nothing and asks nothing; lookups running are dropped.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    // The name found for `address`; empty when there is none or the answer has not come yet, in
    // which case a lookup is started (or queued) unless one was already asked.
    QString nameOf(const QHostAddress &address);
    // Whether the resolver answered for `address` (with a name or without).
    bool isAnswered(const QHostAddress &address) const;
    qsizetype cachedCount() const { return m_answers.size(); }
    int runningCount() const { return int(m_running.size()); }

signals:
    // Names came (at most once per event-loop turn): views asking again see them.
    void namesFound();

private:
    void startWaiting();
    void onAnswer(const QHostAddress &address, int id, const QString &name);
    void abortAll();
    void remember(const QHostAddress &address, const QString &name);

    qsizetype m_capacity;
    bool m_enabled = false;
    QHash<QHostAddress, QString> m_answers; // empty: no name
    std::deque<QHostAddress> m_answerOrder; // oldest first, for the bound
    QHash<QHostAddress, int> m_running;     // lookup ids
    std::deque<QHostAddress> m_waiting;     // asked, not started yet
    QHash<QHostAddress, bool> m_waitingSet;
    bool m_signalPending = false;
};

} // namespace nfqmon
