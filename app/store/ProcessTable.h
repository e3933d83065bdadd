// The processes the helper described in the stream (ProcessCodec), by the id that packet records
// name them with. Bounded: past the limit the oldest description goes, and its packets show no
// program (a flood of one-shot senders costs bounded memory).
#pragma once

#include "app/store/ApplicationName.h"
#include "helper/protocol/ProcessInfo.h"

#include <QHash>
#include <QString>

#include <deque>

namespace nfqmon {

class ProcessTable
{
public:
    static constexpr qsizetype DefaultLimit = 65536;

    explicit ProcessTable(qsizetype limit = DefaultLimit) : m_limit(limit) {}

    void add(const ProcessInfo &process);
    const ProcessInfo *find(quint32 id) const;
    // name() of the process `id`, made when it was described; nullptr when it is not known.
    const ApplicationName *application(quint32 id) const;
    qsizetype size() const { return m_processes.size(); }
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
