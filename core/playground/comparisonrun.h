#pragma once

#include "core/common/result.h"
#include "core/providers/chatrequest.h"
#include "core/providers/chatresult.h"
#include "core/providers/providerconfig.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

class ChatCall;
class ChatProvider;
class QNetworkAccessManager;

// One prompt sent to several model configurations at once, each in its own slot, streamed side by
// side. Emits per-slot signals; stop() cancels every call still running.
class ComparisonRun : public QObject
{
    Q_OBJECT

public:
    ComparisonRun(QList<ProviderConfig> configs, ChatRequest request, QNetworkAccessManager *network,
                  QObject *parent = nullptr);
    ~ComparisonRun() override;

    void start();
    void stop();
    bool isRunning() const { return m_running > 0; }
    int slotCount() const { return int(m_configs.size()); }
    const ProviderConfig &config(int slot) const { return m_configs[slot]; }
    const ChatRequest &request() const { return m_request; }

signals:
    void delta(int slot, const QString &text);
    void retrying(int slot, int nextAttempt, int delayMs, const QString &reason);
    void slotFinished(int slot, const Result<ChatResult> &result);
    void finished();

private:
    QList<ProviderConfig> m_configs;
    ChatRequest m_request;
    QNetworkAccessManager *m_network;
    std::vector<std::unique_ptr<ChatProvider>> m_providers;
    QList<QPointer<ChatCall>> m_calls;
    int m_running = 0;
};
