// A Bedrock evaluation job's output (JSONL from S3, RAG or model-as-judge records) imported into a
// workspace: whatever a line holds, it becomes an item with its scores or a skipped line with a
// reason, and every score stored is one the statistics can use.
#include "core/eval/bedrockoutputimporter.h"
#include "core/eval/evalrunrepository.h"
#include "fuzz/fuzzsupport.h"
#include "fuzz/fuzzworkspace.h"

#include <cmath>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static FuzzWorkspace workspaces;
    const std::unique_ptr<Workspace> workspace = workspaces.open();
    const QString path = workspaces.writeFile(QStringLiteral("output.jsonl"), Fuzz::bytes(data, size));
    const Result<ImportedRun> imported = BedrockOutputImporter::import(*workspace, path);
    if (!imported)
        return 0;
    for (const SkippedLine &skipped : imported.value().skipped)
        Fuzz::require(skipped.line >= 1 && !skipped.reason.isEmpty(), "a skipped line has its number and a reason");
    EvalRunRepository runs(*workspace);
    const Result<QList<ItemResult>> results = runs.results(imported.value().run.id, 0, -1);
    Fuzz::require(bool(results), "an imported run's results can be read back");
    for (const ItemResult &result : results.value()) {
        for (const MetricScore &score : result.scores)
            Fuzz::require(!score.value || (std::isfinite(*score.value) && *score.value >= 0 && *score.value <= 1),
                          "an imported score is within [0, 1]");
    }
    return 0;
}
