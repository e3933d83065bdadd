#include "app/store/ProcessTable.h"

namespace nfqmon {

void ProcessTable::setDesktopEntries(QFuture<std::shared_ptr<const DesktopEntryIndex>> entries)
{
    if (m_index)
        m_earlier.push_back(std::move(m_index)); // described processes still point into it
    m_loading = std::move(entries);
}

const DesktopEntryIndex *ProcessTable::index() const
{
    if (!m_index && m_loading.isValid()) {
        m_index = m_loading.result(); // read on a worker since the session began: done by now
        m_loading = {};
    }
    return m_index.get();
}

void ProcessTable::add(const ProcessInfo &process, QList<quint32> *forgotten)
{
    if (!m_processes.contains(process.id))
        m_order.push_back(process.id);
    const DesktopEntryIndex *entries = index();
    const DesktopEntry *entry = entries ? entries->match(process) : nullptr;
    m_processes.insert(process.id,
                       {process, ApplicationName(entry ? entry->name : name(process)), entry});
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

const DesktopEntry *ProcessTable::desktopEntry(quint32 id) const
{
    const auto it = m_processes.constFind(id);
    return it == m_processes.constEnd() ? nullptr : it->entry;
}

QString ProcessTable::programName(const QString &executable) const
{
    const DesktopEntryIndex *entries = index();
    if (const DesktopEntry *entry = entries ? entries->forProgram(executable) : nullptr)
        return entry->name;
    return executable.mid(executable.lastIndexOf(u'/') + 1);
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
