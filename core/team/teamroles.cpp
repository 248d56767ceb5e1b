#include "core/team/teamroles.h"

#include "core/storage/workspace.h"

#include <QSqlQuery>

TeamRoles::TeamRoles(const Workspace &workspace) : m_workspace(workspace)
{ }

QStringList TeamRoles::workbenchRoles()
{
    return {QStringLiteral("data-scientist"), QStringLiteral("ai-engineer"), QStringLiteral("reviewer"),
            QStringLiteral("governance-officer"), QStringLiteral("admin")};
}

Status TeamRoles::requireTeam() const
{
    if (!m_workspace.isTeam())
        return makeError(Error::Kind::Usage,
                         tr("roles are granted in a team workspace (--workspace postgresql://…); a local workspace "
                            "has one user"),
                         m_workspace.location());
    return Done{};
}

Result<QString> TeamRoles::roleOf(const QString &login) const
{
    if (Status team = requireTeam(); !team)
        return team.error();
    auto role = m_workspace.execute(QStringLiteral("SELECT genaiops_workbench_role(:login)"),
                                    {{QStringLiteral("login"), login.isEmpty() ? m_workspace.sessionUser() : login}});
    if (!role)
        return role.error();
    return role.value().next() ? role.value().value(0).toString() : QString();
}

Status TeamRoles::grant(const QString &login, const QString &workbenchRole)
{
    if (Status team = requireTeam(); !team)
        return team;
    if (!workbenchRoles().contains(workbenchRole))
        return makeError(Error::Kind::Usage,
                         tr("the workbench role must be one of: %1").arg(workbenchRoles().join(QStringLiteral(", "))));
    auto granted = m_workspace.execute(QStringLiteral("SELECT genaiops_grant(:login, :role)"),
                                       {{QStringLiteral("login"), login}, {QStringLiteral("role"), workbenchRole}});
    if (!granted)
        return granted.error();
    return Done{};
}

Status TeamRoles::revoke(const QString &login)
{
    if (Status team = requireTeam(); !team)
        return team;
    auto revoked
        = m_workspace.execute(QStringLiteral("SELECT genaiops_revoke(:login)"), {{QStringLiteral("login"), login}});
    if (!revoked)
        return revoked.error();
    return Done{};
}

Result<QList<TeamRoles::Member>> TeamRoles::members() const
{
    if (Status team = requireTeam(); !team)
        return team.error();
    auto rows = m_workspace.execute(
        QStringLiteral("SELECT rolname, genaiops_workbench_role(rolname) FROM pg_roles"
                       " WHERE rolcanlogin AND genaiops_workbench_role(rolname) <> '' ORDER BY rolname"));
    if (!rows)
        return rows.error();
    QList<Member> members;
    while (rows.value().next())
        members << Member{rows.value().value(0).toString(), rows.value().value(1).toString()};
    return members;
}
