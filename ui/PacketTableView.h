// The packet list: one fixed-height line per packet (so a million rows cost nothing to lay
// out), sortable by any column, following new packets while the view is at the bottom and
// staying put once the user scrolls up (until they scroll back down or press End). Rows are
// coloured by what their packet is (PacketRowDelegate).
#pragma once

#include <QTableView>

namespace nfqmon {

class PacketTableView : public QTableView
{
    Q_OBJECT
public:
    explicit PacketTableView(QWidget *parent = nullptr);

    bool isFollowing() const { return m_follow; }
    void setFollowing(bool follow); // true scrolls to the newest packet

    // Text of this column loses its end rather than its middle when it does not fit (the
    // default keeps both ends, which suits addresses).
    void setElideRight(int column);

    // Model rows of the selected packets, in view order.
    QList<int> selectedRows() const;

signals:
    void followingChanged(bool following);

private:
    void onRangeChanged(int minimum, int maximum);
    void onValueChanged(int value);

    bool m_follow = true;
    bool m_adjusting = false; // our own scrolling, not the user's
};

} // namespace nfqmon
