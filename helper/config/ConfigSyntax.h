// The config file's syntax below the level of keys: comments, the value after '=', booleans and
// numbers. ConfigParser gives the keys their meaning.
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace nfqmon::ConfigSyntax {

// '#' and ';' start comments.
bool isCommentStart(QChar c);

// The part after '=': a "quoted" string with \" and \\ escapes, or a bare word run that ends at
// the line's end or at a '#'/';' that follows whitespace (so "eth0;reboot" stays one value and
// fails validation instead of quietly becoming "eth0"). *quoted tells an empty "" from nothing.
std::optional<QString> parseValue(QStringView rest, bool *quoted, QString *error);

// true/yes/on/1 and false/no/off/0, in any case.
std::optional<bool> parseBoolean(const QString &text);

// Plain decimal digits only, from min to max: "+1", "0x10" and "1e3" are refused rather than
// guessed at.
std::optional<quint64> parseNumber(const QString &text, quint64 min, quint64 max);

} // namespace nfqmon::ConfigSyntax
