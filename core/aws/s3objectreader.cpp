#include "core/aws/s3objectreader.h"

#include "core/aws/awsrequest.h"
#include "core/aws/sigv4signer.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QXmlStreamReader>

S3ObjectReader::S3ObjectReader(Settings settings, QObject *parent) : QObject(parent), m_settings(std::move(settings))
{ }

std::optional<std::pair<QString, QString>> S3ObjectReader::parseUri(const QString &uri)
{
    if (!uri.startsWith(QLatin1String("s3://"), Qt::CaseInsensitive))
        return std::nullopt;
    const QString rest = uri.mid(5);
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == rest.size() - 1)
        return std::nullopt;
    return std::pair{rest.left(slash), rest.mid(slash + 1)};
}

QUrl S3ObjectReader::objectUrl(const QString &bucket, const QString &key) const
{
    // Each segment of the key percent-encoded once (RFC 3986's unreserved characters kept): the
    // path as sent is the path S3 signs.
    QByteArray path;
    for (const QString &segment : key.split(QLatin1Char('/')))
        path += '/' + QUrl::toPercentEncoding(segment);
    if (m_settings.endpointUrl.isValid() && !m_settings.endpointUrl.isEmpty()) {
        QByteArray base = m_settings.endpointUrl.toEncoded();
        while (base.endsWith('/'))
            base.chop(1);
        return QUrl::fromEncoded(base + '/' + QUrl::toPercentEncoding(bucket) + path, QUrl::StrictMode);
    }
    return QUrl::fromEncoded(
        "https://" + bucket.toUtf8() + ".s3." + m_settings.region.toUtf8() + ".amazonaws.com" + path, QUrl::StrictMode);
}

Error S3ObjectReader::errorOf(int status, const QByteArray &body, const QString &uri)
{
    QString code, message;
    QXmlStreamReader xml(body);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("Code"))
            code = xml.readElementText();
        else if (xml.name() == QLatin1String("Message"))
            message = xml.readElementText();
    }
    const QString text = tr("S3 answered %1%2%3")
                             .arg(status)
                             .arg(code.isEmpty() ? QString() : QStringLiteral(" ") + code)
                             .arg(message.isEmpty() ? QString() : QStringLiteral(": ") + message);
    if (status == 403 || AwsRequest::isAuthError(code))
        return makeError(Error::Kind::Auth, text, uri);
    if (status == 404)
        return makeError(Error::Kind::Input, text, uri);
    return makeError(status == 503 ? Error::Kind::Throttled : Error::Kind::Service, text, uri);
}

void S3ObjectReader::read(const QString &uri, QObject *context, std::function<void(Result<QByteArray>)> done)
{
    const auto parts = parseUri(uri);
    if (!parts)
        return done(makeError(Error::Kind::Input, tr("not an s3://bucket/key URI"), uri));
    if (const QByteArray *cached = m_cache.object(uri))
        return done(*cached);
    if (!m_settings.credentials.isValid())
        return done(makeError(Error::Kind::Auth, tr("the AWS connection has no access key"), uri));
    const QUrl url = objectUrl(parts->first, parts->second);
    SigningRequest signing;
    signing.method = "GET";
    signing.path = url.path(QUrl::FullyEncoded).toLatin1();
    signing.query = url.query(QUrl::FullyEncoded).toLatin1();
    signing.headers = {{"host", AwsRequest::hostHeader(url)}};
    SigV4Signer signer(m_settings.region, QStringLiteral("s3"));
    signer.setNormalizePath(false);
    signer.setS3Path(true);
    signer.setSignPayloadHeader(true);
    QNetworkRequest request(url);
    for (const auto &[name, value] : signer.sign(signing, m_settings.credentials, QDateTime::currentDateTimeUtc()))
        request.setRawHeader(name, value);
    request.setRawHeader("Host", AwsRequest::hostHeader(url));
    request.setTransferTimeout(30000);
    ++m_requests;
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, context, [this, reply, uri, done = std::move(done)]() {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 200) {
            m_cache.insert(uri, new QByteArray(body), int(std::max<qsizetype>(1, body.size() / 1024)));
            return done(body);
        }
        if (status == 0)
            return done(
                makeError(reply->error() == QNetworkReply::TimeoutError ? Error::Kind::Timeout : Error::Kind::Network,
                          tr("S3 could not be reached: %1").arg(reply->errorString()), uri));
        done(errorOf(status, body, uri));
    });
}
