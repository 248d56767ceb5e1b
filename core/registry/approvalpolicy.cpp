#include "core/registry/approvalpolicy.h"

#include "core/registry/stageflow.h"
#include "core/storage/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace {

const QString decidersKey = QStringLiteral("deciders");
const QString fourEyesKey = QStringLiteral("four_eyes");
const QString evidenceKey = QStringLiteral("evidence_for_prod");
const QString oneProdKey = QStringLiteral("one_prod_per_group");
const QString stageOrderKey = QStringLiteral("stage_order");
const QString agreementKey = QStringLiteral("judge_agreement_for_prod");
const QString minimumKappaKey = QStringLiteral("min_kappa");
const QString minimumLabelsKey = QStringLiteral("min_labels");

PolicyRule rule(const QString &name, bool satisfied, const QString &detail)
{
    return PolicyRule{name, satisfied, detail};
}

QString stageName(Stage stage)
{
    return RegistryNames::stage(stage);
}

// A list of names, or one name, as people write them by hand.
QStringList names(const QJsonValue &value)
{
    if (value.isString())
        return {value.toString()};
    QStringList result;
    for (const QJsonValue &item : value.toArray())
        result << item.toString();
    return result;
}

} // namespace

ApprovalPolicy::ApprovalPolicy(Rules rules) : m_rules(std::move(rules))
{ }

Result<ApprovalPolicy> ApprovalPolicy::load(const Workspace &workspace)
{
    const QString text = workspace.metaValue(metaKey());
    if (text.trimmed().isEmpty())
        return ApprovalPolicy();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (!document.isObject())
        return makeError(Error::Kind::Input,
                         tr("the registry policy is not a JSON object (%1); fix it or remove it "
                            "to use the defaults")
                             .arg(error.errorString()),
                         QStringLiteral("workspace_meta ") + metaKey());
    return fromJson(document.object());
}

Status ApprovalPolicy::save(Workspace &workspace) const
{
    return workspace.setMetaValue(metaKey(), QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact)));
}

Result<ApprovalPolicy> ApprovalPolicy::fromJson(const QJsonObject &object)
{
    const QString where = QStringLiteral("workspace_meta ") + metaKey();
    Rules rules;
    if (object.contains(decidersKey)) {
        const QJsonObject deciders = object.value(decidersKey).toObject();
        for (auto it = deciders.constBegin(); it != deciders.constEnd(); ++it) {
            const auto stage = RegistryNames::stageFromName(it.key());
            if (!stage || *stage == Stage::None || *stage == Stage::Archived)
                return makeError(Error::Kind::Input, tr("deciders: \"%1\" is not Dev, Test or Prod").arg(it.key()),
                                 where);
            QList<Role> roles;
            for (const QString &name : names(it.value())) {
                const auto role = RegistryNames::roleFromName(name);
                if (!role)
                    return makeError(Error::Kind::Input, tr("deciders: unknown role \"%1\" for %2").arg(name, it.key()),
                                     where);
                roles << *role;
            }
            rules.deciders.insert(*stage, roles);
        }
    }
    if (object.contains(fourEyesKey)) {
        rules.fourEyesStages.clear();
        for (const QString &name : names(object.value(fourEyesKey))) {
            const auto stage = RegistryNames::stageFromName(name);
            if (!stage || *stage == Stage::None)
                return makeError(Error::Kind::Input, tr("four_eyes: \"%1\" is not a stage").arg(name), where);
            rules.fourEyesStages << *stage;
        }
    }
    rules.evidenceForProd = object.value(evidenceKey).toBool(rules.evidenceForProd);
    rules.oneProdPerGroup = object.value(oneProdKey).toBool(rules.oneProdPerGroup);
    rules.stageOrder = object.value(stageOrderKey).toBool(rules.stageOrder);
    if (object.contains(agreementKey) && !object.value(agreementKey).isNull()) {
        const QJsonObject agreement = object.value(agreementKey).toObject();
        const double kappa = agreement.value(minimumKappaKey).toDouble(-2);
        const double labels = agreement.value(minimumLabelsKey).toDouble(-1);
        if (!object.value(agreementKey).isObject() || kappa < -1 || kappa > 1 || labels < 0
            || labels != std::floor(labels))
            return makeError(Error::Kind::Input,
                             tr("%1 must be {\"%2\": κ from -1 to 1, \"%3\": a whole number of labels}")
                                 .arg(agreementKey, minimumKappaKey, minimumLabelsKey),
                             where);
        rules.minimumKappaForProd = kappa;
        rules.minimumLabelsForProd = int(labels);
    }
    return ApprovalPolicy(rules);
}

QJsonObject ApprovalPolicy::toJson() const
{
    QJsonObject deciders;
    for (auto it = m_rules.deciders.cbegin(); it != m_rules.deciders.cend(); ++it) {
        QJsonArray roles;
        for (Role role : it.value())
            roles.append(RegistryNames::role(role));
        deciders.insert(stageName(it.key()), roles);
    }
    QJsonArray fourEyes;
    for (Stage stage : m_rules.fourEyesStages)
        fourEyes.append(stageName(stage));
    const QJsonValue agreement = m_rules.asksForAgreement()
        ? QJsonValue(QJsonObject{{minimumKappaKey, m_rules.minimumKappaForProd},
                                 {minimumLabelsKey, m_rules.minimumLabelsForProd}})
        : QJsonValue();
    return {{decidersKey, deciders},
            {fourEyesKey, fourEyes},
            {evidenceKey, m_rules.evidenceForProd},
            {oneProdKey, m_rules.oneProdPerGroup},
            {stageOrderKey, m_rules.stageOrder},
            {agreementKey, agreement}};
}

bool ApprovalPolicy::mayDecide(Role role, Stage stage) const
{
    return role != Role::Viewer && m_rules.deciders.value(stage).contains(role);
}

bool ApprovalPolicy::sameUser(const QString &left, const QString &right)
{
    return left.trimmed().compare(right.trimmed(), Qt::CaseInsensitive) == 0;
}

PolicyCheck ApprovalPolicy::check(const Decision &decision, const ModelVersion &version, const Actor &actor,
                                  const QList<RunEvidence> &evidence, const QList<int> &prodVersions) const
{
    PolicyCheck result;
    auto target = StageFlow::target(decision, version);
    if (!target) {
        result.rules << rule(QStringLiteral("decision"), false, target.error().message);
        return result;
    }
    const Stage stage = target.value();
    result.rules << roleRule(stage, version, actor) << fourEyesRule(decision, stage, version, actor)
                 << evidenceRule(decision, stage, version, evidence) << commentRule(decision, stage, version)
                 << stageOrderRule(decision, stage, version) << oneProdRule(decision, stage, prodVersions)
                 << agreementRule(decision, stage, evidence);
    return result;
}

PolicyRule ApprovalPolicy::roleRule(Stage target, const ModelVersion &version, const Actor &actor) const
{
    const Stage deciding = StageFlow::decidingStage(target, version);
    QStringList allowed;
    for (Role role : m_rules.deciders.value(deciding))
        allowed << RegistryNames::role(role);
    const QString who = allowed.isEmpty() ? tr("nobody") : allowed.join(tr(" or "));
    if (mayDecide(actor.role, deciding))
        return rule(QStringLiteral("role"), true,
                    tr("%1 decides %2").arg(RegistryNames::role(actor.role), stageName(deciding)));
    return rule(QStringLiteral("role"), false,
                tr("%1 decisions are taken by %2; %3 acts as %4")
                    .arg(stageName(deciding), who, actor.user, RegistryNames::role(actor.role)));
}

PolicyRule ApprovalPolicy::fourEyesRule(const Decision &decision, Stage target, const ModelVersion &version,
                                        const Actor &actor) const
{
    const QString name = QStringLiteral("four-eyes");
    if (!StageFlow::isApproval(decision.action) || !needsFourEyes(target))
        return rule(name, true, tr("a second person is not needed for this decision"));
    if (version.registrant.trimmed().isEmpty())
        return rule(name, false,
                    tr("the registrant of version %1 is unknown, so nobody can show to be a second person")
                        .arg(version.version));
    if (sameUser(version.registrant, actor.user))
        return rule(name, false,
                    tr("%1 registered version %2 and may not approve it for %3; another person must")
                        .arg(actor.user)
                        .arg(version.version)
                        .arg(stageName(target)));
    return rule(name, true, tr("registered by %1, decided by %2").arg(version.registrant, actor.user));
}

PolicyRule ApprovalPolicy::evidenceRule(const Decision &decision, Stage target, const ModelVersion &version,
                                        const QList<RunEvidence> &evidence) const
{
    const QString name = QStringLiteral("evidence");
    if (!StageFlow::isApproval(decision.action) || target != Stage::Prod)
        return rule(name, true, tr("only a Prod approval needs evidence"));
    if (!m_rules.evidenceForProd)
        return rule(name, true, tr("the workspace policy does not ask for evidence"));
    QStringList reasons;
    for (const RunEvidence &run : evidence) {
        if (run.passes())
            return rule(name, true, run.describe());
        reasons << run.describe();
    }
    const QString missing = evidence.isEmpty()
        ? tr("no evaluation run is linked to version %1").arg(version.version)
        : tr("no linked evaluation run passed its gates: %1").arg(reasons.join(QStringLiteral("; ")));
    const QString reason = decision.overrideReason.trimmed();
    if (!reason.isEmpty())
        return rule(name, true, tr("%1; overridden: \"%2\" (recorded in the audit trail)").arg(missing, reason));
    return rule(name, false, tr("%1; link a run whose gates pass, or give an override reason").arg(missing));
}

PolicyRule ApprovalPolicy::commentRule(const Decision &decision, Stage target, const ModelVersion &version) const
{
    const QString name = QStringLiteral("comment");
    const qsizetype length = decision.comment.size();
    if (length > commentLimit)
        return rule(name, false,
                    tr("the comment has %1 characters; at most %2 are kept").arg(length).arg(commentLimit));
    const bool needed
        = decision.action == DecisionAction::Reject || target == Stage::Prod || version.stage == Stage::Prod;
    const bool given = !decision.comment.trimmed().isEmpty();
    if (given)
        return rule(name, true, tr("a comment is given"));
    if (!needed)
        return rule(name, true, tr("a comment is optional for this decision"));
    return rule(name, false,
                decision.action == DecisionAction::Reject ? tr("a rejection needs a comment saying why")
                                                          : tr("a Prod decision needs a comment saying why"));
}

PolicyRule ApprovalPolicy::stageOrderRule(const Decision &decision, Stage target, const ModelVersion &version) const
{
    const QString name = QStringLiteral("stage-order");
    if (!StageFlow::isApproval(decision.action) || target == Stage::Archived)
        return rule(name, true, tr("no stage is entered"));
    if (!m_rules.stageOrder)
        return rule(name, true, tr("the workspace policy allows skipping stages"));
    if (version.stage == Stage::Archived)
        return rule(name, true, tr("restoring an archived version"));
    const Stage furthest = StageFlow::furthestReachable(version);
    if (StageFlow::rank(target) <= StageFlow::rank(furthest))
        return rule(name, true,
                    tr("%1 may follow where version %2 stands").arg(stageName(target)).arg(version.version));
    // A version cannot be told to "go to Dev next" when it is in Dev already: it waits there.
    if (furthest == version.stage)
        return rule(name, false,
                    tr("version %1 stays in %2 until it is approved there: %3 would skip a stage")
                        .arg(version.version)
                        .arg(stageName(furthest), stageName(target)));
    return rule(name, false,
                tr("version %1 can go to %2 next, not %3: stages are not skipped")
                    .arg(version.version)
                    .arg(stageName(furthest), stageName(target)));
}

PolicyRule ApprovalPolicy::oneProdRule(const Decision &decision, Stage target, const QList<int> &prodVersions) const
{
    const QString name = QStringLiteral("one-prod");
    if (!StageFlow::isApproval(decision.action) || target != Stage::Prod)
        return rule(name, true, tr("the decision does not enter Prod"));
    if (!m_rules.oneProdPerGroup)
        return rule(name, true, tr("the workspace policy allows several Prod versions per group"));
    if (prodVersions.isEmpty())
        return rule(name, true, tr("no other version is in Prod"));
    QStringList versions;
    for (int version : prodVersions)
        versions << QString::number(version);
    return rule(name, true,
                tr("version %1 leaves Prod and is archived in the same step").arg(versions.join(QStringLiteral(", "))));
}

QString ApprovalPolicy::agreementShortfall(const RunEvidence &run) const
{
    QStringList missing;
    for (const QString &metric : run.judgedMetrics) {
        const MetricAgreement *figures = run.agreementOf(metric);
        const qint64 labelled = figures ? figures->labelledItems : 0;
        if (labelled < m_rules.minimumLabelsForProd)
            missing << tr("%1 has %2 labelled item(s) of %3 needed")
                           .arg(metric)
                           .arg(labelled)
                           .arg(m_rules.minimumLabelsForProd);
        else if (m_rules.minimumKappaForProd > 0
                 && (!figures || !figures->judgeKappa.kappa
                     || *figures->judgeKappa.kappa < m_rules.minimumKappaForProd))
            missing << tr("%1: κ %2 is under %3")
                           .arg(metric,
                                figures && figures->judgeKappa.kappa
                                    ? QString::number(*figures->judgeKappa.kappa, 'f', 2)
                                    : tr("unknown"))
                           .arg(m_rules.minimumKappaForProd, 0, 'f', 2);
    }
    return missing.join(QStringLiteral(", "));
}

PolicyRule ApprovalPolicy::agreementRule(const Decision &decision, Stage target,
                                         const QList<RunEvidence> &evidence) const
{
    const QString name = QStringLiteral("judge-agreement");
    if (!StageFlow::isApproval(decision.action) || target != Stage::Prod)
        return rule(name, true, tr("only a Prod approval needs the judge's agreement with people"));
    if (!m_rules.asksForAgreement())
        return rule(name, true, tr("the workspace policy does not ask for judge agreement"));
    const QString asked = tr("κ ≥ %1 on at least %2 labelled items per judged metric")
                              .arg(m_rules.minimumKappaForProd, 0, 'f', 2)
                              .arg(m_rules.minimumLabelsForProd);
    QStringList reasons;
    for (const RunEvidence &run : evidence) {
        if (!run.passes())
            continue;
        if (run.judgedMetrics.isEmpty())
            return rule(name, true, tr("run %1 has no judged metric, so no judge needs trusting").arg(run.runId));
        const QString shortfall = agreementShortfall(run);
        if (shortfall.isEmpty())
            return rule(name, true,
                        tr("run %1: %2").arg(run.runId).arg(run.agreementLines().join(QStringLiteral("; "))));
        reasons << tr("run %1: %2").arg(run.runId).arg(shortfall);
    }
    const QString missing = reasons.isEmpty() ? tr("no passing evaluation run to measure the judge on")
                                              : reasons.join(QStringLiteral("; "));
    const QString reason = decision.overrideReason.trimmed();
    if (!reason.isEmpty())
        return rule(name, true,
                    tr("%1 asked, %2; overridden: \"%3\" (recorded in the audit trail)").arg(asked, missing, reason));
    return rule(name, false, tr("%1 asked, %2; label more items or give an override reason").arg(asked, missing));
}
