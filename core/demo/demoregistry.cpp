#include "core/demo/demoregistry.h"

#include "core/eval/evalrunrepository.h"
#include "core/eval/runsummary.h"
#include "core/registry/registryservice.h"
#include "core/registry/workspaceregistrybackend.h"
#include "core/storage/workspace.h"

#include <algorithm>

namespace {

const QString supportGroup = QStringLiteral("support-rag-assistant");
const QString inspectionGroup = QStringLiteral("visual-inspection-classifier");

const Actor maria{QStringLiteral("maria.schmidt"), Role::DataScientist};
const Actor jonas{QStringLiteral("jonas.weber"), Role::DataScientist};
const Actor sam{QStringLiteral("sam.okafor"), Role::DataScientist};
const Actor ken{QStringLiteral("ken.tanaka"), Role::DataScientist};
const Actor lee{QStringLiteral("lee.chen"), Role::AiEngineer};
const Actor priya{QStringLiteral("priya.nair"), Role::AiEngineer};
const Actor grace{QStringLiteral("grace.hopper"), Role::GovernanceOfficer};

// The demo's lexical runs, oldest first: the first and the stricter prompt.
QList<qint64> lexicalRuns(Workspace &workspace)
{
    QList<qint64> runs;
    auto listed = EvalRunRepository(workspace).list();
    if (!listed)
        return runs;
    for (const EvalRun &run : listed.value()) {
        const QStringList &metrics = run.settings.metrics;
        if (run.status == EvalRun::Status::Completed && !metrics.isEmpty()
            && std::all_of(metrics.cbegin(), metrics.cend(), Metrics::isLexical))
            runs.prepend(run.id);
    }
    return runs;
}

// Plays the demo's history through the service with a clock that starts four weeks ago.
class Script
{
public:
    explicit Script(Workspace &workspace)
        : m_workspace(workspace), m_now(QDateTime::currentDateTimeUtc().addDays(-29)),
          m_backend(workspace, [this] { return m_now; }), m_service(m_backend, workspace, [this] { return m_now; })
    {
        m_now.setTime(QTime(8, 30));
    }

    void after(int hours) { m_now = m_now.addSecs(qint64(hours) * 3600); }

    Result<int> add(const QString &group, const Actor &actor, const QString &artifact, const QString &description,
                    QMap<QString, double> metrics, std::optional<qint64> run = std::nullopt)
    {
        ModelVersion version;
        version.group = group;
        version.artifactUri = artifact;
        version.description = description;
        version.metrics = std::move(metrics);
        if (run) {
            version.evalRunIds << *run;
            auto summary = RunSummary::compute(m_workspace, *run);
            if (summary)
                for (const MetricSummary &metric : summary.value().metrics)
                    version.metrics.insert(metric.metric, metric.mean);
        }
        auto registered = m_service.registerVersion(version, actor);
        if (!registered)
            return registered.error();
        return registered.value().version.version;
    }

    // Overrides Prod evidence only when the linked runs do not already pass.
    Status decide(DecisionAction action, const QString &group, int version, const Actor &actor, const QString &comment,
                  std::optional<Stage> stage = std::nullopt, const QString &overrideReason = {})
    {
        Decision decision{action, group, version, stage, comment, {}, {}};
        auto check = m_service.check(decision, actor);
        if (!check)
            return check.error();
        for (const PolicyRule &rule : check.value().rules)
            if (rule.name == QLatin1String("evidence") && !rule.satisfied)
                decision.overrideReason = overrideReason;
        auto decided = m_service.decide(decision, actor);
        if (!decided)
            return decided.error();
        return Done{};
    }

private:
    Workspace &m_workspace;
    QDateTime m_now;
    WorkspaceRegistryBackend m_backend;
    RegistryService m_service;
};

} // namespace

Status DemoRegistry::install(Workspace &workspace)
{
    return workspace.transaction([&]() -> Status {
        auto existing = WorkspaceRegistryBackend(workspace).groups();
        if (!existing)
            return existing.error();
        for (const ModelGroup &group : existing.value())
            if (group.name == supportGroup || group.name == inspectionGroup)
                return Done{};
        const QList<qint64> runs = lexicalRuns(workspace);
        const std::optional<qint64> firstRun = runs.isEmpty() ? std::nullopt : std::optional<qint64>(runs.first());
        const std::optional<qint64> stricterRun = runs.isEmpty() ? std::nullopt : std::optional<qint64>(runs.last());
        const QString bucket = QStringLiteral("s3://genaiops-demo-models/");
        Script script(workspace);
        Status step = Done{};
        const auto run = [&](const std::function<Status()> &action, int hoursLater) {
            if (step) {
                script.after(hoursLater);
                step = action();
            }
        };
        const auto registered = [&](Result<int> result, int &number) -> Status {
            if (!result)
                return result.error();
            number = result.value();
            return Done{};
        };
        int support1 = 0, support2 = 0, support3 = 0, support4 = 0, support5 = 0;
        int inspection1 = 0, inspection2 = 0, inspection3 = 0, inspection4 = 0;
        const auto approve = DecisionAction::Approve;
        const auto promote = DecisionAction::Promote;

        // The RAG assistant: v1 reaches Prod on an override, v2 replaces it with passing gates.
        run(
            [&] {
                return registered(script.add(supportGroup, maria,
                                             bucket + QStringLiteral("support-rag/v1/model.tar.gz"),
                                             tr("First prompt over the support knowledge base"), {}, firstRun),
                                  support1);
            },
            0);
        run(
            [&] {
                return script.decide(approve, supportGroup, support1, jonas,
                                     tr("Answers stay on the retrieved passages."));
            },
            20);
        run(
            [&] {
                return script.decide(promote, supportGroup, support1, lee,
                                     tr("Test endpoint deployed; integration tests green."), Stage::Test);
            },
            26);
        run(
            [&] {
                return script.decide(
                    promote, supportGroup, support1, grace, tr("Approved for the pilot with the support team."),
                    Stage::Prod, tr("Pilot limited to internal agents; the lexical gate is being reworked (GOV-112)."));
            },
            30);
        run(
            [&] {
                return registered(script.add(inspectionGroup, ken,
                                             bucket + QStringLiteral("visual-inspection/v1/model.tar.gz"),
                                             tr("ResNet-50 fine-tuned on line 3 images"),
                                             {{QStringLiteral("accuracy"), 0.962},
                                              {QStringLiteral("defect_recall"), 0.91},
                                              {QStringLiteral("latency_p95_ms"), 38}}),
                                  inspection1);
            },
            4);
        run([&] { return script.decide(approve, inspectionGroup, inspection1, jonas, {}); }, 6);
        run(
            [&] {
                return script.decide(promote, inspectionGroup, inspection1, priya,
                                     tr("Runs at 26 fps on the edge device."), Stage::Test);
            },
            22);
        run(
            [&] {
                return script.decide(promote, inspectionGroup, inspection1, grace,
                                     tr("Meets the line 3 acceptance criteria."), Stage::Prod,
                                     tr("Validated on the line 3 hold-out set (QA report 2024-17); no RAG evaluation "
                                        "applies to an image classifier."));
            },
            28);
        run(
            [&] {
                return registered(
                    script.add(supportGroup, maria, bucket + QStringLiteral("support-rag/v2/model.tar.gz"),
                               tr("Stricter prompt: answer only from the context, cite the sentence"), {}, stricterRun),
                    support2);
            },
            130);
        run(
            [&] {
                return script.decide(approve, supportGroup, support2, jonas, tr("Fewer unsupported claims than v1."));
            },
            5);
        run(
            [&] {
                return script.decide(promote, supportGroup, support2, lee, tr("Load test at 40 rps passed."),
                                     Stage::Test);
            },
            24);
        run(
            [&] {
                return script.decide(promote, supportGroup, support2, grace,
                                     tr("Gates pass; replaces v1 for all agents."), Stage::Prod,
                                     tr("Reviewed the test report with the support leads."));
            },
            27);
        run(
            [&] {
                return registered(script.add(inspectionGroup, ken,
                                             bucket + QStringLiteral("visual-inspection/v2/model.tar.gz"),
                                             tr("More scratch samples, mixed precision"),
                                             {{QStringLiteral("accuracy"), 0.968},
                                              {QStringLiteral("defect_recall"), 0.84},
                                              {QStringLiteral("latency_p95_ms"), 31}}),
                                  inspection2);
            },
            20);
        run([&] { return script.decide(approve, inspectionGroup, inspection2, jonas, {}); }, 3);
        run(
            [&] {
                return script.decide(promote, inspectionGroup, inspection2, priya, tr("Faster on the device."),
                                     Stage::Test);
            },
            21);
        run(
            [&] {
                return script.decide(
                    DecisionAction::Reject, inspectionGroup, inspection2, grace,
                    tr("Recall on scratched housings fell to 0.84; collect more scratch samples first."));
            },
            25);
        run(
            [&] {
                return registered(script.add(supportGroup, sam, bucket + QStringLiteral("support-rag/v3/model.tar.gz"),
                                             tr("Reranker in front of the retriever"), {}, stricterRun),
                                  support3);
            },
            60);
        run(
            [&] {
                return script.decide(approve, supportGroup, support3, maria, tr("Better retrieval on long questions."));
            },
            8);
        run(
            [&] {
                return script.decide(promote, supportGroup, support3, lee,
                                     tr("Test endpoint deployed; waiting for the governance review."), Stage::Test);
            },
            22);
        run(
            [&] {
                return registered(script.add(supportGroup, sam, bucket + QStringLiteral("support-rag/v4/model.tar.gz"),
                                             tr("Smaller model for lower cost"), {}, firstRun),
                                  support4);
            },
            30);
        run(
            [&] {
                return script.decide(DecisionAction::Reject, supportGroup, support4, maria,
                                     tr("Refund answers cite the retired policy; retrain on the new FAQ."));
            },
            6);
        run(
            [&] {
                return registered(script.add(inspectionGroup, ken,
                                             bucket + QStringLiteral("visual-inspection/v3/model.tar.gz"),
                                             tr("Scratch samples doubled"),
                                             {{QStringLiteral("accuracy"), 0.971},
                                              {QStringLiteral("defect_recall"), 0.93},
                                              {QStringLiteral("latency_p95_ms"), 33}}),
                                  inspection3);
            },
            40);
        run(
            [&] {
                return script.decide(approve, inspectionGroup, inspection3, maria, tr("Recall is back above 0.9."));
            },
            5);
        run(
            [&] {
                return registered(script.add(supportGroup, maria,
                                             bucket + QStringLiteral("support-rag/v5/model.tar.gz"),
                                             tr("Multilingual answers (German, French)"), {}, stricterRun),
                                  support5);
            },
            30);
        run(
            [&] {
                return registered(script.add(inspectionGroup, ken,
                                             bucket + QStringLiteral("visual-inspection/v4/model.tar.gz"),
                                             tr("Distilled for the new camera"),
                                             {{QStringLiteral("accuracy"), 0.958},
                                              {QStringLiteral("defect_recall"), 0.92},
                                              {QStringLiteral("latency_p95_ms"), 19}}),
                                  inspection4);
            },
            9);
        return step;
    });
}
