#include "core/aws/awscredentials.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {

const QString AccessKeyIdKey = QStringLiteral("aws_access_key_id");
const QString SecretAccessKeyKey = QStringLiteral("aws_secret_access_key");
const QString SessionTokenKey = QStringLiteral("aws_session_token");

// The AWS CLI expands "~" in the file variables; people copy those settings from its docs.
QString expandHome(const QString &path, const QString &homeDirectory)
{
    if (path == QLatin1String("~"))
        return homeDirectory;
    if (path.startsWith(QLatin1String("~/")))
        return homeDirectory + path.mid(1);
    return path;
}

} // namespace

Result<AwsCredentials> AwsCredentialResolver::fromEnvironment(const QProcessEnvironment &environment)
{
    AwsCredentials credentials;
    credentials.accessKeyId = environment.value(QStringLiteral("AWS_ACCESS_KEY_ID")).trimmed();
    credentials.secretAccessKey = environment.value(QStringLiteral("AWS_SECRET_ACCESS_KEY")).trimmed();
    credentials.sessionToken = environment.value(QStringLiteral("AWS_SESSION_TOKEN")).trimmed();

    if (credentials.isValid())
        return credentials;
    if (credentials.accessKeyId.isEmpty() && credentials.secretAccessKey.isEmpty())
        return makeError(Error::Kind::Auth, tr("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set"),
                         tr("environment"));
    const QString missing = credentials.accessKeyId.isEmpty() ? QStringLiteral("AWS_ACCESS_KEY_ID")
                                                              : QStringLiteral("AWS_SECRET_ACCESS_KEY");
    const QString present = credentials.accessKeyId.isEmpty() ? QStringLiteral("AWS_SECRET_ACCESS_KEY")
                                                              : QStringLiteral("AWS_ACCESS_KEY_ID");
    return makeError(Error::Kind::Input, tr("%1 is set but %2 is not; set both or neither").arg(present, missing),
                     tr("environment"));
}

Result<AwsCredentials> AwsCredentialResolver::fromProfile(const QString &profile, const QString &credentialsFile,
                                                          const QString &configFile)
{
    const Result<IniFile> credentialsIni = readIniFile(credentialsFile);
    if (!credentialsIni)
        return credentialsIni.error();
    const auto credentialsSection = credentialsIni.value().constFind(profile);
    if (credentialsSection != credentialsIni.value().constEnd())
        return credentialsFromSection(*credentialsSection, profile, credentialsFile);

    const Result<IniFile> configIni = readIniFile(configFile);
    if (!configIni)
        return configIni.error();
    auto configSection = configIni.value().constFind(configSectionName(profile));
    // The CLI accepts "[profile default]" as well as "[default]".
    if (configSection == configIni.value().constEnd() && profile == QLatin1String("default"))
        configSection = configIni.value().constFind(QStringLiteral("profile default"));
    if (configSection != configIni.value().constEnd())
        return credentialsFromSection(*configSection, profile, configFile);

    // Both files are named in the message, so `where` stays empty rather than repeating one of them.
    return makeError(Error::Kind::Input,
                     tr("AWS profile \"%1\" not found: %2 has no [%1] section and %3 has no [%4] section")
                         .arg(profile, QDir::toNativeSeparators(credentialsFile), QDir::toNativeSeparators(configFile),
                              configSectionName(profile)));
}

QString AwsCredentialResolver::regionFromProfile(const QString &profile, const QString &configFile)
{
    const Result<IniFile> configIni = readIniFile(configFile);
    if (!configIni)
        return {};
    QString region = configIni.value().value(configSectionName(profile)).value(QStringLiteral("region"));
    if (region.isEmpty() && profile == QLatin1String("default"))
        region = configIni.value().value(QStringLiteral("profile default")).value(QStringLiteral("region"));
    return region;
}

Result<AwsCredentials> AwsCredentialResolver::resolveDefault(const QProcessEnvironment &environment,
                                                             const QString &homeDirectory)
{
    // Like the AWS CLI, keys in the environment win even over AWS_PROFILE; a half-set pair is an
    // error rather than a silent fall-through to some other identity.
    if (environment.contains(QStringLiteral("AWS_ACCESS_KEY_ID"))
        || environment.contains(QStringLiteral("AWS_SECRET_ACCESS_KEY")))
        return fromEnvironment(environment);

    const QString profile = profileName(environment);
    const QString credentialsFile = credentialsFilePath(environment, homeDirectory);
    const QString configFile = configFilePath(environment, homeDirectory);
    const bool profileChosen = environment.contains(QStringLiteral("AWS_PROFILE"))
        || environment.contains(QStringLiteral("AWS_DEFAULT_PROFILE"));
    if (!profileChosen && !QFileInfo::exists(credentialsFile) && !QFileInfo::exists(configFile))
        return makeError(Error::Kind::Auth,
                         tr("no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                            "or AWS_PROFILE with a profile in %1")
                             .arg(QDir::toNativeSeparators(credentialsFile)));
    return fromProfile(profile, credentialsFile, configFile);
}

QString AwsCredentialResolver::resolveRegion(const QProcessEnvironment &environment, const QString &homeDirectory)
{
    for (const QString &name : {QStringLiteral("AWS_REGION"), QStringLiteral("AWS_DEFAULT_REGION")}) {
        const QString region = environment.value(name).trimmed();
        if (!region.isEmpty())
            return region;
    }
    return regionFromProfile(profileName(environment), configFilePath(environment, homeDirectory));
}

QString AwsCredentialResolver::profileName(const QProcessEnvironment &environment)
{
    for (const QString &name : {QStringLiteral("AWS_PROFILE"), QStringLiteral("AWS_DEFAULT_PROFILE")}) {
        const QString profile = environment.value(name).trimmed();
        if (!profile.isEmpty())
            return profile;
    }
    return QStringLiteral("default");
}

QString AwsCredentialResolver::credentialsFilePath(const QProcessEnvironment &environment, const QString &homeDirectory)
{
    const QString path = environment.value(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"));
    if (!path.isEmpty())
        return expandHome(path, homeDirectory);
    return homeDirectory + QStringLiteral("/.aws/credentials");
}

QString AwsCredentialResolver::configFilePath(const QProcessEnvironment &environment, const QString &homeDirectory)
{
    const QString path = environment.value(QStringLiteral("AWS_CONFIG_FILE"));
    if (!path.isEmpty())
        return expandHome(path, homeDirectory);
    return homeDirectory + QStringLiteral("/.aws/config");
}

// A missing file is an empty one: most people have only one of the two files.
Result<AwsCredentialResolver::IniFile> AwsCredentialResolver::readIniFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return IniFile{};
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Kind::Input, tr("cannot read AWS settings: %1").arg(file.errorString()), path);
    return parseIni(file.readAll());
}

// The subset of Python's configparser that botocore relies on. Indented lines continue the previous
// key (nested settings such as "s3 =" blocks) and are skipped so they cannot shadow top-level keys.
// Keys are lower-cased as configparser does.
AwsCredentialResolver::IniFile AwsCredentialResolver::parseIni(const QByteArray &contents)
{
    IniFile ini;
    QString section;
    bool inSection = false;
    bool afterKey = false;
    QString text = QString::fromUtf8(contents);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    for (const QString &rawLine : text.split(QLatin1Char('\n'))) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (rawLine.front().isSpace() && afterKey)
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            section = line.mid(1, line.size() - 2).simplified();
            inSection = true;
            afterKey = false;
            ini[section]; // an empty section still names a profile
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (!inSection || equals < 0)
            continue;
        ini[section].insert(line.left(equals).trimmed().toLower(), line.mid(equals + 1).trimmed());
        afterKey = true;
    }
    return ini;
}

QString AwsCredentialResolver::configSectionName(const QString &profile)
{
    return profile == QLatin1String("default") ? profile : QStringLiteral("profile ") + profile;
}

Result<AwsCredentials> AwsCredentialResolver::credentialsFromSection(const Section &section, const QString &profile,
                                                                     const QString &path)
{
    AwsCredentials credentials;
    credentials.accessKeyId = section.value(AccessKeyIdKey);
    credentials.secretAccessKey = section.value(SecretAccessKeyKey);
    credentials.sessionToken = section.value(SessionTokenKey);
    if (credentials.isValid())
        return credentials;

    for (const QString &key : {QStringLiteral("role_arn"), QStringLiteral("sso_session"),
                               QStringLiteral("sso_start_url"), QStringLiteral("credential_process")}) {
        if (section.contains(key))
            return makeError(Error::Kind::Input,
                             tr("AWS profile \"%1\" uses %2, which the workbench does not support; give it "
                                "aws_access_key_id and aws_secret_access_key, or export temporary keys "
                                "(aws configure export-credentials --format env)")
                                 .arg(profile, key),
                             path);
    }
    const QString missing = credentials.accessKeyId.isEmpty() ? AccessKeyIdKey : SecretAccessKeyKey;
    return makeError(Error::Kind::Input, tr("AWS profile \"%1\" has no %2").arg(profile, missing), path);
}
