#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "rawstreamclient.h"
#include "testserverprocess.h"
#include "workbenchevalrun.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

// The phases of bench_eval_throughput (see bench_eval_throughput.cpp), run one after the other
// against one test server, each printing its figures and adding them to one JSON object.
class ThroughputBench
{
public:
    struct Options
    {
        int items = 1000;
        int latencyMs = 50;
        int concurrency = 16;
        int contextWords = 40;
        int runs = 3; // of the workbench phase
        QString promptfoo; // empty: no comparison, for the reason below
        QString noPromptfooReason;
        bool keepFiles = false;
    };

    enum ExitCode { ExitOk = 0, ExitPhaseFailed = 1, ExitNoServer = 2, ExitUsage = 64 };

    explicit ThroughputBench(Options options);
    ~ThroughputBench();

    // Runs every phase; the exit status for main().
    int run();

private:
    Status writeDataset();
    Status startServer();
    Status workbenchPhase();
    Status serverAlonePhase();
    Status providerPhases();
    Status cliPhase();
    void printBreakdown();
    void promptfooPhase();

    Options m_options;
    double m_idealMs = 0;
    QTemporaryDir m_directory;
    QString m_datasetPath;
    QString m_baseUrl;
    QList<EvalItem> m_items;
    TestServerProcess m_server;
    std::unique_ptr<RawStreamClient> m_control; // the server's /_test endpoints
    WorkbenchEvalRun::Outcome m_workbench;
    double m_serverAloneMs = 0; // the floor: the same bodies from plain sockets
    double m_providersMs = 0; // ChatProvider alone, not streamed, as the runner asks
    double m_cliMedianMs = 0; // `genaiops eval run` from process start to exit
    double m_cliStartMs = 0; // `genaiops --version`: the process's own start and exit
    double m_cliFirstRequestMs = 0; // process start to the server's first request
    double m_cliTailMs = 0; // the last reply to the process's exit
    QJsonObject m_figures;
};
