#include "core/aws/awsrequest.h"

#include <QStringList>
#include <QUrl>

QByteArray AwsRequest::hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    if (url.port() != -1 && url.port() != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

bool AwsRequest::isAuthError(const QString &type)
{
    static const QStringList names{
        QStringLiteral("UnrecognizedClientException"),
        QStringLiteral("InvalidSignatureException"),
        QStringLiteral("IncompleteSignatureException"),
        QStringLiteral("MissingAuthenticationTokenException"),
        QStringLiteral("ExpiredTokenException"),
        QStringLiteral("AccessDeniedException"),
        QStringLiteral("InvalidClientTokenId"),
        QStringLiteral("SignatureDoesNotMatch"),
        QStringLiteral("IncompleteSignature"),
        QStringLiteral("MissingAuthenticationToken"),
        QStringLiteral("ExpiredToken"),
        QStringLiteral("AccessDenied"),
    };
    return names.contains(type);
}
