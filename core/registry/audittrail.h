#pragma once

#include "core/common/result.h"
#include "core/registry/auditverifier.h"
#include "core/registry/registrytypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

#include <functional>

class QSqlQuery;
class Workspace;

// The registry's append-only record of decisions, kept in the local workspace whichever backend
// holds the versions. Entry n stores the SHA-256 of entry n-1, and its own hash is taken over the
// canonical JSON of toJson() without "hash" (CanonicalJson), so anyone holding `registry audit
// --json` can recompute the chain. Editing, deleting or reordering rows breaks it, and verify()
// says where and how. The last sequence and hash are also kept in workspace_meta
// ("registry.audit.head"), so cutting entries off the end shows too.
class AuditTrail
{
    Q_DECLARE_TR_FUNCTIONS(AuditTrail)

public:
    using Clock = std::function<QDateTime()>;

    using Verification = AuditVerifier::Report;

    explicit AuditTrail(Workspace &workspace, Clock clock = {});

    static QString genesisHash() { return QString(64, QLatin1Char('0')); }
    static QString headKey() { return QStringLiteral("registry.audit.head"); }

    // Assigns sequence, previousHash, hash and (when empty) `at`, and stores the entry, in one
    // transaction (a savepoint inside the caller's).
    Status append(AuditEntry &entry);
    // Oldest first; an empty group means every group.
    Result<QList<AuditEntry>> entries(const QString &group = {}) const;
    Result<Verification> verify() const;
    // The versions of `group` that were in `stage` at `at`, replayed from the trail, newest first:
    // one, or several when the policy allows more than one Prod version per group.
    // A rejected version is in no stage except Archived.
    Result<QList<int>> versionInStageAt(const QString &group, Stage stage, const QDateTime &at) const;

    static QJsonObject toJson(const AuditEntry &entry);
    static QByteArray canonicalForm(const AuditEntry &entry);
    static QString hashOf(const AuditEntry &entry);

private:
    static AuditEntry entryFromRow(const QSqlQuery &query);

    Workspace &m_workspace;
    Clock m_clock;
};
