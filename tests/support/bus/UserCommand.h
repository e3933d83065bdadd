// A program run as one of the test users (TestUsers::uidOf) through setpriv, with a private
// bus as its system bus and an environment fit for that user (HOME=/nonexistent, USER, LOGNAME).
#pragma once

#include "tests/support/core/Command.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

class QProcess;

namespace nfqmon::test {

class UserCommand
{
public:
    // The command line; empty for a user uidOf() does not know.
    static QStringList argv(const QString &user, const QString &busAddress,
                            const QStringList &argv);
    static Command::Result run(const QString &user, const QString &busAddress,
                               const QStringList &argv, std::chrono::milliseconds timeout,
                               const QByteArray &input);
    // Started (or nullptr and `error`); killed by the kernel if the test process dies.
    static std::unique_ptr<QProcess> start(const QString &user, const QString &busAddress,
                                           const QString &program, const QStringList &arguments,
                                           QString *error);
};

} // namespace nfqmon::test
