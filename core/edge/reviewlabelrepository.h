#pragma once

#include "core/common/result.h"
#include "core/edge/reviewmanifest.h"

#include <QCoreApplication>

class Workspace;

// The review queue's labels, stored as they are given: an inspection (device, its timestamp, what
// the model said, its image) and the reviewer's verdict. A closed window or a crash loses none; a
// second label for the same inspection replaces the first.
class ReviewLabelRepository
{
    Q_DECLARE_TR_FUNCTIONS(ReviewLabelRepository)

public:
    explicit ReviewLabelRepository(Workspace &workspace) : m_workspace(workspace) { }

    Status store(const ReviewItem &item);
    // Every labelled inspection, in the order the inspections were made.
    Result<QList<ReviewItem>> labelled() const;

private:
    Workspace &m_workspace;
};
