#pragma once

#include "common/result.h"

// The CLI contract's exit codes (PRODUCT.md): CI pipelines branch on them.
enum ExitCode : int {
    ExitOk = 0,
    ExitGateFailed = 1,
    ExitUsage = 2,   // usage or input error
    ExitService = 3, // a service, network or keyring error
};

inline int exitCodeFor(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Usage:
    case Error::Kind::Input:
    case Error::Kind::Storage:
        return ExitUsage;
    default:
        return ExitService;
    }
}
