// The table of every machine (File → All machines): the packets of this machine and of each
// machine connected to (AllMachines), with a Machine column, the display filter (where
// "machine NAME" narrows it to one machine) and the details pane. It shows; rules are each
// machine's own, made in that machine's window, which the row's context menu opens.
#pragma once

#include <QMainWindow>

class QLabel;

namespace nfqmon {

class AllMachines;
class FilterBar;
class PacketDetails;
class PacketTableView;
class Session;

class AllMachinesWindow : public QMainWindow
{
    Q_OBJECT
public:
    // machines: outlives the window.
    explicit AllMachinesWindow(AllMachines *machines, QWidget *parent = nullptr);

    // The context menu for the row at `position` (table viewport coordinates); nullptr when it
    // is on no row.
    QMenu *showPacketMenu(const QPoint &position);

signals:
    // The row's "Open the window of …": raise the window of the session that captured it.
    void machineWindowRequested(nfqmon::Session *session);

private:
    void applyFilter(const QString &expression);
    void updateCounts();
    void updateMachines();
    void showCurrentPacket();

    AllMachines *m_machines;
    FilterBar *m_filterBar;
    PacketTableView *m_table;
    PacketDetails *m_details;
    QLabel *m_machineList;
};

} // namespace nfqmon
