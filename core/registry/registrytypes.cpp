#include "core/registry/registrytypes.h"

QString RegistryNames::status(ApprovalStatus status)
{
    switch (status) {
    case ApprovalStatus::PendingManualApproval:
        return QStringLiteral("PendingManualApproval");
    case ApprovalStatus::Approved:
        return QStringLiteral("Approved");
    case ApprovalStatus::Rejected:
        return QStringLiteral("Rejected");
    }
    return QStringLiteral("PendingManualApproval");
}

std::optional<ApprovalStatus> RegistryNames::statusFromName(const QString &name)
{
    // "pending" is what people type; the full name is what SageMaker sends.
    const QString folded = name.trimmed().toLower();
    if (folded == QLatin1String("pendingmanualapproval") || folded == QLatin1String("pending"))
        return ApprovalStatus::PendingManualApproval;
    if (folded == QLatin1String("approved"))
        return ApprovalStatus::Approved;
    if (folded == QLatin1String("rejected"))
        return ApprovalStatus::Rejected;
    return std::nullopt;
}

QString RegistryNames::stage(Stage stage)
{
    switch (stage) {
    case Stage::None:
        return QString();
    case Stage::Dev:
        return QStringLiteral("Dev");
    case Stage::Test:
        return QStringLiteral("Test");
    case Stage::Prod:
        return QStringLiteral("Prod");
    case Stage::Archived:
        return QStringLiteral("Archived");
    }
    return QString();
}

std::optional<Stage> RegistryNames::stageFromName(const QString &name)
{
    const QString folded = name.trimmed().toLower();
    if (folded.isEmpty() || folded == QLatin1String("none"))
        return Stage::None;
    if (folded == QLatin1String("dev") || folded == QLatin1String("development"))
        return Stage::Dev;
    if (folded == QLatin1String("test"))
        return Stage::Test;
    if (folded == QLatin1String("prod") || folded == QLatin1String("production"))
        return Stage::Prod;
    if (folded == QLatin1String("archived"))
        return Stage::Archived;
    return std::nullopt;
}

QString RegistryNames::role(Role role)
{
    switch (role) {
    case Role::DataScientist:
        return QStringLiteral("data-scientist");
    case Role::AiEngineer:
        return QStringLiteral("ai-engineer");
    case Role::GovernanceOfficer:
        return QStringLiteral("governance-officer");
    case Role::Viewer:
        return QStringLiteral("viewer");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return QStringLiteral("viewer");
}

std::optional<Role> RegistryNames::roleFromName(const QString &name)
{
    const QString folded = name.trimmed().toLower();
    if (folded == QLatin1String("reviewer")) // a team workspace's name for it
        return Role::Viewer;
    for (Role role : {Role::DataScientist, Role::AiEngineer, Role::GovernanceOfficer, Role::Viewer, Role::Admin})
        if (folded == RegistryNames::role(role))
            return role;
    return std::nullopt;
}
