#include "ui/PacketMenu.h"

#include <algorithm>

namespace nfqmon {

namespace {
constexpr char ExpressionProperty[] = "nfqmonExpression";
constexpr char OwnerProperty[] = "nfqmonOwner";             // the index in m_owners
constexpr char OwnerFilterProperty[] = "nfqmonOwnerFilter"; // the index in m_ownerFilters
constexpr char HostProperty[] = "nfqmonHost";               // the index in m_hosts
constexpr char HostFilterProperty[] = "nfqmonHostFilter";   // the index in m_hostFilters
} // namespace

PacketMenu::PacketMenu(const QList<RuleSuggestion::Item> &items, const QList<OwnerDrop> &owners,
                       const QList<HostDrop> &hosts, const QList<OwnerFilter> &ownerFilters,
                       const QList<HostFilter> &hostFilters, int packets, QWidget *parent)
    : QMenu(parent), m_owners(owners), m_hosts(hosts), m_ownerFilters(ownerFilters),
      m_hostFilters(hostFilters)
{
    setObjectName(QStringLiteral("packetMenu"));
    setToolTipsVisible(true);
    m_drop = addMenu(QIcon(QStringLiteral(":/icons/drop.svg")),
                     packets == 1 ? tr("&Drop packets like this") : tr("&Drop packets like these"));
    m_drop->setObjectName(QStringLiteral("dropMenu"));
    m_drop->setToolTipsVisible(true);
    m_filter = addMenu(packets == 1 ? tr("&Show only packets like this")
                                    : tr("&Show only packets like these"));
    m_filter->setObjectName(QStringLiteral("filterMenu"));
    m_filter->setToolTipsVisible(true);
    for (const RuleSuggestion::Item &item : items) {
        QAction *drop = m_drop->addAction(item.label);
        drop->setToolTip(item.expression);
        drop->setProperty(ExpressionProperty, item.expression);
        connect(drop, &QAction::triggered, this,
                [this, expression = item.expression] { emit dropRequested(expression); });
        QAction *filter = m_filter->addAction(item.label);
        filter->setToolTip(item.expression);
        filter->setProperty(ExpressionProperty, item.expression);
        connect(filter, &QAction::triggered, this,
                [this, expression = item.expression] { emit filterRequested(expression); });
    }
    if (items.isEmpty())
        m_drop->addAction(tr("(nothing these packets share)"))->setEnabled(false);
    if (!items.isEmpty() && !m_ownerFilters.isEmpty())
        m_filter->addSeparator();
    for (qsizetype i = 0; i < m_ownerFilters.size(); ++i) {
        const OwnerFilter &owner = m_ownerFilters.at(i);
        QAction *filter = m_filter->addAction(owner.label);
        filter->setObjectName(owner.preview.user ? QStringLiteral("filterFromUserAction")
                                                 : QStringLiteral("filterFromApplicationAction"));
        filter->setToolTip(owner.expression);
        filter->setProperty(OwnerFilterProperty, int(i));
        connect(filter, &QAction::triggered, this,
                [this, expression = owner.expression] { emit filterRequested(expression); });
    }
    if ((!items.isEmpty() || !m_ownerFilters.isEmpty()) && !m_hostFilters.isEmpty())
        m_filter->addSeparator();
    for (qsizetype i = 0; i < m_hostFilters.size(); ++i) {
        const HostFilter &host = m_hostFilters.at(i);
        QAction *filter = m_filter->addAction(host.label);
        filter->setObjectName(host.kind == HostFilter::Kind::Name
                                  ? QStringLiteral("filterToHostAction")
                                  : QStringLiteral("filterToDomainAction"));
        filter->setToolTip(host.description);
        filter->setEnabled(host.enabled);
        filter->setProperty(HostFilterProperty, int(i));
        connect(filter, &QAction::triggered, this,
                [this, expression = host.expression] { emit filterRequested(expression); });
    }
    m_filter->setEnabled(!items.isEmpty() || !m_ownerFilters.isEmpty() ||
                         std::any_of(m_hostFilters.cbegin(), m_hostFilters.cend(),
                                     [](const HostFilter &f) { return f.enabled; }));
    if (!m_owners.isEmpty())
        m_drop->addSeparator();
    for (qsizetype i = 0; i < m_owners.size(); ++i) {
        QAction *drop = m_drop->addAction(m_owners.at(i).label);
        drop->setObjectName(m_owners.at(i).rule.program.isEmpty()
                                ? QStringLiteral("dropFromUserAction")
                                : QStringLiteral("dropFromApplicationAction"));
        drop->setToolTip(m_owners.at(i).description);
        drop->setProperty(OwnerProperty, int(i));
        connect(drop, &QAction::triggered, this,
                [this, i] { emit ownerDropRequested(m_owners.at(i)); });
    }
    if (!m_hosts.isEmpty())
        m_drop->addSeparator();
    for (qsizetype i = 0; i < m_hosts.size(); ++i) {
        const HostDrop &host = m_hosts.at(i);
        QAction *drop = m_drop->addAction(host.label);
        drop->setObjectName(host.kind == HostDrop::Kind::Name
                                ? QStringLiteral("dropToHostAction")
                                : QStringLiteral("dropToDomainAction"));
        drop->setToolTip(host.description);
        drop->setEnabled(host.enabled);
        drop->setProperty(HostProperty, int(i));
        connect(drop, &QAction::triggered, this,
                [this, i] { emit hostDropRequested(m_hosts.at(i)); });
    }
    m_drop->addSeparator();
    const QString start = items.isEmpty() ? QString() : items.constFirst().expression;
    QAction *custom = m_drop->addAction(tr("&Custom…"));
    custom->setObjectName(QStringLiteral("customDropAction"));
    custom->setToolTip(tr("Write or change the rule's expression before adding it"));
    connect(custom, &QAction::triggered, this, [this, start] { emit customDropRequested(start); });
    addSeparator();
    addAction(QIcon(QStringLiteral(":/icons/export.svg")),
              packets == 1 ? tr("&Export this packet…")
                           : tr("&Export these %1 packets…").arg(packets),
              this, &PacketMenu::exportRequested);

    for (QMenu *menu : {static_cast<QMenu *>(this), m_drop, m_filter})
        connect(menu, &QMenu::hovered, this, &PacketMenu::onHovered);
    connect(this, &QMenu::aboutToHide, this, [this] { emit previewRequested(QString()); });
}

void PacketMenu::onHovered(QAction *action)
{
    const QVariant owner = action ? action->property(OwnerProperty) : QVariant();
    const QVariant ownerFilter = action ? action->property(OwnerFilterProperty) : QVariant();
    const QVariant host = action ? action->property(HostProperty) : QVariant();
    const QVariant hostFilter = action ? action->property(HostFilterProperty) : QVariant();
    if (hostFilter.isValid())
        emit hostPreviewRequested(m_hostFilters.at(hostFilter.toInt()).preview);
    else if (host.isValid())
        emit hostPreviewRequested(m_hosts.at(host.toInt()).rule);
    else if (owner.isValid())
        emit ownerPreviewRequested(m_owners.at(owner.toInt()).rule);
    else if (ownerFilter.isValid())
        emit ownerPreviewRequested(m_ownerFilters.at(ownerFilter.toInt()).preview);
    else
        emit previewRequested(action ? action->property(ExpressionProperty).toString() : QString());
}

} // namespace nfqmon
