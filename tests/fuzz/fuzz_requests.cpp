// libFuzzer target: the root helper's checks of what a D-Bus caller sends. StartCapture's options
// (CaptureRequest) and AddRule/ChangeRule's fields (RuleRequest, then the expression compiled as
// the service compiles it) get a{sv} maps built from the input: known and unknown keys, values of
// every type QtDBus can hand over (strings with control characters, lists, numbers of any width,
// descriptors of files, pipes, sockets, directories and read-only files, nested variants).
// Properties: a sentence for every refusal, and no descriptor left open after a request is gone.
#include "helper/protocol/CompiledFilter.h"
#include "helper/service/CaptureRequest.h"
#include "helper/service/RuleRequest.h"
#include "tests/fuzz/FuzzInput.h"

#include <QDBusArgument>
#include <QDBusUnixFileDescriptor>
#include <QDBusVariant>
#include <QStringList>

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <vector>

using namespace nfqmon;
using nfqmon::fuzz::FuzzInput;

namespace {

const QStringList Keys = {QStringLiteral("interfaces"),  QStringLiteral("automaticRules"),
                          QStringLiteral("queue"),       QStringLiteral("queues"),
                          QStringLiteral("snapLength"),  QStringLiteral("queueMaxLength"),
                          QStringLiteral("dumpInput"),   QStringLiteral("dumpOutput"),
                          QStringLiteral("keepRunning"), QStringLiteral("expression"),
                          QStringLiteral("interface"),   QStringLiteral("direction"),
                          QStringLiteral("action"),      QStringLiteral("enabled")};

const QStringList Words = {QStringLiteral("lo"),   QStringLiteral("any"),
                           QStringLiteral("in"),   QStringLiteral("out"),
                           QStringLiteral("drop"), QStringLiteral("accept"),
                           QStringLiteral("udp"),  QStringLiteral("host 10.0.0.1"),
                           QStringLiteral("eth+"), QStringLiteral("lo,lo")};

// Descriptors a caller could pass: opened once, handed out as copies (QDBusUnixFileDescriptor
// dups, as QtDBus does when it receives one).
struct Descriptors {
    std::vector<int> fds;
    Descriptors()
    {
        fds.push_back(::memfd_create("fuzz-dump", 0));      // a writable regular file
        fds.push_back(::open("/etc/hostname", O_RDONLY));   // read-only
        fds.push_back(::open("/", O_RDONLY | O_DIRECTORY)); // a directory
        fds.push_back(::open("/dev/null", O_WRONLY));       // a device
        int pipeFds[2];
        if (::pipe(pipeFds) == 0)
            fds.insert(fds.end(), {pipeFds[0], pipeFds[1]});
        int pair[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0)
            fds.insert(fds.end(), {pair[0], pair[1]});
    }
};

QString text(FuzzInput &in)
{
    const std::uint8_t how = in.byte();
    if (how % 4 == 0)
        return Words.at(in.byte() % Words.size());
    return QString::fromUtf8(in.bytes());
}

QVariant value(FuzzInput &in, const Descriptors &descriptors, int depth)
{
    switch (in.byte() % 12) {
    case 0:
        return text(in);
    case 1: {
        QStringList list;
        for (int n = in.byte() % 20; n > 0; --n)
            list.append(text(in));
        return list;
    }
    case 2:
        return QVariant::fromValue(in.number32());
    case 3:
        return QVariant::fromValue(qint32(in.number32()));
    case 4:
        return in.byte() % 2 == 1;
    case 5:
        return QVariant::fromValue(quint64(in.number32()) << 32 | in.number32());
    case 6:
        return double(qint32(in.number32())) / 7.0;
    case 7:
        return in.bytes();
    case 8: {
        const std::uint8_t pick = in.byte();
        const int fd = pick < descriptors.fds.size() ? descriptors.fds[pick] : -1;
        return QVariant::fromValue(QDBusUnixFileDescriptor(fd));
    }
    case 9:
        if (depth < 3)
            return QVariant::fromValue(QDBusVariant(value(in, descriptors, depth + 1)));
        return {};
    case 10: {
        QDBusArgument argument;
        argument << QStringList{text(in)};
        return QVariant::fromValue(argument);
    }
    default:
        return QVariant::fromValue(quint16(in.number32()));
    }
}

QVariantMap map(FuzzInput &in, const Descriptors &descriptors)
{
    QVariantMap out;
    for (int n = in.byte() % 12; n > 0 && !in.empty(); --n) {
        const std::uint8_t pick = in.byte();
        const QString key = pick < 200 ? Keys.at(pick % Keys.size()) : text(in);
        out.insert(key, value(in, descriptors, 0));
    }
    return out;
}

int openDescriptors()
{
    DIR *dir = ::opendir("/proc/self/fd");
    int count = 0;
    while (dir && ::readdir(dir))
        ++count;
    if (dir)
        ::closedir(dir);
    return count;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const Descriptors descriptors;
    static const int descriptorsBefore = openDescriptors();
    FuzzInput in(data, size);
    {
        const QVariantMap options = map(in, descriptors);
        CaptureRequest::Problem problem = CaptureRequest::Problem::None;
        QString error;
        const auto request = CaptureRequest::parse(options, &problem, &error);
        NFQMON_FUZZ_CHECK(request.has_value() == error.isEmpty());
        NFQMON_FUZZ_CHECK(request.has_value() == (problem == CaptureRequest::Problem::None));
    }
    {
        const QVariantMap fields = map(in, descriptors);
        QString error;
        const auto rule = RuleRequest::apply(fields, Rule{}, in.byte() % 2 == 0, &error);
        NFQMON_FUZZ_CHECK(rule.has_value() == error.isEmpty());
        if (rule) {
            QString compileError;
            const auto filter = CompiledFilter::compile(rule->expression, &compileError);
            NFQMON_FUZZ_CHECK(filter.has_value() == compileError.isEmpty());
        }
    }
    // Everything a request took (copies of the descriptors) is closed with it: a leak on any
    // path grows the count by one each time that path runs. (A little room for what Qt and
    // libc open once, lazily, on first use.)
    NFQMON_FUZZ_CHECK(openDescriptors() <= descriptorsBefore + 8);
    return 0;
}
