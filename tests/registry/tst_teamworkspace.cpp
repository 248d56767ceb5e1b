// A team workspace on a real PostgreSQL (tests/common/postgresserver.h): identity is the login role,
// workbench roles are grants only an admin changes, and the governance rules hold inside the
// database for a client that goes around the workbench (psql as a data scientist or an officer),
// with the audit trail still verifying afterwards.
#include "common/engineundertest.h"
#include "common/postgresserver.h"
#include "core/demo/democontent.h"
#include "core/eval/datasetimporter.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/runsetup.h"
#include "core/registry/audittrail.h"
#include "core/storage/postgreslocation.h"
#include "core/team/teamroles.h"
#include "core/team/workspacemigration.h"
#include "core/workspaceschema.h"
#include "registryfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString group = u"support-rag"_s;

struct Person
{
    std::unique_ptr<Workspace> workspace;
    std::unique_ptr<WorkspaceRegistryBackend> backend;
    std::unique_ptr<RegistryService> service;
    Actor actor;
};

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Values of an SQL INSERT for `entry`, as a person typing into psql would write them.
QString literal(const QString &text)
{
    QString quoted = text;
    quoted.replace(u"'"_s, u"''"_s);
    return u"'"_s + quoted + u"'"_s;
}

} // namespace

class TestTeamWorkspace : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RegistryFixture> m_owner;
    PostgresServer *m_server = nullptr;
    QString m_database;

    QString uriOf(const QString &person) const { return m_server->uri(person, m_database); }

    Person as(const QString &person)
    {
        Person who;
        auto opened = Workspace::open(uriOf(person), Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
        if (!opened)
            qFatal("%s cannot open the team workspace: %s", qPrintable(person), qPrintable(opened.error().describe()));
        who.workspace = std::move(opened.value());
        who.backend = std::make_unique<WorkspaceRegistryBackend>(*who.workspace);
        who.service = std::make_unique<RegistryService>(*who.backend, *who.workspace);
        who.actor = Actor{who.backend->callerIdentity().value(), RegistryService::workspaceRole(*who.workspace)};
        return who;
    }

    QString psql(const QString &person, const QString &sql, QString *error)
    {
        return m_server->psql(person, m_database, sql, error);
    }

    Outcome genaiops(const QString &person, const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(GENAIOPS_CLI_PATH), QStringList{u"--workspace"_s, uriOf(person)} + arguments);
        process.closeWriteChannel();
        process.waitForFinished(60000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    // The next audit entry as a plain SQL client would insert it: correct sequence, link and hash,
    // so that what refuses it is the rule under test, not the chain.
    QString forgedEntry(const AuditEntry &base)
    {
        AuditEntry entry = base;
        auto trail = AuditTrail(m_owner->workspace()).entries();
        entry.sequence = trail.value().isEmpty() ? 1 : trail.value().last().sequence + 1;
        entry.previousHash = trail.value().isEmpty() ? AuditTrail::genesisHash() : trail.value().last().hash;
        entry.at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        entry.backend = u"workspace"_s;
        entry.hash = AuditTrail::hashOf(entry);
        const QString evidence = QString::fromUtf8(QJsonDocument(entry.evidence).toJson(QJsonDocument::Compact));
        return u"INSERT INTO registry_audit (sequence, at, actor, role, action, backend, group_name, version,"
               " from_status, to_status, from_stage, to_stage, comment, override_reason, evidence, remote_answer,"
               " previous_hash, hash) VALUES (%1, %2, %3, %4, %5, 'workspace', %6, %7, %8, %9, %10, %11, %12, %13,"
               " %14, '{}', %15, %16)"_s.arg(entry.sequence)
                   .arg(literal(entry.at), literal(entry.actor), literal(entry.role), literal(entry.action),
                        literal(entry.group))
                   .arg(entry.version)
                   .arg(literal(entry.fromStatus), literal(entry.toStatus), literal(entry.fromStage),
                        literal(entry.toStage), literal(entry.comment), literal(entry.overrideReason),
                        literal(evidence), literal(entry.previousHash), literal(entry.hash));
    }

    // alice registers, alice approves Dev, bob promotes to Test: a version waiting for Prod.
    int versionInTest(const QList<qint64> &runs = {})
    {
        Person alice = as(u"alice"_s);
        ModelVersion version;
        version.group = group;
        version.artifactUri = u"s3://models/support-rag/7"_s;
        version.evalRunIds = runs;
        auto registered = alice.service->registerVersion(version, alice.actor);
        if (!registered)
            qFatal("register: %s", qPrintable(registered.error().describe()));
        const int number = registered.value().version.version;
        Decision dev = RegistryFixture::decisionOf(DecisionAction::Approve, group, number);
        if (auto approved = alice.service->decide(dev, alice.actor); !approved)
            qFatal("Dev: %s", qPrintable(approved.error().describe()));
        Person bob = as(u"bob"_s);
        Decision test = RegistryFixture::decisionOf(DecisionAction::Promote, group, number, Stage::Test);
        if (auto promoted = bob.service->decide(test, bob.actor); !promoted)
            qFatal("Test: %s", qPrintable(promoted.error().describe()));
        return number;
    }

    void verifyAudit()
    {
        auto verified = AuditTrail(m_owner->workspace()).verify();
        QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().describe()));
        QVERIFY2(verified.value().ok, qPrintable(verified.value().problem + u": "_s + verified.value().detail));
        const Outcome cli = genaiops(u"alice"_s, {u"registry"_s, u"audit"_s, u"--verify"_s});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.out + cli.err));
    }

private slots:
    void init()
    {
        // The suite is about PostgreSQL: its ctest entry runs it there (GENAIOPS_TEST_ENGINE).
        QVERIFY2(EngineUnderTest::isPostgres(), "run as tst_registry_team (GENAIOPS_TEST_ENGINE=postgresql)");
        m_owner = std::make_unique<RegistryFixture>();
        QVERIFY2(m_owner->isReady(), qPrintable(m_owner->errorString()));
        m_server = PostgresServer::shared();
        QVERIFY(m_server);
        m_database = PostgresLocation::parse(m_owner->path()).value().database();
        QVERIFY2(m_owner->grantTeamRoles(), qPrintable(m_owner->errorString()));
    }

    void identityIsTheLoginRoleAndTheRoleItsGrant()
    {
        Person carol = as(u"carol"_s);
        QCOMPARE(carol.actor.user, u"carol"_s);
        QCOMPARE(carol.actor.role, Role::GovernanceOfficer);
        QCOMPARE(carol.workspace->info().value().sessionUser, u"carol"_s);
        QCOMPARE(as(u"erin"_s).actor.role, Role::Viewer);
        QCOMPARE(as(u"frank"_s).actor.role, Role::Admin);
        // A login role without a grant cannot even read the team's work, and is told why.
        auto nobody
            = Workspace::open(uriOf(u"nobody"_s), Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
        QVERIFY(!nobody);
        QVERIFY2(nobody.error().message.contains(u"nobody holds no workbench role"_s),
                 qPrintable(nobody.error().message));
        // Nobody's role is written by a client here.
        const Status claimed = RegistryService::setWorkspaceRole(*carol.workspace, Role::DataScientist);
        QVERIFY(!claimed);
        QVERIFY2(claimed.error().message.contains(u"granted"_s), qPrintable(claimed.error().message));
    }

    void onlyAnAdminChangesWhoHoldsWhichRole()
    {
        auto members = TeamRoles(m_owner->workspace()).members();
        QVERIFY(members);
        QStringList listed;
        for (const TeamRoles::Member &member : members.value())
            listed << member.login + u'=' + member.role;
        for (const QString &expected :
             {u"alice=data-scientist"_s, u"carol=governance-officer"_s, u"erin=reviewer"_s, u"frank=admin"_s})
            QVERIFY2(listed.contains(expected), qPrintable(listed.join(u", "_s)));
        QVERIFY(!listed.join(u","_s).contains(u"nobody"_s));

        Person alice = as(u"alice"_s);
        const Status promoted = TeamRoles(*alice.workspace).grant(u"alice"_s, u"governance-officer"_s);
        QVERIFY(!promoted);
        QVERIFY2(promoted.error().message.contains(u"only an admin"_s), qPrintable(promoted.error().message));
        QCOMPARE(TeamRoles(*alice.workspace).roleOf().value(), u"data-scientist"_s);

        Person frank = as(u"frank"_s);
        QVERIFY(TeamRoles(*frank.workspace).grant(u"nobody"_s, u"reviewer"_s));
        QCOMPARE(TeamRoles(*frank.workspace).roleOf(u"nobody"_s).value(), u"reviewer"_s);
        QVERIFY(TeamRoles(*frank.workspace).grant(u"nobody"_s, u"ai-engineer"_s)); // one role at a time
        QCOMPARE(TeamRoles(*frank.workspace).roleOf(u"nobody"_s).value(), u"ai-engineer"_s);
        QVERIFY(TeamRoles(*frank.workspace).revoke(u"nobody"_s));
        QCOMPARE(TeamRoles(*frank.workspace).roleOf(u"nobody"_s).value(), QString());

        const Outcome cli = genaiops(u"frank"_s, {u"workspace"_s, u"members"_s});
        QCOMPARE(cli.exitCode, 0);
        QVERIFY2(cli.out.contains(u"carol"_s) && cli.out.contains(u"governance-officer"_s), qPrintable(cli.out));
        const Outcome refused = genaiops(u"bob"_s, {u"workspace"_s, u"grant"_s, u"bob"_s, u"admin"_s});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(u"only an admin"_s), qPrintable(refused.err));
    }

    void aDataScientistCannotChangeRemoveOrEmptyTheAuditTrail()
    {
        versionInTest();
        for (const QString &statement :
             {u"UPDATE registry_audit SET comment = 'nothing to see' WHERE sequence = 1"_s,
              u"DELETE FROM registry_audit WHERE sequence = 2"_s, u"TRUNCATE registry_audit"_s}) {
            QString error;
            psql(u"alice"_s, statement, &error);
            QVERIFY2(error.contains(u"permission denied"_s), qPrintable(statement + u": "_s + error));
        }
        QCOMPARE(AuditTrail(m_owner->workspace()).entries().value().size(), 3);
        verifyAudit();
    }

    void aSelfApprovalInsertedAsPlainSqlIsRefused()
    {
        // carol, an officer, registers a version of her own and tries to approve it for Prod herself.
        Person carol = as(u"carol"_s);
        ModelVersion version;
        version.group = group;
        version.artifactUri = u"s3://models/support-rag/own"_s;
        // Numbers Qt writes in exponent form, or fixed past 1e15: the database hashes them as core does.
        version.metrics = {{u"learning_rate"_s, 0.0005}, {u"tiny"_s, 1e-5}, {u"large"_s, 1234567890123456.5}};
        auto registered = carol.service->registerVersion(version, carol.actor);
        QVERIFY2(registered, qPrintable(registered ? QString() : registered.error().describe()));
        const Stage registeredIn = registered.value().version.stage;
        AuditEntry entry;
        entry.actor = u"carol"_s;
        entry.role = u"governance-officer"_s;
        entry.action = u"approve"_s;
        entry.group = group;
        entry.version = registered.value().version.version;
        entry.fromStatus = u"PendingManualApproval"_s;
        entry.toStatus = u"Approved"_s;
        entry.toStage = u"Prod"_s;
        entry.comment = u"looks fine to me"_s;
        entry.overrideReason = u"urgent"_s;
        QString error;
        psql(u"carol"_s, forgedEntry(entry), &error);
        QVERIFY2(error.contains(u"four-eyes"_s), qPrintable(error));
        // Nor can she name someone else as the actor, nor move the version without an entry.
        entry.actor = u"dave"_s;
        psql(u"carol"_s, forgedEntry(entry), &error);
        QVERIFY2(error.contains(u"records who you are"_s), qPrintable(error));
        psql(u"carol"_s,
             u"UPDATE registry_versions SET status = 'Approved', stage = 'Prod' WHERE group_name = 'support-rag'"
             " AND version = %1"_s.arg(entry.version),
             &error);
        QVERIFY2(error.contains(u"only with an audit entry"_s), qPrintable(error));
        // alice, a data scientist, approving her own version for Test the same way: refused as well.
        Person alice = as(u"alice"_s);
        ModelVersion hers;
        hers.group = group;
        hers.artifactUri = u"s3://models/support-rag/hers"_s;
        auto own = alice.service->registerVersion(hers, alice.actor);
        QVERIFY(own);
        AuditEntry herEntry = entry;
        herEntry.actor = u"alice"_s;
        herEntry.role = u"data-scientist"_s;
        herEntry.version = own.value().version.version;
        herEntry.toStage = u"Test"_s;
        psql(u"alice"_s, forgedEntry(herEntry), &error);
        QVERIFY2(error.contains(u"refused by rule"_s), qPrintable(error));
        QCOMPARE(m_owner->stored(group, entry.version).stage, registeredIn);
        QCOMPARE(m_owner->stored(group, entry.version).status, ApprovalStatus::PendingManualApproval);
        verifyAudit();
    }

    void theRulesHoldAgainstTheUsualTricks()
    {
        const int number = versionInTest();
        QString error;
        // A table of one's own named like the workspace's, found first by name: not by its functions.
        psql(u"alice"_s,
             u"CREATE TEMP TABLE workspace_meta (key text, value text);"
             " INSERT INTO workspace_meta VALUES ('team.owner', 'alice');"
             " SELECT genaiops_grant('alice', 'admin')"_s,
             &error);
        QVERIFY2(error.contains(u"only an admin"_s) || error.contains(u"permission denied"_s), qPrintable(error));
        QCOMPARE(TeamRoles(m_owner->workspace()).roleOf(u"alice"_s).value(), u"data-scientist"_s);
        // Who registered a version (four-eyes rests on it) and what it is do not change.
        psql(u"alice"_s, u"UPDATE registry_versions SET registrant = 'bob' WHERE version = %1"_s.arg(number), &error);
        QVERIFY2(error.contains(u"permission denied"_s), qPrintable(error));
        // Shared connection profiles say where keys go: an admin's to change.
        psql(
            u"alice"_s,
            u"INSERT INTO credential_profiles (name, kind, settings, created_at, updated_at) VALUES ('x', 'openai', '{}', '', '')"_s,
            &error);
        QVERIFY2(error.contains(u"permission denied"_s), qPrintable(error));
        // Not even an admin makes themselves the owner.
        psql(u"frank"_s, u"UPDATE workspace_meta SET value = 'frank' WHERE key = 'team.owner'"_s, &error);
        QVERIFY2(error.contains(u"the workspace's own"_s), qPrintable(error));
        // A registration that claims an approval is refused.
        AuditEntry entry;
        entry.actor = u"alice"_s;
        entry.role = u"data-scientist"_s;
        entry.action = u"register"_s;
        entry.group = group;
        entry.version = number + 1;
        entry.toStatus = u"Approved"_s;
        entry.toStage = u"Prod"_s;
        psql(u"alice"_s, forgedEntry(entry), &error);
        QVERIFY2(error.contains(u"pending approval"_s), qPrintable(error));
        verifyAudit();
    }

    void aPromotionToProdWithoutEvidenceIsRefusedByTheDatabase()
    {
        const int number = versionInTest();
        AuditEntry entry;
        entry.actor = u"dave"_s;
        entry.role = u"governance-officer"_s;
        entry.action = u"promote"_s;
        entry.group = group;
        entry.version = number;
        entry.fromStatus = u"Approved"_s;
        entry.toStatus = u"Approved"_s;
        entry.fromStage = u"Test"_s;
        entry.toStage = u"Prod"_s;
        entry.comment = u"ship it"_s;
        entry.evidence = {{u"runs"_s, QJsonArray{QJsonObject{{u"run_id"_s, 999}, {u"passed"_s, true}}}}};
        QString error;
        psql(u"dave"_s, forgedEntry(entry), &error);
        QVERIFY2(error.contains(u"rule evidence"_s), qPrintable(error));
        // A data scientist may not decide Prod at all.
        entry.actor = u"alice"_s;
        entry.role = u"data-scientist"_s;
        entry.evidence = {};
        entry.overrideReason = u"trust me"_s;
        psql(u"alice"_s, forgedEntry(entry), &error);
        QVERIFY2(error.contains(u"rule role"_s), qPrintable(error));
        QCOMPARE(m_owner->stored(group, number).stage, Stage::Test);

        // Through the workbench, with a passing run linked, dave's promotion is what the database accepts.
        const qint64 run = m_owner->addRun(0.9);
        QVERIFY(run > 0);
        const int evidenced = versionInTest({run});
        Person dave = as(u"dave"_s);
        Decision prod
            = RegistryFixture::decisionOf(DecisionAction::Promote, group, evidenced, Stage::Prod, u"gates passed"_s);
        auto promoted = dave.service->decide(prod, dave.actor);
        QVERIFY2(promoted, qPrintable(promoted ? QString() : promoted.error().describe()));
        QCOMPARE(m_owner->stored(group, evidenced).stage, Stage::Prod);
        verifyAudit();
    }

    void everyoneReadsARunButOnlyItsAuthorOrAnAdminChangesIt()
    {
        const qint64 run = m_owner->addRun(0.7);
        QString error;
        psql(u"tester"_s, u"UPDATE eval_runs SET author = 'alice' WHERE id = %1"_s.arg(run), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(psql(u"erin"_s, u"SELECT name FROM eval_runs WHERE id = %1"_s.arg(run), &error).isEmpty(), false);
        // Row security hides the row from bob's change: nothing changes, nothing is removed.
        QCOMPARE(
            psql(u"bob"_s, u"UPDATE eval_runs SET name = 'mine now' WHERE id = %1 RETURNING id"_s.arg(run), &error),
            QString());
        QCOMPARE(psql(u"bob"_s, u"DELETE FROM eval_results WHERE run_id = %1 RETURNING run_id"_s.arg(run), &error),
                 QString());
        psql(u"erin"_s, u"DELETE FROM eval_runs WHERE id = %1"_s.arg(run), &error);
        QVERIFY2(error.contains(u"permission denied"_s), qPrintable(error));
        QCOMPARE(
            psql(u"alice"_s, u"UPDATE eval_runs SET name = 'renamed' WHERE id = %1 RETURNING name"_s.arg(run), &error),
            u"renamed"_s);
        QCOMPARE(psql(u"frank"_s, u"DELETE FROM eval_runs WHERE id = %1 RETURNING id"_s.arg(run), &error),
                 QString::number(run));
    }

    void theCliRefusesAsAndRoleAndSaysWhoYouAre()
    {
        const Outcome claimed
            = genaiops(u"alice"_s, {u"registry"_s, u"approve"_s, group, u"1"_s, u"--as"_s, u"carol"_s});
        QVERIFY(claimed.exitCode != 0);
        QVERIFY2(claimed.err.contains(u"--as is refused in a team workspace"_s), qPrintable(claimed.err));
        const Outcome role
            = genaiops(u"alice"_s, {u"registry"_s, u"approve"_s, group, u"1"_s, u"--role"_s, u"governance-officer"_s});
        QVERIFY2(role.err.contains(u"--role is refused"_s), qPrintable(role.err));
        const Outcome info = genaiops(u"carol"_s, {u"workspace"_s, u"info"_s});
        QCOMPARE(info.exitCode, 0);
        QVERIFY2(info.out.contains(u"carol (governance-officer)"_s), qPrintable(info.out));
        const Outcome nobody = genaiops(u"nobody"_s, {u"workspace"_s, u"info"_s});
        QVERIFY(nobody.exitCode != 0);
        QVERIFY2(nobody.err.contains(u"workspace grant nobody ROLE"_s), qPrintable(nobody.err));
    }

    void twoOfficersDecidingAtOnceOneWinsTheOtherIsToldWho()
    {
        const qint64 run = m_owner->addRun(0.9);
        const int number = versionInTest({run});
        const QString loaded = m_owner->stored(group, number).modifiedAt;
        // Both loaded the version as it is now and press Promote at the same moment.
        std::vector<std::unique_ptr<QProcess>> officers;
        for (const QString &officer : {u"carol"_s, u"dave"_s}) {
            auto process = std::make_unique<QProcess>();
            process->start(QStringLiteral(GENAIOPS_CLI_PATH),
                           {u"--workspace"_s, uriOf(officer), u"registry"_s, u"promote"_s, group,
                            QString::number(number), u"--to"_s, u"Prod"_s, u"--comment"_s, officer + u" ships it"_s,
                            u"--expected-modified-at"_s, loaded});
            officers.push_back(std::move(process));
        }
        QStringList winners;
        QString refusal;
        for (const auto &process : officers) {
            QVERIFY(process->waitForFinished(60000));
            const QString err = QString::fromUtf8(process->readAllStandardError());
            if (process->exitCode() == 0)
                winners << process->arguments().at(1);
            else
                refusal = err;
        }
        QCOMPARE(winners.size(), 1);
        QVERIFY2(refusal.contains(u"someone decided first"_s), qPrintable(refusal));
        const QString winner = PostgresLocation::parse(winners.first()).value().user();
        QVERIFY2(refusal.contains(winner), qPrintable(refusal + u" / winner "_s + winner));
        int prodEntries = 0;
        const auto trail = AuditTrail(m_owner->workspace()).entries(group);
        QVERIFY(trail);
        for (const AuditEntry &entry : trail.value())
            if (entry.version == number && entry.toStage == u"Prod"_s)
                ++prodEntries;
        QCOMPARE(prodEntries, 1);
        QCOMPARE(m_owner->stored(group, number).stage, Stage::Prod);
        verifyAudit();
    }

    void migratingADemoWorkspaceKeepsEveryRowAndAVerifyingAuditChain()
    {
        QTemporaryDir directory;
        const QString file = directory.filePath(u"local.genaiops"_s);
        {
            auto local = Workspace::openSqlite(file, Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
            QVERIFY(local);
            const Status installed = DemoContent::install(*local.value());
            QVERIFY2(installed, qPrintable(installed ? QString() : installed.error().describe()));
        }
        QString error;
        const QString target = m_server->createDatabase(u"migrated"_s, &error);
        QVERIFY2(!target.isEmpty(), qPrintable(error));
        const QString uri = m_server->uri(u"owner"_s, target);
        QProcess process;
        process.start(QStringLiteral(GENAIOPS_CLI_PATH),
                      {u"workspace"_s, u"migrate"_s, u"--from"_s, file, u"--to"_s, uri, u"--json"_s});
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QJsonObject report = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QVERIFY(report.value(u"audit_verified"_s).toBool());
        QVERIFY(report.value(u"audit_entries"_s).toInt() > 0);

        auto local = Workspace::openSqlite(file, Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
        auto team = Workspace::open(uri, Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
        QVERIFY(local && team);
        for (const QString &table : WorkspaceMigration::tables()) {
            // sql-identifiers: the migration's own table names.
            auto before = local.value()->execute(u"SELECT count(*) FROM "_s + table);
            auto after = team.value()->execute(u"SELECT count(*) FROM "_s + table);
            QVERIFY(before && after && before.value().next() && after.value().next());
            QVERIFY2(before.value().value(0).toLongLong() == after.value().value(0).toLongLong(), qPrintable(table));
        }
        auto verified = AuditTrail(*team.value()).verify();
        QVERIFY(verified && verified.value().ok);
        QCOMPARE(verified.value().entries, AuditTrail(*local.value()).verify().value().entries);

        QProcess again;
        again.start(QStringLiteral(GENAIOPS_CLI_PATH),
                    {u"workspace"_s, u"migrate"_s, u"--from"_s, file, u"--to"_s, uri});
        QVERIFY(again.waitForFinished(120000));
        QVERIFY(again.exitCode() != 0);
        QVERIFY2(again.readAllStandardError().contains("already holds work"), "a second migration is refused");
    }

    void connectionFaultsAreNamed()
    {
        auto wrong = Workspace::openPostgres(uriOf(u"alice"_s), Workspace::OpenMode::ExistingOnly,
                                             WorkspaceSchema::modules(), u"not her password"_s);
        QVERIFY(!wrong);
        QVERIFY2(wrong.error().message.contains(u"password authentication failed"_s),
                 qPrintable(wrong.error().message));
        auto unknown = Workspace::open(m_server->uri(u"alice"_s, u"no_such_db"_s), Workspace::OpenMode::ExistingOnly,
                                       WorkspaceSchema::modules());
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().message.contains(u"does not exist"_s), qPrintable(unknown.error().message));
        auto tls = Workspace::open(uriOf(u"alice"_s) + u"?sslmode=require"_s, Workspace::OpenMode::ExistingOnly,
                                   WorkspaceSchema::modules());
        QVERIFY(!tls);
        QVERIFY2(tls.error().message.contains(u"SSL"_s), qPrintable(tls.error().message));
        auto inUri
            = Workspace::open(u"postgresql://alice:hunter2@127.0.0.1:%1/%2"_s.arg(m_server->port()).arg(m_database),
                              Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
        QVERIFY(!inUri);
        QVERIFY2(inUri.error().message.contains(u"holds a password"_s), qPrintable(inUri.error().message));
        QVERIFY(!inUri.error().describe().contains(u"hunter2"_s));
    }

    void anUpgradeIsTheOwnersToApply()
    {
        QList<SchemaModule> newer = WorkspaceSchema::modules();
        newer.first().migrations << Migration{99, u"a later table"_s, {u"CREATE TABLE later (id ${id})"_s}};
        auto alice = Workspace::open(uriOf(u"alice"_s), Workspace::OpenMode::ExistingOnly, newer);
        QVERIFY(!alice);
        QVERIFY2(alice.error().message.contains(u"only its owner may apply"_s), qPrintable(alice.error().message));
        QVERIFY(Workspace::open(uriOf(u"owner"_s), Workspace::OpenMode::ExistingOnly, newer));
        QVERIFY(Workspace::open(uriOf(u"alice"_s), Workspace::OpenMode::ExistingOnly, newer));
    }

    void cleanup() { m_owner.reset(); }
};

QTEST_GUILESS_MAIN(TestTeamWorkspace)
#include "tst_teamworkspace.moc"
