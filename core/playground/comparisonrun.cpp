#include "core/playground/comparisonrun.h"

#include "core/providers/chatcall.h"
#include "core/providers/chatprovider.h"

#include <QSignalBlocker>

ComparisonRun::ComparisonRun(QList<ProviderConfig> configs, ChatRequest request, QNetworkAccessManager *network,
                             QObject *parent)
    : QObject(parent), m_configs(std::move(configs)), m_request(std::move(request)), m_network(network)
{ }

ComparisonRun::~ComparisonRun()
{
    // Whoever deletes a running comparison is not interested in its last signals.
    const QSignalBlocker blocker(this);
    stop();
}

void ComparisonRun::start()
{
    for (int slot = 0; slot < m_configs.size(); ++slot) {
        m_providers.push_back(ChatProvider::create(m_configs[slot], m_network));
        ChatCall *call = m_providers.back()->start(m_request, this);
        m_calls.append(call);
        ++m_running;
        connect(call, &ChatCall::delta, this, [this, slot](const QString &text) { emit delta(slot, text); });
        connect(call, &ChatCall::retrying, this, [this, slot](int attempt, int delayMs, const QString &reason) {
            emit retrying(slot, attempt, delayMs, reason);
        });
        connect(call, &ChatCall::finished, this, [this, slot, call](const Result<ChatResult> &result) {
            emit slotFinished(slot, result);
            call->deleteLater();
            if (--m_running == 0)
                emit finished();
        });
    }
}

void ComparisonRun::stop()
{
    for (const QPointer<ChatCall> &call : std::as_const(m_calls)) {
        if (call && !call->isFinished())
            call->cancel();
    }
}
