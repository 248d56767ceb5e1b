#include "common/testserver.h"
#include "core/registry/sagemakerregistrybackend.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString Region = u"eu-central-1"_s;
const QString AccessKey = u"AKIDREGISTRYTEST"_s;
const QString SecretKey = u"registryTestSecret/0123456789abcdefABCDEF"_s;
const QString CallerArn = u"arn:aws:iam::123456789012:user/governance-officer"_s;
const QString OtherAccessKey = u"AKIDOTHERENGINEER"_s;
const QString OtherSecretKey = u"otherEngineerSecret/0123456789abcdef"_s;
const QString OtherArn = u"arn:aws:iam::123456789012:user/ai-engineer"_s;
const QString Registrant = u"arn:aws:iam::123456789012:user/data-scientist"_s;
const QString BigGroup = u"churn-classifier"_s;
const QString SmallGroup = u"fraud-detector"_s;

// The server's requests for one operation ("ListModelPackages" …).
QList<QJsonObject> requestsFor(const QJsonArray &log, const QString &operation)
{
    QList<QJsonObject> found;
    for (const QJsonValue &entry : log)
        if (entry.toObject().value("operation"_L1).toString() == operation)
            found.append(entry.toObject());
    return found;
}

QJsonObject bodyOf(const QJsonObject &entry)
{
    return QJsonDocument::fromJson(entry.value("body"_L1).toString().toUtf8()).object();
}

} // namespace

// The SageMaker backend against tests/servers/sagemaker_server.py, which verifies every SigV4
// signature, pages ListModelPackages at 100 and keeps the registry's state in memory.
class TestSageMakerRegistryBackend : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void groupsCountVersionsAndPending();
    void listsEveryVersionAcrossPages();
    void listingWithoutDescribeMakesOnlyListCalls();
    void filtersByApprovalStatus();
    void approvingSetsStatusAndDescriptionOnTheServer();
    void stageMovesUseModelLifeCycle();
    void tooLongDescriptionIsTruncatedNotRejected_data();
    void tooLongDescriptionIsTruncatedNotRejected();
    void changedRemotelyIsRefused();
    void registerCreatesGroupAndPackage();
    void unknownVersionAndGroupAreClearErrors();
    void versionFallsBackToTheArnWhereNamesAreRefused();
    void callerIdentityComesFromSts();
    void wrongSecretIsAnAuthErrorWithTheServiceMessage();
    void throttlingIsRetried();
    void silentServerTimesOut();
    void brokenAnswersAreErrors_data();
    void brokenAnswersAreErrors();
    void timestampsBeyondAnyDateAreNoDate();

private:
    std::unique_ptr<SageMakerRegistryBackend> backend(const QString &accessKey = AccessKey,
                                                      const QString &secretKey = SecretKey,
                                                      const TestServer *server = nullptr, int timeoutMs = 10000) const;
    QJsonObject serverPackage(const QString &group, int version) const;

    std::unique_ptr<TestServer> m_server;
};

void TestSageMakerRegistryBackend::initTestCase()
{
    m_server = std::make_unique<TestServer>(u"sagemaker_server.py"_s,
                                            QStringList{u"--region"_s,          Region,
                                                        u"--access-key"_s,      AccessKey,
                                                        u"--secret-key"_s,      SecretKey,
                                                        u"--caller-arn"_s,      CallerArn,
                                                        u"--credential"_s,      OtherAccessKey + u':' + OtherSecretKey,
                                                        u"--identity"_s,        OtherAccessKey + u'=' + OtherArn,
                                                        u"--seed-registrant"_s, Registrant,
                                                        u"--seed-group"_s,      BigGroup,
                                                        u"--seed-group"_s,      SmallGroup,
                                                        u"--seed-versions"_s,   u"250"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestSageMakerRegistryBackend::init()
{
    QVERIFY(m_server->reset());
}

std::unique_ptr<SageMakerRegistryBackend> TestSageMakerRegistryBackend::backend(const QString &accessKey,
                                                                                const QString &secretKey,
                                                                                const TestServer *server,
                                                                                int timeoutMs) const
{
    SageMakerConnection connection;
    connection.region = Region;
    connection.credentials = AwsCredentials{accessKey, secretKey, {}};
    connection.endpointUrl = (server ? server : m_server.get())->url(u"/"_s);
    connection.timeoutMs = timeoutMs;
    return std::make_unique<SageMakerRegistryBackend>(connection);
}

QJsonObject TestSageMakerRegistryBackend::serverPackage(const QString &group, int version) const
{
    return m_server->state().value("packages"_L1).toObject().value(group).toArray().at(version - 1).toObject();
}

void TestSageMakerRegistryBackend::groupsCountVersionsAndPending()
{
    const Result<QList<ModelGroup>> groups = backend()->groups();
    QVERIFY2(groups, qPrintable(groups ? QString() : groups.error().describe()));
    QCOMPARE(groups.value().size(), 2);
    QCOMPARE(groups.value().at(0).name, BigGroup);
    QCOMPARE(groups.value().at(0).description, u"Seeded model group churn-classifier"_s);
    QCOMPARE(groups.value().at(0).versionCount, 250);
    QCOMPARE(groups.value().at(0).pendingCount, 250);
    QVERIFY(!groups.value().at(0).createdAt.isEmpty());
    QCOMPARE(requestsFor(m_server->requests(), u"ListModelPackages"_s).size(), 6); // 3 pages for each group
}

void TestSageMakerRegistryBackend::listsEveryVersionAcrossPages()
{
    const Result<QList<ModelVersion>> versions = backend()->versions(BigGroup);
    QVERIFY2(versions, qPrintable(versions ? QString() : versions.error().describe()));
    QCOMPARE(versions.value().size(), 250);
    for (int i = 0; i < 250; ++i)
        QCOMPARE(versions.value().at(i).version, i + 1);

    const ModelVersion &seventh = versions.value().at(6);
    QCOMPARE(seventh.group, BigGroup);
    QCOMPARE(seventh.registrant, Registrant);
    QCOMPARE(seventh.artifactUri, u"s3://genaiops-test/churn-classifier/v7/model.tar.gz"_s);
    QCOMPARE(seventh.metrics.value(u"faithfulness"_s), 0.88); // the server seeds 0.70 + version / 40
    QCOMPARE(seventh.status, ApprovalStatus::PendingManualApproval);
    QVERIFY(seventh.remoteId.endsWith(u":model-package/churn-classifier/7"_s));
    QVERIFY(!seventh.modifiedAt.isEmpty());

    const QJsonArray log = m_server->requests();
    const QList<QJsonObject> lists = requestsFor(log, u"ListModelPackages"_s);
    QVERIFY2(lists.size() >= 3, qPrintable(QString::number(lists.size())));
    QVERIFY(!bodyOf(lists.at(0)).contains("NextToken"_L1));
    for (const QJsonObject &list : lists) {
        QCOMPARE(list.value("verdict"_L1).toString(), u"ok"_s);
        QVERIFY(bodyOf(list).value("MaxResults"_L1).toInt() <= 100);
        QCOMPARE(list.value("headers"_L1).toObject().value("x-amz-target"_L1).toString(),
                 u"SageMaker.ListModelPackages"_s);
        QCOMPARE(list.value("headers"_L1).toObject().value("content-type"_L1).toString(),
                 u"application/x-amz-json-1.1"_s);
    }
    QVERIFY(bodyOf(lists.at(1)).contains("NextToken"_L1));
    QVERIFY(bodyOf(lists.at(2)).contains("NextToken"_L1));
    QCOMPARE(requestsFor(log, u"DescribeModelPackage"_s).size(), 250);
}

void TestSageMakerRegistryBackend::listingWithoutDescribeMakesOnlyListCalls()
{
    auto registry = backend();
    registry->setDescribeVersions(false);
    const Result<QList<ModelVersion>> versions = registry->versions(BigGroup);
    QVERIFY(versions);
    QCOMPARE(versions.value().size(), 250);
    QCOMPARE(versions.value().at(99).description, u"churn-classifier version 100"_s);
    const QJsonArray log = m_server->requests();
    QCOMPARE(requestsFor(log, u"ListModelPackages"_s).size(), 3);
    QCOMPARE(requestsFor(log, u"DescribeModelPackage"_s).size(), 0);
}

void TestSageMakerRegistryBackend::filtersByApprovalStatus()
{
    auto registry = backend();
    const Result<ModelVersion> second = registry->version(SmallGroup, 2);
    QVERIFY(second);
    QVERIFY(registry->update(second.value(), ApprovalStatus::Approved, std::nullopt, u"fine"_s));

    const Result<QList<ModelVersion>> approved = registry->versions(SmallGroup, ApprovalStatus::Approved);
    QVERIFY(approved);
    QCOMPARE(approved.value().size(), 1);
    QCOMPARE(approved.value().first().version, 2);
    const QList<QJsonObject> lists = requestsFor(m_server->requests(), u"ListModelPackages"_s);
    QCOMPARE(bodyOf(lists.last()).value("ModelApprovalStatus"_L1).toString(), u"Approved"_s);
}

void TestSageMakerRegistryBackend::approvingSetsStatusAndDescriptionOnTheServer()
{
    auto registry = backend();
    const Result<ModelVersion> before = registry->version(BigGroup, 7);
    QVERIFY(before);
    const Result<ModelVersion> after = registry->update(before.value(), ApprovalStatus::Approved, std::nullopt,
                                                        u"Faithfulness 0.88 on golden-rag v2"_s);
    QVERIFY2(after, qPrintable(after ? QString() : after.error().describe()));
    QCOMPARE(after.value().status, ApprovalStatus::Approved);
    QCOMPARE(after.value().approvalDescription, u"Faithfulness 0.88 on golden-rag v2"_s);
    QVERIFY(after.value().modifiedAt > before.value().modifiedAt);

    const QJsonObject onServer = serverPackage(BigGroup, 7);
    QCOMPARE(onServer.value("ModelApprovalStatus"_L1).toString(), u"Approved"_s);
    QCOMPARE(onServer.value("ApprovalDescription"_L1).toString(), u"Faithfulness 0.88 on golden-rag v2"_s);
    QCOMPARE(
        onServer.value("LastModifiedBy"_L1).toObject().value("IamIdentity"_L1).toObject().value("Arn"_L1).toString(),
        CallerArn);
    const QJsonObject sent = bodyOf(requestsFor(m_server->requests(), u"UpdateModelPackage"_s).constFirst());
    QCOMPARE(sent.value("ModelPackageArn"_L1).toString(), before.value().remoteId);
    QVERIFY(!sent.contains("ModelLifeCycle"_L1));
}

void TestSageMakerRegistryBackend::stageMovesUseModelLifeCycle()
{
    auto registry = backend();
    Result<ModelVersion> version = registry->version(BigGroup, 8);
    QVERIFY(version);
    version = registry->update(version.value(), std::nullopt, Stage::Test, u"ready for the test stage"_s);
    QVERIFY2(version, qPrintable(version ? QString() : version.error().describe()));
    QCOMPARE(version.value().stage, Stage::Test);
    QCOMPARE(version.value().stageStatus, u"PendingApproval"_s);
    QJsonObject lifeCycle = serverPackage(BigGroup, 8).value("ModelLifeCycle"_L1).toObject();
    QCOMPARE(lifeCycle,
             (QJsonObject{{"Stage"_L1, u"Test"_s},
                          {"StageStatus"_L1, u"PendingApproval"_s},
                          {"StageDescription"_L1, u"ready for the test stage"_s}}));
    QVERIFY(!serverPackage(BigGroup, 8).contains("ApprovalDescription"_L1));

    version = registry->update(version.value(), ApprovalStatus::Approved, Stage::Prod, u"test results reviewed"_s);
    QVERIFY(version);
    QCOMPARE(version.value().stage, Stage::Prod);
    QCOMPARE(version.value().status, ApprovalStatus::Approved);
    lifeCycle = serverPackage(BigGroup, 8).value("ModelLifeCycle"_L1).toObject();
    QCOMPARE(lifeCycle.value("Stage"_L1).toString(), u"Prod"_s);
    QCOMPARE(lifeCycle.value("StageStatus"_L1).toString(), u"Approved"_s);

    QCOMPARE(registry->update(version.value(), std::nullopt, Stage::None, u"out"_s).error().kind, Error::Kind::Usage);
}

void TestSageMakerRegistryBackend::tooLongDescriptionIsTruncatedNotRejected_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("comment");
    QTest::newRow("ascii") << 10 << QString(1500, u'x');
    // Two UTF-16 code units each: AWS counts those, and the cut must not split one.
    QTest::newRow("emoji") << 11 << QString::fromUtf8("\xF0\x9F\x98\x80").repeated(700);
    QTest::newRow("exactly 1024") << 12 << QString(1024, u'y');
}

void TestSageMakerRegistryBackend::tooLongDescriptionIsTruncatedNotRejected()
{
    QFETCH(int, version);
    QFETCH(QString, comment);
    auto registry = backend();
    const Result<ModelVersion> before = registry->version(BigGroup, version);
    QVERIFY(before);
    const Result<ModelVersion> after
        = registry->update(before.value(), ApprovalStatus::Rejected, std::nullopt, comment);
    QVERIFY2(after, qPrintable(after ? QString() : after.error().describe()));
    const QString stored = serverPackage(BigGroup, version).value("ApprovalDescription"_L1).toString();
    QVERIFY(stored.size() <= 1024);
    if (comment.size() <= 1024) {
        QCOMPARE(stored, comment);
        return;
    }
    QVERIFY(stored.startsWith(comment.left(500)));
    QVERIFY2(stored.contains(u"truncated from %1 characters"_s.arg(comment.size())), qPrintable(stored.right(120)));
    QVERIFY(!stored.at(stored.indexOf(u" … [truncated"_s) - 1).isHighSurrogate());
}

void TestSageMakerRegistryBackend::changedRemotelyIsRefused()
{
    auto mine = backend();
    auto theirs = backend(OtherAccessKey, OtherSecretKey);
    const Result<ModelVersion> loaded = mine->version(BigGroup, 9);
    QVERIFY(loaded);
    const Result<ModelVersion> changed
        = theirs->update(loaded.value(), ApprovalStatus::Rejected, std::nullopt, u"no"_s);
    QVERIFY(changed);

    const Result<ModelVersion> refused = mine->update(loaded.value(), ApprovalStatus::Approved, std::nullopt, u"yes"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, Error::Kind::Refused);
    QVERIFY2(refused.error().message.contains(u"changed on SageMaker since it was loaded"_s),
             qPrintable(refused.error().message));
    QCOMPARE(serverPackage(BigGroup, 9).value("ModelApprovalStatus"_L1).toString(), u"Rejected"_s);
}

void TestSageMakerRegistryBackend::registerCreatesGroupAndPackage()
{
    ModelVersion version;
    version.group = u"rag-summarizer"_s;
    version.artifactUri = u"s3://models/rag-summarizer/1/model.tar.gz"_s;
    version.description = u"first candidate"_s;
    version.metrics = {{u"faithfulness"_s, 0.91}, {u"token_f1"_s, 0.5}};
    version.evalRunIds = {12, 15};
    const Result<ModelVersion> registered = backend()->registerVersion(version);
    QVERIFY2(registered, qPrintable(registered ? QString() : registered.error().describe()));
    QCOMPARE(registered.value().version, 1);
    QCOMPARE(registered.value().status, ApprovalStatus::PendingManualApproval);
    QCOMPARE(registered.value().metrics, version.metrics);
    QCOMPARE(registered.value().evalRunIds, version.evalRunIds);
    QCOMPARE(registered.value().artifactUri, version.artifactUri);
    QCOMPARE(registered.value().registrant, CallerArn);

    const QJsonArray log = m_server->requests();
    const QList<QJsonObject> creates = requestsFor(log, u"CreateModelPackage"_s);
    QCOMPARE(creates.size(), 2); // the first finds no group
    QCOMPARE(creates.at(0).value("verdict"_L1).toString(), u"rejected:400 ResourceNotFound"_s);
    QCOMPARE(requestsFor(log, u"CreateModelPackageGroup"_s).size(), 1);
    const QJsonObject sent = bodyOf(creates.at(1));
    QVERIFY(!sent.contains("InferenceSpecification"_L1));
    QCOMPARE(sent.value("CustomerMetadataProperties"_L1).toObject().value("genaiops.eval_runs"_L1).toString(),
             u"12 15"_s);
    QCOMPARE(sent.value("ModelApprovalStatus"_L1).toString(), u"PendingManualApproval"_s);
}

void TestSageMakerRegistryBackend::unknownVersionAndGroupAreClearErrors()
{
    auto registry = backend();
    const Result<ModelVersion> missing = registry->version(BigGroup, 999);
    QVERIFY(!missing);
    QCOMPARE(missing.error().kind, Error::Kind::Service);
    QVERIFY2(missing.error().message.contains(u"ResourceNotFound"_s), qPrintable(missing.error().message));
    QVERIFY(missing.error().message.contains(u"churn-classifier/999 does not exist"_s));

    const Result<QList<ModelVersion>> noGroup = registry->versions(u"no-such-group"_s);
    QVERIFY(!noGroup);
    QVERIFY2(noGroup.error().message.contains(u"no-such-group does not exist"_s), qPrintable(noGroup.error().message));
}

void TestSageMakerRegistryBackend::versionFallsBackToTheArnWhereNamesAreRefused()
{
    TestServer strict(u"sagemaker_server.py"_s,
                      {u"--region"_s, Region, u"--access-key"_s, AccessKey, u"--secret-key"_s, SecretKey,
                       u"--seed-group"_s, SmallGroup, u"--describe-needs-arn"_s});
    QVERIFY2(strict.start(), qPrintable(strict.errorString()));
    auto registry = backend(AccessKey, SecretKey, &strict);
    const Result<ModelVersion> version = registry->version(SmallGroup, 2);
    QVERIFY2(version, qPrintable(version ? QString() : version.error().describe()));
    QCOMPARE(version.value().version, 2);
    QCOMPARE(requestsFor(strict.requests(), u"DescribeModelPackage"_s).size(), 2);
    const Result<ModelVersion> missing = registry->version(SmallGroup, 9);
    QVERIFY(!missing);
    QVERIFY2(missing.error().message.contains(u"no version 9"_s), qPrintable(missing.error().message));
}

void TestSageMakerRegistryBackend::callerIdentityComesFromSts()
{
    const Result<QString> identity = backend()->callerIdentity();
    QVERIFY2(identity, qPrintable(identity ? QString() : identity.error().describe()));
    QCOMPARE(identity.value(), CallerArn);
    QCOMPARE(backend(OtherAccessKey, OtherSecretKey)->callerIdentity().value(), OtherArn);

    const QJsonObject call = m_server->requests().first().toObject();
    QCOMPARE(call.value("service"_L1).toString(), u"sts"_s);
    QCOMPARE(call.value("body"_L1).toString(), u"Action=GetCallerIdentity&Version=2011-06-15"_s);
    QVERIFY(call.value("headers"_L1)
                .toObject()
                .value("authorization"_L1)
                .toString()
                .contains(u"/eu-central-1/sts/aws4_request"_s));
}

void TestSageMakerRegistryBackend::wrongSecretIsAnAuthErrorWithTheServiceMessage()
{
    auto registry = backend(AccessKey, u"not-the-secret"_s);
    const Result<QList<ModelVersion>> versions = registry->versions(SmallGroup);
    QVERIFY(!versions);
    QCOMPARE(versions.error().kind, Error::Kind::Auth);
    QVERIFY2(versions.error().message.contains(u"InvalidSignatureException"_s), qPrintable(versions.error().message));
    QVERIFY(versions.error().message.contains(u"The request signature we calculated does not match"_s));

    const Result<QString> identity = registry->callerIdentity();
    QVERIFY(!identity);
    QCOMPARE(identity.error().kind, Error::Kind::Auth);
    QVERIFY2(identity.error().message.contains(u"SignatureDoesNotMatch"_s), qPrintable(identity.error().message));

    const Result<QList<ModelGroup>> unknownKey = backend(u"AKIDNOBODY"_s, SecretKey)->groups();
    QCOMPARE(unknownKey.error().kind, Error::Kind::Auth);
    QVERIFY(unknownKey.error().message.contains(u"UnrecognizedClientException"_s));
}

void TestSageMakerRegistryBackend::throttlingIsRetried()
{
    TestServer throttling(u"sagemaker_server.py"_s,
                          {u"--region"_s, Region, u"--access-key"_s, AccessKey, u"--secret-key"_s, SecretKey,
                           u"--seed-group"_s, SmallGroup, u"--fault"_s, u"429"_s, u"--fail-count"_s, u"2"_s});
    QVERIFY2(throttling.start(), qPrintable(throttling.errorString()));
    const Result<ModelVersion> version = backend(AccessKey, SecretKey, &throttling)->version(SmallGroup, 1);
    QVERIFY2(version, qPrintable(version ? QString() : version.error().describe()));
    QStringList verdicts;
    for (const QJsonValue &entry : throttling.requests())
        verdicts.append(entry.toObject().value("verdict"_L1).toString());
    QCOMPARE(verdicts, (QStringList{u"fault:429"_s, u"fault:429"_s, u"ok"_s}));
}

void TestSageMakerRegistryBackend::silentServerTimesOut()
{
    TestServer silent(u"sagemaker_server.py"_s,
                      {u"--region"_s, Region, u"--access-key"_s, AccessKey, u"--secret-key"_s, SecretKey, u"--fault"_s,
                       u"slow-first-byte"_s, u"--delay-ms"_s, u"3000"_s});
    QVERIFY2(silent.start(), qPrintable(silent.errorString()));
    const Result<QList<ModelGroup>> groups = backend(AccessKey, SecretKey, &silent, 300)->groups();
    QVERIFY(!groups);
    QCOMPARE(groups.error().kind, Error::Kind::Timeout);
    QVERIFY(groups.error().where.startsWith(silent.url().toString()));
}

void TestSageMakerRegistryBackend::brokenAnswersAreErrors_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<Error::Kind>("kind");
    QTest::newRow("cut off") << u"truncate"_s << Error::Kind::Network;
    QTest::newRow("not JSON") << u"malformed"_s << Error::Kind::Service;
    QTest::newRow("dropped") << u"drop"_s << Error::Kind::Network;
    QTest::newRow("internal failure") << u"500"_s << Error::Kind::Service;
    QTest::newRow("expired token") << u"expired-token"_s << Error::Kind::Auth;
}

void TestSageMakerRegistryBackend::brokenAnswersAreErrors()
{
    QFETCH(QString, fault);
    QFETCH(Error::Kind, kind);
    TestServer broken(u"sagemaker_server.py"_s,
                      {u"--region"_s, Region, u"--access-key"_s, AccessKey, u"--secret-key"_s, SecretKey,
                       u"--seed-group"_s, SmallGroup, u"--fault"_s, fault});
    QVERIFY2(broken.start(), qPrintable(broken.errorString()));
    const Result<ModelVersion> version = backend(AccessKey, SecretKey, &broken)->version(SmallGroup, 1);
    QVERIFY(!version);
    QVERIFY2(version.error().kind == kind, qPrintable(version.error().describe()));
}

// fuzz_registry_answers found this: CreationTime 1.7e84 was converted to qint64 milliseconds, which
// is undefined (UBSan stops there). Epoch seconds with a fraction still read to the millisecond.
void TestSageMakerRegistryBackend::timestampsBeyondAnyDateAreNoDate()
{
    const ModelVersion huge = SageMakerRegistryBackend::fromPackage(
        QJsonObject{{u"CreationTime"_s, 1.7e84}, {u"LastModifiedTime"_s, -1e300}});
    QCOMPARE(huge.createdAt, QString());
    QCOMPARE(huge.modifiedAt, QString());

    const ModelVersion real = SageMakerRegistryBackend::fromPackage(
        QJsonObject{{u"CreationTime"_s, 1700000000.125}, {u"LastModifiedTime"_s, u"2024-05-01T10:00:00.500Z"_s}});
    QCOMPARE(real.createdAt, u"2023-11-14T22:13:20.125Z"_s);
    QCOMPARE(real.modifiedAt, u"2024-05-01T10:00:00.500Z"_s);
}

QTEST_GUILESS_MAIN(TestSageMakerRegistryBackend)
#include "tst_sagemakerregistrybackend.moc"
