#include "ui/HeaderTree.h"

#include "app/display/PacketDescription.h"

#include <QHeaderView>

#include <span>

namespace nfqmon {

namespace {

enum Data { OffsetRole = Qt::UserRole + 1, LengthRole };

QTreeWidgetItem *fieldItem(const HeaderField &field)
{
    auto *item = new QTreeWidgetItem({field.name, field.value});
    item->setToolTip(1, field.value);
    return item;
}

} // namespace

HeaderTree::HeaderTree(QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("Field"), tr("Value")});
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
    setAccessibleName(tr("Decoded headers"));
    connect(this, &QTreeWidget::currentItemChanged, this, &HeaderTree::onCurrentItemChanged);
}

void HeaderTree::showPacket(const QList<HeaderField> &packet, const QByteArray &bytes)
{
    clear();
    auto *frame = new QTreeWidgetItem({tr("Packet"), tr("%n byte(s) captured", "", bytes.size())});
    for (const HeaderField &field : packet)
        frame->addChild(fieldItem(field));
    addTopLevelItem(frame);

    const auto span = std::span(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                std::size_t(bytes.size()));
    const PacketDescription decoded = PacketDescription::of(span);
    for (const HeaderLayer &layer : decoded.layers) {
        const QString range = layer.length > 0 ? tr("bytes %1–%2 (%n byte(s))", "", layer.length)
                                                     .arg(layer.offset)
                                                     .arg(layer.offset + layer.length - 1)
                                               : tr("no bytes");
        auto *item = new QTreeWidgetItem({layer.name, range});
        item->setData(0, OffsetRole, layer.offset);
        item->setData(0, LengthRole, layer.length);
        for (const HeaderField &field : layer.fields) {
            QTreeWidgetItem *child = fieldItem(field);
            child->setData(0, OffsetRole, layer.offset);
            child->setData(0, LengthRole, layer.length);
            item->addChild(child);
        }
        addTopLevelItem(item);
        item->setExpanded(true);
    }
    if (!decoded.problem.isEmpty()) {
        auto *problem = new QTreeWidgetItem({tr("Problem"), decoded.problem});
        problem->setForeground(0, QColor(0xb0, 0x2a, 0x20));
        problem->setForeground(1, QColor(0xb0, 0x2a, 0x20));
        problem->setToolTip(1, decoded.problem);
        addTopLevelItem(problem);
    }
    emit byteRangeChosen(0, 0);
}

void HeaderTree::clearPacket()
{
    clear();
    emit byteRangeChosen(0, 0);
}

QStringList HeaderTree::layerNames() const
{
    QStringList names;
    for (int i = 0; i < topLevelItemCount(); ++i)
        names.append(topLevelItem(i)->text(0));
    return names;
}

void HeaderTree::onCurrentItemChanged(QTreeWidgetItem *current)
{
    if (!current) {
        emit byteRangeChosen(0, 0);
        return;
    }
    emit byteRangeChosen(current->data(0, OffsetRole).toInt(),
                         current->data(0, LengthRole).toInt());
}

} // namespace nfqmon
