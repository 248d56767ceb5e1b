#pragma once

#include "common/result.h"
#include "storage/workspace.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <memory>

// What every command receives: its own arguments, the global options, and the way to print.
class CommandContext
{
    Q_DECLARE_TR_FUNCTIONS(CommandContext)

public:
    CommandContext(QStringList arguments, QString workspacePath);

    const QStringList &arguments() const { return m_arguments; }

    // Opens the workspace chosen by --workspace (or the default one) on first use.
    Result<Workspace *> workspace(Workspace::OpenMode mode = Workspace::OpenMode::CreateIfMissing);
    QString workspacePath() const { return m_workspacePath; }

    static void print(const QString &text);
    static void printJson(const QJsonObject &object);
    // Prints "genaiops: <where>: <message>" to stderr and returns the exit code for it.
    static int fail(const Error &error);
    static int usage(const QString &message);

private:
    QStringList m_arguments;
    QString m_workspacePath;
    std::unique_ptr<Workspace> m_workspace;
};
