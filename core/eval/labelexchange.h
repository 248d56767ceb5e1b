#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QString>

class Workspace;

// Labels as JSONL, one HumanLabel::toJson() object per line, so a labelling round done in another
// workspace or tool counts here. An import is all or nothing: one bad line (named by file and line)
// and nothing is stored.
class LabelExchange
{
    Q_DECLARE_TR_FUNCTIONS(LabelExchange)

public:
    static constexpr qint64 lineLimit = 1 << 20;

    // Writes every label of the run; returns how many.
    static Result<qint64> exportLabels(Workspace &workspace, qint64 runId, const QString &path);
    // Reads and stores the labels of `path`. With `runId` > 0 every label is stored on that run,
    // whatever run_id the file names (the run has another id in the workspace it came from).
    static Result<qint64> importLabels(Workspace &workspace, const QString &path, qint64 runId = 0);
};
