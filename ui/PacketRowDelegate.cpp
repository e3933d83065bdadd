#include "ui/PacketRowDelegate.h"

#include "app/store/PacketTableModel.h"

#include <QColor>

namespace nfqmon {

namespace {

const QColor DroppedBackground(255, 214, 214);
const QColor HighlightBackground(255, 234, 140);
const QColor TextOnBackground(20, 20, 20);

} // namespace

PacketRowDelegate::PacketRowDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

PacketRowDelegate::PacketRowDelegate(Qt::TextElideMode elide, QObject *parent)
    : QStyledItemDelegate(parent), m_elide(elide)
{}

void PacketRowDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_elide)
        option->textElideMode = *m_elide;
    // The preview's yellow wins over the verdict's red: it is what the user is looking at.
    QColor background;
    if (index.data(PacketTableModel::HighlightRole).toBool())
        background = HighlightBackground;
    else if (index.data(PacketTableModel::DroppedRole).toBool())
        background = DroppedBackground;
    if (background.isValid()) {
        option->backgroundBrush = background;
        option->palette.setBrush(QPalette::Text, TextOnBackground);
    }
}

} // namespace nfqmon
