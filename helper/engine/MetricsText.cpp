#include "helper/engine/MetricsText.h"

namespace nfqmon::MetricsText {

namespace {

// Writes one metric family: HELP and TYPE once, then its samples.
class Writer
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_name = QLatin1String(name);
        m_text += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n")
                      .arg(m_name, QLatin1String(help), QLatin1String(type));
    }
    // labels: "key", "value", ... (values escaped here)
    void sample(const QString &value, std::initializer_list<QString> labels = {})
    {
        m_text += m_name;
        if (labels.size() > 0) {
            m_text += u'{';
            for (auto it = labels.begin(); it != labels.end(); it += 2) {
                if (it != labels.begin())
                    m_text += u',';
                m_text += *it + QStringLiteral("=\"") + escapeLabelValue(*(it + 1)) + u'"';
            }
            m_text += u'}';
        }
        m_text += u' ' + value + u'\n';
    }
    void sample(std::uint64_t value, std::initializer_list<QString> labels = {})
    {
        sample(QString::number(value), labels);
    }
    QByteArray text() const { return m_text.toUtf8(); }

private:
    QString m_name;
    QString m_text;
};

const QString Verdict = QStringLiteral("verdict");
const QString Accept = QStringLiteral("accept");
const QString Drop = QStringLiteral("drop");

} // namespace

QString escapeLabelValue(const QString &value)
{
    QString escaped;
    escaped.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\')
            escaped += QStringLiteral("\\\\");
        else if (c == u'"')
            escaped += QStringLiteral("\\\"");
        else if (c == u'\n')
            escaped += QStringLiteral("\\n");
        else
            escaped += c;
    }
    return escaped;
}

QByteArray format(const MetricsSnapshot &snapshot)
{
    const EngineStatistics &s = snapshot.statistics;
    Writer w;
    w.family("nfqmon_capture_up", "gauge", "Whether nfqmon-helper is capturing (1) or not (0).");
    w.sample(snapshot.captureUp ? 1 : 0);
    if (snapshot.captureStartMs) {
        w.family("nfqmon_capture_start_time_seconds", "gauge",
                 "When the running (or last) capture started, in seconds since the epoch.");
        w.sample(QString::number(double(*snapshot.captureStartMs) / 1000.0, 'f', 3));
    }
    w.family("nfqmon_config_info", "gauge",
             "The helper's mode and the SHA-256 of its config file (headless) or saved rules "
             "(service).");
    w.sample(1, {QStringLiteral("mode"), snapshot.mode, QStringLiteral("sha256"),
                 snapshot.configSha256});
    w.family("nfqmon_packets_total", "counter",
             "Packets the capture received, by verdict (drop: by a rule).");
    w.sample(s.accepted, {Verdict, Accept});
    w.sample(s.dropped, {Verdict, Drop});
    w.family("nfqmon_bytes_total", "counter",
             "Bytes of the packets the capture received (whole lengths), by verdict.");
    w.sample(s.acceptedBytes, {Verdict, Accept});
    w.sample(s.droppedBytes, {Verdict, Drop});
    if (s.decided) {
        // With an inspection depth: the rest of each decided flow, which the kernel counts.
        w.family("nfqmon_decided_packets_total", "counter",
                 "Packets the kernel passed or dropped after the inspection depth, by the "
                 "verdict stored for their flow.");
        w.sample(s.decided->passedPackets, {Verdict, Accept});
        w.sample(s.decided->droppedPackets, {Verdict, Drop});
        w.family("nfqmon_decided_bytes_total", "counter",
                 "Bytes of the packets the kernel decided after the inspection depth, by verdict.");
        w.sample(s.decided->passedBytes, {Verdict, Accept});
        w.sample(s.decided->droppedBytes, {Verdict, Drop});
    }
    if (!s.rules.empty()) {
        // Labelled by id: an expression's change keeps its series; rule_info tells the text.
        w.family("nfqmon_rule_hits_total", "counter", "Packets each rule decided.");
        for (const auto &r : s.rules)
            w.sample(r.hits, {QStringLiteral("rule"), QString::number(r.rule.id),
                              QStringLiteral("action"), actionName(r.rule.action)});
        w.family("nfqmon_rule_info", "gauge", "Each rule's action and filter expression.");
        for (const auto &r : s.rules)
            w.sample(1,
                     {QStringLiteral("rule"), QString::number(r.rule.id), QStringLiteral("action"),
                      actionName(r.rule.action), QStringLiteral("expression"), r.rule.expression});
    }
    w.family("nfqmon_records_lost_total", "counter",
             "Packet records a consumer (dump, log, client stream) could not take in time.");
    w.sample(s.lost);
    w.family("nfqmon_kernel_queue_dropped_total", "counter",
             "Packets the kernel counted as dropped for nfqmon's queues (queue full or socket "
             "overrun).");
    w.sample(s.kernelDropped());
    // Unknown until the rules' counters were read once: no sample rather than a false 0.
    if (s.passedUnseenKnown) {
        w.family("nfqmon_passed_unseen_total", "counter",
                 "Packets that passed fail-open without a verdict because the queue was full.");
        w.sample(s.passedUnseen);
    }
    return w.text();
}

} // namespace nfqmon::MetricsText
