#include "ui/ExportProgress.h"

#include "app/session/PacketExport.h"

#include <QProgressDialog>

namespace nfqmon {

ExportProgress::ExportProgress(PacketExport *exporter, QWidget *window)
    : QObject(window), m_export(exporter), m_window(window)
{
    connect(exporter, &PacketExport::writing, this, &ExportProgress::show);
    connect(exporter, &PacketExport::progress, this, &ExportProgress::setProgress);
    connect(exporter, &PacketExport::finished, this, &ExportProgress::close);
}

void ExportProgress::show(const QString &path)
{
    m_dialog = new QProgressDialog(tr("Exporting packets to %1…").arg(path), tr("Cancel"), 0, 100,
                                   m_window);
    m_dialog->setWindowTitle(tr("Export packets"));
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setMinimumDuration(500); // quick exports never show it
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    m_dialog->setValue(0);
    connect(m_dialog, &QProgressDialog::canceled, m_export, &PacketExport::cancel);
}

void ExportProgress::setProgress(qint64 done, qint64 total)
{
    if (!m_dialog || total <= 0)
        return;
    // QProgressDialog counts in int: show per mille.
    m_dialog->setValue(int(done * 1000 / total) / 10);
}

void ExportProgress::close()
{
    if (m_dialog) {
        m_dialog->disconnect();
        m_dialog->deleteLater();
    }
}

} // namespace nfqmon
