// A bar above the packet table for what the user must know: a refused start, a helper that
// died, a rule the helper refused. One message at a time, with optional buttons (e.g. "Start
// again") and a close button; never a modal box, so the window goes on.
#pragma once

#include <QFrame>
#include <QList>

class QAction;
class QHBoxLayout;
class QLabel;
class QToolButton;

namespace nfqmon {

class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    // Replaces the message shown; `actions` become buttons (the bar closes when one is
    // clicked). The bar does not own the actions.
    void showMessage(Kind kind, const QString &text, const QList<QAction *> &actions = {});
    void dismiss();

    QString text() const;
    Kind kind() const { return m_kind; }

signals:
    void dismissed();

private:
    void clearButtons();

    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_buttons;
    QToolButton *m_close;
};

} // namespace nfqmon
