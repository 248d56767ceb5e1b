// The audit trail's hash chain against tampering done directly in the database with SQL, as
// someone with the workspace file (and no workbench) would: each kind is detected and the first
// broken entry is named.

#include "common/engineundertest.h"
#include "core/registry/canonicaljson.h"
#include "registryfixture.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTest>

namespace {

const QString group = QStringLiteral("support-rag");

} // namespace

class TestAuditTrail : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RegistryFixture> m_fixture;

    RegistryFixture &fixture() { return *m_fixture; }

    AuditTrail::Verification verify()
    {
        auto verified = fixture().service().verifyAudit();
        return verified
            ? verified.value()
            : AuditTrail::Verification{false, -1, -1, QStringLiteral("error"), verified.error().message, {}};
    }

    void tamper(const QStringList &statements)
    {
        QVERIFY2(fixture().executeDirectly(statements), qPrintable(fixture().errorString()));
    }

private slots:
    // Six entries: two registrations, then Dev, Test, Prod for version 1 and a rejection of 2.
    void init()
    {
        m_fixture = std::make_unique<RegistryFixture>();
        QVERIFY2(fixture().isReady(), qPrintable(fixture().errorString()));
        QCOMPARE(fixture().registerVersion(group, QStringLiteral("alice")), 1);
        QCOMPARE(fixture().registerVersion(group, QStringLiteral("alice")), 2);
        QVERIFY2(fixture().toProd(group, 1), qPrintable(fixture().errorString()));
        QVERIFY(fixture().decide(DecisionAction::Reject, group, 2, Actor{QStringLiteral("bob"), Role::DataScientist},
                                 QStringLiteral("hallucinates refunds")));
        const AuditTrail::Verification intact = verify();
        QVERIFY2(intact.ok, qPrintable(intact.detail));
        QCOMPARE(intact.entries, 6);
    }

    void theHashCanBeRecomputedFromTheJson()
    {
        auto entries = fixture().service().audit();
        QVERIFY(entries);
        QString previous = AuditTrail::genesisHash();
        for (const AuditEntry &entry : entries.value()) {
            QJsonObject printed = AuditTrail::toJson(entry);
            const QString hash = printed.take(QStringLiteral("hash")).toString();
            QCOMPARE(printed.value(QStringLiteral("previous_hash")).toString(), previous);
            const QByteArray canonical = CanonicalJson::serialize(printed);
            QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex()),
                     hash);
            previous = hash;
        }
        QCOMPARE(verify().headHash, previous);
    }

    void canonicalJsonSortsKeysAndDropsWhitespace()
    {
        const QJsonObject object{{QStringLiteral("b"), 2.0},
                                 {QStringLiteral("a"), QJsonArray{1.5, QStringLiteral("x\"y\n"), true, QJsonValue()}},
                                 {QStringLiteral("Z"), QJsonObject{{QStringLiteral("k"), QStringLiteral("ü")}}}};
        QCOMPARE(CanonicalJson::serialize(object),
                 QByteArray("{\"Z\":{\"k\":\"\xc3\xbc\"},\"a\":[1.5,\"x\\\"y\\n\",true,null],\"b\":2}"));
        QCOMPARE(CanonicalJson::serialize(QJsonValue(0.1)), QByteArray("0.1"));
        QCOMPARE(CanonicalJson::serialize(QJsonValue(qint64(1) << 40)), QByteArray("1099511627776"));
    }

    void anEditedCommentIsNamed()
    {
        tamper({QStringLiteral("UPDATE registry_audit SET comment = 'looks fine' WHERE sequence = 6")});
        const AuditTrail::Verification report = verify();
        QVERIFY(!report.ok);
        QCOMPARE(report.brokenSequence, 6);
        QCOMPARE(report.problem, QStringLiteral("edited"));
        QCOMPARE(report.entries, 5);
        QVERIFY2(report.detail.contains(QLatin1String("entry 6 (reject support-rag v2 by bob")),
                 qPrintable(report.detail));
    }

    void anEditedActorIsNamed()
    {
        tamper({QStringLiteral("UPDATE registry_audit SET actor = 'mallory' WHERE sequence = 5")});
        const AuditTrail::Verification report = verify();
        QCOMPARE(report.problem, QStringLiteral("edited"));
        QCOMPARE(report.brokenSequence, 5);
    }

    void aDeletedRowIsNamed()
    {
        tamper({QStringLiteral("DELETE FROM registry_audit WHERE sequence = 3")});
        const AuditTrail::Verification report = verify();
        QVERIFY(!report.ok);
        QCOMPARE(report.brokenSequence, 3);
        QCOMPARE(report.problem, QStringLiteral("deleted"));
        QVERIFY2(report.detail.contains(QLatin1String("jumps from 2 to 4")), qPrintable(report.detail));
    }

    void aDeletionHiddenByRenumberingIsNamed()
    {
        tamper({QStringLiteral("DELETE FROM registry_audit WHERE sequence = 3"),
                QStringLiteral("UPDATE registry_audit SET sequence = sequence - 1 WHERE sequence > 3")});
        const AuditTrail::Verification report = verify();
        QCOMPARE(report.brokenSequence, 3);
        QCOMPARE(report.problem, QStringLiteral("deleted"));
        QVERIFY2(report.detail.contains(QLatin1String("renumbered")), qPrintable(report.detail));
    }

    void theLastRowDeletedIsNoticed()
    {
        tamper({QStringLiteral("DELETE FROM registry_audit WHERE sequence = 6")});
        const AuditTrail::Verification report = verify();
        QCOMPARE(report.brokenSequence, 6);
        QCOMPARE(report.problem, QStringLiteral("deleted"));
    }

    void swappedSequenceNumbersAreNamed()
    {
        tamper({QStringLiteral("UPDATE registry_audit SET sequence = -1 WHERE sequence = 4"),
                QStringLiteral("UPDATE registry_audit SET sequence = 4 WHERE sequence = 5"),
                QStringLiteral("UPDATE registry_audit SET sequence = 5 WHERE sequence = -1")});
        const AuditTrail::Verification report = verify();
        QVERIFY(!report.ok);
        QCOMPARE(report.brokenSequence, 4);
        QCOMPARE(report.problem, QStringLiteral("reordered"));
        QVERIFY2(report.detail.contains(QLatin1String("was written as entry 5")), qPrintable(report.detail));
    }

    void aRowRewrittenWithItsHashBreaksTheLink()
    {
        auto entries = fixture().service().audit();
        QVERIFY(entries);
        AuditEntry forged = entries.value().at(2);
        forged.actor = QStringLiteral("mallory");
        forged.hash = AuditTrail::hashOf(forged);
        tamper({QStringLiteral("UPDATE registry_audit SET actor = 'mallory', hash = '%1' WHERE sequence = 3")
                    .arg(forged.hash)});
        const AuditTrail::Verification report = verify();
        QCOMPARE(report.brokenSequence, 4);
        QCOMPARE(report.problem, QStringLiteral("broken-link"));
        QVERIFY2(report.detail.contains(QLatin1String("does not point at entry 3")), qPrintable(report.detail));
    }

    void anAppendedForgeryIsNoticed()
    {
        auto entries = fixture().service().audit();
        QVERIFY(entries);
        AuditEntry forged = entries.value().last();
        forged.sequence += 1;
        forged.previousHash = entries.value().last().hash;
        forged.action = QStringLiteral("approve");
        forged.hash = AuditTrail::hashOf(forged);
        if (EngineUnderTest::isPostgres()) {
            // A team workspace's trigger checks each entry as it goes in: one whose hash is not its own is refused.
            QVERIFY(!fixture().executeDirectly(
                {QStringLiteral("INSERT INTO registry_audit (sequence, at, actor, role, action, backend, group_name,"
                                " version, previous_hash, hash) SELECT 7, at, actor, role, 'approve', backend,"
                                " group_name, version, '%1', hash FROM registry_audit WHERE sequence = 6")
                     .arg(forged.previousHash)}));
            QVERIFY2(fixture().errorString().contains(QLatin1String("not the SHA-256 of its canonical form")),
                     qPrintable(fixture().errorString()));
            QVERIFY(verify().ok);
            return;
        }
        tamper({QStringLiteral(
                    "INSERT INTO registry_audit (sequence, at, actor, role, action, backend, group_name, version,"
                    " from_status, to_status, from_stage, to_stage, comment, override_reason, evidence, remote_answer,"
                    " previous_hash, hash) SELECT 7, at, actor, role, 'approve', backend, group_name, version,"
                    " from_status, to_status, from_stage, to_stage, comment, override_reason, evidence,"
                    " remote_answer, '%1', '%2' FROM registry_audit WHERE sequence = 6")
                    .arg(forged.previousHash, forged.hash)});
        const AuditTrail::Verification report = verify();
        QCOMPARE(report.brokenSequence, 7);
        QCOMPARE(report.problem, QStringLiteral("broken-link"));
    }

    void appendingAfterVerificationKeepsTheChain()
    {
        QCOMPARE(fixture().registerVersion(group, QStringLiteral("carol")), 3);
        const AuditTrail::Verification report = verify();
        QVERIFY2(report.ok, qPrintable(report.detail));
        QCOMPARE(report.entries, 7);
    }
};

QTEST_GUILESS_MAIN(TestAuditTrail)
#include "tst_audittrail.moc"
