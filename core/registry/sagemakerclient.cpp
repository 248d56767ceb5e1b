#include "core/registry/sagemakerclient.h"

#include "core/aws/awsrequest.h"
#include "core/aws/sigv4signer.h"
#include "core/common/logcategories.h"
#include "core/common/secretredactor.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QThread>
#include <QXmlStreamReader>

#include <numeric>

using namespace Qt::StringLiterals;

namespace {

constexpr int ThrottleRetries = 3;
constexpr int ThrottlePauseMs = 250;

bool isThrottling(const QString &type)
{
    return type == "ThrottlingException"_L1 || type == "Throttling"_L1 || type == "ThrottledException"_L1
        || type == "RequestLimitExceeded"_L1;
}

QString excerpt(const QByteArray &body)
{
    return body.isEmpty() ? QString() : QString::fromUtf8(body.left(300)).simplified();
}

} // namespace

SageMakerClient::SageMakerClient(const SageMakerConnection &connection)
    : m_connection(connection), m_http(connection.timeoutMs)
{ }

QUrl SageMakerClient::sageMakerEndpoint() const
{
    if (!m_connection.endpointUrl.isEmpty())
        return m_connection.endpointUrl;
    return QUrl(u"https://api.sagemaker.%1.amazonaws.com/"_s.arg(m_connection.region));
}

QUrl SageMakerClient::stsEndpoint() const
{
    if (!m_connection.stsEndpointUrl.isEmpty())
        return m_connection.stsEndpointUrl;
    if (!m_connection.endpointUrl.isEmpty())
        return m_connection.endpointUrl;
    return QUrl(u"https://sts.%1.amazonaws.com/"_s.arg(m_connection.region));
}

Result<HttpExchange> SageMakerClient::signedExchange(const QUrl &url, const QString &service,
                                                     const QByteArray &contentType, const QByteArray &body,
                                                     const QByteArray &target) const
{
    if (m_connection.region.isEmpty())
        return makeError(Error::Kind::Usage, tr("no AWS region for SageMaker (set --region or AWS_REGION)"));
    if (!m_connection.credentials.isValid())
        return makeError(Error::Kind::Auth,
                         tr("no AWS credentials for SageMaker (an access key id and a secret access key are needed)"));
    if (!url.isValid() || url.host().isEmpty())
        return makeError(Error::Kind::Usage, tr("the endpoint URL is not valid: %1").arg(url.toString()));

    SigningRequest signing;
    signing.method = "POST";
    signing.path = url.path(QUrl::FullyEncoded).toLatin1();
    if (signing.path.isEmpty())
        signing.path = "/";
    signing.headers = {{"Host", AwsRequest::hostHeader(url)}, {"Content-Type", contentType}};
    if (!target.isEmpty())
        signing.headers.append({"X-Amz-Target", target});
    signing.body = body;

    QUrl sent = url;
    if (sent.path().isEmpty())
        sent.setPath(u"/"_s);
    QNetworkRequest request(sent);
    for (const auto &[name, value] : signing.headers)
        request.setRawHeader(name, value);
    const SigV4Signer signer(m_connection.region, service);
    for (const auto &[name, value] : signer.sign(signing, m_connection.credentials, QDateTime::currentDateTimeUtc()))
        request.setRawHeader(name, value);
    return HttpExchange{"POST", request, body};
}

Result<QJsonObject> SageMakerClient::call(const QString &operation, const QJsonObject &input)
{
    return callAll(operation, {input}).constFirst();
}

QList<Result<QJsonObject>> SageMakerClient::callAll(const QString &operation, const QList<QJsonObject> &inputs)
{
    const QByteArray target = "SageMaker." + operation.toLatin1();
    QList<Result<QJsonObject>> results(inputs.size(), Result<QJsonObject>(QJsonObject()));
    QList<qsizetype> pending(inputs.size());
    std::iota(pending.begin(), pending.end(), 0);
    for (int attempt = 0; !pending.isEmpty(); ++attempt) {
        // Signed right before sending each round: a signature is only good for a few minutes.
        QList<HttpExchange> exchanges;
        QList<qsizetype> sent;
        for (qsizetype index : std::as_const(pending)) {
            const QByteArray body = QJsonDocument(inputs.at(index)).toJson(QJsonDocument::Compact);
            Result<HttpExchange> exchange
                = signedExchange(sageMakerEndpoint(), u"sagemaker"_s, "application/x-amz-json-1.1", body, target);
            if (!exchange) {
                results[index] = exchange.error();
                continue;
            }
            exchanges.append(exchange.value());
            sent.append(index);
        }
        const QList<Result<HttpAnswer>> answers = m_http.sendAll(exchanges, m_connection.concurrency);
        pending.clear();
        for (qsizetype i = 0; i < sent.size(); ++i) {
            results[sent[i]] = jsonResult(answers[i], operation);
            if (!results[sent[i]] && results[sent[i]].error().kind == Error::Kind::Throttled
                && attempt < ThrottleRetries)
                pending.append(sent[i]);
        }
        if (!pending.isEmpty()) {
            qCInfo(lcRegistry) << operation << "throttled for" << pending.size() << "calls; trying again";
            QThread::msleep(ThrottlePauseMs << attempt);
        }
    }
    return results;
}

Result<QJsonObject> SageMakerClient::jsonResult(const Result<HttpAnswer> &answer, const QString &operation)
{
    if (!answer)
        return answer.error();
    const HttpAnswer &http = answer.value();
    if (http.status < 200 || http.status > 299)
        return jsonError(http, operation);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(http.body.isEmpty() ? "{}" : http.body, &parseError);
    if (!document.isObject())
        return makeError(
            Error::Kind::Service,
            tr("SageMaker %1 answered with something that is not a JSON object: %2").arg(operation, excerpt(http.body)),
            sageMakerEndpoint().toString());
    return document.object();
}

Error SageMakerClient::jsonError(const HttpAnswer &answer, const QString &operation)
{
    // Real services add ":http://internal.amazon.com/coral/…" to the header and a namespace
    // ("com.amazon.coral.service#") to __type; the name is what remains.
    const QJsonObject object = QJsonDocument::fromJson(answer.body).object();
    QString type = QString::fromLatin1(answer.header("x-amzn-ErrorType")).section(u':', 0, 0).trimmed();
    if (type.isEmpty())
        type = object.value("__type"_L1).toString().section(u'#', -1);
    QString message = object.value("message"_L1).toString();
    if (message.isEmpty())
        message = object.value("Message"_L1).toString();
    if (message.isEmpty())
        message = answer.body.isEmpty() ? tr("no details given") : excerpt(answer.body);

    Error::Kind kind = Error::Kind::Service;
    if (AwsRequest::isAuthError(type) || answer.status == 401 || answer.status == 403)
        kind = Error::Kind::Auth;
    else if (isThrottling(type) || answer.status == 429)
        kind = Error::Kind::Throttled;
    return failure(kind, u"SageMaker "_s + operation, type, answer.status, message);
}

Result<QString> SageMakerClient::callerArn()
{
    const QByteArray body = "Action=GetCallerIdentity&Version=2011-06-15";
    for (int attempt = 0;; ++attempt) {
        Result<HttpExchange> exchange
            = signedExchange(stsEndpoint(), u"sts"_s, "application/x-www-form-urlencoded; charset=utf-8", body, {});
        if (!exchange)
            return exchange.error();
        const Result<HttpAnswer> answer = m_http.send(exchange.value());
        if (!answer)
            return answer.error();
        Result<QString> arn = callerArnFrom(answer.value());
        if (arn || arn.error().kind != Error::Kind::Throttled || attempt >= ThrottleRetries)
            return arn;
        QThread::msleep(ThrottlePauseMs << attempt);
    }
}

Result<QString> SageMakerClient::callerArnFrom(const HttpAnswer &answer)
{
    if (answer.status < 200 || answer.status > 299)
        return stsError(answer);
    QXmlStreamReader xml(answer.body);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == "Arn"_L1)
            return xml.readElementText();
    }
    return makeError(Error::Kind::Service,
                     tr("STS GetCallerIdentity answered without an Arn: %1").arg(excerpt(answer.body)),
                     stsEndpoint().toString());
}

Error SageMakerClient::stsError(const HttpAnswer &answer)
{
    QString code;
    QString message;
    QXmlStreamReader xml(answer.body);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "Code"_L1)
            code = xml.readElementText();
        else if (xml.name() == "Message"_L1)
            message = xml.readElementText();
    }
    if (message.isEmpty())
        message = answer.body.isEmpty() ? tr("no details given") : excerpt(answer.body);
    Error::Kind kind = Error::Kind::Service;
    if (AwsRequest::isAuthError(code) || answer.status == 401 || answer.status == 403)
        kind = Error::Kind::Auth;
    else if (isThrottling(code) || answer.status == 429)
        kind = Error::Kind::Throttled;
    return failure(kind, u"STS GetCallerIdentity"_s, code, answer.status, message);
}

Error SageMakerClient::failure(Error::Kind kind, const QString &service, const QString &type, int status,
                               const QString &message)
{
    m_lastErrorType = type;
    const QString what = type.isEmpty() ? tr("HTTP %1").arg(status) : tr("%1 (HTTP %2)").arg(type).arg(status);
    const QString text = kind == Error::Kind::Auth
        ? tr("%1 refused the credentials: %2: %3").arg(service, what, message)
        : tr("%1 answered %2: %3").arg(service, what, message);
    const QUrl where = service.startsWith("STS"_L1) ? stsEndpoint() : sageMakerEndpoint();
    return makeError(kind, SecretRedactor::instance().redact(text), where.toString());
}
