#include "helper/engine/MetricsPublisher.h"

#include "helper/engine/MetricsText.h"

#include <QTimer>

namespace nfqmon {

MetricsPublisher::MetricsPublisher(MetricsFile file, Source source, Reporter report,
                                   QObject *parent)
    : QObject(parent), m_file(std::move(file)), m_source(std::move(source)),
      m_report(std::move(report)), m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, [this] { publish(); });
}

bool MetricsPublisher::publish(QString *error)
{
    QString problem;
    if (m_file.write(MetricsText::format(m_source()), &problem)) {
        m_lastError.clear();
        return true;
    }
    // A disk that stays full would otherwise repeat the same sentence every few seconds.
    if (m_lastError.isEmpty() && m_report)
        m_report(problem);
    m_lastError = problem;
    if (error)
        *error = problem;
    return false;
}

void MetricsPublisher::start()
{
    m_timer->start(IntervalMs);
}

void MetricsPublisher::stop()
{
    m_timer->stop();
}

} // namespace nfqmon
