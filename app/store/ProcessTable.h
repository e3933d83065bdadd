// The processes the helper described in the stream (ProcessCodec), by the id that packet records
// name them with, each with its name and desktop entry found once, when it is described.
// Bounded: past the limit the oldest description goes, and its packets show no program (a flood
// of one-shot senders costs bounded memory).
#pragma once

#include "app/store/ApplicationName.h"
#include "app/store/DesktopEntryIndex.h"
#include "helper/protocol/ProcessInfo.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QString>

#include <deque>
#include <memory>
#include <vector>

namespace nfqmon {

class ProcessTable
{
public:
    static constexpr qsizetype DefaultLimit = 65536;

    explicit ProcessTable(qsizetype limit = DefaultLimit) : m_limit(limit) {}

    // Processes described from here on are named by these entries (DesktopEntryIndex::
    // loadInBackground()); the first description waits for them if they are not read yet.
    // Without entries, programs are named by their executable.
    void setDesktopEntries(QFuture<std::shared_ptr<const DesktopEntryIndex>> entries);

    // Ids whose description goes to make room are appended to *forgotten, when given.
    void add(const ProcessInfo &process, QList<quint32> *forgotten = nullptr);
    const ProcessInfo *find(quint32 id) const;
    // What the Application column calls the process `id` (the desktop entry's Name, else name()),
    // made when it was described; nullptr when it is not known.
    const ApplicationName *application(quint32 id) const;
    // The desktop entry the process `id` was named by; nullptr when none (or not known).
    const DesktopEntry *desktopEntry(quint32 id) const;
    // What the column calls the program at this real path (a rule's program): its desktop
    // entry's Name, else the file name.
    QString programName(const QString &executable) const;
    qsizetype size() const { return m_processes.size(); }
    // Calls visit(process, application) for every process held, in no particular order.
    template <typename Visit> void forEach(Visit &&visit) const
    {
        for (const Described &d : m_processes)
            visit(d.process, d.application);
    }
    void clear();

    // A program without a desktop entry: the executable's file name, else the kernel's short
    // name.
    static QString name(const ProcessInfo &process);

private:
    struct Described {
        ProcessInfo process;
        ApplicationName application;
        const DesktopEntry *entry = nullptr; // in m_index
    };
    const DesktopEntryIndex *index() const;

    qsizetype m_limit;
    QHash<quint32, Described> m_processes;
    std::deque<quint32> m_order; // oldest first
    mutable QFuture<std::shared_ptr<const DesktopEntryIndex>> m_loading;
    mutable std::shared_ptr<const DesktopEntryIndex> m_index;
    std::vector<std::shared_ptr<const DesktopEntryIndex>> m_earlier;
};

} // namespace nfqmon
