// The desktop application without its window: the connection to the helper (HelperClient,
// CaptureController), the packets (PacketStore, PacketTableModel, TrafficStatistics), the
// interfaces and rules (InterfaceListModel, RuleListModel) and the export (PacketExport), owned
// and wired together here. Its functions are what a person does; the window builds its widgets
// on them, and tests drive them without a window.
//
// What answers at once returns bool with a sentence; what answers later (the helper's rule
// calls, an export) reports through signals: errorOccurred() with a sentence, dropRuleAdded()
// for the rule that dropLike() added, PacketExport::finished() for an export.
#pragma once

#include "app/client/CaptureSettings.h"
#include "app/session/ExportScope.h"
#include "app/session/HostDrop.h"
#include "app/session/HostFilter.h"
#include "app/session/OwnerDrop.h"
#include "app/session/OwnerFilter.h"
#include "app/session/ReverseLookup.h"
#include "app/store/RuleSuggestion.h"

#include <QDBusConnection>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QTimer;

namespace nfqmon {

class CaptureController;
class ConnectionListModel;
class HelperClient;
class InterfaceListModel;
class PacketExport;
class PacketStore;
class PacketTableModel;
class RemoteLink;
class RuleListModel;
class TrafficStatistics;
struct RuleInfo;
struct StoredPacket;

class Session : public QObject
{
    Q_OBJECT
public:
    // bus: the system bus (tests pass their private one, or one that is not connected).
    explicit Session(const QDBusConnection &bus, QObject *parent = nullptr);
    // Another machine's helper, over SSH (RemoteLink): its capture, rules and interfaces. The
    // session owns the link.
    explicit Session(RemoteLink *link, QObject *parent = nullptr);
    ~Session() override;

    // Makes the packet file and asks the helper for its rules (the answer comes later; again
    // whenever the system bus comes back). False and a sentence when the packet file cannot be
    // made: packets then keep no bytes.
    bool open(QString *error);

    // The saved capture settings with the interfaces checked now (on another machine: without
    // dump files, which cannot cross SSH).
    CaptureSettings captureSettings() const;
    // Saves the settings (the capture settings dialog's) for the next start; another machine's
    // session leaves this machine's dump files and interfaces as they were.
    void saveCaptureSettings(CaptureSettings settings) const;
    // Turns the window's own reverse DNS lookups on or off (CaptureSettings::reverseLookup; the
    // saved setting when the session begins): names for the Host column's empty cells.
    void setReverseLookup(bool enabled);
    ReverseLookup *reverseLookup() const { return m_reverse; }
    // The details' host line for a packet: its learned name and where it came from
    // (HostText::details()), else the name a reverse lookup found, said to be one; empty when
    // none. May start a lookup.
    QString hostDetails(const StoredPacket &packet) const;
    // A capture with captureSettings() (saved as the next start's, on this machine), on an empty
    // store. False when a capture starts or runs already.
    bool startCapture();
    void stopCapture();
    bool isCapturing() const; // running, not starting or stopping

    // Browses a pcap file offline, in place of the packets shown. False and a sentence when no
    // capture may be stopped for it or the file cannot be read (the packets read until then
    // stay). skipped: frames without an IP packet, left out.
    bool openFile(const QString &path, QString *error, qint64 *skipped = nullptr);
    // The file being browsed; empty while capturing or before any file.
    QString offlineFile() const { return m_offlineFile; }
    // Where an export of the browsed file goes unless the user says otherwise ("x-export.pcap"
    // beside it); empty without a file.
    QString exportPathSuggestion() const;

    // The table shows only what `expression` matches (empty: everything). False and libpcap's
    // sentence when it does not compile; the previous filter stays.
    bool setDisplayFilter(const QString &expression, QString *error);

    // Writes the packets of `scope` to `path` in the background (PacketExport::finished()).
    // selectedRows: the store rows chosen in the table. False and a sentence when an export
    // runs already.
    bool exportPackets(ExportScope scope, const QString &path, const QList<qint64> &selectedRows,
                       QString *error);

    // The rules "Drop packets like this" offers for the packets at these store rows.
    QList<RuleSuggestion::Item> dropSuggestions(const QList<qint64> &storeRows) const;
    // "Everything from this application / from this user" for the chosen packets, where they
    // share a known program or user.
    QList<OwnerDrop> ownerDrops(const QList<qint64> &storeRows) const;
    // "Show only packets like this → from this application / from user NAME": the display
    // filters by the program or user the chosen packets share.
    QList<OwnerFilter> ownerFilters(const QList<qint64> &storeRows) const;
    // "To this host name / to this domain" for the chosen packets (HostDrop), by the names the
    // store keeps for them.
    QList<HostDrop> hostDrops(const QList<qint64> &storeRows) const;
    // "To this host / to this domain" display filters for the chosen packets (HostFilter).
    QList<HostFilter> hostFilters(const QList<qint64> &storeRows) const;
    // Adds drop.rule at the end of the rules (dropRuleAdded() with its description, or
    // errorOccurred()).
    void dropFrom(const OwnerDrop &drop);
    void dropTo(const HostDrop &drop);
    // What such a choice adds: the expression alone, every interface, both ways.
    static RuleInfo dropRule(const QString &expression);
    // Highlights in the table what `rule` would catch, as the helper's matcher decides; a rule
    // without an expression (or one the helper would refuse) clears the highlight.
    void previewRule(const RuleInfo &rule);
    // Adds dropRule(expression) at the end of the rules (dropRuleAdded() or errorOccurred()).
    // application: what the Application column calls the program of the rows it was chosen on
    // (rowsApplication()), remembered for the rule's notification (addedFrom()).
    void dropLike(const QString &expression, const QString &application = {});
    // The Application column's text that every packet at these store rows shares (the first
    // few hundred, as dropSuggestions()); empty when they differ or name no program.
    QString rowsApplication(const QList<qint64> &storeRows) const;
    // The application of the rows a rule of dropLike() was chosen on, while the rule keeps its
    // expression; empty for any other rule.
    QString addedFrom(const RuleInfo &rule) const;
    // What the Application column calls the program a rule is limited to (its desktop entry's
    // Name, else the executable's file name); empty for a rule of every program.
    QString programName(const RuleInfo &rule) const;
    // Adds `rule` at the end of the rules (errorOccurred() when the helper refuses).
    void addRule(const RuleInfo &rule);
    // Removes rule `id` again (the undo of dropLike()).
    void removeRule(uint id);
    // Adds `rule` again at `position` (the undo of a deletion).
    void putRuleBack(const RuleInfo &rule, int position);

    // The machine the session watches: empty for this one, else the SSH destination.
    QString machine() const;
    // What the Machine column calls it: this machine's host name, else the SSH destination.
    QString machineName() const;
    // The name a reverse lookup found for the packet's remote end (may start one); empty when
    // none is known (yet) or lookups are off.
    QString reverseName(const StoredPacket &packet) const;

    HelperClient *client() const { return m_client; }
    CaptureController *controller() const { return m_controller; }
    InterfaceListModel *interfaces() const { return m_interfaces; }
    RuleListModel *rules() const { return m_rules; }
    PacketStore *store() const { return m_store; }
    PacketTableModel *model() const { return m_model; }
    TrafficStatistics *statistics() const { return m_statistics; }
    // Every connection of the packets held, with what the kernel decided after the inspection
    // depth; the kernel's figures are asked for once a second while setConnectionsWatched(true)
    // and a capture with a depth runs.
    ConnectionListModel *connections() const { return m_connections; }
    void setConnectionsWatched(bool watched);
    PacketExport *packetExport() const { return m_export; }

signals:
    // The file browsed from here on (path), or none since a capture replaced it (empty).
    void offlineFileChanged(const QString &path);
    // dropLike()'s or dropFrom()'s rule is in place, with the id the helper gave it; what it
    // drops: the expression, or the owner drop's description.
    void dropRuleAdded(uint id, const QString &expression);
    // A rule call that answered later failed: a sentence for a person.
    void errorOccurred(const QString &message);

private:
    Session(HelperClient *client, QObject *parent);
    void fetchInterfaces();

    // The process of each packet at these rows (the first few hundred), nullptr where unknown.
    QList<const ProcessInfo *> processesAt(const QList<qint64> &storeRows) const;
    QStringList hostNamesAt(const QList<qint64> &storeRows) const; // learned names, "" for none
    // Adds `rule` at the end of the rules: dropRuleAdded(id, description) or errorOccurred().
    void addDrop(const RuleInfo &rule, const QString &description);
    void setOfflineFile(const QString &path);

    struct RuleOrigin {
        QString expression;
        QString application;
    };

    HelperClient *m_client;
    CaptureController *m_controller;
    InterfaceListModel *m_interfaces;
    RuleListModel *m_rules;
    PacketStore *m_store;
    PacketTableModel *m_model;
    TrafficStatistics *m_statistics;
    ReverseLookup *m_reverse;
    ConnectionListModel *m_connections;
    QTimer *m_connectionPoll;
    bool m_connectionsAsked = false; // an answer is on its way
    void pollConnections();
    PacketExport *m_export;
    QString m_offlineFile;
    // Rules of dropLike() on one application's rows, by id; an id used again for another
    // expression does not match (addedFrom()).
    QHash<uint, RuleOrigin> m_origins;
};

} // namespace nfqmon
