#pragma once

#include "core/common/result.h"
#include "core/secrets/credentialprofile.h"

#include <QJsonObject>

// Reads the `key=value` lines that `genaiops credentials set` takes on stdin (so secrets never
// appear in argv or shell history) and sorts them into keyring secrets and workspace settings.
class SecretInput
{
    Q_DECLARE_TR_FUNCTIONS(SecretInput)

public:
    struct Fields
    {
        SecretMap secrets;
        QJsonObject settings;
    };

    // Blank lines and lines starting with '#' are ignored; an unknown key is an error naming its line.
    static Result<Fields> parse(const QByteArray &text, CredentialProfile::Kind kind, const QString &source);
    static Status checkComplete(const SecretMap &secrets, CredentialProfile::Kind kind, const QString &source);
};
