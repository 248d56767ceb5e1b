#pragma once

#include "core/registry/registrytypes.h"

#include <QJsonValue>
#include <QMap>
#include <QString>

// How a version's metrics and linked evaluation runs travel as string pairs on the remote
// registries (SageMaker's CustomerMetadataProperties, MLflow's model-version tags):
// "metric.<name>" → the number, "genaiops.eval_runs" → run ids separated by spaces (SageMaker's
// metadata values allow letters, digits, spaces and _.:/=+-@ only, so no commas).
class VersionProperties
{
public:
    static QMap<QString, QString> toProperties(const ModelVersion &version);
    // Fills version.metrics and version.evalRunIds; unrelated keys are left alone.
    static void read(const QMap<QString, QString> &properties, ModelVersion &version);

    // At most `limit` UTF-16 code units (as AWS counts), ending with a note that says so.
    static QString truncated(const QString &text, qsizetype limit);
    // ISO-8601 UTC with milliseconds, the form every backend's createdAt and modifiedAt take.
    static QString isoFromEpochMs(qint64 ms);
    // The same from a remote service's epoch timestamp, a JSON number or a string of one, counted in
    // units of `unitMs` milliseconds (1000 for AWS's seconds, 1 for MLflow's milliseconds). A value
    // that is no number or lies beyond what QDateTime holds gives an empty string, never a wrapped time.
    static QString isoFromEpoch(const QJsonValue &value, double unitMs);

    static constexpr QLatin1StringView MetricPrefix{"metric."};
    static constexpr QLatin1StringView EvalRunsKey{"genaiops.eval_runs"};
};
