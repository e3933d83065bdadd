// The temporary directory of a PrivateSystemBus, /tmp/nfqmon-bus-<pid>-XXXXXX: the files it
// mounts over the machine's, the bus's configuration and socket, the daemons' logs. Everything
// in it is readable by the test users and polkitd (which runs as user polkitd).
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace nfqmon::test {

class PrivateBusDirectory
{
public:
    // Removes the directories of test processes that died without cleaning up (their mounts went
    // with their namespace; the files stay), then makes a new one.
    bool create(QString *error);
    void remove() { m_directory.reset(); }
    bool exists() const { return m_directory != nullptr; }
    QString path() const { return m_directory ? m_directory->path() : QString(); }
    // `name` inside it ("bus/system.conf"); empty before create().
    QString filePath(const QString &name) const;

    // A file (replaced if there) or a directory (with its parents), world-readable.
    bool writeFile(const QString &name, const QByteArray &bytes, QString *error) const;
    bool makeDirectory(const QString &name, QString *error) const;
    // `source` copied into the directory `name`; it replaces a file of the same name there.
    bool copyInto(const QString &source, const QString &name, QString *error) const;

    // The whole of a file anywhere, empty when it cannot be read.
    static QByteArray readFile(const QString &path);

private:
    std::unique_ptr<QTemporaryDir> m_directory;
};

} // namespace nfqmon::test
