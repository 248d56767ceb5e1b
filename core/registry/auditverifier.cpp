#include "core/registry/auditverifier.h"

#include "core/registry/audittrail.h"

namespace {

QString shortHash(const QString &hash)
{
    return hash.left(12) + QStringLiteral("…");
}

} // namespace

AuditVerifier::Report AuditVerifier::verify(const QList<AuditEntry> &rows, const QString &head)
{
    Report report;
    QString expectedPrevious = AuditTrail::genesisHash();
    qint64 expectedSequence = 1;
    for (qsizetype index = 0; index < rows.size(); ++index) {
        const AuditEntry &entry = rows.at(index);
        report.entries = index;
        if (entry.sequence > expectedSequence)
            return broken(report, expectedSequence, QStringLiteral("deleted"),
                          tr("entry %1 is missing: the sequence jumps from %2 to %3")
                              .arg(expectedSequence)
                              .arg(expectedSequence - 1)
                              .arg(entry.sequence));
        if (entry.sequence < expectedSequence)
            return broken(report, entry.sequence, QStringLiteral("edited"),
                          tr("entry %1 has a sequence number the trail never assigns").arg(entry.sequence));
        if (AuditTrail::hashOf(entry) != entry.hash)
            return movedEntry(rows, index, report);
        if (entry.previousHash != expectedPrevious) {
            const QString detail = index == 0
                ? tr("%1 does not start the chain: it points at %2 instead of the genesis hash")
                      .arg(describe(entry), shortHash(entry.previousHash))
                : tr("%1 does not point at entry %2: it names %3, entry %2's hash is %4 (entry %2 was "
                     "rewritten together with its hash, or entry %5 was slipped in)")
                      .arg(describe(entry))
                      .arg(expectedSequence - 1)
                      .arg(shortHash(entry.previousHash), shortHash(expectedPrevious))
                      .arg(entry.sequence);
            return broken(report, entry.sequence, QStringLiteral("broken-link"), detail);
        }
        expectedPrevious = entry.hash;
        ++expectedSequence;
    }
    report.entries = rows.size();
    report.headHash = rows.isEmpty() ? QString() : rows.last().hash;
    return checkHead(rows, head, report);
}

AuditVerifier::Report AuditVerifier::broken(Report report, qint64 sequence, const QString &problem,
                                            const QString &detail)
{
    report.ok = false;
    report.brokenSequence = sequence;
    report.problem = problem;
    report.detail = detail;
    report.headHash.clear();
    return report;
}

AuditVerifier::Report AuditVerifier::movedEntry(const QList<AuditEntry> &rows, qsizetype index, const Report &sofar)
{
    const AuditEntry &entry = rows.at(index);
    const qint64 highest = rows.last().sequence + rows.size();
    const std::optional<qint64> original = writtenAs(entry, highest);
    if (!original)
        return broken(
            sofar, entry.sequence, QStringLiteral("edited"),
            tr("%1 was edited: its content no longer matches the hash it was written with").arg(describe(entry)));
    if (*original > entry.sequence) {
        // Moved up: either the entry written here moved down (a swap), or it is gone and the
        // rest were renumbered to hide the gap.
        bool displaced = false;
        for (qsizetype other = 0; other < rows.size() && !displaced; ++other) {
            AuditEntry candidate = rows.at(other);
            candidate.sequence = entry.sequence;
            displaced = other != index && AuditTrail::hashOf(candidate) == candidate.hash;
        }
        if (!displaced)
            return broken(sofar, entry.sequence, QStringLiteral("deleted"),
                          tr("entry %1 is missing and the entries after it were renumbered: the entry now "
                             "numbered %1 was written as entry %2")
                              .arg(entry.sequence)
                              .arg(*original));
    }
    return broken(sofar, entry.sequence, QStringLiteral("reordered"),
                  tr("entries were reordered: %1 was written as entry %2").arg(describe(entry)).arg(*original));
}

AuditVerifier::Report AuditVerifier::checkHead(const QList<AuditEntry> &rows, const QString &head, const Report &sofar)
{
    if (head.isEmpty()) {
        if (rows.isEmpty())
            return sofar;
        return broken(sofar, rows.last().sequence + 1, QStringLiteral("deleted"),
                      tr("the trail's head record (workspace_meta %1) is missing, so entries cut off the end "
                         "could not be noticed")
                          .arg(AuditTrail::headKey()));
    }
    const qint64 headSequence = head.section(QLatin1Char(' '), 0, 0).toLongLong();
    const QString headHash = head.section(QLatin1Char(' '), 1, 1);
    const qint64 lastSequence = rows.isEmpty() ? 0 : rows.last().sequence;
    if (headSequence > lastSequence)
        return broken(sofar, lastSequence + 1, QStringLiteral("deleted"),
                      tr("entries %1 to %2 are missing at the end of the trail (the head record says the "
                         "last entry is %2)")
                          .arg(lastSequence + 1)
                          .arg(headSequence));
    if (headSequence < lastSequence)
        return broken(sofar, headSequence + 1, QStringLiteral("broken-link"),
                      tr("entry %1 was added outside the workbench: the head record ends at entry %2")
                          .arg(headSequence + 1)
                          .arg(headSequence));
    if (headHash != rows.last().hash)
        return broken(sofar, lastSequence, QStringLiteral("edited"),
                      tr("%1 was rewritten together with its hash: the head record remembers %2")
                          .arg(describe(rows.last()), shortHash(headHash)));
    return sofar;
}

std::optional<qint64> AuditVerifier::writtenAs(const AuditEntry &entry, qint64 highest)
{
    AuditEntry candidate = entry;
    for (qint64 sequence = 1; sequence <= highest; ++sequence) {
        if (sequence == entry.sequence)
            continue;
        candidate.sequence = sequence;
        if (AuditTrail::hashOf(candidate) == entry.hash)
            return sequence;
    }
    return std::nullopt;
}

QString AuditVerifier::describe(const AuditEntry &entry)
{
    return tr("entry %1 (%2 %3 v%4 by %5 at %6)")
        .arg(entry.sequence)
        .arg(entry.action, entry.group)
        .arg(entry.version)
        .arg(entry.actor, entry.at);
}
