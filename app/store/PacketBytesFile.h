// The file behind a PacketStore that holds the captured bytes: written sequentially by the
// store's thread, read with pread by any thread (the hex view, filters and exports in workers).
// It has no name (O_TMPFILE, or unlinked at once), so it disappears with the process even after a
// crash. Shared between the store and its snapshots: the last owner closes it.
#pragma once

#include <QString>
#include <QtGlobal>

namespace nfqmon {

class PacketBytesFile
{
public:
    PacketBytesFile() = default;
    ~PacketBytesFile();
    PacketBytesFile(const PacketBytesFile &) = delete;
    PacketBytesFile &operator=(const PacketBytesFile &) = delete;

    // In `directory` (QDir::tempPath() when empty). False and a sentence on failure.
    bool open(QString *error, const QString &directory = {});

    // Appends at the end; false (and errorString()) when the disk is full or the file failed.
    bool append(const char *data, qint64 length);
    qint64 size() const { return m_size; }

    // Reads `length` bytes at `offset`; thread-safe. False when they are not all there.
    bool read(qint64 offset, char *buffer, qint64 length) const;

    // Gives the disk space of a stretch nobody reads any more back to the file system (the
    // file keeps its size; reads there return zeros). Thread-safe; best effort.
    void release(qint64 offset, qint64 length) const;

    QString errorString() const { return m_error; }

private:
    int m_fd = -1;
    qint64 m_size = 0;
    qint64 m_blockSize = 4096; // the file system's, for release()
    QString m_error;
};

} // namespace nfqmon
