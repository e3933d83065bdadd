// StartCapture's a{sv} options turned into CaptureOptions, checked as a root helper must: names
// valid, numbers in range, dump descriptors regular files open for writing. The helper never
// opens a path a caller supplies: dumps come only as descriptors the caller opened.
#pragma once

#include "helper/config/CaptureOptions.h"

#include <QVariantMap>

#include <optional>

namespace nfqmon {

struct CaptureRequest {
    CaptureOptions options; // owns the dump descriptors (closed by the engine)
    bool keepRunning = false;

    CaptureRequest() = default;
    CaptureRequest(CaptureRequest &&other) noexcept;
    CaptureRequest &operator=(CaptureRequest &&) = delete;
    ~CaptureRequest(); // closes descriptors nobody took

    enum class Problem { None, InvalidArgument, BadDescriptor };
    // nullopt with the problem's kind and a sentence when the options cannot be used.
    static std::optional<CaptureRequest> parse(const QVariantMap &map, Problem *problem,
                                               QString *error);
};

} // namespace nfqmon
