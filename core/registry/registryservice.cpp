#include "core/registry/registryservice.h"

#include "core/eval/evalrunrepository.h"
#include "core/registry/auditlock.h"
#include "core/registry/registryjson.h"
#include "core/registry/stageflow.h"
#include "core/registry/workspaceregistrybackend.h"
#include "core/storage/workspace.h"
#include "core/team/teamroles.h"

#include <QJsonArray>

#include <algorithm>

namespace {

QString label(const ModelVersion &version)
{
    return RegistryService::tr("%1 version %2").arg(version.group).arg(version.version);
}

QJsonArray evidenceJson(const QList<RunEvidence> &evidence)
{
    QJsonArray runs;
    for (const RunEvidence &run : evidence)
        runs.append(run.toJson());
    return runs;
}

} // namespace

RegistryService::RegistryService(RegistryBackend &backend, Workspace &workspace, Clock clock)
    : m_backend(backend), m_workspace(workspace), m_audit(workspace, std::move(clock))
{ }

Role RegistryService::workspaceRole(const Workspace &workspace)
{
    // In a team workspace your role is your grant; nobody's is written by a client.
    if (workspace.isTeam()) {
        auto granted = TeamRoles(workspace).roleOf();
        return granted ? RegistryNames::roleFromName(granted.value()).value_or(Role::Viewer) : Role::Viewer;
    }
    return RegistryNames::roleFromName(workspace.metaValue(roleKey())).value_or(Role::DataScientist);
}

Status RegistryService::setWorkspaceRole(Workspace &workspace, Role role)
{
    if (workspace.isTeam())
        return makeError(Error::Kind::Refused,
                         tr("in a team workspace your role is the one an admin granted you "
                            "(genaiops workspace grant)"),
                         workspace.location());
    return workspace.setMetaValue(roleKey(), RegistryNames::role(role));
}

Result<ApprovalPolicy> RegistryService::policy() const
{
    return ApprovalPolicy::load(m_workspace);
}

Result<QList<ModelGroup>> RegistryService::groups()
{
    return m_backend.groups();
}

Result<QList<ModelVersion>> RegistryService::versions(const QString &group, std::optional<ApprovalStatus> status)
{
    return m_backend.versions(group, status);
}

Result<ModelVersion> RegistryService::version(const QString &group, int version)
{
    return m_backend.version(group, version);
}

QList<RunEvidence> RegistryService::evidence(const ModelVersion &version)
{
    return RunEvidence::collect(m_workspace, version.evalRunIds);
}

Result<PolicyCheck> RegistryService::check(const Decision &decision, const Actor &actor)
{
    auto current = m_backend.version(decision.group, decision.version);
    if (!current)
        return current.error();
    auto assessment = assess(decision, current.value(), actor);
    if (!assessment)
        return assessment.error();
    return assessment.value().check;
}

Result<RegistryService::Assessment> RegistryService::assess(const Decision &decision, const ModelVersion &version,
                                                            const Actor &actor)
{
    auto target = StageFlow::target(decision, version);
    if (!target)
        return target.error();
    auto policy = ApprovalPolicy::load(m_workspace);
    if (!policy)
        return policy.error();
    Assessment assessment;
    assessment.target = target.value();
    assessment.evidence = evidence(version);
    QList<int> prodNumbers;
    if (assessment.target == Stage::Prod && StageFlow::isApproval(decision.action)) {
        auto others = otherProdVersions(version);
        if (!others)
            return others.error();
        assessment.prodVersions = others.value();
        assessment.archivesProd = policy.value().rules().oneProdPerGroup;
        for (const ModelVersion &other : assessment.prodVersions)
            prodNumbers << other.version;
    }
    assessment.check = policy.value().check(decision, version, actor, assessment.evidence, prodNumbers);
    return assessment;
}

Result<RegistryService::Outcome> RegistryService::decide(const Decision &decision, const Actor &actor)
{
    Outcome outcome;
    // The decision is about the version as first read. When the transaction runs again after losing
    // a race with another decider (a team workspace retries it), it finds the version changed and
    // says who decided first, rather than deciding again on a state the person never saw.
    Decision pinned = decision;
    const AuditLock writer(m_workspace, isLocal());
    // On the workspace backend the change, the archiving and the audit commit together; a remote
    // backend cannot join a local transaction, so there each audit entry follows its remote change.
    const Status done = isLocal() ? m_workspace.retriedTransaction([&] {
        outcome = Outcome();
        return apply(pinned, actor, outcome);
    })
                                  : apply(pinned, actor, outcome);
    if (!done)
        return done.error();
    return outcome;
}

Status RegistryService::apply(Decision &decision, const Actor &actor, Outcome &outcome)
{
    auto current = m_backend.version(decision.group, decision.version);
    if (!current)
        return current.error();
    const ModelVersion before = current.value();
    if (decision.expectedModifiedAt.isEmpty() && isLocal())
        decision.expectedModifiedAt = before.modifiedAt;
    if (!decision.expectedModifiedAt.isEmpty() && decision.expectedModifiedAt != before.modifiedAt)
        return makeError(Error::Kind::Refused,
                         tr("someone decided first: %1 — %2 (you loaded the version as of %3; it was changed at %4)")
                             .arg(lastDecision(before), WorkspaceRegistryBackend::changedMessage(),
                                  decision.expectedModifiedAt, before.modifiedAt),
                         label(before));
    auto assessment = assess(decision, before, actor);
    if (!assessment)
        return assessment.error();
    const Assessment &assessed = assessment.value();
    outcome.check = assessed.check;
    if (!outcome.check.allowed())
        return refusal(outcome.check, before);
    const Stage target = assessed.target;
    const auto [status, stage] = StageFlow::outcome(decision.action, target);
    auto updated = m_backend.update(before, status, stage, decision.comment.trimmed());
    if (!updated)
        return updated.error();
    outcome.version = updated.value();
    const QString action = target == Stage::Archived ? StageFlow::actionName(DecisionAction::Archive)
                                                     : StageFlow::actionName(decision.action);
    AuditEntry entry = entryFor(action, actor, before, outcome.version);
    entry.comment = decision.comment.trimmed();
    entry.overrideReason = decision.overrideReason.trimmed();
    entry.evidence = {{QStringLiteral("target_stage"), RegistryNames::stage(target)},
                      {QStringLiteral("runs"), evidenceJson(assessed.evidence)},
                      {QStringLiteral("rules"), RegistryJson::check(outcome.check).value(QStringLiteral("rules"))}};
    const Status recorded = m_audit.append(entry);
    if (!recorded)
        return recorded;
    outcome.audit << entry;
    if (!assessed.archivesProd)
        return Done{};
    return archiveReplaced(outcome.version, assessed.prodVersions, actor, outcome);
}

QString RegistryService::lastDecision(const ModelVersion &version) const
{
    auto entries = m_audit.entries(version.group);
    if (entries)
        for (auto entry = entries.value().crbegin(); entry != entries.value().crend(); ++entry)
            if (entry->version == version.version)
                return tr("%1 (%2) chose %3 at %4, leaving it %5%6")
                    .arg(entry->actor, entry->role, entry->action, entry->at, entry->toStatus,
                         entry->toStage.isEmpty() ? QString() : tr(" in %1").arg(entry->toStage));
    return tr("the version is now %1").arg(RegistryNames::status(version.status));
}

Status RegistryService::archiveReplaced(const ModelVersion &replacement, const QList<ModelVersion> &previous,
                                        const Actor &actor, Outcome &outcome)
{
    for (const ModelVersion &old : previous) {
        const QString comment = tr("archived: version %1 replaced it in Prod").arg(replacement.version);
        auto archived = m_backend.update(old, std::nullopt, Stage::Archived, comment);
        if (!archived)
            return makeError(archived.error().kind,
                             tr("version %1 is in Prod, but archiving version %2 failed: %3")
                                 .arg(replacement.version)
                                 .arg(old.version)
                                 .arg(archived.error().message),
                             replacement.group);
        AuditEntry entry = entryFor(StageFlow::actionName(DecisionAction::Archive), actor, old, archived.value());
        entry.comment = comment;
        entry.evidence = {{QStringLiteral("replaced_by"), replacement.version}};
        const Status recorded = m_audit.append(entry);
        if (!recorded)
            return recorded;
        outcome.archived << archived.value();
        outcome.audit << entry;
    }
    return Done{};
}

Result<RegistryService::Outcome> RegistryService::registerVersion(ModelVersion version, const Actor &actor)
{
    if (actor.role == Role::Viewer)
        return makeError(Error::Kind::Refused, tr("refused by rule role: a viewer cannot register versions"),
                         version.group);
    if (actor.user.trimmed().isEmpty())
        return makeError(Error::Kind::Usage, tr("registering needs to know who registers"), version.group);
    EvalRunRepository runs(m_workspace);
    for (qint64 runId : version.evalRunIds) {
        auto run = runs.find(runId);
        if (!run)
            return run.error();
        if (!run.value())
            return makeError(
                Error::Kind::Input,
                tr("there is no evaluation run %1 in this workspace (see `genaiops eval list`)").arg(runId),
                version.group);
    }
    version.registrant = actor.user;
    version.status = ApprovalStatus::PendingManualApproval;
    if (version.stage == Stage::None)
        version.stage = Stage::Dev;
    version.stageStatus = StageFlow::stageStatus(version.status, version.stage);
    Outcome outcome;
    const auto work = [&]() -> Status {
        outcome = Outcome(); // a retried transaction starts over
        auto registered = m_backend.registerVersion(version);
        if (!registered)
            return registered.error();
        outcome.version = registered.value();
        AuditEntry entry
            = entryFor(StageFlow::actionName(DecisionAction::Register), actor, ModelVersion(), outcome.version);
        entry.group = outcome.version.group;
        entry.version = outcome.version.version;
        entry.fromStatus.clear();
        entry.fromStage.clear();
        QJsonObject metrics;
        for (auto it = outcome.version.metrics.cbegin(); it != outcome.version.metrics.cend(); ++it)
            metrics.insert(it.key(), it.value());
        entry.evidence = {{QStringLiteral("artifact_uri"), outcome.version.artifactUri},
                          {QStringLiteral("metrics"), metrics},
                          {QStringLiteral("runs"), evidenceJson(evidence(outcome.version))}};
        const Status recorded = m_audit.append(entry);
        if (recorded)
            outcome.audit << entry;
        return recorded;
    };
    const AuditLock writer(m_workspace, isLocal());
    const Status done = isLocal() ? m_workspace.retriedTransaction(work) : work();
    if (!done)
        return done.error();
    return outcome;
}

Result<QList<AuditEntry>> RegistryService::audit(const QString &group) const
{
    return m_audit.entries(group);
}

Result<AuditTrail::Verification> RegistryService::verifyAudit() const
{
    return m_audit.verify();
}

Result<QList<int>> RegistryService::versionInStageAt(const QString &group, Stage stage, const QDateTime &at) const
{
    return m_audit.versionInStageAt(group, stage, at);
}

Result<QList<ModelVersion>> RegistryService::inbox(const Actor &actor)
{
    auto policy = ApprovalPolicy::load(m_workspace);
    if (!policy)
        return policy.error();
    auto groups = m_backend.groups();
    if (!groups)
        return groups.error();
    QList<ModelVersion> waiting;
    for (const ModelGroup &group : groups.value()) {
        auto versions = m_backend.versions(group.name);
        if (!versions)
            return versions.error();
        for (const ModelVersion &version : versions.value()) {
            const std::optional<Stage> stage = StageFlow::awaiting(version);
            if (!stage || !policy.value().mayDecide(actor.role, *stage))
                continue;
            if (policy.value().needsFourEyes(*stage) && ApprovalPolicy::sameUser(version.registrant, actor.user))
                continue;
            waiting << version;
        }
    }
    std::stable_sort(waiting.begin(), waiting.end(), [](const ModelVersion &left, const ModelVersion &right) {
        return left.modifiedAt < right.modifiedAt;
    });
    return waiting;
}

bool RegistryService::isLocal() const
{
    return m_backend.name() == QLatin1String("workspace");
}

Result<QList<ModelVersion>> RegistryService::otherProdVersions(const ModelVersion &version)
{
    auto all = m_backend.versions(version.group);
    if (!all)
        return all.error();
    QList<ModelVersion> prod;
    for (const ModelVersion &other : all.value())
        if (other.stage == Stage::Prod && other.version != version.version)
            prod << other;
    return prod;
}

AuditEntry RegistryService::entryFor(const QString &action, const Actor &actor, const ModelVersion &before,
                                     const ModelVersion &after) const
{
    AuditEntry entry;
    entry.actor = actor.user;
    entry.role = RegistryNames::role(actor.role);
    entry.action = action;
    entry.backend = m_backend.name();
    entry.group = before.group;
    entry.version = before.version;
    entry.fromStatus = RegistryNames::status(before.status);
    entry.toStatus = RegistryNames::status(after.status);
    entry.fromStage = RegistryNames::stage(before.stage);
    entry.toStage = RegistryNames::stage(after.stage);
    entry.remoteAnswer = after.remote;
    return entry;
}

Error RegistryService::refusal(const PolicyCheck &check, const ModelVersion &version)
{
    QStringList refusals;
    for (const PolicyRule &rule : check.rules)
        if (!rule.satisfied)
            refusals << tr("refused by rule %1: %2").arg(rule.name, rule.detail);
    QString message = refusals.takeFirst();
    if (!refusals.isEmpty())
        message += QStringLiteral("; ") + tr("also %1").arg(refusals.join(QStringLiteral("; also ")));
    return makeError(Error::Kind::Refused, message, label(version));
}

Result<RegistryService::Overview> RegistryService::overview(const QString &user)
{
    auto groups = this->groups();
    if (!groups)
        return groups.error();
    Overview overview{groups.value(), workspaceRole(m_workspace), 0, m_workspace.isTeam(),
                      m_workspace.isTeam() ? m_workspace.sessionUser() : user};
    auto waiting = inbox({overview.user, overview.role});
    if (waiting)
        overview.waiting = int(waiting.value().size());
    return overview;
}

Result<RegistryService::VersionPage> RegistryService::versionPage(const ModelVersion &version)
{
    auto entries = audit(version.group);
    if (!entries)
        return entries.error();
    VersionPage page{evidence(version), {}};
    for (const AuditEntry &entry : entries.value())
        if (entry.version == version.version)
            page.history << entry;
    return page;
}

QString RegistryService::describe(const Decision &decision, const Outcome &outcome)
{
    const ModelVersion &version = outcome.version;
    const QString stage = RegistryNames::stage(version.stage);
    QString text;
    if (version.status == ApprovalStatus::Rejected)
        text = tr("%1 v%2 was rejected.").arg(version.group).arg(version.version);
    else if (decision.action == DecisionAction::Promote || decision.action == DecisionAction::Archive)
        text = tr("%1 v%2 is now in %3.").arg(version.group).arg(version.version).arg(stage);
    else if (version.status == ApprovalStatus::Approved)
        text = tr("%1 v%2 is approved in %3.").arg(version.group).arg(version.version).arg(stage);
    else
        text = tr("%1 v%2 waits for approval in %3.").arg(version.group).arg(version.version).arg(stage);
    for (const ModelVersion &archived : outcome.archived)
        text += tr(" v%1 left %2 (archived).").arg(archived.version).arg(RegistryNames::stage(Stage::Prod));
    return text;
}
