#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// One step of a domain's schema. Statements use SqlDialect's portable tokens.
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

// The tables one domain owns (secrets, eval, registry, edge…). Each domain numbers its migrations
// from 1 on its own, and the workspace records the version per domain, so storage knows no domain
// and a domain can grow without renumbering another's migrations.
struct SchemaModule
{
    QString domain;
    QList<Migration> migrations;
    // A module only a team workspace has (its roles, row policies and triggers): the SQLite file has
    // one user, whose rules core enforces.
    bool postgresOnly = false;

    int latestVersion() const { return migrations.isEmpty() ? 0 : migrations.last().version; }
};
