#include "ttftcomparison.h"

#include "core/providers/chatcall.h"
#include "core/providers/chatprovider.h"
#include "core/providers/openaiprotocol.h"
#include "rawstreamclient.h"

#include <QEventLoop>
#include <QList>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// Nearest rank, except that the median of an even count is the mean of the middle two.
double percentile(QList<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    if (fraction == 0.5 && values.size() % 2 == 0)
        return (values.at(values.size() / 2 - 1) + values.at(values.size() / 2)) / 2;
    const qsizetype rank = qsizetype(std::ceil(fraction * double(values.size())));
    return values.at(qBound<qsizetype>(0, rank - 1, values.size() - 1));
}

double millisecondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

TtftComparison::TtftComparison(ChatProvider &provider, RawStreamClient &raw)
    : m_provider(provider), m_raw(raw), m_request(ChatRequest::fromPrompt(u"Say hello to the benchmark"_s)),
      m_path(OpenAiProtocol::endpoint(provider.config().baseUrl).path(QUrl::FullyEncoded).toUtf8()),
      m_body(OpenAiProtocol(provider.config(), m_request).requestBody())
{ }

Result<TtftComparison::Figures> TtftComparison::run(int calls, int warmup)
{
    QList<double> workbench, raw, differences;
    for (int index = 0; index < warmup + calls; ++index) {
        std::optional<double> workbenchMs, rawMs;
        for (int turn = 0; turn < 2; ++turn) {
            const bool workbenchTurn = (turn == 0) == (index % 2 == 0);
            const Result<double> measured = workbenchTurn ? workbenchCall() : m_raw.timeToFirstToken(m_path, m_body);
            if (!measured)
                return measured.error();
            (workbenchTurn ? workbenchMs : rawMs) = measured.value();
        }
        if (index < warmup)
            continue;
        workbench.append(*workbenchMs);
        raw.append(*rawMs);
        differences.append(*workbenchMs - *rawMs);
    }
    return Figures{percentile(workbench, 0.5), percentile(workbench, 0.95), percentile(raw, 0.5), percentile(raw, 0.95),
                   percentile(differences, 0.5)};
}

Result<double> TtftComparison::workbenchCall()
{
    QEventLoop loop;
    std::optional<Result<ChatResult>> outcome;
    double ttftMs = -1;
    const auto start = std::chrono::steady_clock::now();
    ChatCall *call = m_provider.start(m_request);
    QObject::connect(call, &ChatCall::delta, call, [&] {
        if (ttftMs < 0)
            ttftMs = millisecondsSince(start);
    });
    QObject::connect(call, &ChatCall::finished, call, [&](const Result<ChatResult> &result) {
        outcome = result;
        loop.quit();
    });
    loop.exec();
    delete call;
    if (!outcome->ok())
        return outcome->error();
    if (ttftMs < 0)
        return makeError(Error::Kind::Service, u"workbench: the call finished without a text delta"_s);
    return ttftMs;
}
