#include "ui/common/displaynames.h"

QString DisplayNames::runStatus(const EvalRun &run)
{
    if (run.interrupted)
        return tr("interrupted");
    switch (run.status) {
    case EvalRun::Status::Running:
        return tr("running");
    case EvalRun::Status::Completed:
        return tr("completed");
    case EvalRun::Status::Cancelled:
        return tr("cancelled");
    case EvalRun::Status::Failed:
        return tr("failed");
    case EvalRun::Status::Imported:
        return tr("imported");
    }
    return run.displayStatus();
}

QString DisplayNames::role(Role role)
{
    switch (role) {
    case Role::DataScientist:
        return tr("Data scientist");
    case Role::AiEngineer:
        return tr("AI engineer");
    case Role::GovernanceOfficer:
        return tr("Governance officer");
    case Role::Viewer:
        return tr("Viewer");
    case Role::Admin:
        return tr("Admin");
    }
    return RegistryNames::role(role);
}

QString DisplayNames::decidesNothing(Role role, bool team)
{
    return team ? tr("Your workbench role (%1) decides no stage; an admin grants roles with genaiops workspace grant.")
                      .arg(DisplayNames::role(role))
                : tr("A viewer decides nothing; choose the role you decide in.");
}

QString DisplayNames::approval(ApprovalStatus status)
{
    switch (status) {
    case ApprovalStatus::PendingManualApproval:
        return tr("Pending approval");
    case ApprovalStatus::Approved:
        return tr("Approved");
    case ApprovalStatus::Rejected:
        return tr("Rejected");
    }
    return RegistryNames::status(status);
}

QString DisplayNames::stage(Stage stage)
{
    switch (stage) {
    case Stage::None:
        return QStringLiteral("—");
    case Stage::Dev:
        return tr("Dev");
    case Stage::Test:
        return tr("Test");
    case Stage::Prod:
        return tr("Prod");
    case Stage::Archived:
        return tr("Archived");
    }
    return RegistryNames::stage(stage);
}

QString DisplayNames::policyRule(const QString &name)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("role"), QT_TR_NOOP("Role may decide")},
        {QStringLiteral("four-eyes"), QT_TR_NOOP("Four eyes")},
        {QStringLiteral("stage-order"), QT_TR_NOOP("Stage order")},
        {QStringLiteral("evidence"), QT_TR_NOOP("Evaluation evidence")},
        {QStringLiteral("judge-agreement"), QT_TR_NOOP("Judge agreement")},
        {QStringLiteral("one-prod"), QT_TR_NOOP("One version in Prod")},
        {QStringLiteral("comment"), QT_TR_NOOP("Comment")},
        {QStringLiteral("decision"), QT_TR_NOOP("Decision")},
    };
    const auto label = labels.constFind(name);
    return label == labels.cend() ? name : tr(*label);
}

QString DisplayNames::stopReason(const QString &reason)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("end_turn"), QT_TR_NOOP("finished")},
        {QStringLiteral("stop"), QT_TR_NOOP("finished")},
        {QStringLiteral("max_tokens"), QT_TR_NOOP("token limit")},
        {QStringLiteral("length"), QT_TR_NOOP("token limit")},
        {QStringLiteral("stop_sequence"), QT_TR_NOOP("stop sequence")},
        {QStringLiteral("guardrail_intervened"), QT_TR_NOOP("guardrail intervened")},
        {QStringLiteral("content_filtered"), QT_TR_NOOP("content filtered")},
        {QStringLiteral("tool_use"), QT_TR_NOOP("tool use")},
    };
    const auto label = labels.constFind(reason);
    // The API's own word stays beside ours: it is what people search for.
    return label == labels.cend() ? reason : QStringLiteral("%1 (%2)").arg(tr(*label), reason);
}

QString DisplayNames::roleName(const QString &name)
{
    const std::optional<Role> known = RegistryNames::roleFromName(name);
    return known ? role(*known) : name;
}

QString DisplayNames::auditAction(const QString &action)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("register"), QT_TR_NOOP("registered")}, {QStringLiteral("approve"), QT_TR_NOOP("approved")},
        {QStringLiteral("reject"), QT_TR_NOOP("rejected")},     {QStringLiteral("promote"), QT_TR_NOOP("promoted")},
        {QStringLiteral("archive"), QT_TR_NOOP("archived")},
    };
    const auto label = labels.constFind(action);
    return label == labels.cend() ? action : tr(*label);
}

QString DisplayNames::auditState(const QString &status, const QString &stage)
{
    const std::optional<ApprovalStatus> knownStatus = RegistryNames::statusFromName(status);
    const QString statusText = knownStatus ? approval(*knownStatus) : status;
    if (stage.isEmpty())
        return statusText;
    const std::optional<Stage> knownStage = RegistryNames::stageFromName(stage);
    return tr("%1 in %2").arg(statusText, knownStage ? DisplayNames::stage(*knownStage) : stage);
}
