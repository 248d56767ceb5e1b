#include "core/secrets/credentialprofilerepository.h"

#include "core/storage/workspace.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace {

CredentialProfile profileFromRow(const QSqlQuery &query)
{
    CredentialProfile profile;
    profile.name = query.value(0).toString();
    profile.kind = CredentialProfile::kindFromName(query.value(1).toString()).value_or(CredentialProfile::Kind::OpenAi);
    profile.settings = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
    profile.updatedAt = query.value(3).toString();
    return profile;
}

} // namespace

CredentialProfileRepository::CredentialProfileRepository(Workspace &workspace) : m_workspace(workspace)
{ }

SchemaModule CredentialProfileRepository::schema()
{
    return {QStringLiteral("secrets"),
            {{1,
              QStringLiteral("connection profiles without their secrets"),
              {QStringLiteral("CREATE TABLE credential_profiles ("
                              " name TEXT PRIMARY KEY,"
                              " kind TEXT NOT NULL,"
                              " settings TEXT NOT NULL DEFAULT '{}',"
                              " created_at TEXT NOT NULL,"
                              " updated_at TEXT NOT NULL)")}}}};
}

Result<QList<CredentialProfile>> CredentialProfileRepository::list() const
{
    auto query = m_workspace.execute(
        QStringLiteral("SELECT name, kind, settings, updated_at FROM credential_profiles ORDER BY name"));
    if (!query)
        return query.error();
    QList<CredentialProfile> profiles;
    while (query.value().next())
        profiles << profileFromRow(query.value());
    return profiles;
}

Result<QStringList> CredentialProfileRepository::names(const QList<CredentialProfile::Kind> &kinds) const
{
    auto found = choices(kinds);
    if (!found)
        return found.error();
    return found.value().names;
}

Result<CredentialProfileRepository::Choices>
CredentialProfileRepository::choices(const QList<CredentialProfile::Kind> &kinds) const
{
    auto profiles = list();
    if (!profiles)
        return profiles.error();
    Choices found;
    for (const CredentialProfile &profile : profiles.value()) {
        if (!kinds.contains(profile.kind))
            continue;
        found.names << profile.name;
        if (!profile.verifiesTls())
            found.withoutTlsVerification.insert(profile.name);
    }
    return found;
}

Result<std::optional<CredentialProfile>> CredentialProfileRepository::find(const QString &name) const
{
    auto query = m_workspace.execute(QStringLiteral("SELECT name, kind, settings, updated_at "
                                                    "FROM credential_profiles WHERE name = :name"),
                                     {{QStringLiteral("name"), name}});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<CredentialProfile>();
    return std::optional<CredentialProfile>(profileFromRow(query.value()));
}

Status CredentialProfileRepository::save(const CredentialProfile &profile)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QString sql
        = m_workspace.dialect().upsert(QStringLiteral("credential_profiles"), {QStringLiteral("name")},
                                       {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("settings"),
                                        QStringLiteral("updated_at"), QStringLiteral("created_at")},
                                       {QStringLiteral("created_at")});
    auto result
        = m_workspace.execute(sql,
                              {{QStringLiteral("name"), profile.name},
                               {QStringLiteral("kind"), CredentialProfile::kindName(profile.kind)},
                               {QStringLiteral("settings"),
                                QString::fromUtf8(QJsonDocument(profile.settings).toJson(QJsonDocument::Compact))},
                               {QStringLiteral("updated_at"), now},
                               {QStringLiteral("created_at"), now}});
    if (!result)
        return result.error();
    return Done{};
}

Status CredentialProfileRepository::remove(const QString &name)
{
    auto result = m_workspace.execute(QStringLiteral("DELETE FROM credential_profiles WHERE name = :name"),
                                      {{QStringLiteral("name"), name}});
    if (!result)
        return result.error();
    return Done{};
}

Result<CredentialProfile> CredentialProfileRepository::require(const QString &name) const
{
    auto found = find(name);
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(Error::Kind::Usage, tr("the profile \"%1\" is gone").arg(name));
    return *found.value();
}
