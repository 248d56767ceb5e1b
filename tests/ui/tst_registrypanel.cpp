// The Model registry panel on the demo workspace: inbox, version page, and the decision dialog with
// its policy check (four-eyes refusing, a permitted approval committing).

#include "common/testserver.h"
#include "common/workerfixture.h"
#include "core/demo/democontent.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "core/workspaceschema.h"
#include "ui/common/banner.h"
#include "ui/eval/evaluationspanel.h"
#include "ui/playground/playgroundpanel.h"
#include "ui/registry/decisiondialog.h"
#include "ui/registry/modelgroupmodel.h"
#include "ui/registry/modelversionmodel.h"
#include "ui/registry/registrypanel.h"
#include "ui/registry/versionpageview.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestRegistryPanel : public QObject
{
    Q_OBJECT

private:
    WorkerFixture m_fixture{this};
    WorkspaceWorker *m_worker = nullptr;
    CredentialStore *m_store = nullptr;
    RegistryPanel *m_panel = nullptr;

    void reload()
    {
        QSignalSpy loaded(m_panel, &RegistryPanel::loaded);
        m_panel->reload();
        QVERIFY(loaded.wait(20000));
    }

    int rowOf(const QString &group, int version) const
    {
        for (int row = 0; row < m_panel->shownVersions().size(); ++row)
            if (m_panel->shownVersions()[row].group == group && m_panel->shownVersions()[row].version == version)
                return row;
        return -1;
    }

    void selectSupportGroup()
    {
        QSignalSpy loaded(m_panel, &RegistryPanel::loaded);
        m_panel->selectGroup(QStringLiteral("support-rag-assistant"));
        QVERIFY(loaded.wait(10000));
        QVERIFY(rowOf(QStringLiteral("support-rag-assistant"), 5) >= 0);
    }

    // The panel's options for a SageMaker test server started with the AKIDREGISTRY keys.
    static RegistryOptions sageMakerOptions(const TestServer &sagemaker)
    {
        RegistryOptions options;
        options.backend = QStringLiteral("sagemaker");
        options.region = QStringLiteral("us-east-1");
        options.endpointUrl = sagemaker.url().toString();
        options.aws.accessKeyId = QStringLiteral("AKIDREGISTRY");
        options.aws.secretAccessKey = QStringLiteral("registry-secret");
        return options;
    }

    DecisionDialog *openDecision(DecisionAction action)
    {
        m_panel->decide(action);
        auto *dialog = m_panel->findChild<DecisionDialog *>(QStringLiteral("decisionDialog"));
        if (dialog) {
            QSignalSpy checked(dialog, &DecisionDialog::checked);
            checked.wait(10000);
        }
        return dialog;
    }

private slots:
    void initTestCase()
    {
        // The demo's support-rag-assistant v5 was registered by maria.schmidt: she is the one acting.
        qputenv("USER", "maria.schmidt");
        QString problem;
        QVERIFY2(m_fixture.open(&problem), qPrintable(problem));
        m_worker = &m_fixture.worker();
        bool installed = false;
        m_worker->run<Done>([](Workspace &workspace) { return DemoContent::install(workspace); }, this,
                            [&](Status status) { installed = status.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(installed, 20000);
        m_store = new CredentialStore(WorkerFixture::keyringService, this);
        m_panel = new RegistryPanel(*m_worker, *m_store);
        m_panel->resize(1300, 800);
        m_panel->show();
        reload();
    }

    void cleanupTestCase() { delete m_panel; }

    void showsTheGroupsVersionsAndVersionPage()
    {
        selectSupportGroup();
        QSet<QString> states;
        for (const ModelVersion &version : m_panel->shownVersions())
            states << RegistryNames::status(version.status) + QLatin1Char('/') + RegistryNames::stage(version.stage);
        QVERIFY2(states.size() >= 4, qPrintable(QStringList(states.values()).join(QStringLiteral(", "))));
        m_panel->selectVersion(5);
        QTRY_VERIFY(m_panel->versionPageText().contains(QLatin1String("Decision history")));
        QVERIFY(m_panel->versionPageText().contains(QLatin1String("linked evaluation runs")));
    }

    // The selected row and the page name the same version after every change of group, role or
    // selection: an approver never reads one version's evidence beside another version's row.
    void thePageFollowsTheSelectedRow()
    {
        QAbstractItemModelTester groups(m_panel->groupModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester versions(m_panel->versionModel(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto pageMatchesRow = [this]() {
            const ModelVersion *selected = m_panel->selectedVersion();
            return selected && m_panel->versionPage()->shownGroup() == selected->group
                && m_panel->versionPage()->shownVersion() == selected->version
                && m_panel->versionPageText().contains(
                    QStringLiteral("%1 — version %2").arg(selected->group).arg(selected->version))
                && m_panel->versionPageText().contains(QLatin1String("Decision history"));
        };
        selectSupportGroup();
        QTRY_VERIFY(pageMatchesRow());
        const QString inspection = QStringLiteral("visual-inspection-classifier");
        {
            // Both groups show their newest version in the first row: the row index stays 0.
            QSignalSpy loaded(m_panel, &RegistryPanel::loaded);
            m_panel->selectGroup(inspection);
            QVERIFY(loaded.wait(10000));
        }
        QCOMPARE(m_panel->selectedVersion()->group, inspection);
        QTRY_VERIFY(pageMatchesRow());

        selectSupportGroup();
        m_panel->selectVersion(3);
        QCOMPARE(m_panel->selectedVersion()->version, 3);
        {
            QSignalSpy loaded(m_panel, &RegistryPanel::loaded);
            m_panel->setRole(Role::GovernanceOfficer);
            QVERIFY(loaded.wait(10000));
        }
        QCOMPARE(m_panel->selectedVersion()->version, 3); // a reload keeps the selection
        QTRY_VERIFY(pageMatchesRow());
        // Two quick selections: the first one's late answer does not overwrite the second's page.
        m_panel->selectVersion(5);
        m_panel->selectVersion(4);
        QTRY_VERIFY(pageMatchesRow());
        QCOMPARE(m_panel->versionPage()->shownVersion(), 4);
        QTest::qWait(200);
        QVERIFY(pageMatchesRow());
    }

    void fourEyesRefusesTheRegistrantBeforeCommitting()
    {
        {
            QSignalSpy loaded(m_panel, &RegistryPanel::loaded);
            m_panel->setRole(Role::AiEngineer);
            QVERIFY(loaded.wait(10000));
        }
        selectSupportGroup();
        m_panel->selectVersion(5);
        DecisionDialog *dialog = openDecision(DecisionAction::Promote);
        QVERIFY(dialog);
        QVERIFY(!dialog->lastCheck().allowed());
        const PolicyRule *refusal = dialog->lastCheck().firstRefusal();
        QVERIFY(refusal);
        bool fourEyes = false;
        for (const PolicyRule &rule : dialog->lastCheck().rules)
            fourEyes = fourEyes || (rule.name == QLatin1String("four-eyes") && !rule.satisfied);
        QVERIFY2(fourEyes, qPrintable(refusal->name + QStringLiteral(": ") + refusal->detail));
        // The dialog with its policy check, for people to look at.
        const QString png
            = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots/registry-decision.png");
        QDir().mkpath(QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots"));
        QVERIFY(dialog->grab().save(png));
        dialog->reject();
    }

    void aPermittedApprovalIsCommitted()
    {
        {
            QSignalSpy loaded(m_panel, &RegistryPanel::loaded);
            m_panel->setRole(Role::DataScientist);
            QVERIFY(loaded.wait(10000));
        }
        selectSupportGroup();
        m_panel->selectVersion(5);
        DecisionDialog *dialog = openDecision(DecisionAction::Approve);
        QVERIFY(dialog);
        QSignalSpy checked(dialog, &DecisionDialog::checked);
        dialog->findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("Stricter prompt passes its gate in Dev."));
        QVERIFY(checked.wait(10000));
        QVERIFY2(dialog->lastCheck().allowed(),
                 dialog->lastCheck().firstRefusal() ? qPrintable(dialog->lastCheck().firstRefusal()->detail) : "");
        QSignalSpy decided(m_panel, &RegistryPanel::decided);
        dialog->accept();
        QVERIFY(decided.wait(10000));
        QTRY_VERIFY(rowOf(QStringLiteral("support-rag-assistant"), 5) >= 0
                    && m_panel->shownVersions()[rowOf(QStringLiteral("support-rag-assistant"), 5)].status
                        == ApprovalStatus::Approved);
    }

    void worksOnASageMakerRegistry()
    {
        TestServer sagemaker(QStringLiteral("sagemaker_server.py"),
                             {QStringLiteral("--access-key"), QStringLiteral("AKIDREGISTRY"),
                              QStringLiteral("--secret-key"), QStringLiteral("registry-secret"),
                              QStringLiteral("--seed-group"), QStringLiteral("churn-model"),
                              QStringLiteral("--seed-versions"), QStringLiteral("120")});
        QVERIFY2(sagemaker.start(), qPrintable(sagemaker.errorString()));
        const RegistryOptions options = sageMakerOptions(sagemaker);
        QSignalSpy loaded(m_panel, &RegistryPanel::loaded);
        m_panel->useBackend(options, QStringLiteral("test SageMaker"));
        QVERIFY(loaded.wait(30000));
        QVERIFY2(m_panel->actor().user.startsWith(QLatin1String("arn:aws:iam::")), qPrintable(m_panel->actor().user));
        // Every version across the service's pages (100 at most per page).
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->shownVersions().size(), 120, 30000);
        QVERIFY(m_panel->shownVersions().first().group == QLatin1String("churn-model"));

        QSignalSpy back(m_panel, &RegistryPanel::loaded);
        RegistryOptions workspace;
        workspace.backend = QStringLiteral("workspace");
        m_panel->useBackend(workspace, QStringLiteral("workspace"));
        QVERIFY(back.wait(20000));
    }

    // A SageMaker endpoint that takes 10 s per call: its calls wait on the registry's own worker,
    // so a Playground save and an Evaluations reload on the shared workspace worker finish while the
    // registry is still waiting, and Cancel stops the wait at once.
    void aSlowRemoteRegistryHoldsUpNoOtherPanel()
    {
        TestServer sagemaker(QStringLiteral("sagemaker_server.py"),
                             {QStringLiteral("--access-key"), QStringLiteral("AKIDREGISTRY"),
                              QStringLiteral("--secret-key"), QStringLiteral("registry-secret"),
                              QStringLiteral("--latency-ms"), QStringLiteral("10000")});
        QVERIFY2(sagemaker.start(), qPrintable(sagemaker.errorString()));
        const RegistryOptions options = sageMakerOptions(sagemaker);
        m_panel->useBackend(options, QStringLiteral("slow SageMaker"));
        QVERIFY(m_panel->isWaitingForRemote());

        PlaygroundPanel playground(*m_worker, *m_store);
        EvaluationsPanel evaluations(*m_worker, *m_store);
        QElapsedTimer clock;
        clock.start();
        QSignalSpy said(&playground, &PlaygroundPanel::statusMessage);
        playground.setPrompt(QStringLiteral("Summarise {{ticket}} in one line."));
        playground.saveVersionAs(QStringLiteral("slow-registry-check"),
                                 QStringLiteral("saved while SageMaker is slow"));
        QVERIFY(said.wait(5000));
        QVERIFY2(said.first().first().toString().startsWith(QLatin1String("Saved slow-registry-check version 1")),
                 qPrintable(said.first().first().toString()));
        const qint64 saveMs = clock.elapsed();
        QSignalSpy reloaded(&evaluations, &EvaluationsPanel::loaded);
        evaluations.reload();
        QVERIFY(reloaded.wait(5000));
        const qint64 reloadMs = clock.elapsed() - saveMs;
        qInfo("with SageMaker answering after 10 s: Playground save took %lld ms, Evaluations reload %lld ms", saveMs,
              reloadMs);
        QVERIFY(m_panel->isWaitingForRemote()); // both finished while the registry call was still out

        m_panel->cancelRemote();
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel->isWaitingForRemote(), 5000);
        QVERIFY(m_panel->findChild<Banner *>()->text().contains(QStringLiteral("Stopped waiting")));

        QSignalSpy back(m_panel, &RegistryPanel::loaded);
        RegistryOptions workspace;
        workspace.backend = QStringLiteral("workspace");
        m_panel->useBackend(workspace, QStringLiteral("workspace"));
        QVERIFY(back.wait(20000));
    }
};

QTEST_MAIN(TestRegistryPanel)
#include "tst_registrypanel.moc"
