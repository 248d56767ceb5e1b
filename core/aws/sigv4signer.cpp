#include "core/aws/sigv4signer.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QMap>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace {

const QByteArray Algorithm = QByteArrayLiteral("AWS4-HMAC-SHA256");
const QByteArray DateHeader = QByteArrayLiteral("X-Amz-Date");
const QByteArray SecurityTokenHeader = QByteArrayLiteral("X-Amz-Security-Token");
const QByteArray ContentSha256Header = QByteArrayLiteral("X-Amz-Content-Sha256");
const QByteArray AuthorizationHeader = QByteArrayLiteral("Authorization");

// RFC 3986 remove_dot_segments, plus dropping empty segments: "//a//" and "/a/./b/.." both
// canonicalise, and a trailing slash survives when the last segment was a directory.
QList<QByteArray> normalizedSegments(const QByteArray &path, bool *trailingSlash)
{
    QList<QByteArray> segments;
    const QList<QByteArray> parts = path.split('/');
    for (const QByteArray &part : parts) {
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            if (!segments.isEmpty())
                segments.removeLast();
            continue;
        }
        segments.append(part);
    }
    const QByteArray &last = parts.constLast();
    *trailingSlash = !segments.isEmpty() && (last.isEmpty() || last == "." || last == "..");
    return segments;
}

} // namespace

SigV4Signer::SigV4Signer(const QString &region, const QString &service)
    : m_region(region.toUtf8()), m_service(service.toUtf8())
{ }

SigningRequest SigV4Signer::withSigningHeaders(const SigningRequest &request, const AwsCredentials &credentials,
                                               const QDateTime &utc) const
{
    const SigningRequest::Headers added = signingHeaders(request.body, credentials, utc);
    SigningRequest prepared = request;
    prepared.headers = withoutHeader(prepared.headers, AuthorizationHeader);
    for (const auto &header : added)
        prepared.headers = withoutHeader(prepared.headers, header.first);
    prepared.headers.append(added);
    return prepared;
}

QByteArray SigV4Signer::canonicalRequest(const SigningRequest &request) const
{
    // A payload hash the caller already put in a header ("UNSIGNED-PAYLOAD", say) is the one to sign.
    QByteArray payloadHash = hashedPayload(request.body);
    for (const auto &[name, value] : request.headers) {
        if (name.trimmed().compare(ContentSha256Header, Qt::CaseInsensitive) == 0)
            payloadHash = value.trimmed();
    }
    return request.method.trimmed().toUpper() + '\n' + canonicalUri(request.path) + '\n' + canonicalQuery(request.query)
        + '\n' + canonicalHeaders(request.headers) + '\n' + signedHeaders(request.headers) + '\n' + payloadHash;
}

QByteArray SigV4Signer::stringToSign(const SigningRequest &request, const QDateTime &utc) const
{
    return Algorithm + '\n' + amzDate(utc) + '\n' + credentialScope(utc) + '\n'
        + QCryptographicHash::hash(canonicalRequest(request), QCryptographicHash::Sha256).toHex();
}

QByteArray SigV4Signer::signature(const SigningRequest &request, const AwsCredentials &credentials,
                                  const QDateTime &utc) const
{
    return hmac(signingKey(credentials.secretAccessKey, utc), stringToSign(request, utc)).toHex();
}

QByteArray SigV4Signer::authorization(const SigningRequest &request, const AwsCredentials &credentials,
                                      const QDateTime &utc) const
{
    return Algorithm + " Credential=" + credentials.accessKeyId.toUtf8() + '/' + credentialScope(utc)
        + ", SignedHeaders=" + signedHeaders(request.headers) + ", Signature=" + signature(request, credentials, utc);
}

SigningRequest::Headers SigV4Signer::sign(const SigningRequest &request, const AwsCredentials &credentials,
                                          const QDateTime &utc) const
{
    SigningRequest::Headers added = signingHeaders(request.body, credentials, utc);
    if (!m_signSessionToken && !credentials.sessionToken.isEmpty())
        added.append({SecurityTokenHeader, credentials.sessionToken.toUtf8()});
    const SigningRequest prepared = withSigningHeaders(request, credentials, utc);
    added.append({AuthorizationHeader, authorization(prepared, credentials, utc)});
    return added;
}

QByteArray SigV4Signer::canonicalUri(const QByteArray &path) const
{
    if (m_s3Path)
        return path.isEmpty() ? QByteArrayLiteral("/") : (path.startsWith('/') ? path : '/' + path);
    // Segments are encoded even when they already hold escapes: "%3A" is signed as "%253A", which is
    // what every service but S3 expects (Bedrock model ids carry ':').
    QByteArray uri;
    if (m_normalizePath) {
        bool trailingSlash = false;
        for (const QByteArray &segment : normalizedSegments(path, &trailingSlash))
            uri += '/' + uriEncode(segment);
        if (trailingSlash)
            uri += '/';
    } else {
        QList<QByteArray> segments = path.split('/');
        for (QByteArray &segment : segments)
            segment = uriEncode(segment);
        uri = segments.join('/');
    }
    return uri.startsWith('/') ? uri : '/' + uri;
}

QByteArray SigV4Signer::canonicalQuery(const QByteArray &query)
{
    QList<QPair<QByteArray, QByteArray>> parameters;
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QByteArray key = equals < 0 ? pair : pair.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        // Decode first so a query that arrives already escaped is not escaped twice.
        parameters.append(
            {uriEncode(QByteArray::fromPercentEncoding(key)), uriEncode(QByteArray::fromPercentEncoding(value))});
    }
    std::sort(parameters.begin(), parameters.end());

    QByteArray canonical;
    for (const auto &[key, value] : parameters) {
        if (!canonical.isEmpty())
            canonical += '&';
        canonical += key + '=' + value;
    }
    return canonical;
}

QByteArray SigV4Signer::canonicalHeaders(const SigningRequest::Headers &headers)
{
    // simplified() trims, collapses runs of spaces and folds continuation lines in one go.
    QMap<QByteArray, QList<QByteArray>> values;
    for (const auto &[name, value] : headers)
        values[name.trimmed().toLower()].append(value.simplified());

    QByteArray canonical;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        canonical += it.key() + ':' + it.value().join(',') + '\n';
    return canonical;
}

QByteArray SigV4Signer::signedHeaders(const SigningRequest::Headers &headers)
{
    QList<QByteArray> names;
    for (const auto &header : headers)
        names.append(header.first.trimmed().toLower());
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names.join(';');
}

QByteArray SigV4Signer::hashedPayload(const QByteArray &body)
{
    return QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
}

QByteArray SigV4Signer::credentialScope(const QDateTime &utc) const
{
    return amzDate(utc).left(8) + '/' + m_region + '/' + m_service + "/aws4_request";
}

QByteArray SigV4Signer::signingKey(const QString &secretAccessKey, const QDateTime &utc) const
{
    const QByteArray dateKey = hmac("AWS4" + secretAccessKey.toUtf8(), amzDate(utc).left(8));
    const QByteArray regionKey = hmac(dateKey, m_region);
    const QByteArray serviceKey = hmac(regionKey, m_service);
    return hmac(serviceKey, "aws4_request");
}

QByteArray SigV4Signer::amzDate(const QDateTime &utc)
{
    return QLocale::c().toString(utc.toUTC(), QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

// Everything outside RFC 3986's unreserved set, with upper-case hex: exactly Qt's default.
QByteArray SigV4Signer::uriEncode(const QByteArray &bytes)
{
    return bytes.toPercentEncoding();
}

QByteArray SigV4Signer::hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

SigningRequest::Headers SigV4Signer::signingHeaders(const QByteArray &body, const AwsCredentials &credentials,
                                                    const QDateTime &utc) const
{
    SigningRequest::Headers headers{{DateHeader, amzDate(utc)}};
    if (m_signSessionToken && !credentials.sessionToken.isEmpty())
        headers.append({SecurityTokenHeader, credentials.sessionToken.toUtf8()});
    if (m_signPayloadHeader)
        headers.append({ContentSha256Header, hashedPayload(body)});
    return headers;
}

SigningRequest::Headers SigV4Signer::withoutHeader(const SigningRequest::Headers &headers, const QByteArray &name)
{
    SigningRequest::Headers kept;
    for (const auto &header : headers) {
        if (header.first.trimmed().compare(name, Qt::CaseInsensitive) != 0)
            kept.append(header);
    }
    return kept;
}
