// RegistryService over the workspace backend: registration, concurrent changes refused rather than
// overwritten, the "waiting for my decision" inbox, and which version was in a stage at a time.

#include "common/engineundertest.h"
#include "core/registry/registrybackends.h"
#include "registryfixture.h"

#include <QTest>

namespace {

const QString group = QStringLiteral("visual-inspection");
const Actor bob{QStringLiteral("bob"), Role::DataScientist};
const Actor erik{QStringLiteral("erik"), Role::AiEngineer};
const Actor grace{QStringLiteral("grace"), Role::GovernanceOfficer};

QList<int> numbers(const QList<ModelVersion> &versions)
{
    QList<int> result;
    for (const ModelVersion &version : versions)
        result << version.version;
    return result;
}

} // namespace

class TestRegistryService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RegistryFixture> m_fixture;

    RegistryFixture &fixture() { return *m_fixture; }

private slots:
    void init()
    {
        m_fixture = std::make_unique<RegistryFixture>();
        QVERIFY2(fixture().isReady(), qPrintable(fixture().errorString()));
    }

    void registrationNumbersVersionsAndChecksInput()
    {
        const qint64 run = fixture().addRun(0.9);
        QCOMPARE(fixture().registerVersion(group, QStringLiteral("alice"), {run}), 1);
        QCOMPARE(fixture().registerVersion(group, QStringLiteral("bob")), 2);
        const ModelVersion first = fixture().stored(group, 1);
        QCOMPARE(first.registrant, QStringLiteral("alice"));
        QCOMPARE(first.status, ApprovalStatus::PendingManualApproval);
        QCOMPARE(first.stage, Stage::Dev);
        QCOMPARE(first.stageStatus, QStringLiteral("PendingApproval"));
        QCOMPARE(first.evalRunIds, QList<qint64>{run});
        QCOMPARE(first.metrics.value(QStringLiteral("accuracy")), 0.9);
        QCOMPARE(first.modifiedAt, first.createdAt);
        auto groups = fixture().service().groups();
        QVERIFY(groups);
        QCOMPARE(groups.value().size(), 1);
        QCOMPARE(groups.value().first().versionCount, 2);
        QCOMPARE(groups.value().first().pendingCount, 2);

        QCOMPARE(fixture().registerVersion(QStringLiteral("no spaces please"), QStringLiteral("alice")), 0);
        QVERIFY(fixture().errorString().contains(QLatin1String("not a valid group name")));
        QCOMPARE(fixture().registerVersion(group, QStringLiteral("alice"), {4242}), 0);
        QVERIFY(fixture().errorString().contains(QLatin1String("no evaluation run 4242")));
        auto entries = fixture().service().audit(group);
        QVERIFY(entries);
        QCOMPARE(entries.value().size(), 2);
        QCOMPARE(entries.value().first().action, QStringLiteral("register"));
        QCOMPARE(entries.value().first().toStatus, QStringLiteral("PendingManualApproval"));
    }

    void aVersionChangedSinceLoadingIsRefused()
    {
        const int version = fixture().registerVersion(group, QStringLiteral("alice"));
        const ModelVersion loaded = fixture().stored(group, version);
        // Someone else approves it for Dev while our dialog is open.
        QVERIFY(fixture().decide(DecisionAction::Approve, group, version, bob));
        Decision mine{DecisionAction::Reject, group, version, {}, QStringLiteral("not good enough"), {},
                      loaded.modifiedAt};
        auto outcome = fixture().service().decide(mine, erik);
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().kind, Error::Kind::Refused);
        QVERIFY2(outcome.error().message.contains(QLatin1String("changed by someone else since you loaded it")),
                 qPrintable(outcome.error().message));
        QCOMPARE(fixture().stored(group, version).status, ApprovalStatus::Approved);
        auto entries = fixture().service().audit(group);
        QVERIFY(entries);
        QCOMPARE(entries.value().size(), 2);
        // With the version as it is now, the same decision goes through.
        mine.expectedModifiedAt = fixture().stored(group, version).modifiedAt;
        QVERIFY(fixture().service().decide(mine, erik));

        // The backend's own compare-and-set refuses a stale write too.
        auto stale = fixture().backend().update(loaded, ApprovalStatus::Approved, Stage::Dev, QStringLiteral("late"));
        QVERIFY(!stale);
        QCOMPARE(stale.error().kind, Error::Kind::Refused);
        QCOMPARE(fixture().stored(group, version).status, ApprovalStatus::Rejected);
    }

    void modifiedAtMovesOnWithinOneMillisecond()
    {
        fixture().setNow(QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC));
        const int version = fixture().registerVersion(group, QStringLiteral("alice"));
        const QString registered = fixture().stored(group, version).modifiedAt;
        QVERIFY(fixture().decide(DecisionAction::Approve, group, version, bob));
        const QString approved = fixture().stored(group, version).modifiedAt;
        QVERIFY2(approved > registered, qPrintable(approved + QLatin1Char(' ') + registered));
    }

    void inboxHoldsWhatTheRoleDecidesNext()
    {
        const int pending = fixture().registerVersion(group, QStringLiteral("alice"));
        const int forTest = fixture().registerVersion(group, QStringLiteral("alice"));
        const int ownForTest = fixture().registerVersion(group, QStringLiteral("erik"));
        const int forProd = fixture().registerVersion(group, QStringLiteral("alice"));
        const int rejected = fixture().registerVersion(group, QStringLiteral("alice"));
        for (int version : {forTest, ownForTest})
            QVERIFY(fixture().decide(DecisionAction::Approve, group, version, bob));
        QVERIFY(fixture().toTest(group, forProd));
        QVERIFY(fixture().decide(DecisionAction::Reject, group, rejected, bob, QStringLiteral("no")));

        auto scientist = fixture().service().inbox(Actor{QStringLiteral("alice"), Role::DataScientist});
        QVERIFY(scientist);
        QCOMPARE(numbers(scientist.value()), QList<int>{pending});
        auto engineer = fixture().service().inbox(erik);
        QVERIFY(engineer);
        QCOMPARE(numbers(engineer.value()), QList<int>{forTest}); // not erik's own: four-eyes
        auto officer = fixture().service().inbox(grace);
        QVERIFY(officer);
        QCOMPARE(numbers(officer.value()), QList<int>{forProd});
        auto viewer = fixture().service().inbox(Actor{QStringLiteral("vic"), Role::Viewer});
        QVERIFY(viewer && viewer.value().isEmpty());
    }

    void overviewAndVersionPageAreWhatThePanelShows()
    {
        const qint64 run = fixture().addRun(0.8);
        const int first = fixture().registerVersion(group, QStringLiteral("alice"), {run});
        const int second = fixture().registerVersion(group, QStringLiteral("alice"));
        QVERIFY(fixture().decide(DecisionAction::Approve, group, first, bob, QStringLiteral("fine in Dev")));
        // A team workspace's role is the grant of the role logged in (the owner: admin), never a client's choice.
        const bool team = EngineUnderTest::isPostgres();
        QCOMPARE(RegistryService::setWorkspaceRole(fixture().workspace(), Role::AiEngineer).ok(), !team);

        auto overview = fixture().service().overview(QStringLiteral("erik"));
        QVERIFY(overview);
        QCOMPARE(overview.value().role, team ? Role::Admin : Role::AiEngineer);
        QCOMPARE(overview.value().team, team);
        QCOMPARE(overview.value().user, team ? QStringLiteral("owner") : QStringLiteral("erik"));
        QCOMPARE(overview.value().groups.size(), 1);
        QCOMPARE(overview.value().groups.first().versionCount, 2);
        QCOMPARE(overview.value().waiting, team ? 0 : 1); // the approved version waits for Test, not for an admin

        auto page = fixture().service().versionPage(fixture().stored(group, first));
        QVERIFY(page);
        QCOMPARE(page.value().evidence.size(), 1);
        QCOMPARE(page.value().evidence.first().runId, run);
        QCOMPARE(page.value().history.size(), 2); // registered, then approved: only this version's
        QCOMPARE(page.value().history.first().action, QStringLiteral("register"));
        QCOMPARE(page.value().history.last().comment, QStringLiteral("fine in Dev"));
        auto other = fixture().service().versionPage(fixture().stored(group, second));
        QVERIFY(other);
        QVERIFY(other.value().evidence.isEmpty());
        QCOMPARE(other.value().history.size(), 1);
    }

    void versionInStageAtReplaysPromotions()
    {
        const QDateTime start(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC);
        fixture().setNow(start);
        const int first = fixture().registerVersion(group, QStringLiteral("alice"));
        const int second = fixture().registerVersion(group, QStringLiteral("alice"));
        fixture().setNow(start.addDays(1));
        QVERIFY(fixture().toProd(group, first)); // day 1
        fixture().setNow(start.addDays(10));
        QVERIFY(fixture().toProd(group, second)); // day 10: first is archived
        fixture().setNow(start.addDays(20));
        QVERIFY(fixture().decide(DecisionAction::Reject, group, second, grace, QStringLiteral("incident 7"))); // day 20

        RegistryService &service = fixture().service();
        const auto inStage = [&](Stage stage, const QDateTime &at) {
            auto versions = service.versionInStageAt(group, stage, at);
            return versions ? versions.value() : QList<int>{-1};
        };
        QCOMPARE(inStage(Stage::Prod, start.addSecs(3600)), QList<int>{});
        QCOMPARE(inStage(Stage::Dev, start.addSecs(3600)), (QList<int>{second, first}));
        QCOMPARE(inStage(Stage::Prod, start.addDays(5)), QList<int>{first});
        QCOMPARE(inStage(Stage::Dev, start.addDays(5)), QList<int>{second});
        QCOMPARE(inStage(Stage::Prod, start.addDays(15)), QList<int>{second});
        QCOMPARE(inStage(Stage::Archived, start.addDays(15)), QList<int>{first});
        QCOMPARE(inStage(Stage::Prod, start.addDays(25)), QList<int>{}); // withdrawn
        // The exact moment of a promotion already counts.
        auto entries = service.audit(group);
        QVERIFY(entries);
        for (const AuditEntry &entry : entries.value())
            if (entry.action == QLatin1String("promote") && entry.toStage == QLatin1String("Prod")
                && entry.version == second)
                QCOMPARE(inStage(Stage::Prod, QDateTime::fromString(entry.at, Qt::ISODateWithMs)), QList<int>{second});
    }

    void decisionsThatMakeNoSenseAreInputErrors()
    {
        const int version = fixture().registerVersion(group, QStringLiteral("alice"));
        QVERIFY(fixture().toProd(group, version));
        auto again = fixture().decide(DecisionAction::Approve, group, version, grace, QStringLiteral("again"));
        QVERIFY(!again);
        QCOMPARE(again.error().kind, Error::Kind::Input);
        auto missing = fixture().decide(DecisionAction::Approve, group, 99, grace);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, Error::Kind::Input);
        auto nowhere = fixture().decide(DecisionAction::Promote, group, version, grace, QStringLiteral("x"));
        QVERIFY(!nowhere);
        QCOMPARE(nowhere.error().kind, Error::Kind::Usage);
    }

    void archivedVersionsCanBeRestored()
    {
        const int first = fixture().registerVersion(group, QStringLiteral("alice"));
        QVERIFY(fixture().toProd(group, first));
        const int second = fixture().registerVersion(group, QStringLiteral("alice"));
        QVERIFY(fixture().toProd(group, second));
        QCOMPARE(fixture().stored(group, first).stage, Stage::Archived);
        // Rolling back: the archived version returns to Prod under the same rules, and the other leaves.
        auto rollback = fixture().decide(DecisionAction::Promote, group, first, grace, QStringLiteral("roll back"),
                                         Stage::Prod, QStringLiteral("v2 broke checkout"));
        QVERIFY2(rollback, qPrintable(rollback ? QString() : rollback.error().describe()));
        QCOMPARE(fixture().stored(group, first).stage, Stage::Prod);
        QCOMPARE(fixture().stored(group, second).stage, Stage::Archived);
        // What the person is told says what happened, in stages, not statuses.
        const Decision promoted{DecisionAction::Promote, group, first, Stage::Prod, {}, {}, {}};
        QCOMPARE(RegistryService::describe(promoted, rollback.value()),
                 QStringLiteral("visual-inspection v1 is now in Prod. v2 left Prod (archived)."));
        const int third = fixture().registerVersion(group, QStringLiteral("alice"));
        auto approved = fixture().decide(DecisionAction::Approve, group, third, bob, QStringLiteral("fine"));
        QVERIFY(approved);
        QCOMPARE(RegistryService::describe(Decision{DecisionAction::Approve, group, third, {}, {}, {}, {}},
                                           approved.value()),
                 QStringLiteral("visual-inspection v3 is approved in Dev."));
        // And a refusal to skip a stage does not tell a version in Dev to go to Dev next.
        const int fourth = fixture().registerVersion(group, QStringLiteral("alice"));
        auto skipping = fixture().service().check(
            Decision{DecisionAction::Promote, group, fourth, Stage::Prod, QStringLiteral("x"), QStringLiteral("y"), {}},
            grace);
        QVERIFY(skipping);
        const PolicyRule *refusal = skipping.value().firstRefusal();
        bool stageOrder = false;
        for (const PolicyRule &rule : skipping.value().rules)
            if (rule.name == QLatin1String("stage-order") && !rule.satisfied) {
                stageOrder = true;
                QCOMPARE(rule.detail,
                         QStringLiteral("version 4 stays in Dev until it is approved there: Prod would "
                                        "skip a stage"));
            }
        QVERIFY2(stageOrder, refusal ? qPrintable(refusal->name) : "no refusal");
    }

    void theFactoryMakesTheWorkspaceBackend()
    {
        RegistryOptions options;
        options.workspace = &fixture().workspace();
        auto backend = RegistryBackends::create(QString(), options);
        QVERIFY(backend);
        QCOMPARE(backend.value()->name(), QStringLiteral("workspace"));
        auto unknown = RegistryBackends::create(QStringLiteral("dropbox"), options);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().kind, Error::Kind::Usage);
        qputenv("USER", "tester");
        auto caller = backend.value()->callerIdentity();
        QVERIFY(caller);
        // A team workspace knows the caller as the database does, whatever $USER says.
        QCOMPARE(caller.value(), EngineUnderTest::isPostgres() ? QStringLiteral("owner") : QStringLiteral("tester"));
    }
};

QTEST_GUILESS_MAIN(TestRegistryService)
#include "tst_registryservice.moc"
