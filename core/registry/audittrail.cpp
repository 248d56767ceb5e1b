#include "core/registry/audittrail.h"

#include "core/registry/canonicaljson.h"
#include "core/storage/sqldialect.h"
#include "core/storage/workspace.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlQuery>

namespace {

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

const QString selectEntries
    = QStringLiteral("SELECT sequence, at, actor, role, action, backend, group_name, version, from_status, to_status,"
                     " from_stage, to_stage, comment, override_reason, evidence, remote_answer, previous_hash, hash"
                     " FROM registry_audit ");

} // namespace

AuditTrail::AuditTrail(Workspace &workspace, Clock clock)
    : m_workspace(workspace), m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{ }

Status AuditTrail::append(AuditEntry &entry)
{
    return m_workspace.transaction([&]() -> Status {
        auto last = m_workspace.execute(
            QStringLiteral("SELECT sequence, hash FROM registry_audit ORDER BY sequence DESC LIMIT 1"));
        if (!last)
            return last.error();
        const bool first = !last.value().next();
        entry.sequence = first ? 1 : last.value().value(0).toLongLong() + 1;
        entry.previousHash = first ? genesisHash() : last.value().value(1).toString();
        if (entry.at.isEmpty())
            entry.at = m_clock().toUTC().toString(Qt::ISODateWithMs);
        entry.hash = hashOf(entry);
        auto inserted = m_workspace.execute(
            QStringLiteral("INSERT INTO registry_audit (sequence, at, actor, role, action, backend, group_name,"
                           " version, from_status, to_status, from_stage, to_stage, comment, override_reason,"
                           " evidence, remote_answer, previous_hash, hash) VALUES (:sequence, :at, :actor, :role,"
                           " :action, :backend, :group_name, :version, :from_status, :to_status, :from_stage,"
                           " :to_stage, :comment, :override_reason, :evidence, :remote_answer, :previous_hash, :hash)"),
            {{QStringLiteral("sequence"), entry.sequence},
             {QStringLiteral("at"), entry.at},
             {QStringLiteral("actor"), SqlDialect::text(entry.actor)},
             {QStringLiteral("role"), SqlDialect::text(entry.role)},
             {QStringLiteral("action"), SqlDialect::text(entry.action)},
             {QStringLiteral("backend"), SqlDialect::text(entry.backend)},
             {QStringLiteral("group_name"), SqlDialect::text(entry.group)},
             {QStringLiteral("version"), entry.version},
             {QStringLiteral("from_status"), SqlDialect::text(entry.fromStatus)},
             {QStringLiteral("to_status"), SqlDialect::text(entry.toStatus)},
             {QStringLiteral("from_stage"), SqlDialect::text(entry.fromStage)},
             {QStringLiteral("to_stage"), SqlDialect::text(entry.toStage)},
             {QStringLiteral("comment"), SqlDialect::text(entry.comment)},
             {QStringLiteral("override_reason"), SqlDialect::text(entry.overrideReason)},
             {QStringLiteral("evidence"), jsonText(entry.evidence)},
             {QStringLiteral("remote_answer"), jsonText(entry.remoteAnswer)},
             {QStringLiteral("previous_hash"), entry.previousHash},
             {QStringLiteral("hash"), entry.hash}});
        if (!inserted)
            return inserted.error();
        // A team workspace's trigger checks the chain and keeps the head itself (members may not write
        // workspace_meta).
        if (m_workspace.isTeam())
            return Done{};
        return m_workspace.setMetaValue(headKey(), QString::number(entry.sequence) + QLatin1Char(' ') + entry.hash);
    });
}

Result<QList<AuditEntry>> AuditTrail::entries(const QString &group) const
{
    auto query = group.isEmpty()
        ? m_workspace.execute(selectEntries + QStringLiteral("ORDER BY sequence"))
        : m_workspace.execute(selectEntries + QStringLiteral("WHERE group_name = :group ORDER BY sequence"),
                              {{QStringLiteral("group"), group}});
    if (!query)
        return query.error();
    QList<AuditEntry> result;
    while (query.value().next())
        result << entryFromRow(query.value());
    return result;
}

Result<AuditTrail::Verification> AuditTrail::verify() const
{
    auto rows = entries();
    if (!rows)
        return rows.error();
    return AuditVerifier::verify(rows.value(), m_workspace.metaValue(headKey()));
}

Result<QList<int>> AuditTrail::versionInStageAt(const QString &group, Stage stage, const QDateTime &at) const
{
    auto rows = entries(group);
    if (!rows)
        return rows.error();
    struct State
    {
        QString stage;
        QString status;
    };
    QMap<int, State> states;
    for (const AuditEntry &entry : rows.value()) {
        // Entries are in the order they were written; their times only move forward.
        if (QDateTime::fromString(entry.at, Qt::ISODateWithMs) > at)
            break;
        State &state = states[entry.version];
        if (!entry.toStage.isEmpty())
            state.stage = entry.toStage;
        if (!entry.toStatus.isEmpty())
            state.status = entry.toStatus;
    }
    const QString stageName = RegistryNames::stage(stage);
    const QString rejected = RegistryNames::status(ApprovalStatus::Rejected);
    QList<int> versions;
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        if (it.value().stage == stageName && (stage == Stage::Archived || it.value().status != rejected))
            versions.prepend(it.key());
    return versions;
}

QJsonObject AuditTrail::toJson(const AuditEntry &entry)
{
    return {{QStringLiteral("sequence"), entry.sequence},
            {QStringLiteral("at"), entry.at},
            {QStringLiteral("actor"), entry.actor},
            {QStringLiteral("role"), entry.role},
            {QStringLiteral("action"), entry.action},
            {QStringLiteral("backend"), entry.backend},
            {QStringLiteral("group"), entry.group},
            {QStringLiteral("version"), entry.version},
            {QStringLiteral("from_status"), entry.fromStatus},
            {QStringLiteral("to_status"), entry.toStatus},
            {QStringLiteral("from_stage"), entry.fromStage},
            {QStringLiteral("to_stage"), entry.toStage},
            {QStringLiteral("comment"), entry.comment},
            {QStringLiteral("override_reason"), entry.overrideReason},
            {QStringLiteral("evidence"), entry.evidence},
            {QStringLiteral("remote_answer"), entry.remoteAnswer},
            {QStringLiteral("previous_hash"), entry.previousHash},
            {QStringLiteral("hash"), entry.hash}};
}

QByteArray AuditTrail::canonicalForm(const AuditEntry &entry)
{
    QJsonObject object = toJson(entry);
    object.remove(QStringLiteral("hash"));
    return CanonicalJson::serialize(object);
}

QString AuditTrail::hashOf(const AuditEntry &entry)
{
    return QString::fromLatin1(QCryptographicHash::hash(canonicalForm(entry), QCryptographicHash::Sha256).toHex());
}

AuditEntry AuditTrail::entryFromRow(const QSqlQuery &query)
{
    AuditEntry entry;
    entry.sequence = query.value(0).toLongLong();
    entry.at = query.value(1).toString();
    entry.actor = query.value(2).toString();
    entry.role = query.value(3).toString();
    entry.action = query.value(4).toString();
    entry.backend = query.value(5).toString();
    entry.group = query.value(6).toString();
    entry.version = query.value(7).toInt();
    entry.fromStatus = query.value(8).toString();
    entry.toStatus = query.value(9).toString();
    entry.fromStage = query.value(10).toString();
    entry.toStage = query.value(11).toString();
    entry.comment = query.value(12).toString();
    entry.overrideReason = query.value(13).toString();
    entry.evidence = jsonObject(query.value(14).toString());
    entry.remoteAnswer = jsonObject(query.value(15).toString());
    entry.previousHash = query.value(16).toString();
    entry.hash = query.value(17).toString();
    return entry;
}
