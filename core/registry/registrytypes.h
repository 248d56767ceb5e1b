#pragma once

// The model registry's data model, in SageMaker's vocabulary so the three backends (the workspace,
// Amazon SageMaker Model Registry, MLflow) map onto one shape.

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

enum class ApprovalStatus { PendingManualApproval, Approved, Rejected };
enum class Stage { None, Dev, Test, Prod, Archived };
// Viewer is a team workspace's "reviewer"; Admin manages a team workspace's members and decides no stage.
enum class Role { DataScientist, AiEngineer, GovernanceOfficer, Viewer, Admin };

struct RegistryNames
{
    static QString status(ApprovalStatus status); // "PendingManualApproval" …
    static std::optional<ApprovalStatus> statusFromName(const QString &name);
    static QString stage(Stage stage); // "Dev" … ("" for None)
    static std::optional<Stage> stageFromName(const QString &name); // case-insensitive
    static QString role(Role role); // "data-scientist", "ai-engineer", "governance-officer", "viewer", "admin"
    static std::optional<Role> roleFromName(const QString &name);
};

struct ModelGroup
{
    QString name;
    QString description;
    QString createdAt;
    int versionCount = 0;
    int pendingCount = 0;
};

struct ModelVersion
{
    QString group;
    int version = 0;
    QString artifactUri;
    QString description;
    QMap<QString, double> metrics;
    QList<qint64> evalRunIds; // linked evaluation runs (workspace run ids)
    QString registrant;
    QString createdAt;
    ApprovalStatus status = ApprovalStatus::PendingManualApproval;
    Stage stage = Stage::None;
    QString stageStatus; // e.g. "InProgress", "Approved" — SageMaker's StageStatus
    QString modifiedAt; // changes whenever the version changes; detects concurrent edits
    QString remoteId; // e.g. a SageMaker ModelPackageArn
    QString approvalDescription; // the last decision's comment (SageMaker's ApprovalDescription)
    QJsonObject remote; // what the remote backend said, as it said it
};

// The people acting, and how the workspace backend records them.
struct Actor
{
    QString user;
    Role role = Role::Viewer;
};

enum class DecisionAction { Register, Approve, Reject, Promote, Archive };

struct Decision
{
    DecisionAction action = DecisionAction::Approve;
    QString group;
    int version = 0;
    std::optional<Stage> toStage; // for Promote (and Approve with a stage)
    QString comment; // mandatory for a rejection and any Prod decision
    QString overrideReason; // Prod without a passing evaluation gate needs one
    QString expectedModifiedAt; // the version as the user saw it; a newer one is refused
};

// One rule of the approval policy as it applies to one decision: whether it is satisfied and why.
struct PolicyRule
{
    QString name; // "role", "four-eyes", "evidence", "comment", "one-prod"
    bool satisfied = false;
    QString detail;
};

struct PolicyCheck
{
    QList<PolicyRule> rules;
    bool allowed() const
    {
        for (const PolicyRule &rule : rules)
            if (!rule.satisfied)
                return false;
        return true;
    }
    // The first rule that refused, for the error message ("refused by rule four-eyes: …").
    const PolicyRule *firstRefusal() const
    {
        for (const PolicyRule &rule : rules)
            if (!rule.satisfied)
                return &rule;
        return nullptr;
    }
};

// One entry of the append-only audit trail; `hash` is SHA-256 over the canonical JSON of every
// other field including `previousHash`, so editing, deleting or reordering an entry breaks the chain.
struct AuditEntry
{
    qint64 sequence = 0;
    QString at; // ISO-8601 UTC
    QString actor;
    QString role;
    QString action; // "register", "approve", "reject", "promote", "archive"
    QString backend; // "workspace", "sagemaker", "mlflow"
    QString group;
    int version = 0;
    QString fromStatus, toStatus;
    QString fromStage, toStage;
    QString comment;
    QString overrideReason;
    QJsonObject evidence; // eval runs and gate results considered
    QJsonObject remoteAnswer; // the remote backend's reply, for remote decisions
    QString previousHash;
    QString hash;
};
