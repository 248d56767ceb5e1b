#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class Workspace;

// Who holds which workbench role in a team workspace. Identity is the database role the
// connection logged in as (session_user); the workbench role is the group role granted to it,
// changed only by an admin, through functions the database itself checks.
class TeamRoles
{
    Q_DECLARE_TR_FUNCTIONS(TeamRoles)

public:
    struct Member
    {
        QString login;
        QString role; // "data-scientist" …
    };

    explicit TeamRoles(const Workspace &workspace);

    static QStringList workbenchRoles(); // data-scientist, ai-engineer, reviewer, governance-officer, admin

    // The workbench role of `login` (the connection's own when empty); empty when it has none.
    Result<QString> roleOf(const QString &login = {}) const;
    Status grant(const QString &login, const QString &workbenchRole);
    Status revoke(const QString &login);
    Result<QList<Member>> members() const;

private:
    Status requireTeam() const;

    const Workspace &m_workspace;
};
