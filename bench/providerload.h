#pragma once

#include "core/eval/evaltypes.h"
#include "core/providers/providerconfig.h"

#include <QList>
#include <QString>

// The workbench's providers without the runner: each item's generation request (as ItemEvaluation
// builds it) sent through ChatProvider, `concurrency` calls in flight, spread over network access
// managers as EvalRunner's lanes are, with nothing stored. Set against the server alone and
// the full run, it tells what Qt's HTTP path costs and what the runner and its storage add.
class ProviderLoad
{
public:
    struct Outcome
    {
        double wallMs = 0;
        int failed = 0;
        QString firstError;
    };

    static Outcome run(const ProviderConfig &config, const QList<EvalItem> &items, int concurrency, bool stream);
};
