// The registry demo: installed on top of the evaluations demo it links the lexical runs, puts
// versions in every state, leaves a valid audit chain with a Prod history, and installs once.

#include "common/engineundertest.h"
#include "core/demo/demoevaluations.h"
#include "core/demo/demoregistry.h"
#include "core/eval/evalrunrepository.h"
#include "core/registry/registryservice.h"
#include "core/registry/stageflow.h"
#include "core/registry/workspaceregistrybackend.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestDemoRegistry : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    std::unique_ptr<Workspace> m_workspace;

private slots:
    void initTestCase()
    {
        auto opened = Workspace::open(EngineUnderTest::location(m_directory.filePath(QStringLiteral("demo.genaiops"))),
                                      Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().describe()));
        m_workspace = std::move(opened.value());
        const Status evaluations = DemoEvaluations::install(*m_workspace);
        QVERIFY2(evaluations, qPrintable(evaluations ? QString() : evaluations.error().describe()));
        const Status registry = DemoRegistry::install(*m_workspace);
        QVERIFY2(registry, qPrintable(registry ? QString() : registry.error().describe()));
    }

    void everyStateIsThere()
    {
        WorkspaceRegistryBackend backend(*m_workspace);
        auto groups = backend.groups();
        QVERIFY(groups);
        QCOMPARE(groups.value().size(), 2);
        QSet<QString> states, registrants;
        QSet<qint64> linked;
        for (const ModelGroup &group : groups.value()) {
            auto versions = backend.versions(group.name);
            QVERIFY(versions);
            for (const ModelVersion &version : versions.value()) {
                states << RegistryNames::status(version.status) + QLatin1Char('/')
                        + RegistryNames::stage(version.stage);
                registrants << version.registrant;
                for (qint64 run : version.evalRunIds)
                    linked << run;
            }
        }
        for (const char *state : {"PendingManualApproval/Dev", "Approved/Dev", "Approved/Test", "Approved/Prod",
                                  "Rejected/Dev", "Rejected/Test", "Approved/Archived"})
            QVERIFY2(states.contains(QString::fromLatin1(state)), state);
        QVERIFY(registrants.size() >= 3);
        auto runs = EvalRunRepository(*m_workspace).list();
        QVERIFY(runs);
        for (const EvalRun &run : runs.value())
            QCOMPARE(linked.contains(run.id), run.settings.metrics.contains(QStringLiteral("lexical_f1")));
    }

    void theAuditChainHoldsAndHasAProdHistory()
    {
        WorkspaceRegistryBackend backend(*m_workspace);
        RegistryService service(backend, *m_workspace);
        auto verified = service.verifyAudit();
        QVERIFY(verified);
        QVERIFY2(verified.value().ok, qPrintable(verified.value().detail));
        QVERIFY(verified.value().entries > 20);
        auto entries = service.audit(QStringLiteral("support-rag-assistant"));
        QVERIFY(entries);
        QDateTime firstProd;
        for (const AuditEntry &entry : entries.value())
            if (entry.toStage == QLatin1String("Prod") && !firstProd.isValid())
                firstProd = QDateTime::fromString(entry.at, Qt::ISODateWithMs);
        QVERIFY(firstProd.isValid() && firstProd < QDateTime::currentDateTimeUtc().addDays(-7));
        auto then
            = service.versionInStageAt(QStringLiteral("support-rag-assistant"), Stage::Prod, firstProd.addSecs(60));
        QVERIFY(then);
        QCOMPARE(then.value(), QList<int>{1});
        auto now = service.versionInStageAt(QStringLiteral("support-rag-assistant"), Stage::Prod,
                                            QDateTime::currentDateTimeUtc());
        QVERIFY(now);
        QCOMPARE(now.value(), QList<int>{2});
        // Each role finds something waiting.
        for (Role role : {Role::DataScientist, Role::AiEngineer, Role::GovernanceOfficer}) {
            auto inbox = service.inbox(Actor{QStringLiteral("someone-new"), role});
            QVERIFY(inbox);
            QVERIFY2(!inbox.value().isEmpty(), qPrintable(RegistryNames::role(role)));
        }
    }

    void installingTwiceAddsNothing()
    {
        WorkspaceRegistryBackend backend(*m_workspace);
        RegistryService service(backend, *m_workspace);
        const qsizetype before = service.audit().value().size();
        QVERIFY(DemoRegistry::install(*m_workspace));
        QCOMPARE(service.audit().value().size(), before);
    }
};

QTEST_GUILESS_MAIN(TestDemoRegistry)
#include "tst_demoregistry.moc"
