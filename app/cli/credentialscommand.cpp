#include "credentialscommand.h"

#include "commandcontext.h"
#include "core/common/secretredactor.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/secrets/credentialstore.h"
#include "core/secrets/secretinput.h"
#include "exitcode.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

int CredentialsCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Manage connection profiles. Secrets go to the OS keyring only."));
    parser.addPositionalArgument(QStringLiteral("action"), tr("list, set PROFILE or delete PROFILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print one JSON object."));
    const QCommandLineOption kindOption(QStringLiteral("kind"), tr("aws, openai or mqtt"), QStringLiteral("kind"));
    parser.addOptions({jsonOption, kindOption});
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action == QLatin1String("list") && positional.size() == 1)
        return list(context, parser.isSet(jsonOption));
    if (action == QLatin1String("set") && positional.size() == 2) {
        if (!parser.isSet(kindOption))
            return CommandContext::usage(tr("credentials set: --kind aws|openai|mqtt is required"));
        return set(context, positional[1], parser.value(kindOption));
    }
    if (action == QLatin1String("delete") && positional.size() == 2)
        return remove(context, positional[1]);
    return CommandContext::usage(tr("credentials: expected `list`, `set PROFILE --kind K` or `delete PROFILE`"));
}

int CredentialsCommand::list(CommandContext &context, bool json)
{
    auto workspace = context.workspace();
    if (!workspace)
        return CommandContext::fail(workspace.error());
    auto profiles = CredentialProfileRepository(*workspace.value()).list();
    if (!profiles)
        return CommandContext::fail(profiles.error());
    if (json) {
        QJsonArray array;
        for (const CredentialProfile &profile : profiles.value())
            array.append(QJsonObject{{QStringLiteral("name"), profile.name},
                                     {QStringLiteral("kind"), CredentialProfile::kindName(profile.kind)},
                                     {QStringLiteral("settings"), profile.settings},
                                     {QStringLiteral("updated_at"), profile.updatedAt}});
        CommandContext::printJson({{QStringLiteral("profiles"), array}});
        return ExitOk;
    }
    if (profiles.value().isEmpty())
        CommandContext::print(
            tr("No profiles yet. Add one with: genaiops credentials set NAME --kind aws|openai|mqtt"));
    for (const CredentialProfile &profile : profiles.value()) {
        QStringList settings;
        for (auto it = profile.settings.constBegin(); it != profile.settings.constEnd(); ++it)
            settings << it.key() + QLatin1Char('=') + it.value().toString();
        CommandContext::print(
            QStringLiteral("%1\t%2\t%3")
                .arg(profile.name, CredentialProfile::kindName(profile.kind), settings.join(QLatin1Char(' '))));
    }
    return ExitOk;
}

int CredentialsCommand::set(CommandContext &context, const QString &name, const QString &kindName)
{
    if (!CredentialProfile::isValidName(name))
        return CommandContext::usage(tr("credentials set: \"%1\" is not a valid profile name "
                                        "(letters, digits, '.', '_', '-'; at most 64)")
                                         .arg(name));
    const auto kind = CredentialProfile::kindFromName(kindName);
    if (!kind)
        return CommandContext::usage(
            tr("credentials set: unknown kind \"%1\" (expected aws, openai or mqtt)").arg(kindName));

    if (isatty(STDIN_FILENO))
        std::fputs(
            qPrintable(tr("Enter key=value lines (%1), then Ctrl+D:\n")
                           .arg((CredentialProfile::secretFields(*kind) + CredentialProfile::settingFields(*kind))
                                    .join(QStringLiteral(", ")))),
            stderr);
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return CommandContext::fail(makeError(Error::Kind::Input, tr("cannot read standard input")));
    auto parsed = SecretInput::parse(input.readAll(), *kind, QStringLiteral("stdin"));
    if (!parsed)
        return CommandContext::fail(parsed.error());

    auto workspace = context.workspace();
    if (!workspace)
        return CommandContext::fail(workspace.error());
    CredentialProfileRepository repository(*workspace.value());
    auto existing = repository.find(name);
    if (!existing)
        return CommandContext::fail(existing.error());

    CredentialStore store;
    SecretMap secrets = parsed.value().secrets;
    if (existing.value() && existing.value()->kind == *kind) {
        // Updating a profile: fields not given keep their stored value.
        auto stored = store.readBlocking(name);
        if (!stored)
            return CommandContext::fail(stored.error());
        for (auto it = stored.value().cbegin(); it != stored.value().cend(); ++it) {
            if (!secrets.contains(it.key()))
                secrets.insert(it.key(), it.value());
        }
    }
    const Status complete = SecretInput::checkComplete(secrets, *kind, QStringLiteral("stdin"));
    if (!complete)
        return CommandContext::fail(complete.error());

    // Keyring first: if it refuses, the workspace does not gain a profile without secrets.
    const Status written = store.writeBlocking(name, secrets);
    if (!written)
        return CommandContext::fail(written.error());
    CredentialProfile profile;
    profile.name = name;
    profile.kind = *kind;
    profile.settings = existing.value() ? existing.value()->settings : QJsonObject();
    for (auto it = parsed.value().settings.constBegin(); it != parsed.value().settings.constEnd(); ++it)
        profile.settings.insert(it.key(), it.value());
    const Status saved = repository.save(profile);
    if (!saved)
        return CommandContext::fail(saved.error());
    CommandContext::print(tr("Saved profile \"%1\" (%2); its secrets are in the OS keyring.")
                              .arg(name, CredentialProfile::kindName(*kind)));
    return ExitOk;
}

int CredentialsCommand::remove(CommandContext &context, const QString &name)
{
    auto workspace = context.workspace();
    if (!workspace)
        return CommandContext::fail(workspace.error());
    CredentialProfileRepository repository(*workspace.value());
    auto existing = repository.find(name);
    if (!existing)
        return CommandContext::fail(existing.error());
    if (!existing.value())
        return CommandContext::fail(makeError(Error::Kind::Input, tr("no profile named \"%1\"").arg(name)));
    CredentialStore store;
    const Status removed = store.removeBlocking(name);
    if (!removed)
        return CommandContext::fail(removed.error());
    const Status deleted = repository.remove(name);
    if (!deleted)
        return CommandContext::fail(deleted.error());
    CommandContext::print(tr("Deleted profile \"%1\" and its keyring entry.").arg(name));
    return ExitOk;
}
