#pragma once

#include "core/common/result.h"

#include <QHash>
#include <QString>

class Workspace;

// Which group each item of a dataset belongs to by one of its fields (`--cluster-by source`):
// items with the same value share a group. The known fields (question, reference) and any field
// kept from the source file can be named.
class ItemGroups
{
public:
    // item index → group number. A field that no item has is an Input error naming it.
    static Result<QHash<qint64, qint64>> load(Workspace &workspace, qint64 datasetId, const QString &field);
};
