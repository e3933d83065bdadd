#include "helper/service/ConnectionList.h"

#include "helper/protocol/HelperContract.h"

#include <arpa/inet.h>

namespace nfqmon::ConnectionList {

namespace {

QString addressText(int family, const std::uint8_t *bytes)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (!inet_ntop(family == 4 ? AF_INET : AF_INET6, bytes, text, sizeof text))
        return {};
    return QString::fromLatin1(text);
}

} // namespace

QList<QVariantMap> describe(const std::vector<FlowBypass::Decision> &decisions)
{
    namespace Field = Contract::ConnectionField;
    QList<QVariantMap> list;
    list.reserve(qsizetype(decisions.size()));
    for (const FlowBypass::Decision &d : decisions) {
        const nfq_bypass_key &k = d.key;
        list.append({{Field::Protocol, uint(k.protocol)},
                     {Field::LowAddress, addressText(k.family, k.low)},
                     {Field::LowPort, QVariant::fromValue(quint16(ntohs(k.low_port)))},
                     {Field::HighAddress, addressText(k.family, k.high)},
                     {Field::HighPort, QVariant::fromValue(quint16(ntohs(k.high_port)))},
                     {Field::Verdict, d.accept ? QStringLiteral("accept") : QStringLiteral("drop")},
                     {Field::Current, d.current},
                     {Field::Packets, qulonglong(d.packets)},
                     {Field::Bytes, qulonglong(d.bytes)},
                     {Field::IdleMs, qulonglong(d.idleNs / 1'000'000)}});
    }
    return list;
}

} // namespace nfqmon::ConnectionList
