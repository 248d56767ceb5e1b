#pragma once

#include "core/registry/registrytypes.h"

#include <QCoreApplication>

#include <optional>

// Recomputes an audit chain and tells the first place where it is not as AuditTrail wrote it, and
// how: an entry "edited" (its content no longer gives its hash), "deleted" (a gap in the sequence,
// or entries missing at the end that the head record remembers), "reordered" (an entry whose hash
// matches another position), or a "broken-link" (an entry that does not point at its predecessor's
// hash, as when an entry was rewritten together with its hash, or one was slipped in).
class AuditVerifier
{
    Q_DECLARE_TR_FUNCTIONS(AuditVerifier)

public:
    struct Report
    {
        bool ok = true;
        qint64 entries = 0;
        qint64 brokenSequence = 0; // the first entry not as written
        QString problem; // "edited", "deleted", "reordered", "broken-link"
        QString detail;
        QString headHash; // the last entry's hash
    };

    // `rows` in ascending sequence order as stored; `head` is the stored "SEQUENCE HASH" record,
    // empty when there is none.
    static Report verify(const QList<AuditEntry> &rows, const QString &head);

private:
    static Report broken(Report report, qint64 sequence, const QString &problem, const QString &detail);
    static Report movedEntry(const QList<AuditEntry> &rows, qsizetype index, const Report &sofar);
    static Report checkHead(const QList<AuditEntry> &rows, const QString &head, const Report &sofar);
    // The sequence `entry` was written with, when its hash fits another sequence than its own.
    static std::optional<qint64> writtenAs(const AuditEntry &entry, qint64 highest);
    static QString describe(const AuditEntry &entry);
};
