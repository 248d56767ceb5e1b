#include "commandcontext.h"

#include "core/common/secretredactor.h"
#include "core/workspaceschema.h"
#include "exitcode.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>

#include <cmath>
#include <cstdio>

CommandContext::CommandContext(QStringList arguments, QString workspacePath)
    : m_arguments(std::move(arguments)),
      m_workspacePath(workspacePath.isEmpty() ? Workspace::defaultPath() : std::move(workspacePath))
{ }

Result<Workspace *> CommandContext::workspace(Workspace::OpenMode mode)
{
    if (!m_workspace) {
        auto opened = Workspace::open(m_workspacePath, mode, WorkspaceSchema::modules());
        if (!opened)
            return opened.error();
        m_workspace = std::move(opened.value());
    }
    return m_workspace.get();
}

void CommandContext::print(const QString &text)
{
    const QByteArray bytes = SecretRedactor::instance().redact(text).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void CommandContext::printJson(const QJsonObject &object)
{
    print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

int CommandContext::fail(const Error &error)
{
    const QByteArray bytes = "genaiops: " + SecretRedactor::instance().redact(error.describe()).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    return exitCodeFor(error);
}

std::optional<int> CommandContext::parse(QCommandLineParser &parser) const
{
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(m_arguments))
        return usage(parser.errorText());
    if (!parser.isSet(help))
        return std::nullopt;
    // Qt names the executable's path in the usage line; the command ("genaiops eval run") says more.
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    if (const qsizetype at = text.indexOf(program);
        !program.isEmpty() && at >= 0 && at < text.indexOf(QLatin1Char('\n')))
        text.replace(at, program.size(), m_arguments.value(0));
    print(text);
    return ExitOk;
}

CommandContext CommandContext::subcommand() const
{
    return CommandContext(QStringList{m_arguments.value(0) + QLatin1Char(' ') + m_arguments.value(1)}
                              + m_arguments.mid(2),
                          m_workspacePath);
}

bool CommandContext::asksForHelp(const QString &argument)
{
    return argument == QLatin1String("--help") || argument == QLatin1String("-h");
}

int CommandContext::usage(const QString &message)
{
    return fail(makeError(Error::Kind::Usage, message + QStringLiteral(" (see genaiops --help)")));
}

Result<double> CommandContext::numberOption(const QCommandLineParser &parser, const QString &option, double minimum,
                                            double fallback)
{
    const QString text = parser.value(option);
    if (!parser.isSet(option) && text.isEmpty())
        return fallback;
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value < minimum)
        return makeError(Error::Kind::Usage, tr("--%1 must be a number of at least %2").arg(option).arg(minimum));
    // Callers convert to integers: "inf" or 1e300 would make that conversion undefined.
    constexpr double Largest = 1e15;
    if (!std::isfinite(value) || value > Largest)
        return makeError(Error::Kind::Usage, tr("--%1 must be at most %2").arg(option).arg(Largest));
    return value;
}

Result<QString> CommandContext::textArgument(const QString &argument)
{
    if (argument != QLatin1String("-"))
        return argument;
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return makeError(Error::Kind::Input, tr("cannot read standard input"));
    return QString::fromUtf8(input.readAll());
}
