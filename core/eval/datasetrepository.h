#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"

#include <optional>

class Workspace;

// Reads the datasets DatasetImporter and BedrockOutputImporter wrote (tables of EvalSchema).
class DatasetRepository
{
public:
    explicit DatasetRepository(Workspace &workspace);

    // By name, then version.
    Result<QList<Dataset>> list() const;
    // The newest version of each dataset, newest first: what a new run is most likely made on.
    Result<QList<Dataset>> latest() const;
    Result<std::optional<Dataset>> find(qint64 id) const;
    // The version of `name` whose source had this SHA-256, if one was imported.
    Result<std::optional<Dataset>> findByContent(const QString &name, const QString &contentHash) const;
    // A page of items in index order.
    Result<QList<EvalItem>> items(qint64 datasetId, qint64 offset, int limit) const;
    Result<std::optional<EvalItem>> item(qint64 datasetId, qint64 index) const;

private:
    Result<QList<Dataset>> fetch(const QString &where, const QVariantMap &bindings) const;

    Workspace &m_workspace;
};
