#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

class Workspace;

// A run's scores in compact columns, with what identifies each item across runs: its dataset
// `id` field where it has one, else its question, contexts and reference (so two versions of a
// dataset that differ only in their responses still pair). What comparisons and clustered
// statistics read, without the texts and explanations a table needs.
struct RunScores
{
    EvalRun run;
    std::vector<qint64> items; // dataset item indexes, ascending
    QStringList ids; // the `id` field, empty where an item has none
    QList<QByteArray> contentKeys; // SHA-1 of question, contexts and reference; empty unless asked for
    QHash<QString, std::vector<double>> values; // metric → per item (NaN: no value)
    QHash<QString, std::vector<QList<double>>> repeats; // metric → per item, every repeated score (when repeated)

    enum class Keys { None, Identity };
    // `keys` Identity reads each item's id and content key too (pairing across datasets).
    static Result<RunScores> load(Workspace &workspace, qint64 runId, Keys keys);
    // The same for a run already read.
    static Result<RunScores> load(Workspace &workspace, const EvalRun &run, Keys keys);

    // What people call the item: its id, else its 1-based number.
    QString label(qsizetype position) const;
    bool hasIds() const;
    const std::vector<double> *metric(const QString &name) const;
};
