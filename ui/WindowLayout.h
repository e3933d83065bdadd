// The main window's layout, remembered in QSettings under "window/": its geometry, its docks and
// toolbar, the split between table and details and the table's columns. The first launch sizes
// the window to the screen and the columns to their contents' usual widths, Info last.
#pragma once

class QMainWindow;
class QSplitter;

namespace nfqmon {

class PacketTableView;

class WindowLayout
{
public:
    WindowLayout(QMainWindow *window, QSplitter *splitter, PacketTableView *table);

    // The columns' widths before any is remembered.
    void setInitialColumnWidths();
    void restore();
    void save() const;

private:
    QMainWindow *m_window;
    QSplitter *m_splitter;
    PacketTableView *m_table;
};

} // namespace nfqmon
