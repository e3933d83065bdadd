#include "ui/PacketDetails.h"

#include "app/store/PacketStore.h"
#include "ui/HeaderTree.h"
#include "ui/HexView.h"
#include "ui/PacketFields.h"

namespace nfqmon {

PacketDetails::PacketDetails(QWidget *parent)
    : QSplitter(Qt::Horizontal, parent), m_tree(new HeaderTree(this)), m_hex(new HexView(this))
{
    m_tree->setObjectName(QStringLiteral("headerTree"));
    m_hex->setObjectName(QStringLiteral("hexView"));
    addWidget(m_tree);
    addWidget(m_hex);
    setStretchFactor(0, 3);
    setStretchFactor(1, 2);
    setChildrenCollapsible(false);
    connect(m_tree, &HeaderTree::byteRangeChosen, m_hex, &HexView::setHighlight);
}

void PacketDetails::showPacket(const QList<HeaderField> &packet, const QByteArray &bytes)
{
    m_hex->setBytes(bytes);
    m_tree->showPacket(packet, bytes);
}

void PacketDetails::showStoredPacket(
    const PacketStore &store, qint64 row,
    const std::function<QString(const StoredPacket &)> &hostDetails)
{
    if (row < 0 || row >= store.size()) {
        clearPacket();
        return;
    }
    const StoredPacket packet = store.at(row);
    showPacket(PacketFields::of(packet, store.interfaceName(packet.inInterface),
                                store.interfaceName(packet.outInterface),
                                store.process(packet.processId),
                                store.desktopEntry(packet.processId), hostDetails(packet)),
               store.bytes(row));
}

void PacketDetails::clearPacket()
{
    m_hex->setBytes({});
    m_tree->clearPacket();
}

} // namespace nfqmon
