#pragma once

#include <QCoreApplication>

class CommandContext;

// genaiops guardrail apply --guardrail ID:VERSION --source input|output [--grounding-source TEXT]...
//                          [--query TEXT] [--full] [--region R] [--endpoint-url URL] [--profile P]
//                          [--json] TEXT|-
// Bedrock's ApplyGuardrail on one text: what the guardrail lets through on stdout, which policies
// fired on stderr (or all of it as JSON). Exit 1 when the guardrail intervened.
class GuardrailCommand
{
    Q_DECLARE_TR_FUNCTIONS(GuardrailCommand)

public:
    static int run(CommandContext &context);

private:
    static int apply(CommandContext &context);
};
