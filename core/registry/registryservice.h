#pragma once

#include "core/common/result.h"
#include "core/registry/approvalpolicy.h"
#include "core/registry/audittrail.h"
#include "core/registry/registrybackend.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>

class Workspace;

// What the CLI and the Registry panel call: a backend holding the versions, the workspace's
// approval policy, and the audit trail in the local workspace (also for remote backends, where it
// records what the remote answered). decide() re-checks the policy on the version as the backend
// has it now, refuses when it changed since the caller loaded it, and then writes the change, the
// archiving of the previous Prod version and the audit entries; on the workspace backend all of
// that is one transaction. Blocking: call from the CLI or a worker thread.
class RegistryService
{
    Q_DECLARE_TR_FUNCTIONS(RegistryService)

public:
    using Clock = std::function<QDateTime()>;

    struct Outcome
    {
        ModelVersion version; // as the backend has it after the decision
        QList<ModelVersion> archived; // previous Prod versions this decision archived
        PolicyCheck check;
        QList<AuditEntry> audit; // the entries written, this decision's first
    };

    // What happened, in words for the person who decided: "support-rag v3 is now in Prod; v2 left
    // Prod (archived)", "v4 is approved in Dev", "v5 was rejected".
    static QString describe(const Decision &decision, const Outcome &outcome);

    // `workspace` holds the policy, the evaluation runs and the audit trail; the backend may be the
    // same workspace or a remote registry. Both must outlive the service.
    RegistryService(RegistryBackend &backend, Workspace &workspace, Clock clock = {});

    static QString roleKey() { return QStringLiteral("registry.role"); }
    // The role chosen in settings for this workspace (data-scientist when none is).
    static Role workspaceRole(const Workspace &workspace);
    static Status setWorkspaceRole(Workspace &workspace, Role role);

    RegistryBackend &backend() const { return m_backend; }
    Result<ApprovalPolicy> policy() const;

    Result<QList<ModelGroup>> groups();
    Result<QList<ModelVersion>> versions(const QString &group, std::optional<ApprovalStatus> status = std::nullopt);
    Result<ModelVersion> version(const QString &group, int version);
    // The version's linked evaluation runs as evidence for a Prod decision.
    QList<RunEvidence> evidence(const ModelVersion &version);

    // Every rule for `decision` as things stand; an error only when the decision makes no sense
    // for the version (approving what is approved already) or the version cannot be read.
    Result<PolicyCheck> check(const Decision &decision, const Actor &actor);
    // A refusal is Error::Kind::Refused with "refused by rule <name>: <detail>" (and any other rule
    // that refused), or "changed by someone else since you loaded it".
    Result<Outcome> decide(const Decision &decision, const Actor &actor);
    // Registers `version` as `actor` (the registrant), pending approval for Dev. Linked runs must
    // exist in the workspace.
    Result<Outcome> registerVersion(ModelVersion version, const Actor &actor);

    Result<QList<AuditEntry>> audit(const QString &group = {}) const;
    Result<AuditTrail::Verification> verifyAudit() const;
    Result<QList<int>> versionInStageAt(const QString &group, Stage stage, const QDateTime &at) const;
    // "Waiting for my decision": versions whose next decision the actor's role takes, leaving out
    // the actor's own versions where four-eyes applies. Longest waiting first.
    Result<QList<ModelVersion>> inbox(const Actor &actor);

    // What the Registry panel shows first: the groups, the role this workspace decides in, and how
    // many versions wait for that role's decision from `user` (0 when the inbox cannot be read).
    struct Overview
    {
        QList<ModelGroup> groups;
        Role role = Role::DataScientist;
        int waiting = 0;
        // In a team workspace: who the database says you are (your role is your grant).
        bool team = false;
        QString user;
    };
    Result<Overview> overview(const QString &user);
    // A version's page: its linked runs as evidence and its own decisions, oldest first.
    struct VersionPage
    {
        QList<RunEvidence> evidence;
        QList<AuditEntry> history;
    };
    Result<VersionPage> versionPage(const ModelVersion &version);

private:
    // One decision weighed against one version as loaded.
    struct Assessment
    {
        Stage target = Stage::None;
        PolicyCheck check;
        QList<RunEvidence> evidence;
        QList<ModelVersion> prodVersions; // the group's other versions in Prod
        bool archivesProd = false; // one-prod applies: prodVersions leave Prod
    };

    Result<Assessment> assess(const Decision &decision, const ModelVersion &version, const Actor &actor);
    bool isLocal() const;
    Result<QList<ModelVersion>> otherProdVersions(const ModelVersion &version);
    Status apply(Decision &decision, const Actor &actor, Outcome &outcome);
    // "carol (governance-officer) chose approve at …, leaving it Approved in Prod": the newest entry.
    QString lastDecision(const ModelVersion &version) const;
    Status archiveReplaced(const ModelVersion &replacement, const QList<ModelVersion> &previous, const Actor &actor,
                           Outcome &outcome);
    AuditEntry entryFor(const QString &action, const Actor &actor, const ModelVersion &before,
                        const ModelVersion &after) const;
    static Error refusal(const PolicyCheck &check, const ModelVersion &version);

    RegistryBackend &m_backend;
    Workspace &m_workspace;
    AuditTrail m_audit;
};
