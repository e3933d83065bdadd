#include "app/client/HelperError.h"

#include "helper/protocol/HelperContract.h"

namespace nfqmon {

namespace {

// The helper's sentences are lower case; some end with a stop, most do not.
QString withoutStop(QString text)
{
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}
} // namespace

HelperError HelperError::fromDBus(const QDBusError &error)
{
    if (!error.isValid())
        return {};
    return {error.name(), error.message()};
}

QString HelperError::sentence() const
{
    if (!isError())
        return {};
    // The bus's own errors: the helper is missing, did not start, or went away.
    if (name == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown") ||
        name == QLatin1String("org.freedesktop.DBus.Error.Spawn.ServiceNotFound"))
        return tr("The nfqmon helper is not installed: nothing on the system bus provides "
                  "%1. Install nfqmon with the prefix /usr (see the README).")
            .arg(Contract::ServiceName);
    if (name.startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn.")))
        return tr("The nfqmon helper could not be started (%1).").arg(message);
    if (name == QLatin1String("org.freedesktop.DBus.Error.NoReply") ||
        name == QLatin1String("org.freedesktop.DBus.Error.Timeout") ||
        name == QLatin1String("org.freedesktop.DBus.Error.TimedOut"))
        return tr("The nfqmon helper did not answer (%1).").arg(message);
    if (name == QLatin1String("org.freedesktop.DBus.Error.Disconnected") ||
        name == QLatin1String("org.freedesktop.DBus.Error.NoServer"))
        return tr("There is no connection to the system bus (%1).").arg(message);
    if (name == QLatin1String("org.freedesktop.DBus.Error.AccessDenied"))
        return tr("The system bus does not let nfqmon talk to its helper (%1).").arg(message);
    // The helper's errors already carry a sentence about the request (lower case, no stop).
    if (name == Contract::Error::NotAuthorized)
        return tr("Not allowed: %1.").arg(withoutStop(message));
    if (name == Contract::Error::LimitExceeded)
        return tr("Too many requests at once: %1.").arg(withoutStop(message));
    if (name == Contract::Error::BadRule)
        return tr("The rule is not valid: %1.").arg(withoutStop(message));
    if (name == Contract::Error::CaptureFailed)
        return tr("The capture could not start: %1.").arg(withoutStop(message));
    if (name == Contract::Error::BadDescriptor)
        return tr("A dump file was not accepted: %1.").arg(withoutStop(message));
    if (message.isEmpty())
        return name;
    QString text = withoutStop(message);
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text + QLatin1Char('.');
}

} // namespace nfqmon
