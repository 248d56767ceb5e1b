// What SageMaker, STS and an MLflow tracking server answer, read as the registry backends read it:
// an object or an error with a reason, and model versions built from whatever fields came.
// The first byte picks the HTTP status and whether SageMaker sent its error-type header.
#include "core/registry/mlflowclient.h"
#include "core/registry/mlflowregistrybackend.h"
#include "core/registry/sagemakerclient.h"
#include "core/registry/sagemakerregistrybackend.h"
#include "fuzz/fuzzsupport.h"

#include <QJsonArray>

namespace {

void requireReadable(const Result<QJsonObject> &answer, const HttpAnswer &http)
{
    if (answer)
        Fuzz::require(http.status >= 200 && http.status <= 299, "only a success status gives an answer");
    else
        Fuzz::require(!answer.error().message.isEmpty(), "an error says what went wrong");
}

void versionsFrom(const QJsonObject &object, ModelVersion (*from)(const QJsonObject &))
{
    for (auto field = object.begin(); field != object.end(); ++field) {
        if (field.value().isObject())
            from(field.value().toObject());
        for (const QJsonValue &entry : field.value().toArray())
            from(entry.toObject());
    }
    from(object);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    static constexpr int statuses[] = {200, 200, 204, 400, 401, 403, 404, 409, 429, 500, 503, 302};
    HttpAnswer http;
    http.status = statuses[data[0] % std::size(statuses)];
    http.body = Fuzz::bytes(data + 1, size - 1).toByteArray();
    if (data[0] & 0x80)
        http.headers.append(
            {QByteArray("x-amzn-ErrorType"), QByteArray("ThrottlingException:http://internal.amazon.com/coral/")});

    SageMakerConnection sageMaker;
    sageMaker.region = QStringLiteral("us-east-1");
    SageMakerClient sageMakerClient(sageMaker);
    const Result<QJsonObject> package = sageMakerClient.jsonResult(http, QStringLiteral("DescribeModelPackage"));
    requireReadable(package, http);
    if (package)
        versionsFrom(package.value(), &SageMakerRegistryBackend::fromPackage);
    const Result<QString> arn = sageMakerClient.callerArnFrom(http);
    Fuzz::require(bool(arn) || !arn.error().message.isEmpty(), "STS's error says what went wrong");

    MlflowConnection mlflow;
    mlflow.trackingUri = QUrl(QStringLiteral("http://127.0.0.1:5000"));
    MlflowClient mlflowClient(mlflow);
    const Result<QJsonObject> versions
        = mlflowClient.read(http, QStringLiteral("model-versions/search"), QStringLiteral("http://127.0.0.1:5000"));
    requireReadable(versions, http);
    if (versions)
        versionsFrom(versions.value(), &MlflowRegistryBackend::fromModelVersion);
    return 0;
}
