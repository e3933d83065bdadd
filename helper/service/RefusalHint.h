// What a caller polkit refused can do about it. A desktop user answers a password prompt; a
// caller over SSH, from a script or from cron has no prompt to answer, and the way in for it is
// the opt-in group of packaging/polkit/49-nfqmon-groups.rules. The refusal names that group, the
// user and the command an administrator runs. The uid only shapes the sentence: polkit decided.
#pragma once

#include "helper/service/MethodPolicy.h"

#include <QString>

#include <sys/types.h>

namespace nfqmon::RefusalHint {

// "polkit refused org.nfqmon.capture to user alice; ..." (lower case, no stop: the helper's
// error style). A uid without a name is shown as a number.
QString text(Action action, uid_t uid);

} // namespace nfqmon::RefusalHint
