#include "ui/PacketDetails.h"

#include "ui/HeaderTree.h"
#include "ui/HexView.h"

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

void PacketDetails::clearPacket()
{
    m_hex->setBytes({});
    m_tree->clearPacket();
}

} // namespace nfqmon
