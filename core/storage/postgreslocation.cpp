#include "core/storage/postgreslocation.h"

#include <QRegularExpression>

#include <libpq-fe.h>
#include <memory>

bool PostgresLocation::isPostgresUri(const QString &location)
{
    // libpq's two URI designators.
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

Result<PostgresLocation> PostgresLocation::parse(const QString &uri)
{
    if (!isPostgresUri(uri))
        return makeError(Error::Kind::Input, tr("a team workspace is a postgresql:// URI"), redacted(uri));
    char *message = nullptr;
    const QByteArray utf8 = uri.toUtf8();
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(PQconninfoParse(utf8.constData(), &message),
                                                                         &PQconninfoFree);
    if (!options) {
        const QString reason = message ? QString::fromUtf8(message).trimmed() : tr("libpq could not read it");
        PQfreemem(message);
        return makeError(Error::Kind::Input, tr("not a PostgreSQL connection URI: %1").arg(reason), redacted(uri));
    }
    PostgresLocation location;
    location.m_uri = uri;
    for (const PQconninfoOption *option = options.get(); option->keyword; ++option) {
        if (!option->val)
            continue;
        const QString keyword = QString::fromLatin1(option->keyword);
        const QString value = QString::fromUtf8(option->val);
        if (keyword == QLatin1String("password") || keyword == QLatin1String("sslpassword"))
            return makeError(Error::Kind::Input,
                             tr("the URI holds a password; leave it out and use ~/.pgpass, PGPASSWORD or the keyring "
                                "(File → Open team workspace…)"),
                             location.server());
        // QPSQL joins its options with ';' and hands them to libpq unparsed.
        if (value.contains(QLatin1Char(';')))
            return makeError(Error::Kind::Input,
                             tr("the %1 parameter contains ';', which the Qt driver cannot pass on").arg(keyword),
                             redacted(uri));
        location.m_parameters.insert(keyword, value);
    }
    return location;
}

QString PostgresLocation::redacted(const QString &uri)
{
    // What an error may say of a URI that could not be trusted to hold no secret: user:secret@ and
    // any ...password=... parameter are blanked.
    QString shown = uri;
    shown.replace(QRegularExpression(QStringLiteral("://([^:/@]*):[^@]*@")), QStringLiteral("://\\1:…@"));
    shown.replace(QRegularExpression(QStringLiteral("(password=)[^&]*")), QStringLiteral("\\1…"));
    return shown;
}

QString PostgresLocation::connectOptions() const
{
    static const QStringList own{QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("dbname"),
                                 QStringLiteral("user")};
    QStringList options;
    for (auto it = m_parameters.cbegin(); it != m_parameters.cend(); ++it) {
        if (own.contains(it.key()))
            continue;
        QString value = it.value();
        value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        value.replace(QLatin1Char('\''), QStringLiteral("\\'"));
        options << QStringLiteral("%1='%2'").arg(it.key(), value);
    }
    return options.join(QLatin1Char(';'));
}

QString PostgresLocation::server() const
{
    const QString host = this->host().isEmpty() ? QStringLiteral("localhost") : this->host();
    const QString port = m_parameters.value(QStringLiteral("port"), QStringLiteral("5432"));
    return QStringLiteral("%1:%2/%3").arg(host, port, database().isEmpty() ? user() : database());
}
