#include "ui/ChartsPanel.h"

#include "ui/RateChart.h"
#include "ui/ShareChart.h"
#include "ui/TopChart.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace nfqmon {

ChartsPanel::ChartsPanel(QWidget *parent)
    : QWidget(parent), m_unit(new QComboBox(this)), m_range(new QLabel(this)),
      m_rates(new RateChart(this)), m_tabs(new QTabWidget(this)),
      m_protocols(new ShareChart(tr("Protocols (packets)"), this)),
      m_talkers(new TopChart(tr("Top talkers (packets sent)"), tr("packets"), this)),
      m_ports(new TopChart(tr("Top destination ports (packets)"), tr("packets"), this)),
      m_applications(
          new TopChart(tr("Top applications (packets sent and received)"), tr("packets"), this)),
      m_hosts(new TopChart(tr("Top hosts (packets sent and received)"), tr("packets"), this))
{
    m_rates->setObjectName(QStringLiteral("rateChart"));
    m_unit->setObjectName(QStringLiteral("rateUnit"));
    m_unit->addItem(tr("Packets/s"));
    m_unit->addItem(tr("Bytes/s"));
    m_unit->setToolTip(tr("What the rate chart counts"));
    m_range->setObjectName(QStringLiteral("rangeLabel"));
    m_range->setTextFormat(Qt::PlainText);
    auto *clear = new QToolButton(this);
    clear->setText(tr("Show all times"));
    clear->setAutoRaise(true);
    clear->setEnabled(false);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(4, 2, 4, 0);
    top->addWidget(m_unit);
    top->addWidget(m_range, 1);
    top->addWidget(clear);

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_protocols, tr("Protocols"));
    m_tabs->addTab(m_talkers, tr("Top talkers"));
    m_tabs->addTab(m_ports, tr("Top ports"));
    m_tabs->addTab(m_applications, tr("Top applications"));
    m_tabs->addTab(m_hosts, tr("Top hosts"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_rates);
    splitter->addWidget(m_tabs);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(m_unit, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_rates->setUnit(index == 0 ? RateChart::Unit::Packets : RateChart::Unit::Bytes);
    });
    connect(clear, &QToolButton::clicked, m_rates, &RateChart::clearSelection);
    connect(m_rates, &RateChart::timeRangeSelected, this, [this, clear](qint64 from, qint64 to) {
        const auto time = [](qint64 ns) {
            return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000)
                .toString(QStringLiteral("HH:mm:ss"));
        };
        m_range->setText(tr("Table shows %1 – %2").arg(time(from), time(to)));
        clear->setEnabled(true);
    });
    connect(m_rates, &RateChart::timeRangeCleared, this, [this, clear] {
        m_range->setText(tr("Drag across the chart to filter by time"));
        clear->setEnabled(false);
    });
    m_range->setText(tr("Drag across the chart to filter by time"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &ChartsPanel::applyShownTab);
}

void ChartsPanel::applyShownTab()
{
    QWidget *shown = m_tabs->currentWidget();
    if (shown == m_protocols && m_pendingProtocols)
        m_protocols->setEntries(*std::exchange(m_pendingProtocols, std::nullopt));
    else if (shown == m_talkers && m_pendingTalkers)
        m_talkers->setEntries(*std::exchange(m_pendingTalkers, std::nullopt));
    else if (shown == m_ports && m_pendingPorts)
        m_ports->setEntries(*std::exchange(m_pendingPorts, std::nullopt));
    else if (shown == m_applications && m_pendingApplications)
        m_applications->setEntries(*std::exchange(m_pendingApplications, std::nullopt));
    else if (shown == m_hosts && m_pendingHosts)
        m_hosts->setEntries(*std::exchange(m_pendingHosts, std::nullopt));
}

void ChartsPanel::setRates(const QList<RatePoint> &points)
{
    m_rates->setPoints(points);
}

void ChartsPanel::setProtocols(const QList<ChartEntry> &entries)
{
    m_pendingProtocols = entries;
    applyShownTab();
}

void ChartsPanel::setTalkers(const QList<ChartEntry> &entries, quint64 error, int counters)
{
    m_talkers->setToolTip(
        error == 0
            ? tr("Exact counts: every source so far has a counter of its own (up to %L1 sources).")
                  .arg(counters)
            : tr("Counted in fixed memory (%L1 counters, Space-Saving): a count may be too high "
                 "by up to %L2 packets, never too low, and every source that sent more than "
                 "%L2 packets is counted.")
                  .arg(counters)
                  .arg(error));
    m_pendingTalkers = entries;
    applyShownTab();
}

void ChartsPanel::setPorts(const QList<ChartEntry> &entries, quint64 error, int counters)
{
    m_ports->setToolTip(
        error == 0
            ? tr("Exact counts: every port so far has a counter of its own (up to %L1 ports).")
                  .arg(counters)
            : tr("Counted in fixed memory (%L1 counters, Space-Saving): a count may be too high "
                 "by up to %L2 packets, never too low, and every port that received more than "
                 "%L2 packets is counted.")
                  .arg(counters)
                  .arg(error));
    m_pendingPorts = entries;
    applyShownTab();
}

void ChartsPanel::setApplications(const QList<ChartEntry> &entries, quint64 error, int counters)
{
    const QString counted =
        tr("Packets of each program, sent or received, named as in the Application column; the "
           "kernel's own packets count as (kernel). Forwarded packets, packets nobody listens "
           "for and packets of unknown origin (an opened file) are not counted.");
    m_applications->setToolTip(
        counted + QLatin1Char('\n') +
        (error == 0 ? tr("Exact counts: every application so far has a counter of its own (up "
                         "to %L1 applications).")
                          .arg(counters)
                    : tr("Counted in fixed memory (%L1 counters, Space-Saving): a count may be "
                         "too high by up to %L2 packets, never too low, and every application "
                         "with more than %L2 packets is counted.")
                          .arg(counters)
                          .arg(error)));
    m_pendingApplications = entries;
    applyShownTab();
}

void ChartsPanel::setHosts(const QList<ChartEntry> &entries, quint64 error, int counters)
{
    const QString counted = tr("Packets to and from each host name the helper learned, named as "
                               "in the Host column. Packets without a learned name are not "
                               "counted.");
    m_hosts->setToolTip(
        counted + QLatin1Char('\n') +
        (error == 0 ? tr("Exact counts: every host name so far has a counter of its own (up to "
                         "%L1 names).")
                          .arg(counters)
                    : tr("Counted in fixed memory (%L1 counters, Space-Saving): a count may be "
                         "too high by up to %L2 packets, never too low, and every host name "
                         "with more than %L2 packets is counted.")
                          .arg(counters)
                          .arg(error)));
    m_pendingHosts = entries;
    applyShownTab();
}

} // namespace nfqmon
