#pragma once

#include "core/guardrails/guardrailcheck.h"
#include "core/providers/bedrockjsonprotocol.h"
#include "core/providers/providerconfig.h"

#include <QDateTime>

// Bedrock Runtime's ApplyGuardrail: POST /guardrail/{id}/version/{version}/apply, a guardrail
// applied to text without a model. The ChatResult's `text` is what the guardrail lets through (the
// masked text or its blocked message when it intervened, the text itself when it did not) and
// `guardrail` its verdict.
class GuardrailProtocol : public BedrockJsonProtocol
{
    Q_DECLARE_TR_FUNCTIONS(GuardrailProtocol)

public:
    // config.guardrail names the guardrail; config's region, endpoint and credentials are Bedrock Runtime's.
    GuardrailProtocol(const ProviderConfig &config, const GuardrailCheck &check);

    QByteArray requestBody() const override;
    QUrl endpoint() const override;
    Result<Outgoing> prepareAt(const QDateTime &utc) const override;
    // The answer's bytes read into `result`: separate from finish() so the fuzz target can call it.
    Status takeAnswer(const QByteArray &body, ChatResult &result) const override;

private:
    GuardrailCheck m_check;
};
