// The capture settings, remembered between runs (CaptureSettings::save): automatic iptables
// rules or the user's own HAKA-PRE/HAKA-OUT chains (then what the helper finds there and the
// commands that create them), the two dump files, snap length, queue number, how many packets of
// each connection the helper inspects, and how many packets the window keeps.
#pragma once

#include "app/client/CaptureSettings.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace nfqmon {

class DumpFileField;
class HelperClient;

class CaptureSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // client: asked for the chains when automatic rules are off (may be null).
    explicit CaptureSettingsDialog(HelperClient *client, QWidget *parent = nullptr);

    void setSettings(const CaptureSettings &settings); // interfaces are kept as given
    CaptureSettings settings() const;
    // Another machine's window: no dump file can be chosen there; `why` says what to do instead.
    void setDumpFilesUnavailable(const QString &why);

    QString chainText() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fitContents();
    void updateChains();
    void fetchChains();

    QPointer<HelperClient> m_client;
    CaptureSettings m_settings;
    QCheckBox *m_automatic;
    QLabel *m_chainTitle;
    QPlainTextEdit *m_chains;
    QPushButton *m_checkChains;
    DumpFileField *m_dumpAll;
    DumpFileField *m_dumpAccepted;
    QLabel *m_filesNote;
    QSpinBox *m_snapLength;
    QSpinBox *m_queue;
    QSpinBox *m_storeLimit;
    QCheckBox *m_reverseLookup;
    QCheckBox *m_limitInspection; // on: only the first m_inspectPackets of each connection
    QSpinBox *m_inspectPackets;
    QLabel *m_dumpDepthNote; // the dumps hold only the inspected packets
};

} // namespace nfqmon
