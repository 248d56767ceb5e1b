#include "registryfixture.h"

#include "common/engineundertest.h"
#include "core/eval/datasetimporter.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/runsetup.h"
#include "core/team/teamroles.h"
#include "core/workspaceschema.h"

#include <QFile>
#include <QSqlQuery>

RegistryFixture::RegistryFixture()
{
    auto opened = Workspace::open(path(), Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
    if (!opened) {
        m_error = opened.error().describe();
        return;
    }
    m_workspace = std::move(opened.value());
    const auto clock = [this] { return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(); };
    m_backend = std::make_unique<WorkspaceRegistryBackend>(*m_workspace, clock);
    m_service = std::make_unique<RegistryService>(*m_backend, *m_workspace, clock);
}

RegistryFixture::~RegistryFixture() = default;

QString RegistryFixture::path() const
{
    return EngineUnderTest::location(m_directory.filePath(QStringLiteral("registry.genaiops")));
}

qint64 RegistryFixture::addRun(double score, bool gated, EvalRun::Status status, const QList<double> &faithfulness)
{
    const QString file = m_directory.filePath(QStringLiteral("golden.jsonl"));
    QFile out(file);
    if (!out.exists()) {
        if (!out.open(QIODevice::WriteOnly))
            return -1;
        for (int item = 0; item < 3; ++item)
            out.write(QStringLiteral("{\"question\": \"Q%1?\", \"contexts\": [\"C%1\"], \"answer\": \"A%1\", "
                                     "\"ground_truth\": \"A%1\"}\n")
                          .arg(item)
                          .toUtf8());
        out.close();
    }
    auto dataset = DatasetImporter::import(*m_workspace, file, QStringLiteral("golden"));
    if (!dataset)
        return -1;
    RunSettings settings;
    settings.metrics = {Metrics::lexicalF1};
    if (!faithfulness.isEmpty())
        settings.metrics << Metrics::faithfulness;
    if (gated)
        settings.gates = {QStringLiteral("lexical_f1>=0.5")};
    auto run = RunSetup::create(*m_workspace, dataset.value(), settings, QStringLiteral("run %1").arg(++m_runs));
    if (!run)
        return -1;
    QList<ItemResult> results;
    for (qint64 item = 0; item < 3; ++item) {
        ItemResult result;
        result.runId = run.value().id;
        result.itemIndex = item;
        result.completedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        result.scores << MetricScore{Metrics::lexicalF1, score, QString(), {}, QString(), {}};
        if (item < faithfulness.size())
            result.scores << MetricScore{Metrics::faithfulness, faithfulness[item], QString(), {}, QString(), {}};
        results << result;
    }
    EvalRunRepository runs(*m_workspace);
    if (!runs.storeResults(results)
        || !runs.setStatus(run.value().id, status, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)))
        return -1;
    return run.value().id;
}

int RegistryFixture::registerVersion(const QString &group, const QString &user, const QList<qint64> &runs)
{
    ModelVersion version;
    version.group = group;
    version.artifactUri = QStringLiteral("s3://models/%1/model.tar.gz").arg(group);
    version.metrics.insert(QStringLiteral("accuracy"), 0.9);
    version.evalRunIds = runs;
    auto registered = m_service->registerVersion(version, actor(user, Role::DataScientist));
    if (!registered) {
        m_error = registered.error().describe();
        return 0;
    }
    return registered.value().version.version;
}

Result<RegistryService::Outcome> RegistryFixture::decide(DecisionAction action, const QString &group, int version,
                                                         const Actor &actor, const QString &comment,
                                                         std::optional<Stage> stage, const QString &overrideReason)
{
    Decision decision = decisionOf(action, group, version, stage, comment);
    decision.overrideReason = overrideReason;
    return m_service->decide(decision, actor);
}

Decision RegistryFixture::decisionOf(DecisionAction action, const QString &group, int version,
                                     std::optional<Stage> stage, const QString &comment)
{
    Decision decision;
    decision.action = action;
    decision.group = group;
    decision.version = version;
    decision.toStage = stage;
    decision.comment = comment;
    return decision;
}

bool RegistryFixture::toTest(const QString &group, int version)
{
    auto dev = decide(DecisionAction::Approve, group, version, actor(QStringLiteral("dana"), Role::DataScientist));
    if (!dev) {
        m_error = dev.error().describe();
        return false;
    }
    auto test = decide(DecisionAction::Promote, group, version, actor(QStringLiteral("erik"), Role::AiEngineer), {},
                       Stage::Test);
    if (!test)
        m_error = test.error().describe();
    return test.ok();
}

bool RegistryFixture::toProd(const QString &group, int version)
{
    if (!toTest(group, version))
        return false;
    auto prod = decide(DecisionAction::Promote, group, version, actor(QStringLiteral("grace"), Role::GovernanceOfficer),
                       QStringLiteral("ship it"), Stage::Prod, QStringLiteral("reviewed by hand"));
    if (!prod)
        m_error = prod.error().describe();
    return prod.ok();
}

bool RegistryFixture::grantTeamRoles()
{
    TeamRoles roles(*m_workspace);
    for (const auto &[person, role] : {std::pair{QStringLiteral("alice"), QStringLiteral("data-scientist")},
                                       {QStringLiteral("bob"), QStringLiteral("ai-engineer")},
                                       {QStringLiteral("carol"), QStringLiteral("governance-officer")},
                                       {QStringLiteral("dave"), QStringLiteral("governance-officer")},
                                       {QStringLiteral("erin"), QStringLiteral("reviewer")},
                                       {QStringLiteral("frank"), QStringLiteral("admin")}}) {
        if (const Status granted = roles.grant(person, role); !granted) {
            m_error = granted.error().describe();
            return false;
        }
    }
    const Status revoked = roles.revoke(QStringLiteral("nobody"));
    if (!revoked)
        m_error = revoked.error().describe();
    return revoked.ok();
}

ModelVersion RegistryFixture::stored(const QString &group, int version)
{
    auto found = m_backend->version(group, version);
    return found ? found.value() : ModelVersion();
}

bool RegistryFixture::executeDirectly(const QStringList &statements)
{
    // A second connection of its own, as another program (or psql) would change the workspace.
    auto other = Workspace::open(path(), Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
    if (!other) {
        m_error = other.error().describe();
        return false;
    }
    for (const QString &statement : statements) {
        auto done = other.value()->execute(statement);
        if (!done) {
            m_error = statement + QStringLiteral(": ") + done.error().describe();
            return false;
        }
    }
    return true;
}
