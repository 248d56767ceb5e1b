#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"

#include <QList>
#include <QString>

// The peer of bench_eval_throughput: `promptfoo eval` on the same server and the same items. The
// config asks for the same chat messages the workbench sends (ItemEvaluation::generationRequest),
// with one `contains` assertion per test, and runs with -j concurrency and --no-cache.
// promptfoo is kept off the internet: its telemetry, update check and sharing are switched off
// by environment, and, since it still posts a "telemetry disabled" event, HTTP(S)_PROXY points at
// a closed port on 127.0.0.1 (NO_PROXY keeps the test server direct), so nothing leaves the host.
class PromptfooEval
{
public:
    struct Settings
    {
        QString executable;
        QString directory; // for the config, the output and promptfoo's own state
        QString baseUrl; // e.g. http://127.0.0.1:PORT/v1
        QString model;
        int concurrency = 16;
        int timeoutMs = 15 * 60 * 1000;
    };

    struct Outcome
    {
        double wallMs = 0; // the whole process: Node start, config, eval, output
        double reportedMs = -1; // promptfoo's own evaluation duration, from its output
        qint64 peakKiB = -1; // VmHWM of the promptfoo process, last sampled
        double cpuMs = -1; // user + system of the eval process
        int passed = 0;
        int failed = 0;
        int errors = 0;
        QString version;
    };

    // `given` if set, else the default install location when it exists; empty when neither.
    static QString findExecutable(const QString &given);
    static Result<Outcome> run(const Settings &settings, const QList<EvalItem> &items);
};
