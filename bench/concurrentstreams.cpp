#include "concurrentstreams.h"

#include "core/providers/chatcall.h"
#include "processmemory.h"

#include <QTimer>

namespace {

constexpr int SampleIntervalMs = 5;

} // namespace

ConcurrentStreams::ConcurrentStreams(const QList<QNetworkAccessManager *> &managers, const ProviderConfig &config,
                                     const ChatRequest &request, QObject *parent)
    : QObject(parent), m_request(request)
{
    for (QNetworkAccessManager *manager : managers)
        m_providers.push_back(ChatProvider::create(config, manager));
}

ConcurrentStreams::Outcome ConcurrentStreams::run(int streams, int startIntervalMs)
{
    m_outcome = Outcome();
    m_outcome.streams = streams;
    m_started = m_ended = m_open = 0;
    releaseFreeHeap();
    m_outcome.residentBeforeKiB = residentSetKiB();
    m_outcome.residentPeakKiB = m_outcome.residentBeforeKiB;

    QTimer sampler;
    connect(&sampler, &QTimer::timeout, this, &ConcurrentStreams::sample);
    sampler.start(SampleIntervalMs);
    QTimer starter;
    starter.setTimerType(Qt::PreciseTimer);
    connect(&starter, &QTimer::timeout, this, [this, &starter] {
        startOne();
        if (m_started == m_outcome.streams)
            starter.stop();
    });

    m_clock.start();
    startOne();
    if (startIntervalMs > 0) {
        starter.start(startIntervalMs);
    } else {
        while (m_started < streams)
            startOne();
    }
    m_loop.exec();
    sampler.stop();
    sample();
    return m_outcome;
}

void ConcurrentStreams::startOne()
{
    if (m_started == m_outcome.streams)
        return;
    ChatCall *call = m_providers[size_t(m_started) % m_providers.size()]->start(m_request, this);
    ++m_started;
    m_outcome.startSpanMs = double(m_clock.nsecsElapsed()) / 1e6;
    auto opened = std::make_shared<bool>(false);
    connect(call, &ChatCall::delta, this, [this, opened] {
        if (*opened)
            return;
        *opened = true;
        m_outcome.peakOpen = qMax(m_outcome.peakOpen, ++m_open);
        if (m_open == m_outcome.streams)
            sample();
    });
    connect(call, &ChatCall::finished, this, [this, call, opened](const Result<ChatResult> &result) {
        if (*opened)
            --m_open;
        if (!result.ok() && m_outcome.failed++ == 0)
            m_outcome.firstError = result.error().describe();
        call->deleteLater();
        if (++m_ended == m_outcome.streams) {
            m_outcome.wallMs = double(m_clock.nsecsElapsed()) / 1e6;
            m_loop.quit();
        }
    });
}

void ConcurrentStreams::sample()
{
    const qint64 resident = residentSetKiB();
    m_outcome.residentPeakKiB = qMax(m_outcome.residentPeakKiB, resident);
    if (m_open == m_outcome.streams)
        m_outcome.residentAllOpenKiB = qMax(m_outcome.residentAllOpenKiB, resident);
}
