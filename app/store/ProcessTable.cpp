#include "app/store/ProcessTable.h"

namespace nfqmon {

void ProcessTable::add(const ProcessInfo &process, QList<quint32> *forgotten)
{
    if (!m_processes.contains(process.id))
        m_order.push_back(process.id);
    m_processes.insert(process.id, {process, ApplicationName(name(process))});
    while (qsizetype(m_order.size()) > m_limit) {
        m_processes.remove(m_order.front());
        if (forgotten)
            forgotten->append(m_order.front());
        m_order.pop_front();
    }
}

const ProcessInfo *ProcessTable::find(quint32 id) const
{
    const auto it = m_processes.constFind(id);
    return it == m_processes.constEnd() ? nullptr : &it->process;
}

const ApplicationName *ProcessTable::application(quint32 id) const
{
    const auto it = m_processes.constFind(id);
    return it == m_processes.constEnd() ? nullptr : &it->application;
}

void ProcessTable::clear()
{
    m_processes.clear();
    m_order.clear();
}

QString ProcessTable::name(const ProcessInfo &process)
{
    if (!process.executable.empty()) {
        const QString path = QString::fromStdString(process.executable);
        return path.mid(path.lastIndexOf(u'/') + 1);
    }
    return QString::fromStdString(process.command);
}

} // namespace nfqmon
