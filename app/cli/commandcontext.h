#pragma once

#include "core/common/result.h"
#include "core/storage/workspace.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

class QCommandLineParser;

#include <memory>
#include <optional>

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

    // Parses this command's arguments into `parser`, adding --help. Returns the exit code when the
    // command ends here: ExitOk after printing the help for --help, a usage error when parsing
    // failed; nothing when the command goes on.
    std::optional<int> parse(QCommandLineParser &parser) const;
    // For commands with subcommands ("eval run"): the context the subcommand named by the second
    // argument runs in, its arguments after that name.
    CommandContext subcommand() const;
    static bool asksForHelp(const QString &argument);

    // A command's text argument, read from stdin when it is "-"; an Input error when stdin cannot be read.
    static Result<QString> textArgument(const QString &argument);
    static void print(const QString &text);
    static void printJson(const QJsonObject &object);
    // Prints "genaiops: <where>: <message>" to stderr and returns the exit code for it.
    static int fail(const Error &error);
    static int usage(const QString &message);
    // The number an option holds (its default when it has one), at least `minimum`; `fallback`
    // when the option is neither given nor defaulted. A usage error names the option otherwise.
    static Result<double> numberOption(const QCommandLineParser &parser, const QString &option, double minimum,
                                       double fallback = 0);

private:
    QStringList m_arguments;
    QString m_workspacePath;
    std::unique_ptr<Workspace> m_workspace;
};
