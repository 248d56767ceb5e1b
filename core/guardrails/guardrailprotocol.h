#pragma once

#include "core/guardrails/guardrailcheck.h"
#include "core/providers/chatprotocol.h"
#include "core/providers/providerconfig.h"

#include <QDateTime>

// Bedrock Runtime's ApplyGuardrail: POST /guardrail/{id}/version/{version}/apply, a guardrail
// applied to text without a model. The ChatResult's `text` is what the guardrail lets through (the
// masked text or its blocked message when it intervened, the text itself when it did not) and
// `guardrail` its verdict.
class GuardrailProtocol : public ChatProtocol
{
    Q_DECLARE_TR_FUNCTIONS(GuardrailProtocol)

public:
    // config.guardrail names the guardrail; config's region, endpoint and credentials are Bedrock Runtime's.
    GuardrailProtocol(const ProviderConfig &config, const GuardrailCheck &check);

    bool isStreaming() const override { return false; }
    Result<Outgoing> prepare() override;
    void reset() override { m_body.clear(); }
    Status feed(QByteArrayView bytes, ChatResult &result) override;
    Status finish(bool connectionBroke, ChatResult &result) override;
    Error errorFromAnswer(int status, const QNetworkReply &reply, const QByteArray &body) const override;

    QByteArray requestBody() const;
    QUrl endpoint() const;
    Result<Outgoing> prepareAt(const QDateTime &utc) const;
    // The answer's bytes read into `result`: separate from finish() so the fuzz target can call it.
    Status takeAnswer(const QByteArray &body, ChatResult &result) const;

private:
    ProviderConfig m_config;
    GuardrailCheck m_check;
    QByteArray m_body;
};
