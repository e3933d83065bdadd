// The selected packet's headers as a tree: first what the capture knows about the packet
// (number, time, interface, verdict...), then each decoded header with its fields
// (PacketDescription). Choosing a header tells which bytes it spans, for the hex view.
#pragma once

#include "app/display/HeaderField.h"

#include <QTreeWidget>

namespace nfqmon {

class HeaderTree : public QTreeWidget
{
    Q_OBJECT
public:
    explicit HeaderTree(QWidget *parent = nullptr);

    // `packet`: fields of the capture itself (shown first, as "Packet"); bytes: the captured
    // bytes, decoded here (display only, never on the packet path).
    void showPacket(const QList<HeaderField> &packet, const QByteArray &bytes);
    void clearPacket();

    // The header names shown at the top level, in order (for tests and accessibility).
    QStringList layerNames() const;

signals:
    // The bytes of the chosen header; length 0 when none (the "Packet" item or nothing).
    void byteRangeChosen(int offset, int length);

private:
    void onCurrentItemChanged(QTreeWidgetItem *current);
};

} // namespace nfqmon
