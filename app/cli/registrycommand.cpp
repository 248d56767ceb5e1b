#include "registrycommand.h"

#include "commandcontext.h"
#include "core/common/secretredactor.h"
#include "core/registry/registrybackends.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/secrets/credentialstore.h"
#include "exitcode.h"
#include "registryauditcommand.h"
#include "registrydecisioncommands.h"
#include "registryinvocation.h"
#include "registryviewcommands.h"

#include <QCommandLineParser>
#include <QDir>
#include <QProcessEnvironment>

#include <functional>

namespace {

struct Subcommand
{
    const char *name;
    QStringList options; // beyond the shared ones
    std::function<int(RegistryInvocation &)> run;
};

QString subcommandHelp()
{
    return RegistryCommand::tr(
        "registry groups\n"
        "registry versions GROUP [--status pending|approved|rejected]\n"
        "registry show GROUP VERSION\n"
        "registry inbox                       versions waiting for your decision\n"
        "registry register GROUP --artifact URI [--metric K=V]... [--eval-run RUN_ID]... [--description D]\n"
        "registry approve GROUP VERSION [--comment C] [--stage S] [--dry-run] [--expected-modified-at T]\n"
        "registry reject GROUP VERSION --comment C [--dry-run] [--expected-modified-at T]\n"
        "registry promote GROUP VERSION --to STAGE [--comment C] [--override-reason R] [--dry-run] "
        "[--expected-modified-at T]\n"
        "registry audit [GROUP] [--verify] [--in-stage STAGE --at DATE]\n"
        "Shared: [--backend workspace|sagemaker|mlflow] [--region R] [--endpoint-url URL] [--tracking-uri URL]\n"
        "        [--profile NAME] [--as USER] [--role ROLE] [--json]");
}

const QList<Subcommand> &subcommands()
{
    const QString comment = QStringLiteral("comment"), dryRun = QStringLiteral("dry-run");
    const QString expected = QStringLiteral("expected-modified-at");
    static const QList<Subcommand> table = {
        {"groups", {}, RegistryViewCommands::groups},
        {"versions", {QStringLiteral("status")}, RegistryViewCommands::versions},
        {"show", {}, RegistryViewCommands::show},
        {"inbox", {}, RegistryViewCommands::inbox},
        {"register",
         {QStringLiteral("artifact"), QStringLiteral("metric"), QStringLiteral("eval-run"),
          QStringLiteral("description")},
         RegistryDecisionCommands::registerVersion},
        {"approve", {comment, QStringLiteral("stage"), dryRun, expected}, RegistryDecisionCommands::approve},
        {"reject", {comment, dryRun, expected}, RegistryDecisionCommands::reject},
        {"promote",
         {comment, QStringLiteral("to"), QStringLiteral("override-reason"), dryRun, expected},
         RegistryDecisionCommands::promote},
        {"audit",
         {QStringLiteral("verify"), QStringLiteral("in-stage"), QStringLiteral("at")},
         RegistryAuditCommand::run},
    };
    return table;
}

// A flag meant for another backend is a mistake worth pointing out, not something to ignore.
Status checkBackendFlags(const QCommandLineParser &parser, const QString &backend)
{
    const QMap<QString, QStringList> flagsOf{
        {QStringLiteral("workspace"), {QStringLiteral("as")}},
        {QStringLiteral("sagemaker"),
         {QStringLiteral("region"), QStringLiteral("endpoint-url"), QStringLiteral("profile")}},
        {QStringLiteral("mlflow"), {QStringLiteral("tracking-uri"), QStringLiteral("profile")}}};
    for (auto it = flagsOf.cbegin(); it != flagsOf.cend(); ++it) {
        for (const QString &flag : it.value()) {
            if (parser.isSet(flag) && !flagsOf.value(backend).contains(flag))
                return makeError(
                    Error::Kind::Usage,
                    flag == QLatin1String("as")
                        ? RegistryCommand::tr(
                            "--as works on the workspace backend only; a remote registry knows you by your credentials")
                        : RegistryCommand::tr("--%1 does not apply to the %2 backend").arg(flag, backend));
        }
    }
    return Done{};
}

// Credentials as the chat command finds them: a keyring profile, else the environment and ~/.aws.
Status resolveCredentials(const QCommandLineParser &parser, RegistryOptions &options)
{
    if (options.backend == QLatin1String("workspace"))
        return Done{};
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString profileName = parser.value(QStringLiteral("profile"));
    std::optional<CredentialProfile> profile;
    SecretMap secrets;
    if (!profileName.isEmpty()) {
        auto found = CredentialProfileRepository(*options.workspace).find(profileName);
        if (!found)
            return found.error();
        if (!found.value())
            return makeError(Error::Kind::Input,
                             RegistryCommand::tr("no connection profile named \"%1\" (see `genaiops credentials list`)")
                                 .arg(profileName));
        profile = found.value();
        auto stored = CredentialStore().readBlocking(profileName);
        if (!stored)
            return stored.error();
        secrets = stored.value();
    }
    const auto setting = [&](const char *key) {
        return profile ? profile->settings.value(QString::fromLatin1(key)).toString() : QString();
    };
    if (options.backend == QLatin1String("sagemaker")) {
        if (profile && profile->kind != CredentialProfile::Kind::Aws)
            return makeError(Error::Kind::Usage,
                             RegistryCommand::tr("profile \"%1\" is not an AWS profile").arg(profileName));
        if (options.region.isEmpty())
            options.region = setting("region");
        if (options.region.isEmpty())
            options.region = AwsCredentialResolver::resolveRegion(environment, QDir::homePath());
        if (options.region.isEmpty())
            return makeError(Error::Kind::Usage,
                             RegistryCommand::tr("--region is required for SageMaker (or set AWS_REGION)"));
        if (options.endpointUrl.isEmpty())
            options.endpointUrl = setting("endpoint_url");
        if (profile) {
            options.aws
                = {secrets.value(QStringLiteral("access_key_id")), secrets.value(QStringLiteral("secret_access_key")),
                   secrets.value(QStringLiteral("session_token"))};
        } else {
            auto credentials = AwsCredentialResolver::resolveDefault(environment, QDir::homePath());
            if (!credentials)
                return credentials.error();
            options.aws = credentials.value();
        }
        SecretRedactor::instance().registerSecret(options.aws.secretAccessKey);
        SecretRedactor::instance().registerSecret(options.aws.sessionToken);
    } else if (options.backend == QLatin1String("mlflow")) {
        if (options.trackingUri.isEmpty())
            options.trackingUri = environment.value(QStringLiteral("MLFLOW_TRACKING_URI"));
        if (options.trackingUri.isEmpty())
            return makeError(Error::Kind::Usage,
                             RegistryCommand::tr("--tracking-uri is required for MLflow (or set MLFLOW_TRACKING_URI)"));
        options.mlflowToken = profile ? secrets.value(QStringLiteral("api_key"))
                                      : environment.value(QStringLiteral("MLFLOW_TRACKING_TOKEN"));
        SecretRedactor::instance().registerSecret(options.mlflowToken);
    }
    return Done{};
}

} // namespace

int RegistryCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(subcommandHelp());
    const auto valued = [](const char *name, const QString &help, const char *value) {
        return QCommandLineOption(QString::fromLatin1(name), help, QString::fromLatin1(value));
    };
    const auto flag
        = [](const char *name, const QString &help) { return QCommandLineOption(QString::fromLatin1(name), help); };
    parser.addOptions(
        {valued("backend", tr("workspace (default), sagemaker or mlflow."), "kind"),
         valued("region", tr("AWS region for SageMaker."), "region"),
         valued("endpoint-url", tr("SageMaker endpoint override, e.g. a local test server."), "url"),
         valued("tracking-uri", tr("MLflow tracking server."), "url"),
         valued("profile", tr("Connection profile whose secrets are in the OS keyring."), "name"),
         valued("as", tr("Act as this user (workspace backend only; recorded in the audit)."), "user"),
         valued("role", tr("Act in this role: data-scientist, ai-engineer, governance-officer, viewer."), "role"),
         flag("json", tr("Print one JSON object.")),
         valued("status", tr("Only versions with this approval status."), "status"),
         valued("artifact", tr("Where the model artifact is (s3://…, file path, URI)."), "uri"),
         valued("metric", tr("A metric NAME=NUMBER (repeatable)."), "name=value"),
         valued("eval-run", tr("Link an evaluation run of this workspace (repeatable)."), "id"),
         valued("description", tr("What the version is."), "text"),
         valued("comment", tr("Why (required for rejections and Prod decisions)."), "text"),
         valued("stage", tr("The stage to approve for (default: the one the version waits for)."), "stage"),
         valued("to", tr("The stage to promote to: Dev, Test, Prod or Archived."), "stage"),
         valued("override-reason", tr("Why Prod may go ahead without a passing evaluation run."), "text"),
         flag("dry-run", tr("Only show the policy check; change nothing.")),
         valued("expected-modified-at",
                tr("Refuse if the version changed after this modified_at (from `show --json`)."), "time"),
         flag("verify", tr("Recompute the audit chain and report the first broken entry.")),
         valued("in-stage", tr("Which version was in this stage …"), "stage"),
         valued("at", tr("… at this time: YYYY-MM-DD (end of that day, local time) or ISO-8601."), "time")});
    if (const std::optional<int> ended = context.parse(parser))
        return *ended;
    const QString name = parser.positionalArguments().value(0);
    const Subcommand *subcommand = nullptr;
    for (const Subcommand &candidate : subcommands())
        if (name == QLatin1String(candidate.name))
            subcommand = &candidate;
    if (!subcommand)
        return CommandContext::usage(tr("registry: expected one of:\n%1").arg(subcommandHelp()));
    const QStringList shared{QStringLiteral("backend"),      QStringLiteral("region"),  QStringLiteral("endpoint-url"),
                             QStringLiteral("tracking-uri"), QStringLiteral("profile"), QStringLiteral("as"),
                             QStringLiteral("role"),         QStringLiteral("json")};
    for (const QString &option : parser.optionNames())
        if (!shared.contains(option) && !subcommand->options.contains(option))
            return CommandContext::usage(tr("registry %1 does not take --%2").arg(name, option));

    if (parser.isSet(QStringLiteral("role")) && !RegistryNames::roleFromName(parser.value(QStringLiteral("role"))))
        return CommandContext::usage(tr("--role must be data-scientist, ai-engineer, governance-officer or viewer"));
    if (!RegistryBackends::kinds().contains(parser.value(QStringLiteral("backend")))
        && parser.isSet(QStringLiteral("backend")))
        return CommandContext::usage(
            tr("--backend must be one of %1").arg(RegistryBackends::kinds().join(QStringLiteral(", "))));

    auto workspace = context.workspace();
    if (!workspace)
        return CommandContext::fail(workspace.error());
    RegistryOptions options;
    options.backend = parser.isSet(QStringLiteral("backend")) ? parser.value(QStringLiteral("backend"))
                                                              : QStringLiteral("workspace");
    options.region = parser.value(QStringLiteral("region"));
    options.endpointUrl = parser.value(QStringLiteral("endpoint-url"));
    options.trackingUri = parser.value(QStringLiteral("tracking-uri"));
    options.workspace = workspace.value();
    const Status fitting = checkBackendFlags(parser, options.backend);
    if (!fitting)
        return CommandContext::usage(fitting.error().message);
    const Status resolved = resolveCredentials(parser, options);
    if (!resolved)
        return CommandContext::fail(resolved.error());
    auto backend = RegistryBackends::create(options.backend, options);
    if (!backend)
        return CommandContext::fail(backend.error());
    RegistryService service(*backend.value(), *workspace.value());
    RegistryInvocation invocation(parser, service, *workspace.value());
    return subcommand->run(invocation);
}
