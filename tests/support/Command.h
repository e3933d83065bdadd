// Runs a program to completion with a time limit, for the tests' use of ip, iptables, ping and
// the traffic tools. Never through a shell: arguments reach the program exactly as given.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <chrono>

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
};

} // namespace nfqmon::test
