#include "helper/protocol/CompiledFilter.h"

#include <pcap/pcap.h>

#include <mutex>

namespace nfqmon {

namespace {

// Longer than any filter a person types; bounds the compiler's time and memory for input that
// arrives over D-Bus.
constexpr qsizetype MaximumExpressionLength = 4096;

// The link type only decides how the compiler finds the network header; RAW puts it at byte 0.
constexpr int CompileSnapLength = 65535;

void freeProgram(bpf_program *program)
{
    pcap_freecode(program);
    delete program;
}

} // namespace

std::optional<CompiledFilter> CompiledFilter::compile(const QString &expression, QString *error)
{
    const auto refuse = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };

    if (expression.size() > MaximumExpressionLength)
        return refuse(QStringLiteral("filter expression too long (%1 characters, at most %2)")
                          .arg(expression.size())
                          .arg(MaximumExpressionLength));
    if (expression.contains(QChar(0)))
        return refuse(QStringLiteral("filter expression contains a NUL character"));

    CompiledFilter filter;
    filter.m_expression = expression;
    if (expression.trimmed().isEmpty())
        return filter; // no program: matches everything, as an empty tcpdump filter does

    const QByteArray text = expression.toUtf8();
    auto program = std::shared_ptr<bpf_program>(new bpf_program{}, freeProgram);

    // libpcap 1.10's compiler is reentrant, older ones are not; compiling is rare and never on
    // the packet path, so one lock costs nothing.
    static std::mutex compileMutex;
    const std::lock_guard lock(compileMutex);
    pcap_t *handle = pcap_open_dead(DLT_RAW, CompileSnapLength);
    if (!handle)
        return refuse(QStringLiteral("libpcap could not start a filter compiler"));
    const int result =
        pcap_compile(handle, program.get(), text.constData(), 1, PCAP_NETMASK_UNKNOWN);
    const QString message = QString::fromLocal8Bit(pcap_geterr(handle));
    pcap_close(handle);
    if (result != 0)
        return refuse(message);

    filter.m_program = std::move(program);
    return filter;
}

bool CompiledFilter::matches(const std::uint8_t *packet, std::uint32_t caplen,
                             std::uint32_t wirelen) const
{
    if (!m_program)
        return true;
    // bpf_filter checks every load against caplen, so a truncated packet simply does not match
    // a test that needs the missing bytes.
    return bpf_filter(m_program->bf_insns, packet, wirelen, caplen) != 0;
}

} // namespace nfqmon
