// The approval policy as RegistryService enforces it: each rule refuses with its own name, evidence
// can be overridden with a recorded reason, and a new Prod version archives the previous one in the
// same transaction.

#include "common/engineundertest.h"
#include "core/eval/labelrepository.h"
#include "core/registry/approvalpolicy.h"
#include "registryfixture.h"

#include <QTest>

namespace {

const QString group = QStringLiteral("support-rag");
const Actor alice{QStringLiteral("alice"), Role::DataScientist};
const Actor bob{QStringLiteral("bob"), Role::DataScientist};
const Actor erik{QStringLiteral("erik"), Role::AiEngineer};
const Actor grace{QStringLiteral("grace"), Role::GovernanceOfficer};

bool refusedBy(const Result<RegistryService::Outcome> &outcome, const QString &rule)
{
    return !outcome && outcome.error().kind == Error::Kind::Refused
        && outcome.error().message.startsWith(QStringLiteral("refused by rule ") + rule + QLatin1Char(':'));
}

QString describe(const Result<RegistryService::Outcome> &outcome)
{
    return outcome ? QStringLiteral("allowed") : outcome.error().describe();
}

} // namespace

class TestRegistryPolicy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RegistryFixture> m_fixture;

    RegistryFixture &fixture() { return *m_fixture; }
    int auditSize()
    {
        auto entries = fixture().service().audit();
        return entries ? int(entries.value().size()) : -1;
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<RegistryFixture>();
        QVERIFY2(fixture().isReady(), qPrintable(fixture().errorString()));
    }

    void checkListsEveryRuleForTheDialog()
    {
        const int version = fixture().registerVersion(group, QStringLiteral("alice"));
        QVERIFY(fixture().toTest(group, version));
        Decision decision{DecisionAction::Promote, group, version, Stage::Prod, {}, {}, {}};
        auto check = fixture().service().check(decision, alice);
        QVERIFY(check);
        QStringList names, missing;
        for (const PolicyRule &rule : check.value().rules) {
            names << rule.name;
            if (!rule.satisfied)
                missing << rule.name;
            QVERIFY2(!rule.detail.isEmpty(), qPrintable(rule.name));
        }
        QCOMPARE(names,
                 (QStringList{QStringLiteral("role"), QStringLiteral("four-eyes"), QStringLiteral("evidence"),
                              QStringLiteral("comment"), QStringLiteral("stage-order"), QStringLiteral("one-prod"),
                              QStringLiteral("judge-agreement")}));
        QCOMPARE(missing,
                 (QStringList{QStringLiteral("role"), QStringLiteral("four-eyes"), QStringLiteral("evidence"),
                              QStringLiteral("comment")}));
        QCOMPARE(check.value().firstRefusal()->name, QStringLiteral("role"));
    }

    void roleRefusesTheWrongRole()
    {
        const int version = fixture().registerVersion(group, QStringLiteral("alice"));
        auto outcome = fixture().decide(DecisionAction::Approve, group, version, erik);
        QVERIFY2(refusedBy(outcome, QStringLiteral("role")), qPrintable(describe(outcome)));
        QVERIFY(outcome.error().message.contains(QLatin1String("data-scientist")));
        outcome = fixture().decide(DecisionAction::Approve, group, version, Actor{QStringLiteral("vic"), Role::Viewer});
        QVERIFY2(refusedBy(outcome, QStringLiteral("role")), qPrintable(describe(outcome)));
        // Nothing was written by a refusal.
        QCOMPARE(fixture().stored(group, version).status, ApprovalStatus::PendingManualApproval);
        QCOMPARE(auditSize(), 1);
        QVERIFY(fixture().decide(DecisionAction::Approve, group, version, bob));
    }

    void fourEyesRefusesTheRegistrantForTestAndProd()
    {
        const int version = fixture().registerVersion(group, QStringLiteral("alice"));
        // Dev is the registrant's own business.
        QVERIFY(fixture().decide(DecisionAction::Approve, group, version, alice));
        auto outcome = fixture().decide(DecisionAction::Promote, group, version,
                                        Actor{QStringLiteral("ALICE"), Role::AiEngineer}, {}, Stage::Test);
        QVERIFY2(refusedBy(outcome, QStringLiteral("four-eyes")), qPrintable(describe(outcome)));
        QVERIFY(fixture().decide(DecisionAction::Promote, group, version, erik, {}, Stage::Test));
        outcome = fixture().decide(DecisionAction::Promote, group, version,
                                   Actor{QStringLiteral("alice"), Role::GovernanceOfficer}, QStringLiteral("mine"),
                                   Stage::Prod, QStringLiteral("trust me"));
        QVERIFY2(refusedBy(outcome, QStringLiteral("four-eyes")), qPrintable(describe(outcome)));
        QVERIFY(fixture().decide(DecisionAction::Promote, group, version, grace, QStringLiteral("ok"), Stage::Prod,
                                 QStringLiteral("trust me")));
    }

    void evidenceRefusesProdWithoutAPassingRun_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("detail");
        QTest::newRow("no run") << 0 << QStringLiteral("no evaluation run is linked");
        QTest::newRow("gate failed") << 1 << QStringLiteral("gate lexical_f1 >= 0.5 failed");
        QTest::newRow("no gates") << 2 << QStringLiteral("no quality gates");
        QTest::newRow("still running") << 3 << QStringLiteral("not finished");
    }

    void evidenceRefusesProdWithoutAPassingRun()
    {
        QFETCH(int, kind);
        QFETCH(QString, detail);
        QList<qint64> runs;
        if (kind == 1)
            runs << fixture().addRun(0.2);
        if (kind == 2)
            runs << fixture().addRun(0.9, false);
        if (kind == 3)
            runs << fixture().addRun(0.9, true, EvalRun::Status::Running);
        QVERIFY(!runs.contains(-1));
        const int version = fixture().registerVersion(group, QStringLiteral("alice"), runs);
        QVERIFY2(fixture().toTest(group, version), qPrintable(fixture().errorString()));
        auto outcome
            = fixture().decide(DecisionAction::Promote, group, version, grace, QStringLiteral("go"), Stage::Prod);
        QVERIFY2(refusedBy(outcome, QStringLiteral("evidence")), qPrintable(describe(outcome)));
        QVERIFY2(outcome.error().message.contains(detail), qPrintable(outcome.error().message));
        QCOMPARE(fixture().stored(group, version).stage, Stage::Test);
    }

    void evidenceAcceptsAPassingRun()
    {
        const qint64 failing = fixture().addRun(0.1);
        const qint64 passing = fixture().addRun(0.8);
        const int version = fixture().registerVersion(group, QStringLiteral("alice"), {failing, passing});
        QVERIFY(fixture().toTest(group, version));
        auto outcome = fixture().decide(DecisionAction::Approve, group, version, grace, QStringLiteral("gates pass"));
        QVERIFY2(outcome, qPrintable(describe(outcome)));
        QCOMPARE(outcome.value().version.stage, Stage::Prod);
        QCOMPARE(outcome.value().version.status, ApprovalStatus::Approved);
        const AuditEntry &entry = outcome.value().audit.first();
        QVERIFY(entry.overrideReason.isEmpty());
        const QJsonArray runs = entry.evidence.value(QStringLiteral("runs")).toArray();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs[1].toObject().value(QStringLiteral("passed")).toBool(), true);
    }

    void evidenceOverrideIsAcceptedAndRecorded()
    {
        const qint64 failing = fixture().addRun(0.1);
        const int version = fixture().registerVersion(group, QStringLiteral("alice"), {failing});
        QVERIFY(fixture().toTest(group, version));
        auto outcome = fixture().decide(DecisionAction::Promote, group, version, grace, QStringLiteral("pilot only"),
                                        Stage::Prod, QStringLiteral("  judged by the support leads  "));
        QVERIFY2(outcome, qPrintable(describe(outcome)));
        auto entries = fixture().service().audit(group);
        QVERIFY(entries);
        const AuditEntry &last = entries.value().last();
        QCOMPARE(last.action, QStringLiteral("promote"));
        QCOMPARE(last.overrideReason, QStringLiteral("judged by the support leads"));
        QCOMPARE(last.actor, QStringLiteral("grace"));
        QCOMPARE(last.role, QStringLiteral("governance-officer"));
        bool recorded = false;
        for (const QJsonValue &rule : last.evidence.value(QStringLiteral("rules")).toArray())
            recorded |= rule.toObject().value(QStringLiteral("name")).toString() == QLatin1String("evidence")
                && rule.toObject().value(QStringLiteral("detail")).toString().contains(QLatin1String("overridden"));
        QVERIFY(recorded);
    }

    void commentIsRequiredForRejectionsAndProd()
    {
        const int version = fixture().registerVersion(group, QStringLiteral("alice"));
        auto outcome = fixture().decide(DecisionAction::Reject, group, version, bob, QStringLiteral("   "));
        QVERIFY2(refusedBy(outcome, QStringLiteral("comment")), qPrintable(describe(outcome)));
        QVERIFY(fixture().toTest(group, version));
        outcome = fixture().decide(DecisionAction::Promote, group, version, grace, {}, Stage::Prod,
                                   QStringLiteral("manual"));
        QVERIFY2(refusedBy(outcome, QStringLiteral("comment")), qPrintable(describe(outcome)));
        outcome = fixture().decide(DecisionAction::Promote, group, version, grace, QString(1025, QLatin1Char('x')),
                                   Stage::Prod, QStringLiteral("manual"));
        QVERIFY2(refusedBy(outcome, QStringLiteral("comment")), qPrintable(describe(outcome)));
        QVERIFY(outcome.error().message.contains(QLatin1String("1024")));
        outcome = fixture().decide(DecisionAction::Reject, group, version, grace, QStringLiteral("latency too high"));
        QVERIFY2(outcome, qPrintable(describe(outcome)));
        QCOMPARE(outcome.value().version.status, ApprovalStatus::Rejected);
        QCOMPARE(outcome.value().version.approvalDescription, QStringLiteral("latency too high"));
    }

    void stagesAreNotSkipped()
    {
        const int version = fixture().registerVersion(group, QStringLiteral("alice"));
        QVERIFY(fixture().decide(DecisionAction::Approve, group, version, bob));
        auto outcome = fixture().decide(DecisionAction::Promote, group, version, grace, QStringLiteral("fast track"),
                                        Stage::Prod, QStringLiteral("urgent"));
        QVERIFY2(refusedBy(outcome, QStringLiteral("stage-order")), qPrintable(describe(outcome)));
    }

    void oneProdArchivesThePreviousProdVersion()
    {
        const int first = fixture().registerVersion(group, QStringLiteral("alice"));
        QVERIFY2(fixture().toProd(group, first), qPrintable(fixture().errorString()));
        const int second = fixture().registerVersion(group, QStringLiteral("alice"));
        QVERIFY(fixture().toTest(group, second));
        Decision decision{DecisionAction::Promote,  group, second, Stage::Prod, QStringLiteral("better"),
                          QStringLiteral("manual"), {}};
        auto check = fixture().service().check(decision, grace);
        QVERIFY(check);
        const auto oneProd
            = std::find_if(check.value().rules.cbegin(), check.value().rules.cend(),
                           [](const PolicyRule &rule) { return rule.name == QLatin1String("one-prod"); });
        QVERIFY(oneProd != check.value().rules.cend());
        QVERIFY(oneProd->detail.contains(QLatin1String("version 1 leaves Prod")));
        auto outcome = fixture().service().decide(decision, grace);
        QVERIFY2(outcome, qPrintable(describe(outcome)));
        QCOMPARE(outcome.value().archived.size(), 1);
        QCOMPARE(fixture().stored(group, first).stage, Stage::Archived);
        QCOMPARE(fixture().stored(group, first).stageStatus, QStringLiteral("Archived"));
        QCOMPARE(fixture().stored(group, second).stage, Stage::Prod);
        QCOMPARE(outcome.value().audit.size(), 2);
        QCOMPARE(outcome.value().audit[1].action, QStringLiteral("archive"));
        QCOMPARE(outcome.value().audit[1].version, first);
        QCOMPARE(outcome.value().audit[1].sequence, outcome.value().audit[0].sequence + 1);
    }

    void oneProdFailsAsAWhole()
    {
        const int first = fixture().registerVersion(group, QStringLiteral("alice"));
        QVERIFY(fixture().toProd(group, first));
        const int second = fixture().registerVersion(group, QStringLiteral("alice"));
        QVERIFY(fixture().toTest(group, second));
        const int entries = auditSize();
        // The archive's audit entry cannot be written: the promotion before it must not stay either.
        const QStringList refuseArchives = EngineUnderTest::isPostgres()
            ? QStringList{QStringLiteral("CREATE FUNCTION no_archive() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                                         " IF NEW.action = 'archive' THEN RAISE EXCEPTION 'archive refused by test';"
                                         " END IF; RETURN NEW; END $$"),
                          QStringLiteral("CREATE TRIGGER no_archive BEFORE INSERT ON registry_audit FOR EACH ROW"
                                         " EXECUTE FUNCTION no_archive()")}
            : QStringList{QStringLiteral("CREATE TRIGGER no_archive BEFORE INSERT ON registry_audit WHEN NEW.action ="
                                         " 'archive' BEGIN SELECT RAISE(ABORT, 'archive refused by test'); END")};
        QVERIFY2(fixture().executeDirectly(refuseArchives), qPrintable(fixture().errorString()));
        auto outcome = fixture().decide(DecisionAction::Promote, group, second, grace, QStringLiteral("better"),
                                        Stage::Prod, QStringLiteral("manual"));
        QVERIFY(!outcome);
        QVERIFY2(outcome.error().message.contains(QLatin1String("archive refused by test")),
                 qPrintable(outcome.error().message));
        QCOMPARE(fixture().stored(group, first).stage, Stage::Prod);
        QCOMPARE(fixture().stored(group, second).stage, Stage::Test);
        QCOMPARE(auditSize(), entries);
        auto verified = fixture().service().verifyAudit();
        QVERIFY(verified && verified.value().ok);
    }

    void judgeAgreementIsAskedForWhenThePolicySaysSo()
    {
        ApprovalPolicy::Rules rules;
        rules.minimumKappaForProd = 0.6;
        rules.minimumLabelsForProd = 3;
        QVERIFY(ApprovalPolicy(rules).save(fixture().workspace()));
        auto loaded = ApprovalPolicy::load(fixture().workspace());
        QVERIFY(loaded);
        QCOMPARE(loaded.value().rules().minimumKappaForProd, 0.6);
        QCOMPARE(loaded.value().rules().minimumLabelsForProd, 3);

        const qint64 run = fixture().addRun(0.8, true, EvalRun::Status::Completed, {0.9, 0.2, 0.9});
        const int version = fixture().registerVersion(group, QStringLiteral("alice"), {run});
        QVERIFY(fixture().toTest(group, version));
        auto refused = fixture().decide(DecisionAction::Approve, group, version, grace, QStringLiteral("gates pass"));
        QVERIFY2(refusedBy(refused, QStringLiteral("judge-agreement")), qPrintable(describe(refused)));
        QVERIFY2(refused.error().message.contains(QLatin1String("faithfulness has 0 labelled item(s) of 3 needed")),
                 qPrintable(refused.error().message));

        // People label all three and disagree with the judge on one: κ is under 0.6.
        const auto labelled = [&](qint64 item, bool pass) {
            HumanLabel label = pass ? HumanLabel::pass() : HumanLabel::fail();
            label.runId = run;
            label.itemIndex = item;
            label.metric = Metrics::faithfulness;
            label.reviewer = QStringLiteral("rita");
            return label;
        };
        QVERIFY(
            LabelRepository(fixture().workspace()).store({labelled(0, true), labelled(1, true), labelled(2, true)}));
        refused = fixture().decide(DecisionAction::Approve, group, version, grace, QStringLiteral("gates pass"));
        QVERIFY2(refusedBy(refused, QStringLiteral("judge-agreement")), qPrintable(describe(refused)));
        QVERIFY2(refused.error().message.contains(QStringLiteral("κ 0.00 is under 0.60")),
                 qPrintable(refused.error().message));

        QVERIFY(LabelRepository(fixture().workspace()).store({labelled(1, false)}));
        auto approved = fixture().decide(DecisionAction::Approve, group, version, grace, QStringLiteral("gates pass"));
        QVERIFY2(approved, qPrintable(describe(approved)));
        QCOMPARE(approved.value().version.stage, Stage::Prod);
        const QJsonArray runs = approved.value().audit.first().evidence.value(QStringLiteral("runs")).toArray();
        const QJsonArray agreement = runs.first().toObject().value(QStringLiteral("agreement")).toArray();
        QCOMPARE(agreement.size(), 1);
        QCOMPARE(agreement.first().toObject().value(QStringLiteral("kappa")).toDouble(), 1.0);
        QCOMPARE(agreement.first().toObject().value(QStringLiteral("n")).toInt(), 3);

        QVERIFY(fixture().workspace().setMetaValue(
            ApprovalPolicy::metaKey(), QStringLiteral("{\"judge_agreement_for_prod\": {\"min_kappa\": 2}}")));
        auto broken = fixture().service().policy();
        QVERIFY(!broken);
        QVERIFY(broken.error().message.contains(QLatin1String("min_kappa")));
    }

    void policyIsConfigurablePerWorkspace()
    {
        ApprovalPolicy::Rules rules;
        rules.deciders[Stage::Prod] = {Role::GovernanceOfficer, Role::AiEngineer};
        rules.fourEyesStages = {Stage::Dev, Stage::Test, Stage::Prod};
        rules.oneProdPerGroup = false;
        QVERIFY(ApprovalPolicy(rules).save(fixture().workspace()));
        auto loaded = ApprovalPolicy::load(fixture().workspace());
        QVERIFY(loaded);
        QVERIFY(loaded.value().mayDecide(Role::AiEngineer, Stage::Prod));
        QVERIFY(loaded.value().needsFourEyes(Stage::Dev));

        const int first = fixture().registerVersion(group, QStringLiteral("alice"));
        auto outcome = fixture().decide(DecisionAction::Approve, group, first, alice);
        QVERIFY2(refusedBy(outcome, QStringLiteral("four-eyes")), qPrintable(describe(outcome)));
        QVERIFY(fixture().toProd(group, first));
        const int second = fixture().registerVersion(group, QStringLiteral("alice"));
        QVERIFY(fixture().toTest(group, second));
        outcome
            = fixture().decide(DecisionAction::Promote, group, second, Actor{QStringLiteral("ivan"), Role::AiEngineer},
                               QStringLiteral("both serve"), Stage::Prod, QStringLiteral("canary"));
        QVERIFY2(outcome, qPrintable(describe(outcome)));
        QVERIFY(outcome.value().archived.isEmpty());
        QCOMPARE(fixture().stored(group, first).stage, Stage::Prod);

        QVERIFY(fixture().workspace().setMetaValue(ApprovalPolicy::metaKey(),
                                                   QStringLiteral("{\"deciders\": {\"Prod\": [\"boss\"]}}")));
        auto broken = fixture().service().policy();
        QVERIFY(!broken);
        QVERIFY(broken.error().message.contains(QLatin1String("boss")));
        QVERIFY(fixture().workspace().setMetaValue(ApprovalPolicy::metaKey(), QStringLiteral("{not json")));
        QVERIFY(!fixture().service().check(Decision{DecisionAction::Approve, group, second, {}, {}, {}, {}}, grace));
    }
};

QTEST_GUILESS_MAIN(TestRegistryPolicy)
#include "tst_registrypolicy.moc"
