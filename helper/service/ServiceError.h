// The D-Bus errors the helper returns, each with a sentence for a person.
#pragma once

#include <QString>

namespace nfqmon::ServiceError {

inline const QString NotAuthorized = QStringLiteral("org.nfqmon.Error.NotAuthorized");
inline const QString InvalidArgument = QStringLiteral("org.nfqmon.Error.InvalidArgument");
inline const QString AlreadyRunning = QStringLiteral("org.nfqmon.Error.AlreadyRunning");
inline const QString NotRunning = QStringLiteral("org.nfqmon.Error.NotRunning");
inline const QString CaptureFailed = QStringLiteral("org.nfqmon.Error.CaptureFailed");
inline const QString NoSuchRule = QStringLiteral("org.nfqmon.Error.NoSuchRule");
inline const QString BadRule = QStringLiteral("org.nfqmon.Error.BadRule");
inline const QString BadDescriptor = QStringLiteral("org.nfqmon.Error.BadDescriptor");
inline const QString Failed = QStringLiteral("org.nfqmon.Error.Failed");
// One caller asked for more than the helper keeps for one caller (pending checks, streams).
inline const QString LimitExceeded = QStringLiteral("org.nfqmon.Error.LimitExceeded");

} // namespace nfqmon::ServiceError
