#include "registryinvocation.h"

#include "commandcontext.h"

RegistryInvocation::RegistryInvocation(const QCommandLineParser &parser, RegistryService &service, Workspace &workspace)
    : m_parser(parser), m_service(service), m_workspace(workspace), m_arguments(parser.positionalArguments().mid(1)),
      m_json(parser.isSet(QStringLiteral("json")))
{ }

Result<Actor> RegistryInvocation::actor() const
{
    Actor actor;
    if (m_workspace.isTeam()) {
        // The database knows who you are and what you were granted; a client's word is not asked.
        for (const char *flag : {"as", "role"})
            if (isSet(QString::fromLatin1(flag)))
                return makeError(Error::Kind::Usage,
                                 tr("--%1 is refused in a team workspace: you act as the database role you logged in "
                                    "with (%2), in the workbench role an admin granted it")
                                     .arg(QString::fromLatin1(flag), m_workspace.sessionUser()));
    }
    if (isSet(QStringLiteral("as"))) {
        actor.user = value(QStringLiteral("as")).trimmed();
        if (actor.user.isEmpty())
            return makeError(Error::Kind::Usage, tr("--as needs a user name"));
    } else {
        auto caller = m_service.backend().callerIdentity();
        if (!caller)
            return caller.error();
        actor.user = caller.value();
    }
    actor.role = RegistryService::workspaceRole(m_workspace);
    if (isSet(QStringLiteral("role"))) {
        const auto role = RegistryNames::roleFromName(value(QStringLiteral("role")));
        if (!role)
            return makeError(Error::Kind::Usage,
                             tr("--role must be data-scientist, ai-engineer, governance-officer or viewer"));
        actor.role = *role;
    }
    return actor;
}

Result<std::pair<QString, int>> RegistryInvocation::groupAndVersion(const QString &name) const
{
    bool ok = false;
    const int version = m_arguments.value(1).toInt(&ok);
    if (m_arguments.size() != 2 || !ok || version <= 0)
        return makeError(Error::Kind::Usage,
                         tr("registry %1 expects GROUP VERSION, e.g. `registry %1 support-rag-assistant 3`").arg(name));
    return std::pair{m_arguments.first(), version};
}

Result<std::optional<Stage>> RegistryInvocation::stageOption(const QString &option) const
{
    if (!isSet(option))
        return std::optional<Stage>();
    const auto stage = RegistryNames::stageFromName(value(option));
    if (!stage || *stage == Stage::None)
        return makeError(Error::Kind::Usage, tr("--%1 must be Dev, Test, Prod or Archived").arg(option));
    return std::optional<Stage>(stage);
}

QString RegistryInvocation::metricsText(const ModelVersion &version)
{
    QStringList metrics;
    for (auto it = version.metrics.cbegin(); it != version.metrics.cend(); ++it)
        metrics << QStringLiteral("%1 %2").arg(it.key()).arg(it.value(), 0, 'g', 4);
    return metrics.join(QStringLiteral(", "));
}

void RegistryInvocation::printVersionLine(const ModelVersion &version)
{
    CommandContext::print(QStringLiteral("v%1\t%2\t%3\t%4\t%5\t%6")
                              .arg(version.version)
                              .arg(RegistryNames::status(version.status), RegistryNames::stage(version.stage),
                                   version.registrant, version.createdAt.left(16), metricsText(version)));
}

QString RegistryInvocation::transition(const AuditEntry &entry)
{
    const QString to = entry.toStatus + QLatin1Char('/') + entry.toStage;
    if (entry.fromStatus.isEmpty())
        return to;
    return entry.fromStatus + QLatin1Char('/') + entry.fromStage + QStringLiteral(" → ") + to;
}
