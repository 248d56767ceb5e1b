#pragma once

#include "core/common/result.h"
#include "core/registry/registrytypes.h"

#include <QCoreApplication>

#include <optional>
#include <utility>

// How versions move Dev → Test → Prod (→ Archived): which stage a version waits for, which stage a
// decision is about, and what it changes. A new version waits for its Dev approval; once approved
// for a stage it waits for the next one; rejected, archived and Prod-approved versions wait for
// nothing. A rejected version can be approved again for the stage it stands in.
class StageFlow
{
    Q_DECLARE_TR_FUNCTIONS(StageFlow)

public:
    static std::optional<Stage> awaiting(const ModelVersion &version);
    // The stage `decision` is about: Archived for archiving. An Input (or Usage) error when the
    // decision makes no sense for the version, such as approving what is already approved.
    static Result<Stage> target(const Decision &decision, const ModelVersion &version);
    // Whose decision it is: the target's, or for archiving the stage the version leaves.
    static Stage decidingStage(Stage target, const ModelVersion &version);
    // The furthest stage an approval may reach without skipping one (any from Archived: a restore).
    static Stage furthestReachable(const ModelVersion &version);
    static int rank(Stage stage);
    // The status and stage `decision` leaves the version in; nullopt where it keeps its own.
    static std::pair<std::optional<ApprovalStatus>, std::optional<Stage>> outcome(DecisionAction action, Stage target);
    // SageMaker's StageStatus for a status in a stage: "PendingApproval", "Approved", "Rejected", "Archived".
    static QString stageStatus(ApprovalStatus status, Stage stage);
    static QString actionName(DecisionAction action);
    static bool isApproval(DecisionAction action)
    {
        return action == DecisionAction::Approve || action == DecisionAction::Promote;
    }
};
