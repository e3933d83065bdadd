// The details pane under the packet table: the decoded header tree beside the hex view; choosing
// a header highlights its bytes.
#pragma once

#include "app/display/HeaderField.h"

#include <QSplitter>

#include <functional>

namespace nfqmon {

class HeaderTree;
class HexView;
class PacketStore;
struct StoredPacket;

class PacketDetails : public QSplitter
{
    Q_OBJECT
public:
    explicit PacketDetails(QWidget *parent = nullptr);

    void showPacket(const QList<HeaderField> &packet, const QByteArray &bytes);
    // The packet at `row` of `store` (cleared for a row out of range); hostDetails: the
    // session's line for its host (Session::hostDetails()).
    void showStoredPacket(const PacketStore &store, qint64 row,
                          const std::function<QString(const StoredPacket &)> &hostDetails);
    void clearPacket();

    HeaderTree *tree() const { return m_tree; }
    HexView *hexView() const { return m_hex; }

private:
    HeaderTree *m_tree;
    HexView *m_hex;
};

} // namespace nfqmon
