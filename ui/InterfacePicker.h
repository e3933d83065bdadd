// The toolbar's interface chooser: a button showing the chosen interfaces that opens a checkable
// list of the machine's interfaces (InterfaceListModel: "any" first, then name, state and
// addresses). The menu stays open while boxes are ticked.
#pragma once

#include <QToolButton>

namespace nfqmon {

class InterfaceListModel;

class InterfacePicker : public QToolButton
{
    Q_OBJECT
public:
    explicit InterfacePicker(InterfaceListModel *model, QWidget *parent = nullptr);

    InterfaceListModel *model() const { return m_model; }

private:
    void fillMenu();
    void updateText();

    InterfaceListModel *m_model;
};

} // namespace nfqmon
