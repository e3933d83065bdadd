// Reads the headless config file's text as a root helper must: a regular file (a FIFO cannot hang
// it), at most MaxBytes, valid UTF-8. Who may write the file is HeadlessRunner's check; what the
// text says is ConfigParser's.
#pragma once

#include <QString>

#include <optional>

namespace nfqmon::ConfigFile {

constexpr qint64 MaxBytes = 1024 * 1024;

// nullopt and "config file PATH ..." when the file cannot be used.
std::optional<QString> read(const QString &path, QString *error);

} // namespace nfqmon::ConfigFile
