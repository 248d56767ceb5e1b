#pragma once

#include "core/aws/awscredentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

// What SigV4 looks at in an HTTP request. `path` and `query` are exactly what goes on the wire after
// the host: the path may already hold percent-escapes, the query has no leading '?'. Host must be
// among the headers.
struct SigningRequest
{
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    QByteArray method;
    QByteArray path;
    QByteArray query;
    Headers headers;
    QByteArray body;
};

// AWS Signature Version 4 with headers (not presigned URLs). Production code calls sign(); the
// intermediate steps are public so tests can compare each with the official vectors.
//
// S3 wants the path neither normalised nor encoded twice: setS3Path(true).
class SigV4Signer
{
public:
    SigV4Signer(const QString &region, const QString &service);

    // Remove "." / ".." / empty segments before encoding. Every service but S3 wants this.
    void setNormalizePath(bool normalize) { m_normalizePath = normalize; }
    // Sign the path exactly as it is sent, already percent-encoded once, as S3 does.
    void setS3Path(bool s3) { m_s3Path = s3; }
    // Also send (and sign) X-Amz-Content-Sha256, as S3-style APIs require.
    void setSignPayloadHeader(bool enabled) { m_signPayloadHeader = enabled; }
    // Some services (IoT over WebSockets, for one) want the session token added after signing.
    void setSignSessionToken(bool enabled) { m_signSessionToken = enabled; }

    // Adds X-Amz-Date, X-Amz-Security-Token and X-Amz-Content-Sha256 as configured, replacing earlier
    // copies of those and of Authorization, so a retried request can be signed again.
    SigningRequest withSigningHeaders(const SigningRequest &request, const AwsCredentials &credentials,
                                      const QDateTime &utc) const;

    // These take the request as withSigningHeaders() returns it.
    QByteArray canonicalRequest(const SigningRequest &request) const;
    QByteArray stringToSign(const SigningRequest &request, const QDateTime &utc) const;
    QByteArray signature(const SigningRequest &request, const AwsCredentials &credentials, const QDateTime &utc) const;
    QByteArray authorization(const SigningRequest &request, const AwsCredentials &credentials,
                             const QDateTime &utc) const;

    // The headers to add to the request: X-Amz-Date, X-Amz-Security-Token for session credentials,
    // X-Amz-Content-Sha256 when enabled, and Authorization last.
    SigningRequest::Headers sign(const SigningRequest &request, const AwsCredentials &credentials,
                                 const QDateTime &utc) const;

    QByteArray canonicalUri(const QByteArray &path) const;
    static QByteArray canonicalQuery(const QByteArray &query);
    static QByteArray canonicalHeaders(const SigningRequest::Headers &headers);
    static QByteArray signedHeaders(const SigningRequest::Headers &headers);
    static QByteArray hashedPayload(const QByteArray &body);
    QByteArray credentialScope(const QDateTime &utc) const;
    QByteArray signingKey(const QString &secretAccessKey, const QDateTime &utc) const;

    static QByteArray amzDate(const QDateTime &utc);

private:
    SigningRequest::Headers signingHeaders(const QByteArray &body, const AwsCredentials &credentials,
                                           const QDateTime &utc) const;
    static QByteArray uriEncode(const QByteArray &bytes);
    static QByteArray hmac(const QByteArray &key, const QByteArray &message);
    static SigningRequest::Headers withoutHeader(const SigningRequest::Headers &headers, const QByteArray &name);

    QByteArray m_region;
    QByteArray m_service;
    bool m_normalizePath = true;
    bool m_signPayloadHeader = false;
    bool m_signSessionToken = true;
    bool m_s3Path = false;
};
