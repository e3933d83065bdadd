// What an exported method produces once authorised: return values or a named error.
#pragma once

#include <QString>
#include <QVariantList>

namespace nfqmon {

struct ServiceReply {
    QVariantList values;
    QString errorName; // empty on success
    QString errorText;

    static ServiceReply ok(QVariantList values = {}) { return {std::move(values), {}, {}}; }
    static ServiceReply error(const QString &name, const QString &text) { return {{}, name, text}; }
    bool isError() const { return !errorName.isEmpty(); }
};

} // namespace nfqmon
