#include "core/secrets/secretinput.h"

#include "core/common/secretredactor.h"

Result<SecretInput::Fields> SecretInput::parse(const QByteArray &text, CredentialProfile::Kind kind,
                                               const QString &source)
{
    const QStringList secretFields = CredentialProfile::secretFields(kind);
    const QStringList settingFields = CredentialProfile::settingFields(kind);
    Fields fields;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const QString line = QString::fromUtf8(lines[index]).trimmed();
        const QString where = QStringLiteral("%1:%2").arg(source).arg(index + 1);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return makeError(Error::Kind::Input, tr("expected key=value"), where);
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        if (secretFields.contains(key)) {
            SecretRedactor::instance().registerSecret(value);
            fields.secrets.insert(key, value);
        } else if (settingFields.contains(key)) {
            fields.settings.insert(key, value);
        } else {
            return makeError(Error::Kind::Input,
                             tr("unknown field \"%1\" for a %2 profile (expected: %3)")
                                 .arg(key, CredentialProfile::kindName(kind),
                                      (secretFields + settingFields).join(QStringLiteral(", "))),
                             where);
        }
    }
    return fields;
}

Status SecretInput::checkComplete(const SecretMap &secrets, CredentialProfile::Kind kind, const QString &source)
{
    QStringList missing;
    for (const QString &field : CredentialProfile::requiredSecretFields(kind)) {
        if (secrets.value(field).isEmpty())
            missing << field;
    }
    if (!missing.isEmpty())
        return makeError(Error::Kind::Input,
                         tr("missing %1 for a %2 profile")
                             .arg(missing.join(QStringLiteral(", ")), CredentialProfile::kindName(kind)),
                         source);
    return Done{};
}
