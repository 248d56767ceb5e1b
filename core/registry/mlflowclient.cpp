#include "core/registry/mlflowclient.h"

#include "core/common/secretredactor.h"

#include <QByteArrayList>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

MlflowClient::MlflowClient(const MlflowConnection &connection) : m_connection(connection), m_http(connection.timeoutMs)
{ }

Result<QJsonObject> MlflowClient::get(const QString &endpoint, const Query &query)
{
    // Encoded by hand: QUrlQuery would leave '+' alone, and servers read it as a space.
    QByteArrayList pairs;
    for (const auto &[key, value] : query)
        pairs.append(QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value));
    return exchange("GET", endpoint, pairs.join('&'), {});
}

Result<QJsonObject> MlflowClient::post(const QString &endpoint, const QJsonObject &body)
{
    return exchange("POST", endpoint, {}, body);
}

Result<QJsonObject> MlflowClient::remove(const QString &endpoint, const QJsonObject &body)
{
    // MLflow's clients send DELETE parameters as a JSON body, and its server reads them there.
    return exchange("DELETE", endpoint, {}, body);
}

Result<QJsonObject> MlflowClient::exchange(const QByteArray &method, const QString &endpoint, const QByteArray &query,
                                           const QJsonObject &body)
{
    const QUrl base = m_connection.trackingUri;
    if (!base.isValid() || base.host().isEmpty())
        return makeError(Error::Kind::Usage,
                         tr("no valid MLflow tracking URI (set --tracking-uri or MLFLOW_TRACKING_URI): \"%1\"")
                             .arg(base.toString()));
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    QUrl url = base;
    url.setPath(path + "/api/2.0/mlflow/"_L1 + endpoint);
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    const QString where
        = SecretRedactor::instance().redact(url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString());

    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (method != "GET")
        request.setRawHeader("Content-Type", "application/json");
    if (!m_connection.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_connection.token.toUtf8());
    const QByteArray payload = method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    const Result<HttpAnswer> answer = m_http.send({method, request, payload});
    if (!answer)
        return answer.error();

    return read(answer.value(), endpoint, where);
}

Result<QJsonObject> MlflowClient::read(const HttpAnswer &http, const QString &endpoint, const QString &where)
{
    const QJsonDocument document = QJsonDocument::fromJson(http.body.isEmpty() ? "{}" : http.body);
    if (http.status >= 200 && http.status <= 299) {
        if (!document.isObject())
            return makeError(Error::Kind::Service,
                             tr("MLflow %1 answered with something that is not a JSON object: %2")
                                 .arg(endpoint, QString::fromUtf8(http.body.left(300)).simplified()),
                             where);
        return document.object();
    }

    m_lastErrorCode = document.object().value("error_code"_L1).toString();
    QString message = document.object().value("message"_L1).toString();
    if (message.isEmpty())
        message = http.body.isEmpty() ? tr("no details given") : QString::fromUtf8(http.body.left(300)).simplified();
    const QString what = m_lastErrorCode.isEmpty() ? tr("HTTP %1").arg(http.status)
                                                   : tr("%1 (HTTP %2)").arg(m_lastErrorCode).arg(http.status);
    Error::Kind kind = Error::Kind::Service;
    if (http.status == 401 || http.status == 403)
        kind = Error::Kind::Auth;
    else if (http.status == 429)
        kind = Error::Kind::Throttled;
    const QString text
        = kind == Error::Kind::Auth ? tr("MLflow %1 refused the credentials: %2: %3") : tr("MLflow %1 answered %2: %3");
    return makeError(kind, SecretRedactor::instance().redact(text.arg(endpoint, what, message)), where);
}
