// The D-Bus errors the helper returns: the names are part of the contract (HelperContract.h).
#pragma once

#include "helper/protocol/HelperContract.h"

namespace nfqmon {
namespace ServiceError = Contract::Error;
} // namespace nfqmon
