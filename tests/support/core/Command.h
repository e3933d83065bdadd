// Runs a program to completion with a time limit, for the tests' use of ip, iptables, ping and
// the traffic tools. Never through a shell: arguments reach the program exactly as given.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

class QProcess;

namespace nfqmon::test {

class Command
{
public:
    struct Result {
        QString command;       // the argument list joined with spaces, for messages
        bool finished = false; // false: it could not start, crashed or ran out of time
        int exitCode = -1;
        QByteArray output;
        QByteArray errorOutput;

        bool succeeded() const { return finished && exitCode == 0; }
        // "COMMAND: exit N\nstdout...\nstderr..." for failure messages.
        QString describe() const;
    };

    static Result run(const QStringList &argv,
                      std::chrono::milliseconds timeout = std::chrono::seconds(15),
                      const QByteArray &input = {});

    // Ends a process a test started and let run (a daemon): SIGTERM, SIGKILL after `grace`;
    // then resets the pointer. Nothing when it is null.
    static void stop(std::unique_ptr<QProcess> &process,
                     std::chrono::milliseconds grace = std::chrono::seconds(3));
};

} // namespace nfqmon::test
