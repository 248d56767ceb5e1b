// Two workbench windows on one team workspace (a real PostgreSQL): a decision made by one officer
// shows in the other officer's registry panel, and a run a data scientist starts shows in a
// reviewer's run list, through LISTEN/NOTIFY alone (no panel is told to reload). Each panel knows
// who it is from the database: no "deciding as" choice, buttons a role may not use disabled with why.
#include "common/engineundertest.h"
#include "common/postgresserver.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/postgreslocation.h"
#include "core/storage/workspaceworker.h"
#include "core/workspaceschema.h"
#include "registry/registryfixture.h"
#include "ui/eval/evaluationspanel.h"
#include "ui/eval/runlistmodel.h"
#include "ui/registry/registrypanel.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString group = u"support-rag"_s;

struct Window
{
    std::unique_ptr<WorkspaceWorker> worker = std::make_unique<WorkspaceWorker>();
    CredentialStore store{u"genaiops-workbench-test"_s};
    std::unique_ptr<RegistryPanel> registry;
    std::unique_ptr<EvaluationsPanel> evaluations;
};

} // namespace

class TestTeamPanels : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RegistryFixture> m_owner;
    QString m_database;

    QString uriOf(const QString &person) const { return PostgresServer::shared()->uri(person, m_database); }

    std::unique_ptr<Window> open(const QString &person)
    {
        auto window = std::make_unique<Window>();
        bool opened = false;
        window->worker->open(uriOf(person), Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules(), this,
                             [&](Result<Workspace::Info> info) {
                                 if (!info)
                                     qFatal("%s", qPrintable(info.error().describe()));
                                 opened = true;
                             });
        if (!QTest::qWaitFor([&] { return opened; }, 30000))
            qFatal("the team workspace did not open for %s", qPrintable(person));
        window->registry = std::make_unique<RegistryPanel>(*window->worker, window->store);
        window->evaluations = std::make_unique<EvaluationsPanel>(*window->worker, window->store);
        for (QWidget *panel :
             {static_cast<QWidget *>(window->registry.get()), static_cast<QWidget *>(window->evaluations.get())}) {
            panel->resize(1100, 700);
            panel->show();
        }
        QSignalSpy registryLoaded(window->registry.get(), &RegistryPanel::loaded);
        QSignalSpy runsLoaded(window->evaluations.get(), &EvaluationsPanel::loaded);
        window->registry->reload();
        window->evaluations->reload();
        if (!registryLoaded.wait(30000) || (runsLoaded.isEmpty() && !runsLoaded.wait(30000)))
            qFatal("the panels of %s did not load", qPrintable(person));
        return window;
    }

    static Stage stageShown(const RegistryPanel &panel, int version)
    {
        for (const ModelVersion &shown : panel.shownVersions())
            if (shown.version == version)
                return shown.stage;
        return Stage::None;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(EngineUnderTest::isPostgres(), "run as tst_teampanels (GENAIOPS_TEST_ENGINE=postgresql)");
        m_owner = std::make_unique<RegistryFixture>();
        QVERIFY2(m_owner->isReady(), qPrintable(m_owner->errorString()));
        m_database = PostgresLocation::parse(m_owner->path()).value().database();
        QVERIFY2(m_owner->grantTeamRoles(), qPrintable(m_owner->errorString()));
    }

    void eachPanelKnowsWhoItIsFromTheDatabase()
    {
        auto erin = open(u"erin"_s);
        QCOMPARE(erin->registry->actor().user, u"erin"_s);
        QCOMPARE(erin->registry->actor().role, Role::Viewer);
        for (QComboBox *box : erin->registry->findChildren<QComboBox *>())
            QVERIFY2(box->isHidden() || box->findData(int(Role::GovernanceOfficer)) < 0,
                     "no 'deciding as' choice in a team workspace");
        for (QPushButton *button : erin->registry->findChildren<QPushButton *>())
            if (button->text().contains(u"Approve"_s)) {
                QVERIFY(!button->isEnabled());
                QVERIFY2(button->toolTip().contains(u"an admin grants roles"_s), qPrintable(button->toolTip()));
            }
    }

    void aDecisionInOneWindowShowsInTheOther()
    {
        // alice registers and approves Dev; carol's and dave's windows are open on the group.
        auto alice = Workspace::open(uriOf(u"alice"_s), Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
        QVERIFY(alice);
        WorkspaceRegistryBackend aliceBackend(*alice.value());
        RegistryService aliceService(aliceBackend, *alice.value());
        const Actor aliceActor{u"alice"_s, Role::DataScientist};
        ModelVersion version;
        version.group = group;
        version.artifactUri = u"s3://models/support-rag/9"_s;
        auto registered = aliceService.registerVersion(version, aliceActor);
        QVERIFY2(registered, qPrintable(registered ? QString() : registered.error().describe()));
        const int number = registered.value().version.version;
        QVERIFY(aliceService.decide(RegistryFixture::decisionOf(DecisionAction::Approve, group, number), aliceActor));

        auto carol = open(u"carol"_s);
        auto dave = open(u"dave"_s);
        for (Window *window : {carol.get(), dave.get()}) {
            window->registry->selectGroup(group);
            QTRY_VERIFY(stageShown(*window->registry, number) == Stage::Dev);
        }

        // bob promotes it to Test in a third connection; neither window is told anything by the test.
        auto bob = Workspace::open(uriOf(u"bob"_s), Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
        QVERIFY(bob);
        WorkspaceRegistryBackend bobBackend(*bob.value());
        RegistryService bobService(bobBackend, *bob.value());
        QElapsedTimer shown;
        shown.start();
        QVERIFY(bobService.decide(RegistryFixture::decisionOf(DecisionAction::Promote, group, number, Stage::Test),
                                  Actor{u"bob"_s, Role::AiEngineer}));
        QTRY_VERIFY_WITH_TIMEOUT(stageShown(*carol->registry, number) == Stage::Test, 1000);
        QTRY_VERIFY_WITH_TIMEOUT(stageShown(*dave->registry, number) == Stage::Test, 1000);
        qInfo("decision shown in both other windows after %lld ms", shown.elapsed());
    }

    void aRunStartedByADataScientistShowsInAReviewersList()
    {
        auto erin = open(u"erin"_s);
        const int before = erin->evaluations->runModel()->rowCount();
        QElapsedTimer shown;
        shown.start();
        const qint64 run = m_owner->addRun(0.8);
        QVERIFY(run > 0);
        QTRY_VERIFY_WITH_TIMEOUT(erin->evaluations->runModel()->rowCount() > before, 1000);
        qInfo("run shown in the reviewer's list after %lld ms", shown.elapsed());
    }

    void cleanupTestCase() { m_owner.reset(); }
};

QTEST_MAIN(TestTeamPanels)
#include "tst_teampanels.moc"
