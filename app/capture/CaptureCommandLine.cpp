#include "app/capture/CaptureCommandLine.h"

#include "helper/protocol/CaptureLimits.h"
#include "helper/protocol/HelperContract.h"

#include <QCommandLineParser>

#include <cmath>

#include <net/if.h>

namespace nfqmon {

namespace {

// IFNAMSIZ without its NUL: what the kernel takes as an interface name.
constexpr qsizetype MaxInterfaceName = IF_NAMESIZE - 1;
// About 31 years: longer is a mistake, and milliseconds of it still fit everywhere.
constexpr double MaxDurationSeconds = 1e9;

std::optional<std::uint64_t> wholeNumber(const QString &text, std::uint64_t min, std::uint64_t max)
{
    bool ok = false;
    const qulonglong value = text.trimmed().toULongLong(&ok, 10);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return std::uint64_t(value);
}

bool validInterfaceName(const QString &name)
{
    if (name.isEmpty() || name.toUtf8().size() > MaxInterfaceName || name == QLatin1String(".") ||
        name == QLatin1String(".."))
        return false;
    for (const QChar c : name) {
        if (c.isSpace() || c == QLatin1Char('/') || c == QLatin1Char(':') || c.unicode() < 0x20)
            return false;
    }
    return true;
}

} // namespace

CaptureCommandLine::Result CaptureCommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    parser.setApplicationDescription(
        tr("Captures the packets netfilter queues to nfqmon and writes them as pcapng, each with "
           "its verdict, rule, direction and interface."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption interfaceOption(
        {QStringLiteral("i"), QStringLiteral("interface")},
        tr("Capture on this interface (repeat it, or separate names with commas); \"any\" for "
           "every interface, the default."),
        tr("name"));
    const QCommandLineOption rules(QStringLiteral("rules"),
                                   tr("Create the iptables rules automatically (the default)."));
    const QCommandLineOption noRules(
        QStringLiteral("no-rules"),
        tr("Create no iptables rules: capture what your own rules send to the chains HAKA-PRE and "
           "HAKA-OUT."));
    const QCommandLineOption count({QStringLiteral("c"), QStringLiteral("count")},
                                   tr("Stop after this many packets."), tr("packets"));
    const QCommandLineOption duration({QStringLiteral("a"), QStringLiteral("duration")},
                                      tr("Stop after this many seconds."), tr("seconds"));
    const QCommandLineOption writeTo({QStringLiteral("w"), QStringLiteral("write")},
                                     tr("Write the pcapng capture to this file, or \"-\" for "
                                        "standard output (the default)."),
                                     tr("file"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")},
                                   tr("Print nothing on standard error but errors."));
    const QCommandLineOption queue(QStringLiteral("queue"),
                                   tr("The NFQUEUE number (default 0); change it when another "
                                      "program uses queue 0."),
                                   tr("number"));
    const QCommandLineOption queues(QStringLiteral("queues"),
                                    tr("How many queues, each with a thread of the helper "
                                       "(1 to %1).")
                                        .arg(Limits::MaxQueuesOverDBus),
                                    tr("number"));
    const QCommandLineOption snapLength({QStringLiteral("s"), QStringLiteral("snaplen")},
                                        tr("Bytes kept of each packet (%1 to %2, default %3).")
                                            .arg(Limits::MinSnapLength)
                                            .arg(Limits::MaxUsefulSnapLength)
                                            .arg(Limits::DefaultSnapLength),
                                        tr("bytes"));
    const QCommandLineOption inspect(
        QStringLiteral("inspect"),
        tr("Inspect only the first N packets of each TCP or UDP connection (1 to %1); the kernel "
           "passes or drops the rest as the last of them was decided, and they are not written.")
            .arg(Limits::MaxInspectPackets),
        tr("N"));
    const QCommandLineOption attach(
        QStringLiteral("attach"),
        tr("Write the packets of the capture already running on this host instead of starting "
           "one; it goes on when this program ends."));
    const QCommandLineOption relay(
        QStringLiteral("relay"),
        tr("Copy the packet stream of the capture running on this host to standard output "
           "unchanged (nfqmon's own format, for a window on another host)."));
    parser.addOptions({interfaceOption, rules, noRules, count, duration, writeTo, quiet, queue,
                       queues, snapLength, inspect, attach, relay});

    Result result;
    const auto fail = [&result](const QString &sentence) {
        result.outcome = Outcome::Error;
        result.text = sentence;
        return result;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(help)) {
        result.outcome = Outcome::Help;
        result.text = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.outcome = Outcome::Version;
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(tr("Unexpected argument \"%1\": nfqmon-capture takes no filter; drop rules "
                       "decide what passes.")
                        .arg(parser.positionalArguments().constFirst()));

    CaptureCliOptions &o = result.options;
    o.quiet = parser.isSet(quiet);

    if (parser.isSet(relay) && parser.isSet(attach))
        return fail(tr("Give either --relay or --attach, not both."));
    if (parser.isSet(relay)) {
        for (const QCommandLineOption &other : {interfaceOption, rules, noRules, count, duration,
                                                writeTo, queue, queues, snapLength, inspect}) {
            if (parser.isSet(other))
                return fail(tr("--relay copies the running capture's stream to standard output "
                               "and takes no option but -q (not --%1).")
                                .arg(other.names().constLast()));
        }
        o.mode = CaptureCliOptions::Mode::Relay;
        result.outcome = Outcome::Run;
        return result;
    }
    if (parser.isSet(attach)) {
        for (const QCommandLineOption &other :
             {interfaceOption, rules, noRules, queue, queues, snapLength, inspect}) {
            if (parser.isSet(other))
                return fail(tr("--attach writes the running capture as it was started, so "
                               "--%1 cannot change it.")
                                .arg(other.names().constLast()));
        }
        o.mode = CaptureCliOptions::Mode::Attach;
    }

    if (parser.isSet(interfaceOption)) {
        QStringList names;
        for (const QString &value : parser.values(interfaceOption)) {
            for (const QString &part : value.split(QLatin1Char(','))) {
                const QString name = part.trimmed();
                if (name.isEmpty())
                    return fail(
                        tr("-i needs an interface name (\"%1\" has an empty one).").arg(value));
                if (name != Contract::Status::AnyInterface && !validInterfaceName(name))
                    return fail(tr("\"%1\" is not an interface name.").arg(name));
                if (!names.contains(name))
                    names.append(name);
            }
        }
        if (names.size() > 1 && names.contains(Contract::Status::AnyInterface))
            return fail(tr("\"any\" stands for every interface: give it alone, or name the "
                           "interfaces."));
        if (names.size() > Limits::MaxInterfacesOverDBus)
            return fail(tr("Name at most %1 interfaces.").arg(Limits::MaxInterfacesOverDBus));
        o.interfaces = names;
    }

    if (parser.isSet(rules) && parser.isSet(noRules))
        return fail(tr("Give either --rules or --no-rules, not both."));
    o.automaticRules = !parser.isSet(noRules);

    if (parser.isSet(count)) {
        const auto value = wholeNumber(parser.value(count), 1, std::uint64_t(1) << 62);
        if (!value)
            return fail(tr("-c needs a number of packets, 1 or more (not \"%1\").")
                            .arg(parser.value(count)));
        o.count = *value;
    }
    if (parser.isSet(duration)) {
        QString text = parser.value(duration).trimmed();
        // dumpcap's and tshark's spelling: -a duration:SECONDS.
        if (text.startsWith(QLatin1String("duration:")))
            text = text.mid(9);
        bool ok = false;
        const double seconds = text.toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds <= 0 || seconds > MaxDurationSeconds ||
            std::llround(seconds * 1000) < 1)
            return fail(tr("-a needs a duration in seconds, more than 0 (not \"%1\").")
                            .arg(parser.value(duration)));
        o.durationMs = std::uint64_t(std::llround(seconds * 1000));
    }
    if (parser.isSet(writeTo)) {
        o.output = parser.value(writeTo);
        if (o.output.isEmpty())
            return fail(tr("-w needs a file name, or \"-\" for standard output."));
    }
    if (parser.isSet(queue)) {
        const auto value = wholeNumber(parser.value(queue), 0, Limits::LastQueueNumber);
        if (!value)
            return fail(tr("--queue needs a queue number from 0 to %1 (not \"%2\").")
                            .arg(Limits::LastQueueNumber)
                            .arg(parser.value(queue)));
        o.queue = std::uint32_t(*value);
    }
    if (parser.isSet(queues)) {
        const auto value =
            wholeNumber(parser.value(queues), Limits::MinQueues, Limits::MaxQueuesOverDBus);
        if (!value)
            return fail(tr("--queues needs a number from %1 to %2 (not \"%3\").")
                            .arg(Limits::MinQueues)
                            .arg(Limits::MaxQueuesOverDBus)
                            .arg(parser.value(queues)));
        if (std::uint64_t(o.queue) + *value - 1 > Limits::LastQueueNumber)
            return fail(tr("Queues %1 and on do not fit below %2: choose a lower --queue.")
                            .arg(o.queue)
                            .arg(Limits::LastQueueNumber + 1));
        o.queues = std::uint32_t(*value);
    }
    if (parser.isSet(snapLength)) {
        const auto value = wholeNumber(parser.value(snapLength), Limits::MinSnapLength,
                                       Limits::MaxUsefulSnapLength);
        if (!value)
            return fail(tr("-s needs a number of bytes from %1 to %2 (not \"%3\").")
                            .arg(Limits::MinSnapLength)
                            .arg(Limits::MaxUsefulSnapLength)
                            .arg(parser.value(snapLength)));
        o.snapLength = std::uint32_t(*value);
    }
    if (parser.isSet(inspect)) {
        const auto value = wholeNumber(parser.value(inspect), 1, Limits::MaxInspectPackets);
        if (!value)
            return fail(tr("--inspect needs a number of packets from 1 to %1 (not \"%2\").")
                            .arg(Limits::MaxInspectPackets)
                            .arg(parser.value(inspect)));
        o.inspectPackets = std::uint32_t(*value);
    }
    result.outcome = Outcome::Run;
    return result;
}

QString CaptureCommandLine::checkInterfacesExist(const QStringList &interfaces)
{
    for (const QString &name : interfaces) {
        if (name == Contract::Status::AnyInterface)
            continue;
        if (::if_nametoindex(name.toUtf8().constData()) == 0)
            return tr("This host has no interface \"%1\" (see ip link).").arg(name);
    }
    return {};
}

} // namespace nfqmon
