#include "core/playground/promptlibrary.h"

#include "core/playground/chatparametersjson.h"
#include "core/storage/sqldialect.h"
#include "core/storage/workspace.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>
#include <optional>

namespace {

const QString versionColumns
    = QStringLiteral("SELECT id, name, version, template_text, system_prompt, parameters, note, created_at "
                     "FROM prompt_versions WHERE name = :name");

PromptVersion versionFromRow(const QSqlQuery &query)
{
    PromptVersion prompt;
    prompt.id = query.value(0).toLongLong();
    prompt.name = query.value(1).toString();
    prompt.version = query.value(2).toInt();
    prompt.templateText = query.value(3).toString();
    prompt.system = query.value(4).toString();
    prompt.parameters = ChatParametersJson::fromText(query.value(5).toString());
    for (const QJsonValue &guardrail : QJsonDocument::fromJson(query.value(5).toString().toUtf8())
                                           .object()
                                           .value(QStringLiteral("guardrails"))
                                           .toArray())
        prompt.guardrails << guardrail.toString();
    prompt.note = query.value(6).toString();
    prompt.createdAt = query.value(7).toString();
    return prompt;
}

// The parameters' JSON, with the columns' guardrails beside them when any is set.
QString parametersText(const ChatParameters &parameters, const QStringList &guardrails)
{
    QJsonObject object = ChatParametersJson::toJson(parameters);
    if (std::any_of(guardrails.cbegin(), guardrails.cend(), [](const QString &id) { return !id.isEmpty(); }))
        object.insert(QStringLiteral("guardrails"), QJsonArray::fromStringList(guardrails));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

PromptLibrary::PromptLibrary(Workspace &workspace) : m_workspace(workspace)
{ }

SchemaModule PromptLibrary::schema()
{
    return {QStringLiteral("playground"),
            {{1,
              QStringLiteral("prompt versions, labels and the run history"),
              {QStringLiteral("CREATE TABLE prompt_versions ("
                              " id ${id},"
                              " name TEXT NOT NULL,"
                              " version INTEGER NOT NULL,"
                              " template_text TEXT NOT NULL,"
                              " system_prompt TEXT NOT NULL DEFAULT '',"
                              " parameters TEXT NOT NULL DEFAULT '{}',"
                              " note TEXT NOT NULL DEFAULT '',"
                              " created_at TEXT NOT NULL,"
                              " UNIQUE (name, version))"),
               QStringLiteral("CREATE TABLE prompt_labels ("
                              " name TEXT NOT NULL,"
                              " label TEXT NOT NULL,"
                              " version INTEGER NOT NULL,"
                              " updated_at TEXT NOT NULL,"
                              " PRIMARY KEY (name, label),"
                              " FOREIGN KEY (name, version) REFERENCES prompt_versions (name, version))"),
               QStringLiteral("CREATE TABLE playground_runs ("
                              " id ${id},"
                              " created_at TEXT NOT NULL,"
                              " title TEXT NOT NULL DEFAULT '',"
                              " prompt_name TEXT NOT NULL DEFAULT '',"
                              " prompt_version INTEGER NOT NULL DEFAULT 0,"
                              " variables TEXT NOT NULL DEFAULT '{}',"
                              " rendered_prompt TEXT NOT NULL,"
                              " system_prompt TEXT NOT NULL DEFAULT '',"
                              " parameters TEXT NOT NULL DEFAULT '{}')"),
               QStringLiteral("CREATE TABLE playground_responses ("
                              " run_id ${bigint} NOT NULL REFERENCES playground_runs (id) ON DELETE CASCADE,"
                              " slot INTEGER NOT NULL,"
                              " profile TEXT NOT NULL DEFAULT '',"
                              " provider TEXT NOT NULL DEFAULT '',"
                              " model TEXT NOT NULL DEFAULT '',"
                              " response_text TEXT NOT NULL DEFAULT '',"
                              " stop_reason TEXT NOT NULL DEFAULT '',"
                              " input_tokens ${bigint} NOT NULL DEFAULT -1,"
                              " output_tokens ${bigint} NOT NULL DEFAULT -1,"
                              " ttft_ms ${bigint} NOT NULL DEFAULT -1,"
                              " latency_ms ${bigint} NOT NULL DEFAULT 0,"
                              " service_latency_ms ${bigint} NOT NULL DEFAULT -1,"
                              " attempts INTEGER NOT NULL DEFAULT 1,"
                              " cost_usd ${real},"
                              " error TEXT NOT NULL DEFAULT '',"
                              " PRIMARY KEY (run_id, slot))"),
               QStringLiteral("CREATE INDEX playground_runs_created ON playground_runs (created_at)")}}}};
}

Result<QStringList> PromptLibrary::names() const
{
    auto query = m_workspace.execute(QStringLiteral("SELECT DISTINCT name FROM prompt_versions ORDER BY name"));
    if (!query)
        return query.error();
    QStringList names;
    while (query.value().next())
        names << query.value().value(0).toString();
    return names;
}

Result<QList<PromptVersion>> PromptLibrary::fetch(const QString &where, const QVariantMap &bindings) const
{
    // sql-identifiers: `where` is a clause this class's own callers write; every value in it is bound.
    auto rows = m_workspace.execute(versionColumns + where + QStringLiteral(" ORDER BY version DESC"), bindings);
    if (!rows)
        return rows.error();
    QList<PromptVersion> versions;
    while (rows.value().next())
        versions << versionFromRow(rows.value());
    if (versions.isEmpty())
        return versions;

    auto labels = m_workspace.execute(
        QStringLiteral("SELECT label, version FROM prompt_labels WHERE name = :name ORDER BY label"),
        {{QStringLiteral("name"), bindings.value(QStringLiteral("name"))}});
    if (!labels)
        return labels.error();
    while (labels.value().next()) {
        const int version = labels.value().value(1).toInt();
        for (PromptVersion &prompt : versions) {
            if (prompt.version == version)
                prompt.labels << labels.value().value(0).toString();
        }
    }
    return versions;
}

Result<QList<PromptVersion>> PromptLibrary::versions(const QString &name) const
{
    return fetch({}, {{QStringLiteral("name"), name}});
}

Result<PromptVersion> PromptLibrary::version(const QString &name, int version) const
{
    auto found = fetch(QStringLiteral(" AND version = :version"),
                       {{QStringLiteral("name"), name}, {QStringLiteral("version"), version}});
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return makeError(Error::Kind::Input, tr("there is no version %1 of this prompt").arg(version), name);
    return found.value().first();
}

Result<PromptVersion> PromptLibrary::latest(const QString &name) const
{
    auto found = versions(name);
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return makeError(Error::Kind::Input, tr("there is no prompt of this name"), name);
    return found.value().first();
}

Result<PromptVersion> PromptLibrary::byLabel(const QString &name, const QString &label) const
{
    if (label == latestLabel())
        return latest(name);
    auto query
        = m_workspace.execute(QStringLiteral("SELECT version FROM prompt_labels WHERE name = :name AND label = :label"),
                              {{QStringLiteral("name"), name}, {QStringLiteral("label"), label}});
    if (!query)
        return query.error();
    if (!query.value().next())
        return makeError(Error::Kind::Input, tr("no version of this prompt is labelled \"%1\"").arg(label), name);
    return version(name, query.value().value(0).toInt());
}

Result<PromptVersion> PromptLibrary::saveVersion(const QString &name, const QString &templateText,
                                                 const QString &system, const ChatParameters &parameters,
                                                 const QString &note, const QStringList &guardrails)
{
    if (name.trimmed().isEmpty() || name != name.trimmed())
        return makeError(Error::Kind::Usage, tr("a prompt needs a name without leading or trailing spaces"), name);
    std::optional<PromptVersion> saved;
    const Status status = m_workspace.transaction([&]() -> Status {
        auto highest
            = m_workspace.execute(QStringLiteral("SELECT MAX(version) FROM prompt_versions WHERE name = :name"),
                                  {{QStringLiteral("name"), name}});
        if (!highest)
            return highest.error();
        const int next = (highest.value().next() ? highest.value().value(0).toInt() : 0) + 1;
        auto inserted = m_workspace.execute(
            QStringLiteral(
                "INSERT INTO prompt_versions"
                " (name, version, template_text, system_prompt, parameters, note, created_at)"
                " VALUES (:name, :version, :template_text, :system_prompt, :parameters, :note, :created_at)"),
            {{QStringLiteral("name"), name},
             {QStringLiteral("version"), next},
             {QStringLiteral("template_text"), SqlDialect::text(templateText)},
             {QStringLiteral("system_prompt"), SqlDialect::text(system)},
             {QStringLiteral("parameters"), parametersText(parameters, guardrails)},
             {QStringLiteral("note"), SqlDialect::text(note)},
             {QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
        if (!inserted)
            return inserted.error();
        auto stored = version(name, next);
        if (!stored)
            return stored.error();
        saved = stored.value();
        return Done{};
    });
    if (!status)
        return status.error();
    return *saved;
}

Status PromptLibrary::checkLabel(const QString &label) const
{
    if (label == latestLabel())
        return makeError(Error::Kind::Usage,
                         tr("\"latest\" always means the newest version and cannot be set or removed"), label);
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9_-]{1,32}$"));
    if (!pattern.match(label).hasMatch())
        return makeError(Error::Kind::Usage, tr("a label is 1 to 32 characters of a-z, 0-9, '_' and '-'"), label);
    return Done{};
}

Status PromptLibrary::setLabel(const QString &name, const QString &label, int version)
{
    const Status valid = checkLabel(label);
    if (!valid)
        return valid;
    return m_workspace.transaction([&]() -> Status {
        auto target = this->version(name, version);
        if (!target)
            return target.error();
        auto stored = m_workspace.execute(
            m_workspace.dialect().upsert(QStringLiteral("prompt_labels"),
                                         {QStringLiteral("name"), QStringLiteral("label")},
                                         {QStringLiteral("name"), QStringLiteral("label"), QStringLiteral("version"),
                                          QStringLiteral("updated_at")}),
            {{QStringLiteral("name"), name},
             {QStringLiteral("label"), label},
             {QStringLiteral("version"), version},
             {QStringLiteral("updated_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
        if (!stored)
            return stored.error();
        return Done{};
    });
}

Status PromptLibrary::removeLabel(const QString &name, const QString &label)
{
    const Status valid = checkLabel(label);
    if (!valid)
        return valid;
    auto removed
        = m_workspace.execute(QStringLiteral("DELETE FROM prompt_labels WHERE name = :name AND label = :label"),
                              {{QStringLiteral("name"), name}, {QStringLiteral("label"), label}});
    if (!removed)
        return removed.error();
    if (removed.value().numRowsAffected() == 0)
        return makeError(Error::Kind::Input, tr("no version of this prompt is labelled \"%1\"").arg(label), name);
    return Done{};
}
