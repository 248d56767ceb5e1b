#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QProcessEnvironment>
#include <QString>

struct AwsCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; // empty for long-term keys

    bool isValid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
};

// Finds AWS credentials the way the AWS CLI does for the cases the workbench supports: environment
// variables, then a profile in the shared credentials and config files. Profiles that need a call to
// AWS to get keys (role_arn, sso_*, credential_process) are reported as unsupported, not followed.
class AwsCredentialResolver
{
    Q_DECLARE_TR_FUNCTIONS(AwsCredentialResolver)

public:
    static Result<AwsCredentials> fromEnvironment(const QProcessEnvironment &environment);

    // The credentials file is looked at first, as the AWS CLI does; the config file only when the
    // credentials file has no section for the profile.
    static Result<AwsCredentials> fromProfile(const QString &profile, const QString &credentialsFile,
                                              const QString &configFile);

    // Empty when the profile or its region is missing.
    static QString regionFromProfile(const QString &profile, const QString &configFile);

    // Environment keys, else AWS_PROFILE (or "default") from the files that AWS_SHARED_CREDENTIALS_FILE
    // and AWS_CONFIG_FILE name, else ~/.aws/credentials and ~/.aws/config under homeDirectory.
    static Result<AwsCredentials> resolveDefault(const QProcessEnvironment &environment, const QString &homeDirectory);

    // AWS_REGION, AWS_DEFAULT_REGION, then the selected profile's region; empty when none is set.
    static QString resolveRegion(const QProcessEnvironment &environment, const QString &homeDirectory);

    static QString profileName(const QProcessEnvironment &environment);
    static QString credentialsFilePath(const QProcessEnvironment &environment, const QString &homeDirectory);
    static QString configFilePath(const QProcessEnvironment &environment, const QString &homeDirectory);

private:
    using Section = QHash<QString, QString>;
    using IniFile = QHash<QString, Section>;

    static Result<IniFile> readIniFile(const QString &path);
    static IniFile parseIni(const QByteArray &contents);
    static QString configSectionName(const QString &profile);
    static Result<AwsCredentials> credentialsFromSection(const Section &section, const QString &profile,
                                                         const QString &path);
};
