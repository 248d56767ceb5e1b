#include "common/testserver.h"
#include "core/registry/mlflowregistrybackend.h"

#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString Token = u"mlflow-test-token"_s;
const QString User = u"governance-officer"_s;

QList<QJsonObject> requestsTo(const QJsonArray &log, const QString &endpoint)
{
    QList<QJsonObject> found;
    for (const QJsonValue &entry : log)
        if (entry.toObject().value("endpoint"_L1).toString() == endpoint)
            found.append(entry.toObject());
    return found;
}

QMap<QString, QString> tagsOf(const QJsonObject &modelVersion)
{
    QMap<QString, QString> tags;
    for (const QJsonValue &tag : modelVersion.value("tags"_L1).toArray())
        tags.insert(tag.toObject().value("key"_L1).toString(), tag.toObject().value("value"_L1).toString());
    return tags;
}

} // namespace

// The MLflow backend against tests/servers/mlflow_server.py (REST API 2.0 with paging, MLflow's
// error codes and a bearer token). Decisions become tags and aliases, never deprecated stages.
class TestMlflowRegistryBackend : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void groupsPageThroughEveryModel();
    void versionsPageThroughEveryVersion();
    void approvingWritesTags();
    void promotingMovesAliasesAndTags();
    void statusFilterReadsTheTag();
    void changedRemotelyIsRefused();
    void registerCreatesModelAndVersion();
    void unknownModelOrVersionIsAClearError();
    void missingTokenIsAnAuthError();
    void numbersNoIntegerHoldsAreNoDateAndNoVersion();

private:
    std::unique_ptr<MlflowRegistryBackend> backend(int pageSize = 5, const QString &token = Token) const;
    QJsonObject serverVersion(const QString &name, int version) const;
    QJsonObject serverModel(const QString &name) const;

    std::unique_ptr<TestServer> m_server;
};

void TestMlflowRegistryBackend::initTestCase()
{
    m_server = std::make_unique<TestServer>(u"mlflow_server.py"_s,
                                            QStringList{u"--token"_s, Token, u"--seed-model"_s, u"churn"_s,
                                                        u"--seed-model"_s, u"fraud"_s, u"--seed-model"_s, u"ranker"_s,
                                                        u"--seed-versions"_s, u"12"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestMlflowRegistryBackend::init()
{
    QVERIFY(m_server->reset());
}

std::unique_ptr<MlflowRegistryBackend> TestMlflowRegistryBackend::backend(int pageSize, const QString &token) const
{
    MlflowConnection connection;
    connection.trackingUri = m_server->url();
    connection.token = token;
    connection.userName = User;
    connection.pageSize = pageSize;
    connection.timeoutMs = 10000;
    return std::make_unique<MlflowRegistryBackend>(connection);
}

QJsonObject TestMlflowRegistryBackend::serverVersion(const QString &name, int version) const
{
    for (const QJsonValue &entry : m_server->state().value("model_versions"_L1).toArray())
        if (entry.toObject().value("name"_L1).toString() == name
            && entry.toObject().value("version"_L1).toString().toInt() == version)
            return entry.toObject();
    return {};
}

QJsonObject TestMlflowRegistryBackend::serverModel(const QString &name) const
{
    for (const QJsonValue &entry : m_server->state().value("registered_models"_L1).toArray())
        if (entry.toObject().value("name"_L1).toString() == name)
            return entry.toObject();
    return {};
}

void TestMlflowRegistryBackend::groupsPageThroughEveryModel()
{
    const Result<QList<ModelGroup>> groups = backend(2)->groups();
    QVERIFY2(groups, qPrintable(groups ? QString() : groups.error().describe()));
    QCOMPARE(groups.value().size(), 3);
    QCOMPARE(groups.value().at(0).name, u"churn"_s);
    QCOMPARE(groups.value().at(0).versionCount, 12);
    QCOMPARE(groups.value().at(0).pendingCount, 12);
    QCOMPARE(groups.value().at(2).name, u"ranker"_s);
    QCOMPARE(groups.value().at(2).description, u"Seeded registered model ranker"_s);

    const QList<QJsonObject> searches = requestsTo(m_server->requests(), u"registered-models/search"_s);
    QCOMPARE(searches.size(), 2);
    QVERIFY(searches.at(1).value("path"_L1).toString().contains(u"page_token="_s));
    QCOMPARE(searches.at(0).value("headers"_L1).toObject().value("authorization"_L1).toString(), u"Bearer "_s + Token);
}

void TestMlflowRegistryBackend::versionsPageThroughEveryVersion()
{
    const Result<QList<ModelVersion>> versions = backend(5)->versions(u"fraud"_s);
    QVERIFY2(versions, qPrintable(versions ? QString() : versions.error().describe()));
    QCOMPARE(versions.value().size(), 12);
    for (int i = 0; i < 12; ++i)
        QCOMPARE(versions.value().at(i).version, i + 1);
    const ModelVersion &third = versions.value().at(2);
    QCOMPARE(third.artifactUri, u"s3://mlflow-test/fraud/3/model"_s);
    QCOMPARE(third.description, u"fraud version 3"_s);
    QCOMPARE(third.metrics.value(u"faithfulness"_s), 0.77); // the server seeds "%.2f" of 0.7 + version / 40
    QCOMPARE(third.status, ApprovalStatus::PendingManualApproval);
    QCOMPARE(third.stage, Stage::None);
    QVERIFY(!third.createdAt.isEmpty() && !third.modifiedAt.isEmpty());

    const QList<QJsonObject> searches = requestsTo(m_server->requests(), u"model-versions/search"_s);
    QCOMPARE(searches.size(), 3);
    const QUrlQuery first(QUrl(searches.first().value("path"_L1).toString()));
    QCOMPARE(first.queryItemValue(u"filter"_s, QUrl::FullyDecoded), u"name = 'fraud'"_s);
    QCOMPARE(first.queryItemValue(u"max_results"_s), u"5"_s);
}

void TestMlflowRegistryBackend::approvingWritesTags()
{
    auto registry = backend();
    const Result<ModelVersion> before = registry->version(u"churn"_s, 3);
    QVERIFY(before);
    QTest::qWait(5); // a later millisecond for modifiedAt
    const Result<ModelVersion> after
        = registry->update(before.value(), ApprovalStatus::Approved, std::nullopt, u"metrics look right"_s);
    QVERIFY2(after, qPrintable(after ? QString() : after.error().describe()));
    QCOMPARE(after.value().status, ApprovalStatus::Approved);
    QCOMPARE(after.value().approvalDescription, u"metrics look right"_s);
    QVERIFY(after.value().modifiedAt > before.value().modifiedAt);

    const QMap<QString, QString> tags = tagsOf(serverVersion(u"churn"_s, 3));
    QCOMPARE(tags.value(u"genaiops.approval_status"_s), u"Approved"_s);
    QCOMPARE(tags.value(u"genaiops.approval_description"_s), u"metrics look right"_s);
    QCOMPARE(tags.value(u"genaiops.modified_at"_s), after.value().modifiedAt);
    QVERIFY(requestsTo(m_server->requests(), u"model-versions/transition-stage"_s).isEmpty());
}

void TestMlflowRegistryBackend::promotingMovesAliasesAndTags()
{
    auto registry = backend();
    Result<ModelVersion> four = registry->version(u"churn"_s, 4);
    QVERIFY(four);
    four = registry->update(four.value(), ApprovalStatus::Approved, Stage::Test, u"to test"_s);
    QVERIFY2(four, qPrintable(four ? QString() : four.error().describe()));
    QCOMPARE(four.value().stage, Stage::Test);
    QCOMPARE(four.value().stageStatus, u"Approved"_s);
    QCOMPARE(serverVersion(u"churn"_s, 4).value("aliases"_L1).toArray(), QJsonArray{u"test"_s});
    QCOMPARE(tagsOf(serverVersion(u"churn"_s, 4)).value(u"genaiops.stage"_s), u"Test"_s);

    four = registry->update(four.value(), std::nullopt, Stage::Prod, u"governance approved"_s);
    QVERIFY(four);
    QCOMPARE(four.value().stage, Stage::Prod);
    QCOMPARE(serverVersion(u"churn"_s, 4).value("aliases"_L1).toArray(), QJsonArray{u"prod"_s});
    const QJsonArray aliases = serverModel(u"churn"_s).value("aliases"_L1).toArray();
    QCOMPARE(aliases, (QJsonArray{QJsonObject{{"alias"_L1, u"prod"_s}, {"version"_L1, u"4"_s}}}));

    // Another version takes the alias: version 4 is no longer in Prod, whatever its tag says.
    Result<ModelVersion> five = registry->version(u"churn"_s, 5);
    QVERIFY(five);
    QVERIFY(registry->update(five.value(), ApprovalStatus::Approved, Stage::Prod, u"newer"_s));
    QCOMPARE(registry->version(u"churn"_s, 4).value().stage, Stage::None);

    const Result<ModelVersion> archived
        = registry->update(registry->version(u"churn"_s, 5).value(), std::nullopt, Stage::Archived, u"retired"_s);
    QVERIFY(archived);
    QCOMPARE(archived.value().stage, Stage::Archived);
    QVERIFY(serverModel(u"churn"_s).value("aliases"_L1).toArray().isEmpty());
}

void TestMlflowRegistryBackend::statusFilterReadsTheTag()
{
    auto registry = backend();
    QVERIFY(registry->update(registry->version(u"ranker"_s, 7).value(), ApprovalStatus::Rejected, std::nullopt,
                             u"worse"_s));
    const Result<QList<ModelVersion>> rejected = registry->versions(u"ranker"_s, ApprovalStatus::Rejected);
    QVERIFY(rejected);
    QCOMPARE(rejected.value().size(), 1);
    QCOMPARE(rejected.value().first().version, 7);
    QCOMPARE(registry->versions(u"ranker"_s, ApprovalStatus::PendingManualApproval).value().size(), 11);
}

void TestMlflowRegistryBackend::changedRemotelyIsRefused()
{
    auto mine = backend();
    auto theirs = backend();
    const Result<ModelVersion> loaded = mine->version(u"ranker"_s, 2);
    QVERIFY(loaded);
    QTest::qWait(5);
    QVERIFY(theirs->update(loaded.value(), ApprovalStatus::Rejected, std::nullopt, u"no"_s));
    const Result<ModelVersion> refused = mine->update(loaded.value(), ApprovalStatus::Approved, std::nullopt, u"yes"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, Error::Kind::Refused);
    QVERIFY2(refused.error().message.contains(u"changed on MLflow since it was loaded"_s),
             qPrintable(refused.error().message));
    QCOMPARE(tagsOf(serverVersion(u"ranker"_s, 2)).value(u"genaiops.approval_status"_s), u"Rejected"_s);
}

void TestMlflowRegistryBackend::registerCreatesModelAndVersion()
{
    ModelVersion version;
    version.group = u"summarizer"_s;
    version.artifactUri = u"runs:/0a1b2c/model"_s;
    version.description = u"first candidate"_s;
    version.metrics = {{u"faithfulness"_s, 0.91}, {u"relevance"_s, 0.8}};
    version.evalRunIds = {3, 4};
    const Result<ModelVersion> registered = backend()->registerVersion(version);
    QVERIFY2(registered, qPrintable(registered ? QString() : registered.error().describe()));
    QCOMPARE(registered.value().version, 1);
    QCOMPARE(registered.value().metrics, version.metrics);
    QCOMPARE(registered.value().evalRunIds, version.evalRunIds);
    QCOMPARE(registered.value().registrant, User);
    QCOMPARE(registered.value().status, ApprovalStatus::PendingManualApproval);
    QCOMPARE(registered.value().artifactUri, version.artifactUri);

    const QJsonArray log = m_server->requests();
    QCOMPARE(requestsTo(log, u"model-versions/create"_s).size(), 2); // the first finds no model
    QCOMPARE(requestsTo(log, u"registered-models/create"_s).size(), 1);
    QCOMPARE(tagsOf(serverVersion(u"summarizer"_s, 1)).value(u"genaiops.eval_runs"_s), u"3 4"_s);

    version.artifactUri.clear();
    QCOMPARE(backend()->registerVersion(version).error().kind, Error::Kind::Usage);
}

void TestMlflowRegistryBackend::unknownModelOrVersionIsAClearError()
{
    auto registry = backend();
    const Result<QList<ModelVersion>> versions = registry->versions(u"no-such-model"_s);
    QVERIFY(!versions);
    QCOMPARE(versions.error().kind, Error::Kind::Service);
    QVERIFY2(versions.error().message.contains(u"RESOURCE_DOES_NOT_EXIST"_s), qPrintable(versions.error().message));
    QVERIFY(versions.error().message.contains(u"Registered Model with name=no-such-model not found"_s));
    QVERIFY(versions.error().where.startsWith(m_server->url().toString()));

    const Result<ModelVersion> version = registry->version(u"churn"_s, 99);
    QVERIFY(!version);
    QVERIFY2(version.error().message.contains(u"Model Version (name=churn, version=99) not found"_s),
             qPrintable(version.error().message));
}

void TestMlflowRegistryBackend::missingTokenIsAnAuthError()
{
    const Result<QList<ModelGroup>> groups = backend(5, QString())->groups();
    QVERIFY(!groups);
    QCOMPARE(groups.error().kind, Error::Kind::Auth);
    QVERIFY2(groups.error().message.contains(u"UNAUTHENTICATED"_s), qPrintable(groups.error().message));
    QCOMPARE(backend(5, u"wrong"_s)->version(u"churn"_s, 1).error().kind, Error::Kind::Auth);
}

// The same conversion fuzz_registry_answers caught on SageMaker's side: a timestamp or a version
// number beyond qint64 used to go through QVariant's rounding, which is undefined there.
void TestMlflowRegistryBackend::numbersNoIntegerHoldsAreNoDateAndNoVersion()
{
    const ModelVersion huge = MlflowRegistryBackend::fromModelVersion(
        QJsonObject{{u"version"_s, 1e300}, {u"creation_timestamp"_s, 1.7e87}, {u"last_updated_timestamp"_s, -1e19}});
    QCOMPARE(huge.version, 0);
    QCOMPARE(huge.createdAt, QString());
    QCOMPARE(huge.modifiedAt, QString());

    const ModelVersion real
        = MlflowRegistryBackend::fromModelVersion(QJsonObject{{u"version"_s, u"7"_s},
                                                              {u"creation_timestamp"_s, 1700000000125.0},
                                                              {u"last_updated_timestamp"_s, u"1700000000250"_s}});
    QCOMPARE(real.version, 7);
    QCOMPARE(real.createdAt, u"2023-11-14T22:13:20.125Z"_s);
    QCOMPARE(real.modifiedAt, u"2023-11-14T22:13:20.250Z"_s);
}

QTEST_GUILESS_MAIN(TestMlflowRegistryBackend)
#include "tst_mlflowregistrybackend.moc"
