#pragma once

#include "core/common/result.h"
#include "core/registry/registrytypes.h"
#include "core/registry/runevidence.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>

class Workspace;

// Who may decide what, enforced in core so the CLI, the GUI and scripts obey the same rules. Kept
// per workspace in workspace_meta ("registry.policy", JSON); anything not set there has its
// default. check() evaluates every rule for one decision, so a dialog can show what is satisfied
// and what is missing before anything is written:
//   role        the actor's role decides the stage (data-scientist: Dev, ai-engineer: Test,
//               governance-officer: Prod)
//   four-eyes   the registrant may not approve or promote their own version for Test or Prod
//   evidence    a Prod approval needs a linked evaluation run whose gates passed, or an override
//               reason (which the audit trail records)
//   comment     required for a rejection and for any Prod decision; at most 1024 characters
//   stage-order approvals do not skip a stage (Dev → Test → Prod); archived versions may return
//   one-prod    a Prod approval archives the group's previous Prod version in the same step
//   judge-agreement  when the policy asks for it, a Prod approval needs an evidence run whose judged
//               metrics each have at least N human labels and a judge–human κ of at least X (or an
//               override reason); off by default
class ApprovalPolicy
{
    Q_DECLARE_TR_FUNCTIONS(ApprovalPolicy)

public:
    struct Rules
    {
        QMap<Stage, QList<Role>> deciders{{Stage::Dev, {Role::DataScientist}},
                                          {Stage::Test, {Role::AiEngineer}},
                                          {Stage::Prod, {Role::GovernanceOfficer}}};
        QList<Stage> fourEyesStages{Stage::Test, Stage::Prod};
        bool evidenceForProd = true;
        bool oneProdPerGroup = true;
        bool stageOrder = true;
        // Both 0: not asked for.
        double minimumKappaForProd = 0;
        int minimumLabelsForProd = 0;
        bool asksForAgreement() const { return minimumKappaForProd > 0 || minimumLabelsForProd > 0; }
    };

    static constexpr int commentLimit = 1024; // SageMaker's ApprovalDescription limit

    ApprovalPolicy() = default;
    explicit ApprovalPolicy(Rules rules);

    static QString metaKey() { return QStringLiteral("registry.policy"); }
    // The workspace's policy, or the defaults when none is stored. A stored policy that cannot be
    // read is an error, never silently replaced by the defaults.
    static Result<ApprovalPolicy> load(const Workspace &workspace);
    Status save(Workspace &workspace) const;
    static Result<ApprovalPolicy> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;

    const Rules &rules() const { return m_rules; }
    bool mayDecide(Role role, Stage stage) const;
    bool needsFourEyes(Stage stage) const { return m_rules.fourEyesStages.contains(stage); }

    // `evidence` describes the version's linked runs; `prodVersions` the group's other versions now
    // in Prod (archived by a Prod approval when one-prod is on).
    PolicyCheck check(const Decision &decision, const ModelVersion &version, const Actor &actor,
                      const QList<RunEvidence> &evidence, const QList<int> &prodVersions = {}) const;

    static bool sameUser(const QString &left, const QString &right);

private:
    PolicyRule roleRule(Stage target, const ModelVersion &version, const Actor &actor) const;
    PolicyRule fourEyesRule(const Decision &decision, Stage target, const ModelVersion &version,
                            const Actor &actor) const;
    PolicyRule evidenceRule(const Decision &decision, Stage target, const ModelVersion &version,
                            const QList<RunEvidence> &evidence) const;
    PolicyRule commentRule(const Decision &decision, Stage target, const ModelVersion &version) const;
    PolicyRule stageOrderRule(const Decision &decision, Stage target, const ModelVersion &version) const;
    PolicyRule oneProdRule(const Decision &decision, Stage target, const QList<int> &prodVersions) const;
    PolicyRule agreementRule(const Decision &decision, Stage target, const QList<RunEvidence> &evidence) const;
    QString agreementShortfall(const RunEvidence &run) const;

    Rules m_rules;
};
