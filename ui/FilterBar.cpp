#include "ui/FilterBar.h"

#include "app/store/DisplayFilter.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>

namespace nfqmon {

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_status(new QLabel(this)),
      m_pause(new QTimer(this))
{
    auto *label = new QLabel(tr("Fi&lter:"), this);
    label->setBuddy(m_edit);
    m_edit->setObjectName(QStringLiteral("filterEdit"));
    m_edit->setPlaceholderText(
        tr("pcap filter and owner, e.g. tcp port 443 or host 10.0.0.7, app curl and udp"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setToolTip(tr("Show only the packets that match this expression, in the pcap filter "
                          "language of tcpdump and of the rules, joined with “and” to app NAME, "
                          "exe PATH, user NAME, pid N or unit GLOB. Empty shows every packet."));
    m_status->setObjectName(QStringLiteral("filterStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0")) * 28);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(label);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_status);
    m_pause->setSingleShot(true);
    m_pause->setInterval(TypingPauseMs);
    connect(m_pause, &QTimer::timeout, this, &FilterBar::apply);
    connect(m_edit, &QLineEdit::textChanged, this, &FilterBar::onTextEdited);
    connect(m_edit, &QLineEdit::returnPressed, this, &FilterBar::apply);
    updateStatus();
}

QString FilterBar::expression() const
{
    return m_edit->text().trimmed();
}

void FilterBar::setExpression(const QString &expression)
{
    m_edit->setText(expression);
    apply();
}

bool FilterBar::check(QString *error) const
{
    // Compiling is cheap (no packets involved), so it runs on every keystroke.
    return DisplayFilter::compile(expression(), error).has_value();
}

void FilterBar::onTextEdited()
{
    QString error;
    const bool valid = check(&error);
    showState(valid, error);
    if (valid)
        m_pause->start();
    else
        m_pause->stop();
}

void FilterBar::apply()
{
    m_pause->stop();
    QString error;
    if (!check(&error)) {
        showState(false, error);
        return;
    }
    showState(true, {});
    if (expression() == m_applied)
        return;
    m_applied = expression();
    emit filterRequested(m_applied);
}

void FilterBar::setError(const QString &message)
{
    showState(message.isEmpty(), message);
}

void FilterBar::showState(bool valid, const QString &message)
{
    m_error = valid ? QString() : message;
    QPalette palette = QApplication::palette(m_edit);
    if (!expression().isEmpty())
        palette.setColor(QPalette::Base,
                         valid ? QColor(0xe4, 0xf5, 0xe4) : QColor(0xfa, 0xdc, 0xd8));
    m_edit->setPalette(palette);
    m_edit->setToolTip(valid ? tr("Show only the packets that match this expression, in the pcap "
                                  "filter language of tcpdump and of the rules, joined with “and” "
                                  "to app NAME, exe PATH, user NAME, pid N or unit GLOB.")
                             : message);
    updateStatus();
}

void FilterBar::setCounts(qint64 shown, qint64 total, bool filtered)
{
    m_shown = shown;
    m_total = total;
    m_filtered = filtered;
    updateStatus();
}

void FilterBar::setBusy(bool busy)
{
    m_busy = busy;
    updateStatus();
}

QString FilterBar::statusText() const
{
    return m_status->text();
}

void FilterBar::updateStatus()
{
    const QLocale locale;
    QString text;
    if (!m_error.isEmpty())
        text = m_error;
    else if (m_busy)
        text = tr("filtering %Ln packet(s)…", "", int(qMin<qint64>(m_total, INT_MAX)));
    else if (m_filtered)
        text = tr("%1 of %2 shown").arg(locale.toString(m_shown), locale.toString(m_total));
    else
        text = tr("%Ln packet(s)", "", int(qMin<qint64>(m_total, INT_MAX)));
    m_status->setText(text);
    m_status->setToolTip(text);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, m_error.isEmpty()
                                               ? this->palette().color(QPalette::WindowText)
                                               : QColor(0xb0, 0x2a, 0x20));
    m_status->setPalette(palette);
}

} // namespace nfqmon
