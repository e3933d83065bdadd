#include "ui/DumpFileField.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace nfqmon {

DumpFileField::DumpFileField(const QString &label, QWidget *parent)
    : QWidget(parent), m_enabled(new QCheckBox(label, this)), m_path(new QLineEdit(this)),
      m_choose(new QPushButton(tr("Choose…"), this))
{
    m_path->setPlaceholderText(tr("a pcap file of yours"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_enabled);
    layout->addWidget(m_path, 1);
    layout->addWidget(m_choose);
    connect(m_enabled, &QCheckBox::toggled, this, &DumpFileField::updateEnabled);
    connect(m_choose, &QPushButton::clicked, this, &DumpFileField::choose);
    updateEnabled();
}

void DumpFileField::setPath(const QString &path)
{
    m_path->setText(path);
    m_enabled->setChecked(!path.isEmpty());
    updateEnabled();
}

QString DumpFileField::path() const
{
    return m_enabled->isChecked() ? m_path->text().trimmed() : QString();
}

void DumpFileField::choose()
{
    const QString start = m_path->text().isEmpty() ? QDir::homePath() : m_path->text();
    // The helper writes pcapng when the file's name ends in .pcapng.
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Save packets to"), start,
        //: Three file types, in this order, separated by ";;".
        tr("pcap files (*.pcap);;pcapng files, with host names and verdicts (*.pcapng);;"
           "All files (*)"));
    if (!chosen.isEmpty())
        setPath(chosen);
}

void DumpFileField::updateEnabled()
{
    m_path->setEnabled(m_enabled->isChecked());
    m_choose->setEnabled(m_enabled->isChecked());
}

} // namespace nfqmon
