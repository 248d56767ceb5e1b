#pragma once

#include "core/common/result.h"
#include "core/providers/chatrequest.h"

#include <QByteArray>

class ChatProvider;
class RawStreamClient;

// Time to first token of streamed calls through the workbench's ChatProvider against the raw
// socket client, with the same request to the same server. The two alternate in A B B A order, so
// neither always goes first and drift of the machine falls on both alike.
class TtftComparison
{
public:
    struct Figures
    {
        double workbenchMedian = 0, workbenchP95 = 0;
        double rawMedian = 0, rawP95 = 0;
        double overheadMedian = 0; // median of (workbench − raw) over the pairs
    };

    TtftComparison(ChatProvider &provider, RawStreamClient &raw);

    // `warmup` pairs first, unmeasured, then `calls` measured pairs.
    Result<Figures> run(int calls, int warmup);

private:
    // Milliseconds from start() to the first delta; the call is then run to its end.
    Result<double> workbenchCall();

    ChatProvider &m_provider;
    RawStreamClient &m_raw;
    ChatRequest m_request;
    QByteArray m_path;
    QByteArray m_body;
};
