#include "core/registry/stageflow.h"

namespace {

Stage baseStage(const ModelVersion &version)
{
    return version.stage == Stage::None ? Stage::Dev : version.stage;
}

Stage nextStage(Stage stage)
{
    switch (stage) {
    case Stage::None:
        return Stage::Dev;
    case Stage::Dev:
        return Stage::Test;
    case Stage::Test:
        return Stage::Prod;
    case Stage::Prod:
        return Stage::Prod;
    case Stage::Archived:
        return Stage::Archived;
    }
    return stage;
}

QString label(const ModelVersion &version)
{
    return StageFlow::tr("%1 version %2").arg(version.group).arg(version.version);
}

} // namespace

std::optional<Stage> StageFlow::awaiting(const ModelVersion &version)
{
    if (version.stage == Stage::Archived || version.status == ApprovalStatus::Rejected)
        return std::nullopt;
    if (version.status == ApprovalStatus::PendingManualApproval)
        return baseStage(version);
    if (version.stage == Stage::Prod)
        return std::nullopt;
    return nextStage(baseStage(version));
}

Result<Stage> StageFlow::target(const Decision &decision, const ModelVersion &version)
{
    const bool archived = version.stage == Stage::Archived;
    switch (decision.action) {
    case DecisionAction::Register:
        return makeError(Error::Kind::Usage, tr("registering is not a decision on an existing version"));
    case DecisionAction::Archive:
        if (archived)
            return makeError(Error::Kind::Input, tr("%1 is archived already").arg(label(version)));
        return Stage::Archived;
    case DecisionAction::Reject:
        if (archived)
            return makeError(Error::Kind::Input, tr("%1 is archived; there is nothing to reject").arg(label(version)));
        if (version.status == ApprovalStatus::Rejected)
            return makeError(Error::Kind::Input, tr("%1 is rejected already").arg(label(version)));
        // An approved Prod version waits for nothing; rejecting it withdraws its Prod approval.
        return awaiting(version).value_or(Stage::Prod);
    case DecisionAction::Approve:
    case DecisionAction::Promote:
        break;
    }
    Stage stage = Stage::None;
    if (decision.toStage) {
        stage = *decision.toStage;
    } else if (decision.action == DecisionAction::Promote) {
        return makeError(Error::Kind::Usage, tr("promote needs a stage to go to: Dev, Test, Prod or Archived"));
    } else if (archived) {
        return makeError(Error::Kind::Input,
                         tr("%1 is archived; promote it to a stage to restore it").arg(label(version)));
    } else if (version.status == ApprovalStatus::Rejected) {
        stage = baseStage(version);
    } else if (auto next = awaiting(version)) {
        stage = *next;
    } else {
        return makeError(Error::Kind::Input,
                         tr("%1 is approved for Prod already; nothing waits for a decision").arg(label(version)));
    }
    if (stage == Stage::None)
        return makeError(Error::Kind::Usage, tr("a decision needs a stage: Dev, Test, Prod or Archived"));
    if (stage == Stage::Archived) {
        if (decision.action == DecisionAction::Approve)
            return makeError(Error::Kind::Usage, tr("approving cannot archive; use promote --to Archived"));
        if (archived)
            return makeError(Error::Kind::Input, tr("%1 is archived already").arg(label(version)));
        return stage;
    }
    if (version.status == ApprovalStatus::Approved && version.stage == stage)
        return makeError(Error::Kind::Input,
                         tr("%1 is approved for %2 already").arg(label(version), RegistryNames::stage(stage)));
    return stage;
}

Stage StageFlow::decidingStage(Stage target, const ModelVersion &version)
{
    if (target != Stage::Archived)
        return target;
    return version.stage == Stage::Archived ? Stage::Prod : baseStage(version);
}

Stage StageFlow::furthestReachable(const ModelVersion &version)
{
    if (version.stage == Stage::Archived)
        return Stage::Prod;
    return version.status == ApprovalStatus::Approved ? nextStage(baseStage(version)) : baseStage(version);
}

int StageFlow::rank(Stage stage)
{
    switch (stage) {
    case Stage::None:
        return 0;
    case Stage::Dev:
        return 1;
    case Stage::Test:
        return 2;
    case Stage::Prod:
        return 3;
    case Stage::Archived:
        return 4;
    }
    return 0;
}

std::pair<std::optional<ApprovalStatus>, std::optional<Stage>> StageFlow::outcome(DecisionAction action, Stage target)
{
    if (target == Stage::Archived)
        return {std::nullopt, Stage::Archived};
    if (action == DecisionAction::Reject)
        return {ApprovalStatus::Rejected, std::nullopt};
    return {ApprovalStatus::Approved, target};
}

QString StageFlow::stageStatus(ApprovalStatus status, Stage stage)
{
    if (stage == Stage::Archived)
        return QStringLiteral("Archived");
    switch (status) {
    case ApprovalStatus::PendingManualApproval:
        return QStringLiteral("PendingApproval");
    case ApprovalStatus::Approved:
        return QStringLiteral("Approved");
    case ApprovalStatus::Rejected:
        return QStringLiteral("Rejected");
    }
    return QString();
}

QString StageFlow::actionName(DecisionAction action)
{
    switch (action) {
    case DecisionAction::Register:
        return QStringLiteral("register");
    case DecisionAction::Approve:
        return QStringLiteral("approve");
    case DecisionAction::Reject:
        return QStringLiteral("reject");
    case DecisionAction::Promote:
        return QStringLiteral("promote");
    case DecisionAction::Archive:
        return QStringLiteral("archive");
    }
    return QString();
}
