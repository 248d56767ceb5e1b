#pragma once

#include "core/common/result.h"
#include "core/registry/blockinghttp.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

// Where and as whom the MLflow backend talks to a tracking server.
struct MlflowConnection
{
    QUrl trackingUri; // e.g. http://127.0.0.1:5000; a path prefix is kept
    QString token; // sent as "Authorization: Bearer …" when set (MLFLOW_TRACKING_TOKEN)
    QString userName; // who we are: MLflow has no "who am I" call
    int timeoutMs = 30000;
    int pageSize = 100; // max_results of the search calls
};

// JSON calls to MLflow's REST API 2.0 (/api/2.0/mlflow/…). Errors carry MLflow's error_code and
// message; 401 and 403 are Error::Kind::Auth.
class MlflowClient
{
    Q_DECLARE_TR_FUNCTIONS(MlflowClient)

public:
    using Query = QList<QPair<QString, QString>>;

    explicit MlflowClient(const MlflowConnection &connection);

    // `endpoint` is the part after /api/2.0/mlflow/, e.g. "model-versions/search".
    Result<QJsonObject> get(const QString &endpoint, const Query &query);
    Result<QJsonObject> post(const QString &endpoint, const QJsonObject &body);
    Result<QJsonObject> remove(const QString &endpoint, const QJsonObject &body);

    // The error_code of the last failed call ("RESOURCE_DOES_NOT_EXIST" …).
    QString lastErrorCode() const { return m_lastErrorCode; }

    // How an answer to `endpoint` is read, apart from how it was fetched (the fuzz target feeds it
    // whatever a tracking server might send); `where` names the server in errors.
    Result<QJsonObject> read(const HttpAnswer &http, const QString &endpoint, const QString &where);

private:
    Result<QJsonObject> exchange(const QByteArray &method, const QString &endpoint, const QByteArray &query,
                                 const QJsonObject &body);

    MlflowConnection m_connection;
    BlockingHttp m_http;
    QString m_lastErrorCode;
};
