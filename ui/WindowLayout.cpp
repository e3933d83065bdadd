#include "ui/WindowLayout.h"

#include "app/store/PacketTableModel.h"
#include "ui/PacketTableView.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QSplitter>

namespace nfqmon {

namespace {
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString SplitterKey = QStringLiteral("window/splitter");
const QString TableHeaderKey = QStringLiteral("window/tableHeader");
constexpr int LayoutVersion = 1;
} // namespace

WindowLayout::WindowLayout(QMainWindow *window, QSplitter *splitter, PacketTableView *table)
    : m_window(window), m_splitter(splitter), m_table(table)
{}

void WindowLayout::setInitialColumnWidths()
{
    const int digit = m_window->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const std::pair<PacketTableModel::Column, int> widths[] = {
        {PacketTableModel::Number, 7},    {PacketTableModel::Time, 15},
        {PacketTableModel::Interface, 7}, {PacketTableModel::Direction, 7},
        {PacketTableModel::Source, 15},   {PacketTableModel::Destination, 15},
        {PacketTableModel::Protocol, 7},  {PacketTableModel::Length, 6},
        {PacketTableModel::Info, 16},     {PacketTableModel::Verdict, 14},
        {PacketTableModel::User, 5},      {PacketTableModel::Host, 20},
        {PacketTableModel::Machine, 14}};
    for (const auto &[column, characters] : widths)
        m_table->setColumnWidth(column, characters * digit + 12);
    // Info last, as in Wireshark: it takes the rest of the width.
    QHeaderView *header = m_table->horizontalHeader();
    header->moveSection(header->visualIndex(PacketTableModel::Info), header->count() - 1);
}

void WindowLayout::restore()
{
    QSettings settings;
    if (!m_window->restoreGeometry(settings.value(GeometryKey).toByteArray())) {
        const QRect screen = m_window->screen()->availableGeometry();
        m_window->resize(qMin(1600, screen.width() * 9 / 10), qMin(1000, screen.height() * 9 / 10));
    }
    m_window->restoreState(settings.value(StateKey).toByteArray(), LayoutVersion);
    m_splitter->restoreState(settings.value(SplitterKey).toByteArray());
    m_table->horizontalHeader()->restoreState(settings.value(TableHeaderKey).toByteArray());
}

void WindowLayout::save() const
{
    QSettings settings;
    settings.setValue(GeometryKey, m_window->saveGeometry());
    settings.setValue(StateKey, m_window->saveState(LayoutVersion));
    settings.setValue(SplitterKey, m_splitter->saveState());
    settings.setValue(TableHeaderKey, m_table->horizontalHeader()->saveState());
}

} // namespace nfqmon
