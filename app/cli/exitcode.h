#pragma once

#include "core/common/result.h"

// The CLI contract's exit codes (PRODUCT.md): CI pipelines branch on them.
enum ExitCode : int {
    ExitOk = 0,
    ExitGateFailed = 1, // a quality gate failed or a policy refused
    ExitUsage = 2, // usage or input error
    ExitService = 3, // a service, network or keyring error
};

inline int exitCodeFor(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Refused:
        return ExitGateFailed; // a policy rule said no, as a failed gate does
    case Error::Kind::Usage:
    case Error::Kind::Input:
    case Error::Kind::Storage:
        return ExitUsage;
    default:
        return ExitService;
    }
}
