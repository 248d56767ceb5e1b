#pragma once

#include <QCoreApplication>

class CommandContext;

// genaiops kb retrieve --knowledge-base ID [--results N] [--search hybrid|semantic] [--json] QUERY|-
// genaiops kb ask --knowledge-base ID --model-arn ARN [--session ID] [--guardrail ID:VERSION]
//                 [--results N] [--search …] [--json] QUESTION|-
// Amazon Bedrock Knowledge Bases (bedrock-agent-runtime): the passages a query retrieves, or an
// answer generated from them with its citations. --endpoint-url points at the agent runtime.
class KbCommand
{
    Q_DECLARE_TR_FUNCTIONS(KbCommand)

public:
    static int run(CommandContext &context);

private:
    static int call(CommandContext &context, bool retrieveOnly);
};
