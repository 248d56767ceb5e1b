#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "core/providers/providerconfig.h"

#include <QCoreApplication>

#include <functional>
#include <optional>

class CredentialStore;
class QObject;
class WorkspaceWorker;

// What a run calls, resolved with their secrets without blocking the GUI: the model generating
// responses, the judge, and the AWS connection of its guardrail when the generator does not call
// the guardrail itself. Each is there only when the run's settings need it.
class RunModelResolver
{
    Q_DECLARE_TR_FUNCTIONS(RunModelResolver)

public:
    struct Models
    {
        std::optional<ProviderConfig> generator;
        std::optional<ProviderConfig> judge;
        std::optional<ProviderConfig> guardrail;
    };

    static void resolve(const RunSettings &settings, WorkspaceWorker &worker, CredentialStore &store, QObject *context,
                        std::function<void(Result<Models>)> done);
};
