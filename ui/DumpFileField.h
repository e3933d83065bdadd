// "Save … packets to: [x] [path] [Choose…]" in the capture settings: off when unchecked or empty.
#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace nfqmon {

class DumpFileField : public QWidget
{
    Q_OBJECT
public:
    DumpFileField(const QString &label, QWidget *parent = nullptr);

    void setPath(const QString &path); // empty: off
    QString path() const;              // empty when off

    QCheckBox *checkBox() const { return m_enabled; }
    QLineEdit *lineEdit() const { return m_path; }

private:
    void choose();
    void updateEnabled();

    QCheckBox *m_enabled;
    QLineEdit *m_path;
    QPushButton *m_choose;
};

} // namespace nfqmon
