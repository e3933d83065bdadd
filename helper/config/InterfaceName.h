// Interface names are checked here before they reach any iptables rule text or kernel call.
#pragma once

#include <QString>
#include <QStringList>

namespace nfqmon::InterfaceName {

// The kernel's own rules (dev_valid_name): 1..15 bytes, not "." or "..", no '/', ':' or
// whitespace; nfqmon also refuses anything outside [A-Za-z0-9._@-] and a leading '-' or '+' so a
// name can never read as an option or an iptables wildcard. False and a sentence naming the
// interface when invalid.
bool isValid(const QString &name, QString *error = nullptr);

// Splits "eth1, eth2" (spaces trimmed, empty items refused) and validates each name.
// "any" (alone) yields an empty list and *any = true.
bool parseList(const QString &text, QStringList *names, bool *any, QString *error);

// Names (already valid) that do not exist in the current network namespace.
QStringList missing(const QStringList &names);

} // namespace nfqmon::InterfaceName
