// Typed D-Bus values written as JSON, so that a test can send exactly the types it means,
// including wrong ones: {"s": "text"}, {"u": 5}, {"i": -1}, {"b": true}, {"t": 7}, {"as": [...]},
// {"ay": "text"}, {"a{sv}": {"key": <typed value>}}, {"h": {"path": "/x", "mode": "w"}}.
// Modes of "h": w, rw, r (open the path that way), dir (the path is a directory), closed.
#pragma once

#include <QJsonValue>
#include <QVariant>

namespace nfqmon::test::DBusJson {

// nullopt-like: an invalid QVariant and *error set when the JSON does not describe a value.
QVariant toVariant(const QJsonValue &typed, QString *error);
// Reply values (including nested a{sv}, aa{sv}, as and h) as plain JSON.
QJsonValue toJson(const QVariant &value);

} // namespace nfqmon::test::DBusJson
