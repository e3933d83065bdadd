#include "app/store/RowIndex.h"

#include <numeric>

namespace nfqmon {

bool RowIndex::consecutive(const QList<qint64> &numbers, qint64 from)
{
    for (qsizetype i = 0; i < numbers.size(); ++i) {
        if (numbers[i] != from + i)
            return false;
    }
    return true;
}

void RowIndex::assign(QList<qint64> numbers)
{
    if (numbers.isEmpty() || consecutive(numbers, numbers.first())) {
        m_range = true;
        m_first = numbers.isEmpty() ? 0 : numbers.first();
        m_count = numbers.size();
        m_list = {};
        return;
    }
    m_range = false;
    m_list = std::move(numbers);
}

void RowIndex::clear()
{
    assign({});
}

QList<qint64> RowIndex::toList() const
{
    if (!m_range)
        return m_list;
    QList<qint64> numbers(m_count);
    std::iota(numbers.begin(), numbers.end(), m_first);
    return numbers;
}

QList<qint64> &RowIndex::list()
{
    if (m_range) {
        m_list = toList();
        m_range = false;
    }
    return m_list;
}

void RowIndex::append(const QList<qint64> &numbers)
{
    if (numbers.isEmpty())
        return;
    if (m_range) {
        if (m_count == 0)
            m_first = numbers.first();
        if (consecutive(numbers, m_first + m_count)) {
            m_count += numbers.size();
            return;
        }
    }
    list().append(numbers);
}

void RowIndex::prepend(const QList<qint64> &numbers)
{
    if (numbers.isEmpty())
        return;
    QList<qint64> &rows = list();
    rows.insert(0, numbers.size(), 0);
    std::copy(numbers.cbegin(), numbers.cend(), rows.begin());
}

void RowIndex::removeFront(qsizetype count)
{
    if (m_range) {
        m_first += count;
        m_count -= count;
    } else {
        m_list.remove(0, count);
    }
}

void RowIndex::truncate(qsizetype count)
{
    if (m_range)
        m_count = std::min(m_count, count);
    else
        m_list.resize(std::min(m_list.size(), count));
}

} // namespace nfqmon
