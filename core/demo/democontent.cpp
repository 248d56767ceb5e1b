#include "core/demo/democontent.h"

#include "core/demo/demoevaluations.h"
#include "core/demo/demoregistry.h"
#include "core/playground/promptlibrary.h"
#include "core/playground/runhistory.h"
#include "core/providers/pricetable.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/storage/workspace.h"

namespace {

CredentialProfile profile(const QString &name, CredentialProfile::Kind kind, const QString &key, const QString &value)
{
    CredentialProfile result;
    result.name = name;
    result.kind = kind;
    result.settings.insert(key, value);
    return result;
}

Status addProfiles(Workspace &workspace)
{
    CredentialProfileRepository profiles(workspace);
    // Local endpoints need no key; the AWS profile needs keys the user adds on the Connections page.
    for (const CredentialProfile &demo :
         {profile(QStringLiteral("bedrock-dev"), CredentialProfile::Kind::Aws, QStringLiteral("region"),
                  QStringLiteral("us-east-1")),
          profile(QStringLiteral("local-ollama"), CredentialProfile::Kind::OpenAi, QStringLiteral("base_url"),
                  QStringLiteral("http://localhost:11434/v1")),
          profile(QStringLiteral("local-vllm"), CredentialProfile::Kind::OpenAi, QStringLiteral("base_url"),
                  QStringLiteral("http://localhost:8000/v1"))}) {
        auto existing = profiles.find(demo.name);
        if (!existing)
            return existing.error();
        if (existing.value())
            continue;
        const Status saved = profiles.save(demo);
        if (!saved)
            return saved;
    }
    return Done{};
}

const QString ragTemplateV1
    = QStringLiteral("Answer the question using the context.\n\nContext:\n{{context}}\n\nQuestion: {{question}}");
const QString ragTemplateV2 = QStringLiteral(
    "Answer the question using only the context below. If the context does not contain the answer, say "
    "\"I don't know\". Cite the sentence you used.\n\nContext:\n{{context}}\n\nQuestion: {{question}}");
const QString context = QStringLiteral(
    "Model versions are registered in the SageMaker Model Registry with the status PendingManualApproval. "
    "A governance officer reviews the evaluation results and sets the status to Approved before the "
    "version is deployed to production.");
const QString question = QStringLiteral("Who approves a model version for production?");

Status addPrompts(Workspace &workspace)
{
    PromptLibrary library(workspace);
    ChatParameters parameters;
    parameters.maxTokens = 400;
    parameters.temperature = 0.2;
    for (const auto &[name, versions] :
         {std::pair{QStringLiteral("rag-answer"), QStringList{ragTemplateV1, ragTemplateV2}},
          std::pair{
              QStringLiteral("defect-report"),
              QStringList{
                  QStringLiteral("Summarise the inspection results of line {{line}} for a shift report:\n{{results}}"),
                  QStringLiteral("Summarise the inspection results of line {{line}} for a shift report in three "
                                 "bullet points: throughput, defect rate, anything unusual.\n{{results}}")}}}) {
        for (int index = 0; index < versions.size(); ++index) {
            auto saved = library.saveVersion(
                name, versions[index], QStringLiteral("You are a precise assistant for ML operations."), parameters,
                index == 0 ? QStringLiteral("first draft") : QStringLiteral("stricter instructions"));
            if (!saved)
                return saved.error();
        }
        const Status labelled = library.setLabel(name, QStringLiteral("production"), 2);
        if (!labelled)
            return labelled;
    }
    return Done{};
}

PlaygroundResponse response(int slot, const QString &profileName, const QString &provider, const QString &model,
                            const QString &text, qint64 inputTokens, qint64 outputTokens, qint64 ttftMs,
                            qint64 latencyMs)
{
    PlaygroundResponse result;
    result.slot = slot;
    result.profile = profileName;
    result.provider = provider;
    result.model = model;
    result.text = text;
    result.metrics.text = text;
    result.metrics.provider = provider;
    result.metrics.model = model;
    result.metrics.inputTokens = inputTokens;
    result.metrics.outputTokens = outputTokens;
    result.metrics.ttftMs = ttftMs;
    result.metrics.latencyMs = latencyMs;
    result.metrics.stopReason = QStringLiteral("end_turn");
    return result;
}

Status addComparison(Workspace &workspace)
{
    PlaygroundRun run;
    run.title = DemoContent::tr("Who approves a model version? (demo comparison)");
    run.promptName = QStringLiteral("rag-answer");
    run.promptVersion = 2;
    run.variables.insert(QStringLiteral("context"), context);
    run.variables.insert(QStringLiteral("question"), question);
    run.renderedPrompt = QString(ragTemplateV2)
                             .replace(QStringLiteral("{{context}}"), context)
                             .replace(QStringLiteral("{{question}}"), question);
    run.system = QStringLiteral("You are a precise assistant for ML operations.");
    run.parameters.maxTokens = 400;
    run.parameters.temperature = 0.2;
    run.responses
        = {response(0, QStringLiteral("bedrock-dev"), QStringLiteral("bedrock"),
                    QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"),
                    QStringLiteral(
                        "A governance officer approves it. They review the evaluation results and set the status to "
                        "Approved before the version is deployed to production (\"A governance officer reviews the "
                        "evaluation results and sets the status to Approved…\")."),
                    118, 52, 412, 1238),
           response(1, QStringLiteral("local-ollama"), QStringLiteral("openai"), QStringLiteral("llama3.1:8b"),
                    QStringLiteral(
                        "The governance officer. After reviewing the evaluation results, they change the status from "
                        "PendingManualApproval to Approved, and only then is the version deployed."),
                    121, 41, 236, 2917),
           response(2, QStringLiteral("local-vllm"), QStringLiteral("openai"), QStringLiteral("mistral-7b-instruct"),
                    QStringLiteral(
                        "A governance officer approves the model version for production after reviewing its evaluation "
                        "results."),
                    121, 24, 97, 841)};
    PriceTable prices(workspace);
    for (PlaygroundResponse &answer : run.responses) {
        auto price = prices.match(answer.model);
        if (price && price.value())
            answer.costUsd = PriceTable::cost(*price.value(), answer.metrics.inputTokens, answer.metrics.outputTokens);
    }
    auto saved = RunHistory(workspace).save(run);
    if (!saved)
        return saved.error();
    return Done{};
}

} // namespace

Status DemoContent::install(Workspace &workspace)
{
    return workspace.transaction([&]() -> Status {
        if (workspace.metaValue(QStringLiteral("demo.installed")) == QLatin1String("1"))
            return addProfiles(workspace); // idempotent: only what a user may have deleted comes back
        // The registry's demo links to the demo evaluation runs, so it comes after them.
        for (auto step : {addProfiles, addPrompts, addComparison, DemoEvaluations::install, DemoRegistry::install}) {
            const Status done = step(workspace);
            if (!done)
                return done;
        }
        return workspace.setMetaValue(QStringLiteral("demo.installed"), QStringLiteral("1"));
    });
}
