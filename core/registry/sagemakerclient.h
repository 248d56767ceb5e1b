#pragma once

#include "core/aws/awscredentials.h"
#include "core/common/result.h"
#include "core/registry/blockinghttp.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

// Where and as whom the SageMaker backend talks to AWS.
struct SageMakerConnection
{
    QString region;
    AwsCredentials credentials;
    // --endpoint-url, as the AWS CLI has it: replaces https://api.sagemaker.{region}.amazonaws.com
    // and, unless stsEndpointUrl is set, https://sts.{region}.amazonaws.com too.
    QUrl endpointUrl;
    QUrl stsEndpointUrl;
    int timeoutMs = 30000;
    int concurrency = 8; // requests in flight when describing many versions
};

// SigV4-signed calls to the SageMaker API (AWS JSON 1.1: POST / with X-Amz-Target) and to STS
// GetCallerIdentity (AWS Query: a form body, an XML answer). Errors carry the service's error type
// and message; rejected credentials or signatures are Error::Kind::Auth.
class SageMakerClient
{
    Q_DECLARE_TR_FUNCTIONS(SageMakerClient)

public:
    explicit SageMakerClient(const SageMakerConnection &connection);

    Result<QJsonObject> call(const QString &operation, const QJsonObject &input);
    // The same operation for several inputs at once (bounded by connection.concurrency); throttled
    // calls are tried again a few times after a pause. Results are in input order.
    QList<Result<QJsonObject>> callAll(const QString &operation, const QList<QJsonObject> &inputs);
    // The ARN STS says the credentials belong to.
    Result<QString> callerArn();

    // The error type of the last failed call ("ResourceNotFound", "ValidationException" …).
    QString lastErrorType() const { return m_lastErrorType; }

    QUrl sageMakerEndpoint() const;
    QUrl stsEndpoint() const;

    // How an answer is read, apart from how it was fetched: a SageMaker JSON answer or error, and
    // STS's XML (the fuzz target feeds these whatever a service might send).
    Result<QJsonObject> jsonResult(const Result<HttpAnswer> &answer, const QString &operation);
    Result<QString> callerArnFrom(const HttpAnswer &answer);

private:
    Result<HttpExchange> signedExchange(const QUrl &url, const QString &service, const QByteArray &contentType,
                                        const QByteArray &body, const QByteArray &target) const;
    Error jsonError(const HttpAnswer &answer, const QString &operation);
    Error stsError(const HttpAnswer &answer);
    Error failure(Error::Kind kind, const QString &service, const QString &type, int status, const QString &message);

    SageMakerConnection m_connection;
    BlockingHttp m_http;
    QString m_lastErrorType;
};
