// The processes the helper described in the stream (ProcessCodec), by the id that packet records
// name them with. Bounded: past the limit the oldest description goes, and its packets show no
// program (a flood of one-shot senders costs bounded memory).
#pragma once

#include "app/store/ApplicationName.h"
#include "helper/protocol/ProcessInfo.h"

#include <QHash>
#include <QList>
#include <QString>

#include <deque>

namespace nfqmon {

class ProcessTable
{
public:
    static constexpr qsizetype DefaultLimit = 65536;

    explicit ProcessTable(qsizetype limit = DefaultLimit) : m_limit(limit) {}

    // Ids whose description goes to make room are appended to *forgotten, when given.
    void add(const ProcessInfo &process, QList<quint32> *forgotten = nullptr);
    const ProcessInfo *find(quint32 id) const;
    // name() of the process `id`, made when it was described; nullptr when it is not known.
    const ApplicationName *application(quint32 id) const;
    qsizetype size() const { return m_processes.size(); }
    // Calls visit(process, application) for every process held, in no particular order.
    template <typename Visit> void forEach(Visit &&visit) const
    {
        for (const Described &d : m_processes)
            visit(d.process, d.application);
    }
    void clear();

    // What the table's Application column says: the executable's file name, else the kernel's
    // short name.
    static QString name(const ProcessInfo &process);

private:
    struct Described {
        ProcessInfo process;
        ApplicationName application;
    };

    qsizetype m_limit;
    QHash<quint32, Described> m_processes;
    std::deque<quint32> m_order; // oldest first
};

} // namespace nfqmon
