// The packet table's context menu for the chosen rows: "Drop packets like this" (from this
// source, to this destination, this conversation, to this port, this protocol — what
// RuleSuggestion offers —, everything from this application or user — what OwnerDrop offers —,
// to this host name or domain — what HostDrop offers — and "Custom…"), "Show only packets like
// this" (the display filter: the same expressions, from this application or user — what
// OwnerFilter offers —, and to this host or domain — what HostFilter offers) and exporting the
// chosen packets. Hovering an entry asks for a preview of what it would match.
#pragma once

#include "app/session/HostDrop.h"
#include "app/session/HostFilter.h"
#include "app/session/OwnerDrop.h"
#include "app/session/OwnerFilter.h"
#include "app/store/RuleSuggestion.h"

#include <QMenu>

namespace nfqmon {

class PacketMenu : public QMenu
{
    Q_OBJECT
public:
    // packets: how many rows were chosen (the items hold for all of them).
    // owners: "everything from this application / user" (OwnerDrop), after the items.
    // hosts: "to this host name / domain" (HostDrop), after the owners, disabled where not
    // offered. ownerFilters: "from this application / user" (OwnerFilter), after the filter
    // items; hostFilters: "to this host / domain" (HostFilter), after them, disabled where not
    // offered.
    PacketMenu(const QList<RuleSuggestion::Item> &items, const QList<OwnerDrop> &owners,
               const QList<HostDrop> &hosts, const QList<OwnerFilter> &ownerFilters,
               const QList<HostFilter> &hostFilters, int packets, QWidget *parent = nullptr);

    QMenu *dropMenu() const { return m_drop; }
    QMenu *filterMenu() const { return m_filter; }

signals:
    void previewRequested(const QString &expression); // empty: no preview
    void dropRequested(const QString &expression);
    void customDropRequested(const QString &expression); // the expression to start from
    void filterRequested(const QString &expression);
    void ownerPreviewRequested(const RuleInfo &rule);
    void ownerDropRequested(const OwnerDrop &drop);
    void hostPreviewRequested(const RuleInfo &rule);
    void hostDropRequested(const HostDrop &drop);
    void exportRequested();

private:
    void onHovered(QAction *action);

    QList<OwnerDrop> m_owners;
    QList<HostDrop> m_hosts;
    QList<OwnerFilter> m_ownerFilters;
    QList<HostFilter> m_hostFilters;
    QMenu *m_drop;
    QMenu *m_filter;
};

} // namespace nfqmon
