#include "ui/PacketTableView.h"

#include "ui/PacketRowDelegate.h"

#include <QHeaderView>
#include <QScrollBar>

#include <algorithm>

namespace nfqmon {

PacketTableView::PacketTableView(QWidget *parent) : QTableView(parent)
{
    setObjectName(QStringLiteral("packetTable"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setWordWrap(false);
    setTextElideMode(Qt::ElideMiddle); // the ends of an IPv6 address say the most
    setShowGrid(false);
    setAlternatingRowColors(false); // rows are coloured by what their packet is
    setItemDelegate(new PacketRowDelegate(this));
    setSortingEnabled(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalHeader()->hide();
    // Fixed heights: the view never measures rows, whatever their number.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setSortIndicatorShown(true);
    // Start unsorted (arrival order); a click on a header sorts.
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    setAccessibleName(tr("Packets"));
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &PacketTableView::onRangeChanged);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &PacketTableView::onValueChanged);
}

void PacketTableView::setFollowing(bool follow)
{
    if (follow) {
        m_adjusting = true;
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        m_adjusting = false;
    }
    if (m_follow == follow)
        return;
    m_follow = follow;
    emit followingChanged(follow);
}

void PacketTableView::onRangeChanged(int, int maximum)
{
    if (!m_follow)
        return;
    m_adjusting = true;
    verticalScrollBar()->setValue(maximum);
    m_adjusting = false;
}

void PacketTableView::onValueChanged(int value)
{
    if (m_adjusting)
        return;
    // The user scrolled: follow again exactly when they are back at the bottom.
    const bool atBottom = value >= verticalScrollBar()->maximum();
    if (atBottom != m_follow) {
        m_follow = atBottom;
        emit followingChanged(atBottom);
    }
}

void PacketTableView::setElideRight(int column)
{
    setItemDelegateForColumn(column, new PacketRowDelegate(Qt::ElideRight, this));
}

QList<int> PacketTableView::selectedRows() const
{
    QList<int> rows;
    if (!selectionModel())
        return rows;
    const QModelIndexList selected = selectionModel()->selectedRows();
    rows.reserve(selected.size());
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

} // namespace nfqmon
