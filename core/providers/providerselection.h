#pragma once

#include "core/common/result.h"
#include "core/knowledgebase/knowledgebasesetting.h"
#include "core/providers/providerconfig.h"
#include "core/secrets/credentialprofile.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QProcessEnvironment>

#include <optional>

// What the user chose (flags, or a Playground column): which provider, model and where, plus
// optionally a connection profile. resolve() turns it into a ProviderConfig with credentials from,
// in order, the profile's keyring secrets, the environment, and ~/.aws files — never from argv.
struct ProviderSelection
{
    Q_DECLARE_TR_FUNCTIONS(ProviderSelection)

public:
    QString provider; // "openai" | "bedrock" | "bedrock-kb"; empty → the profile's kind
    QString model;
    QString baseUrl;
    QString region;
    QString endpointUrl;
    QString profile; // connection profile name, optional
    // Bedrock and Knowledge Bases: the guardrail every call goes through, "ID:VERSION", and its
    // trace level (empty: enabled).
    QString guardrail;
    QString guardrailTrace;
    KnowledgeBaseSetting knowledgeBase; // provider "bedrock-kb"

    QJsonObject toJson() const;
    static ProviderSelection fromJson(const QJsonObject &object);

    // `profile`/`secrets` are the stored profile named by `profile` and its keyring secrets, looked
    // up by the caller (the CLI blocks on the keyring; the GUI does not).
    Result<ProviderConfig> resolve(const QProcessEnvironment &environment, const QString &homeDirectory,
                                   const std::optional<CredentialProfile> &storedProfile,
                                   const SecretMap &secrets) const;

private:
    Status checkKnowledgeBase() const;
};
