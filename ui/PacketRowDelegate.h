// How a row of the packet table looks for what its packet is (PacketTableModel's roles): the
// rows a previewed rule would catch on yellow, dropped packets on red, both light backgrounds
// with dark text, readable in light and dark themes alike. Optionally a column's text loses its
// end rather than its middle when it does not fit.
#pragma once

#include <QStyledItemDelegate>

#include <optional>

namespace nfqmon {

class PacketRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit PacketRowDelegate(QObject *parent = nullptr);
    // Text that does not fit is elided so (the view's elide mode otherwise).
    PacketRowDelegate(Qt::TextElideMode elide, QObject *parent);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    std::optional<Qt::TextElideMode> m_elide;
};

} // namespace nfqmon
