// What went wrong in a call to the helper: the D-Bus error name (org.nfqmon.Error.* from the
// helper, org.freedesktop.DBus.Error.* from the bus) and the sender's message. Empty = success.
#pragma once

#include <QCoreApplication>
#include <QDBusError>
#include <QString>

namespace nfqmon {

struct HelperError {
    Q_DECLARE_TR_FUNCTIONS(HelperError)

public:
    QString name;
    QString message;

    bool isError() const { return !name.isEmpty(); }
    static HelperError fromDBus(const QDBusError &error);

    // A sentence for a person: what happened and, where it helps, what to do. The helper's own
    // message is kept (it names the rule, the interface, libpcap's complaint...).
    QString sentence() const;
};

} // namespace nfqmon
