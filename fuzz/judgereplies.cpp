// A judge model's replies, which are model output: the statements it extracted, its verdict on each,
// and the questions it would ask of an answer. Whatever it says, a score is in [0, 1] or there is an
// error; nothing becomes a 0 by accident.
#include "core/eval/evaltypes.h"
#include "core/eval/judgemetrics.h"
#include "fuzz/fuzzsupport.h"

#include <QJsonObject>

#include <cmath>

namespace {

void requireScore(const Result<MetricScore> &score)
{
    if (!score)
        return;
    const std::optional<double> value = score.value().value;
    Fuzz::require(!value || (std::isfinite(*value) && *value >= 0.0 && *value <= 1.0),
                  "a score the judge gave is within [0, 1]");
    Fuzz::require(value || !score.value().error.isEmpty(), "a score without a value says why");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString answer = QString::fromUtf8(Fuzz::bytes(data, size));
    const Result<QJsonObject> object = JudgeMetrics::extractJsonObject(answer);
    const Result<QStringList> statements = JudgeMetrics::parseStatements(answer);
    const QStringList asked = statements && !statements.value().isEmpty()
        ? statements.value()
        : QStringList{QStringLiteral("Returns are accepted for 30 days."), QStringLiteral("Refunds take a week.")};
    requireScore(JudgeMetrics::parseVerdicts(answer, asked));
    const Result<MetricScore> relevance = JudgeMetrics::parseRelevance(answer);
    requireScore(relevance);
    Fuzz::require(object || !relevance, "a reply without a JSON object gives no score");
    return 0;
}
