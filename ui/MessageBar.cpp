#include "ui/MessageBar.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace nfqmon {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)),
      m_buttons(new QHBoxLayout), m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_close->setAutoRaise(true);
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Close this message"));
    m_close->setAccessibleName(tr("Close message"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_buttons);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &MessageBar::dismiss);
    hide();
}

void MessageBar::showMessage(Kind kind, const QString &text, const QList<QAction *> &actions)
{
    m_kind = kind;
    m_text->setText(text);
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QColor background(0xdd, 0xea, 0xf7);
    QColor border(0x8a, 0xb0, 0xd8);
    if (kind == Kind::Warning) {
        icon = QStyle::SP_MessageBoxWarning;
        background = QColor(0xfb, 0xf0, 0xc8);
        border = QColor(0xd9, 0xb8, 0x4a);
    } else if (kind == Kind::Error) {
        icon = QStyle::SP_MessageBoxCritical;
        background = QColor(0xf8, 0xdc, 0xd8);
        border = QColor(0xd0, 0x7a, 0x70);
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    setStyleSheet(QStringLiteral("nfqmon--MessageBar { background: %1; border: 1px solid %2; "
                                 "border-radius: 3px; } QLabel { color: #202020; }")
                      .arg(background.name(), border.name()));
    clearButtons();
    for (QAction *action : actions) {
        auto *button = new QPushButton(action->text(), this);
        button->setObjectName(QStringLiteral("messageButton"));
        button->setIcon(action->icon());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        connect(button, &QPushButton::clicked, this, &MessageBar::dismiss);
        m_buttons->addWidget(button);
    }
    setAccessibleDescription(text);
    show();
}

void MessageBar::dismiss()
{
    if (isHidden())
        return;
    hide();
    clearButtons();
    m_text->clear();
    emit dismissed();
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void MessageBar::clearButtons()
{
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        if (QWidget *widget = item->widget())
            widget->deleteLater();
        delete item;
    }
}

} // namespace nfqmon
