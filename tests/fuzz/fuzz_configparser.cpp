// libFuzzer target: the headless config file parser (Haka's syntax plus nfqmon's keys), which
// reads a root-owned file but must still stop with a "FILE:LINE: problem" on anything, and the
// rule parser that StartCapture's and the config's rule lines share.
#include "helper/config/ConfigParser.h"

#include <QString>

#include "tests/fuzz/FuzzInput.h"

#include <cstdint>

using namespace nfqmon;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto options = ConfigParser::parse(text, QStringLiteral("fuzz.conf"), &error);
    // Exactly one of a result and a message.
    NFQMON_FUZZ_CHECK(options.has_value() == error.isEmpty());
    QString ruleError;
    const auto rule = ConfigParser::parseRule(text, &ruleError);
    NFQMON_FUZZ_CHECK(rule.has_value() == ruleError.isEmpty());
    return 0;
}
