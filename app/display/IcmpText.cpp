#include "app/display/IcmpText.h"

#include "app/display/NumberName.h"

namespace nfqmon {

namespace {

constexpr NumberName IcmpTypes[] = {
    {0, QT_TRANSLATE_NOOP("IcmpText", "echo reply")},
    {3, QT_TRANSLATE_NOOP("IcmpText", "destination unreachable")},
    {4, QT_TRANSLATE_NOOP("IcmpText", "source quench")},
    {5, QT_TRANSLATE_NOOP("IcmpText", "redirect")},
    {8, QT_TRANSLATE_NOOP("IcmpText", "echo request")},
    {9, QT_TRANSLATE_NOOP("IcmpText", "router advertisement")},
    {10, QT_TRANSLATE_NOOP("IcmpText", "router solicitation")},
    {11, QT_TRANSLATE_NOOP("IcmpText", "time exceeded")},
    {12, QT_TRANSLATE_NOOP("IcmpText", "parameter problem")},
    {13, QT_TRANSLATE_NOOP("IcmpText", "timestamp request")},
    {14, QT_TRANSLATE_NOOP("IcmpText", "timestamp reply")},
};

constexpr NumberName IcmpUnreachableCodes[] = {
    {0, QT_TRANSLATE_NOOP("IcmpText", "network unreachable")},
    {1, QT_TRANSLATE_NOOP("IcmpText", "host unreachable")},
    {2, QT_TRANSLATE_NOOP("IcmpText", "protocol unreachable")},
    {3, QT_TRANSLATE_NOOP("IcmpText", "port unreachable")},
    {4, QT_TRANSLATE_NOOP("IcmpText", "fragmentation needed")},
    {5, QT_TRANSLATE_NOOP("IcmpText", "source route failed")},
    {6, QT_TRANSLATE_NOOP("IcmpText", "destination network unknown")},
    {7, QT_TRANSLATE_NOOP("IcmpText", "destination host unknown")},
    {9, QT_TRANSLATE_NOOP("IcmpText", "network administratively prohibited")},
    {10, QT_TRANSLATE_NOOP("IcmpText", "host administratively prohibited")},
    {13, QT_TRANSLATE_NOOP("IcmpText", "communication administratively prohibited")},
};

constexpr NumberName Icmpv6Types[] = {
    {1, QT_TRANSLATE_NOOP("IcmpText", "destination unreachable")},
    {2, QT_TRANSLATE_NOOP("IcmpText", "packet too big")},
    {3, QT_TRANSLATE_NOOP("IcmpText", "time exceeded")},
    {4, QT_TRANSLATE_NOOP("IcmpText", "parameter problem")},
    {128, QT_TRANSLATE_NOOP("IcmpText", "echo request")},
    {129, QT_TRANSLATE_NOOP("IcmpText", "echo reply")},
    {130, QT_TRANSLATE_NOOP("IcmpText", "multicast listener query")},
    {131, QT_TRANSLATE_NOOP("IcmpText", "multicast listener report")},
    {132, QT_TRANSLATE_NOOP("IcmpText", "multicast listener done")},
    {133, QT_TRANSLATE_NOOP("IcmpText", "router solicitation")},
    {134, QT_TRANSLATE_NOOP("IcmpText", "router advertisement")},
    {135, QT_TRANSLATE_NOOP("IcmpText", "neighbor solicitation")},
    {136, QT_TRANSLATE_NOOP("IcmpText", "neighbor advertisement")},
    {137, QT_TRANSLATE_NOOP("IcmpText", "redirect")},
    {143, QT_TRANSLATE_NOOP("IcmpText", "multicast listener report v2")},
};

constexpr NumberName Icmpv6UnreachableCodes[] = {
    {0, QT_TRANSLATE_NOOP("IcmpText", "no route to destination")},
    {1, QT_TRANSLATE_NOOP("IcmpText", "administratively prohibited")},
    {2, QT_TRANSLATE_NOOP("IcmpText", "beyond scope of source address")},
    {3, QT_TRANSLATE_NOOP("IcmpText", "address unreachable")},
    {4, QT_TRANSLATE_NOOP("IcmpText", "port unreachable")},
    {5, QT_TRANSLATE_NOOP("IcmpText", "source address failed policy")},
    {6, QT_TRANSLATE_NOOP("IcmpText", "reject route to destination")},
};

constexpr NumberName TimeExceededCodes[] = {
    {0, QT_TRANSLATE_NOOP("IcmpText", "in transit")},
    {1, QT_TRANSLATE_NOOP("IcmpText", "fragment reassembly")},
};

} // namespace

QString IcmpText::typeName(bool v6, unsigned type)
{
    const char *name = v6 ? NumberName::find(Icmpv6Types, type) : NumberName::find(IcmpTypes, type);
    return name ? tr(name) : QString();
}

QString IcmpText::codeName(bool v6, unsigned type, unsigned code)
{
    const char *name = nullptr;
    if ((!v6 && type == 3) || (v6 && type == 1))
        name = v6 ? NumberName::find(Icmpv6UnreachableCodes, code)
                  : NumberName::find(IcmpUnreachableCodes, code);
    else if ((!v6 && type == 11) || (v6 && type == 3))
        name = NumberName::find(TimeExceededCodes, code);
    return name ? tr(name) : QString();
}

QString IcmpText::text(bool v6, unsigned type, unsigned code)
{
    const QString named = typeName(v6, type);
    if (named.isEmpty())
        return tr("type %1 code %2").arg(type).arg(code);
    const QString codeText = codeName(v6, type, code);
    if (!codeText.isEmpty())
        return QStringLiteral("%1 (%2)").arg(named, codeText);
    if (code != 0)
        return tr("%1 (code %2)").arg(named).arg(code);
    return named;
}

} // namespace nfqmon
