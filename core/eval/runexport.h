#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <functional>

class Workspace;

// Exports a stored run as CSV, JSON Lines or a self-contained HTML report, wiring the workspace's
// repositories to the exporters. The file is written atomically: a failed export leaves no half file.
class RunExport
{
    Q_DECLARE_TR_FUNCTIONS(RunExport)

public:
    static Status write(Workspace &workspace, qint64 runId, const QString &format, const QString &path);
    // Every item of the run's dataset in index order, with its result when the run has one.
    static Status forEachResult(Workspace &workspace, qint64 runId,
                                const std::function<void(const EvalItem &, const ItemResult *)> &visit);
    static QJsonObject itemJson(const EvalItem &item, const ItemResult *result);
};
