#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

// A person's judgement of one judged metric on one item of a run: pass, fail, or a score from 0 to
// 1, with a comment, who gave it and when. `source` says how the item reached the reviewer (the
// review queue's sampling, "manual", "import"): the corrected mean trusts random samples only.
struct HumanLabel
{
    Q_DECLARE_TR_FUNCTIONS(HumanLabel)

public:
    enum class Verdict { Pass, Fail, Score };

    qint64 runId = 0;
    qint64 itemIndex = 0;
    QString metric;
    QString reviewer;
    Verdict verdict = Verdict::Pass;
    double value = 1; // pass 1, fail 0, else the score
    QString comment;
    QString source;
    QString createdAt;

    static HumanLabel pass() { return {}; }
    static HumanLabel fail();
    static HumanLabel score(double value);

    // Whether the person says the item passes: their verdict, or their score against the threshold.
    bool passes(double threshold) const;

    static QString verdictName(Verdict verdict);
    static std::optional<Verdict> verdictFromName(const QString &name);

    // One line of a label exchange file (JSONL): run_id, item, metric, reviewer, verdict, value,
    // comment, source, created_at.
    QJsonObject toJson() const;
    // Reads what toJson() writes; `where` names the line for the error.
    static Result<HumanLabel> fromJson(const QJsonObject &object, const QString &where);
    // The label is whole and its value in range; `where` names it for the error.
    Status validate(const QString &where) const;
};
