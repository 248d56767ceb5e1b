#include "core/providers/bedrockrequest.h"

#include "core/aws/awsrequest.h"
#include "core/aws/sigv4signer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

QUrl BedrockRequest::url(const ProviderConfig &config, const QString &host, const QByteArray &encodedPath)
{
    QUrl base = config.endpointUrl;
    if (base.isEmpty())
        base = QUrl(u"https://%1.%2.amazonaws.com"_s.arg(host, config.region));
    QByteArray path = base.path(QUrl::FullyEncoded).toLatin1();
    while (path.endsWith('/'))
        path.chop(1);
    path += encodedPath;
    // Built from encoded bytes in strict mode, QUrl keeps %3A as it is; setPath() in decoded mode
    // would turn it back into ':' and the service would see (and sign) a different path.
    return QUrl::fromEncoded(base.toEncoded(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment) + path,
                             QUrl::StrictMode);
}

Result<ChatProtocol::Outgoing> BedrockRequest::signedPost(const ProviderConfig &config, const QUrl &url,
                                                          const QByteArray &body, const QDateTime &utc,
                                                          const QByteArray &accept)
{
    if (config.region.isEmpty())
        return makeError(Error::Kind::Usage, tr("no AWS region for Bedrock (set --region or AWS_REGION)"));
    if (!config.aws.isValid())
        return makeError(Error::Kind::Auth,
                         tr("no AWS credentials for Bedrock (an access key id and a secret access key are needed)"));
    if (!url.isValid() || url.host().isEmpty())
        return makeError(Error::Kind::Usage, tr("the Bedrock endpoint URL is not valid: %1").arg(url.errorString()));

    SigningRequest signing;
    signing.method = "POST";
    signing.path = url.path(QUrl::FullyEncoded).toLatin1();
    signing.headers = {{"Host", AwsRequest::hostHeader(url)}, {"Content-Type", "application/json"}};
    signing.headers.append(config.extraHeaders);
    signing.body = body;

    const SigV4Signer signer(config.region, u"bedrock"_s);
    QNetworkRequest request(url);
    for (const auto &[name, value] : signing.headers)
        request.setRawHeader(name, value);
    for (const auto &[name, value] : signer.sign(signing, config.aws, utc))
        request.setRawHeader(name, value);
    if (!accept.isEmpty())
        request.setRawHeader("Accept", accept);
    return ChatProtocol::Outgoing{request, signing.body};
}

QJsonObject BedrockRequest::inferenceConfig(const ChatParameters &parameters)
{
    QJsonObject inference;
    if (parameters.maxTokens > 0)
        inference.insert("maxTokens"_L1, parameters.maxTokens);
    if (parameters.temperature)
        inference.insert("temperature"_L1, *parameters.temperature);
    if (parameters.topP)
        inference.insert("topP"_L1, *parameters.topP);
    if (!parameters.stopSequences.isEmpty())
        inference.insert("stopSequences"_L1, QJsonArray::fromStringList(parameters.stopSequences));
    return inference;
}

Result<QJsonObject> BedrockRequest::jsonAnswer(const QByteArray &body, const QString &operation)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(Error::Kind::Service,
                         tr("malformed JSON in the %1 answer (%2 bytes): %3 at offset %4 in \"%5\"")
                             .arg(operation)
                             .arg(body.size())
                             .arg(document.isNull() ? parseError.errorString() : tr("not a JSON object"))
                             .arg(parseError.offset)
                             .arg(ChatProtocol::excerpt(body, parseError.offset)));
    return document.object();
}

Error BedrockRequest::errorFromAnswer(int status, const QNetworkReply &reply, const QByteArray &body)
{
    // Real services add ":http://internal.amazon.com/coral/…" to the type; the name is before it.
    QString type = QString::fromLatin1(reply.rawHeader("x-amzn-ErrorType")).section(u':', 0, 0).trimmed();
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QString message = object.value("message"_L1).toString();
    if (message.isEmpty())
        message = object.value("Message"_L1).toString();
    if (type.isEmpty())
        type = object.value("__type"_L1).toString().section(u'#', -1);
    if (message.isEmpty())
        message = body.isEmpty() ? tr("no details given") : ChatProtocol::excerpt(body, 0, 300);

    Error::Kind kind = ChatProtocol::kindForStatus(status);
    if (AwsRequest::isAuthError(type))
        kind = Error::Kind::Auth;
    else if (type == "ThrottlingException"_L1)
        kind = Error::Kind::Throttled;
    else if (type == "ValidationException"_L1 || type == "ResourceNotFoundException"_L1)
        kind = Error::Kind::Service;
    const QString what = type.isEmpty() ? tr("HTTP %1").arg(status) : tr("%1 (HTTP %2)").arg(type).arg(status);
    return makeError(kind, tr("Bedrock answered %1: %2").arg(what, message));
}
