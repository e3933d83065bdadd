#include "ui/ExportDialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace nfqmon {

ExportDialog::ExportDialog(qint64 all, qint64 displayed, qint64 selected, QWidget *parent)
    : QDialog(parent), m_scopes(new QButtonGroup(this)), m_path(new QLineEdit(this))
{
    setWindowTitle(tr("Export packets to pcap"));
    const QLocale locale;
    auto *which = new QGroupBox(tr("Packets"), this);
    auto *whichLayout = new QVBoxLayout(which);
    const struct {
        ExportScope scope;
        QString text;
        bool enabled;
    } choices[] = {
        {ExportScope::All, tr("&All captured (%1)").arg(locale.toString(all)), all > 0},
        {ExportScope::Displayed,
         tr("&Displayed by the filter (%1)").arg(locale.toString(displayed)), displayed > 0},
        {ExportScope::Selected, tr("&Selected (%1)").arg(locale.toString(selected)), selected > 0},
        {ExportScope::Conversation,
         tr("Every packet of the selected &conversations (both directions)"), selected > 0},
    };
    for (const auto &choice : choices) {
        auto *button = new QRadioButton(choice.text, which);
        button->setEnabled(choice.enabled);
        m_scopes->addButton(button, int(choice.scope));
        whichLayout->addWidget(button);
    }
    setScope(selected > 0      ? ExportScope::Selected
             : displayed < all ? ExportScope::Displayed
                               : ExportScope::All);

    auto *choose = new QPushButton(tr("Choose…"), this);
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setPlaceholderText(tr("the pcap or pcapng file to write"));
    auto *file = new QHBoxLayout;
    auto *label = new QLabel(tr("&File:"), this);
    label->setBuddy(m_path);
    file->addWidget(label);
    file->addWidget(m_path, 1);
    file->addWidget(choose);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Export"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(which);
    layout->addLayout(file);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(choose, &QPushButton::clicked, this, &ExportDialog::choose);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateOk);
    updateOk();
}

ExportScope ExportDialog::scope() const
{
    return ExportScope(m_scopes->checkedId());
}

void ExportDialog::setScope(ExportScope scope)
{
    if (QAbstractButton *button = m_scopes->button(int(scope)); button && button->isEnabled())
        button->setChecked(true);
    else if (QAbstractButton *all = m_scopes->button(int(ExportScope::All)))
        all->setChecked(true);
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

void ExportDialog::choose()
{
    // The format follows the name's extension (PacketFileWriter): pcapng keeps the host names,
    // interfaces, directions and verdicts.
    //: Three file types, in this order, separated by ";;".
    const QStringList filters =
        tr("pcap files (*.pcap);;pcapng files, with host names and verdicts (*.pcapng);;"
           "All files (*)")
            .split(QStringLiteral(";;"));
    QString selected =
        filters.value(path().endsWith(QLatin1String(".pcapng"), Qt::CaseInsensitive) ? 1 : 0);
    QString chosen = QFileDialog::getSaveFileName(this, tr("Export packets to"),
                                                  path().isEmpty() ? QDir::homePath() : path(),
                                                  filters.join(QStringLiteral(";;")), &selected);
    if (chosen.isEmpty())
        return;
    // A name without an extension takes the chosen type's.
    if (QFileInfo(chosen).suffix().isEmpty() && filters.size() > 1 && selected != filters.last())
        chosen += selected == filters.at(1) ? QStringLiteral(".pcapng") : QStringLiteral(".pcap");
    m_path->setText(chosen);
}

void ExportDialog::updateOk()
{
    m_ok->setEnabled(!path().isEmpty() && m_scopes->checkedButton() &&
                     m_scopes->checkedButton()->isEnabled());
}

} // namespace nfqmon
