#include "helper/service/CaptureRequest.h"

#include "helper/config/InterfaceName.h"
#include "helper/protocol/CaptureLimits.h"
#include "helper/protocol/HelperContract.h"
#include "helper/service/ArgumentReader.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <limits>
#include <utility>

namespace nfqmon {

namespace {

// A private duplicate of a caller's descriptor, or -1 and a sentence.
int writableRegularFile(const QDBusUnixFileDescriptor &descriptor, const QString &key,
                        QString *error)
{
    const int fd = descriptor.isValid() ? descriptor.fileDescriptor() : -1;
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        *error = QStringLiteral("%1 is not an open file descriptor").arg(key);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        *error = QStringLiteral("%1 must be a regular file opened for writing; this descriptor is "
                                "a %2")
                     .arg(key, S_ISDIR(st.st_mode)    ? QStringLiteral("directory")
                               : S_ISFIFO(st.st_mode) ? QStringLiteral("pipe")
                               : S_ISSOCK(st.st_mode) ? QStringLiteral("socket")
                                                      : QStringLiteral("device"));
        return -1;
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || (flags & O_ACCMODE) == O_RDONLY) {
        *error = QStringLiteral("%1 is open for reading only; open the file for writing").arg(key);
        return -1;
    }
    const int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
    if (copy < 0)
        *error = QStringLiteral("%1: %2").arg(key, QString::fromLocal8Bit(std::strerror(errno)));
    return copy;
}

} // namespace

CaptureRequest::CaptureRequest(CaptureRequest &&other) noexcept
    : options(std::move(other.options)), keepRunning(other.keepRunning)
{
    other.options.dumpInputFd = -1;
    other.options.dumpOutputFd = -1;
}

CaptureRequest::~CaptureRequest()
{
    for (int fd : {options.dumpInputFd, options.dumpOutputFd})
        if (fd >= 0)
            ::close(fd);
}

std::optional<CaptureRequest> CaptureRequest::parse(const QVariantMap &map, Problem *problem,
                                                    QString *error)
{
    *problem = Problem::InvalidArgument;
    ArgumentReader in(map, QStringLiteral("capture option"));
    namespace Key = Contract::Option;
    in.onlyKnownKeys({Key::Interfaces, Key::AutomaticRules, Key::Queue, Key::Queues,
                      Key::SnapLength, Key::QueueMaxLength, Key::DumpInput, Key::DumpOutput,
                      Key::KeepRunning, Key::SshConnection, Key::InspectPackets});
    CaptureRequest request;
    CaptureOptions &o = request.options;
    o.statusIntervalSeconds = 0;

    const auto interfaces = in.stringList(Key::Interfaces, Limits::MaxInterfacesOverDBus,
                                          Limits::MaxInterfaceNameLength);
    if (in.ok() && !interfaces)
        in.fail(QStringLiteral("capture option interfaces is required: the interfaces to watch, "
                               "or [\"any\"]"));
    if (interfaces) {
        QString problemText;
        if (!InterfaceName::parseList(interfaces->join(QLatin1Char(',')), &o.interfaces,
                                      &o.anyInterface, &problemText))
            in.fail(problemText);
    }
    o.enableIptables = in.boolean(Key::AutomaticRules).value_or(true);
    // Read within what the fields hold; CaptureOptions::validate applies the bus's bounds.
    constexpr quint32 Any16 = std::numeric_limits<std::uint16_t>::max();
    constexpr quint32 Any32 = std::numeric_limits<std::uint32_t>::max();
    o.queueNumber = std::uint16_t(in.number(Key::Queue, 0, Any16).value_or(o.queueNumber));
    o.queueCount = std::uint16_t(in.number(Key::Queues, 0, Any16).value_or(o.queueCount));
    o.snapLength = in.number(Key::SnapLength, 0, Any32).value_or(o.snapLength);
    o.queueMaxLength = in.number(Key::QueueMaxLength, 0, Any32).value_or(o.queueMaxLength);
    o.inspectPackets = in.number(Key::InspectPackets, 0, Any32).value_or(o.inspectPackets);
    request.keepRunning = in.boolean(Key::KeepRunning).value_or(false);
    if (const auto connection = in.string(Key::SshConnection, 200)) {
        QString problemText;
        o.sshConnection = SshConnection::parse(*connection, &problemText);
        if (!o.sshConnection)
            in.fail(QStringLiteral("capture option %1: %2").arg(Key::SshConnection, problemText));
    }
    const auto dumpInput = in.descriptor(Key::DumpInput);
    const auto dumpOutput = in.descriptor(Key::DumpOutput);
    if (!in.ok()) {
        *error = in.error();
        return std::nullopt;
    }
    if (!o.validate(CaptureOptions::Check::DBus, error))
        return std::nullopt;

    *problem = Problem::BadDescriptor;
    if (dumpInput && (o.dumpInputFd = writableRegularFile(*dumpInput, Key::DumpInput, error)) < 0)
        return std::nullopt;
    if (dumpOutput &&
        (o.dumpOutputFd = writableRegularFile(*dumpOutput, Key::DumpOutput, error)) < 0)
        return std::nullopt;
    o.dump = dumpInput || dumpOutput;
    *problem = Problem::None;
    return request;
}

} // namespace nfqmon
