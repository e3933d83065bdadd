// The progress of an export (PacketExport) in a window-modal dialog, shown only when writing takes
// a while; its Cancel stops the export.
#pragma once

#include <QObject>
#include <QPointer>

class QProgressDialog;
class QWidget;

namespace nfqmon {

class PacketExport;

class ExportProgress : public QObject
{
    Q_OBJECT
public:
    ExportProgress(PacketExport *exporter, QWidget *window);

private:
    void show(const QString &path);
    void setProgress(qint64 done, qint64 total);
    void close();

    PacketExport *m_export;
    QWidget *m_window;
    QPointer<QProgressDialog> m_dialog;
};

} // namespace nfqmon
