// File → Export packets to pcap: which packets (all captured, the ones the filter shows, the
// selected ones, or every packet of the selected packets' conversations) and the file: pcap, or
// pcapng (with names, interfaces and verdicts) when its name ends in .pcapng.
#pragma once

#include "app/session/ExportScope.h"

#include <QDialog>

class QButtonGroup;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace nfqmon {

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    // Counts as the window knows them now; a scope with nothing to export is disabled.
    ExportDialog(qint64 all, qint64 displayed, qint64 selected, QWidget *parent = nullptr);

    ExportScope scope() const;
    void setScope(ExportScope scope);
    QString path() const;
    void setPath(const QString &path);

private:
    void choose();
    void updateOk();

    QButtonGroup *m_scopes;
    QLineEdit *m_path;
    QPushButton *m_ok = nullptr;
};

} // namespace nfqmon
