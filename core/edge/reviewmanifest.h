#pragma once

#include "core/common/result.h"
#include "core/edge/inspectionresult.h"

#include <QCoreApplication>
#include <QList>

// An inspection sent to human review, and the reviewer's verdict.
struct ReviewItem
{
    enum class Label { None, Good, Defective, Unsure };

    InspectionResult inspection;
    Label label = Label::None;

    static QString labelName(Label label); // "good", "defective", "unsure", "" for None
    static Label labelFromName(const QString &name); // None for anything else
};

// Writes reviewed inspections as a JSONL manifest for retraining: one object per labelled item with
// image, label, device, timestamp, model_prediction and confidence. Inline (base64) images are saved
// as PNG files in a folder beside the manifest, which the manifest names relatively, so the folder
// and the manifest can be uploaded together (to S3, for a SageMaker labelling or training job).
class ReviewManifest
{
    Q_DECLARE_TR_FUNCTIONS(ReviewManifest)

public:
    struct Written
    {
        int items = 0;
        int images = 0;
        int skipped = 0; // unlabelled
    };

    static Result<Written> write(const QList<ReviewItem> &items, const QString &path);
};
