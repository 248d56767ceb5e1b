// SigV4 canonicalisation of whatever path, query and headers a request may carry: Bedrock model
// ids with ':' and '/', S3 keys with spaces and dots, queries that arrive escaped or not.
// Input: the path, a line break, the query, a line break, then "name:value" header lines.
#include "core/aws/awscredentials.h"
#include "core/aws/sigv4signer.h"
#include "fuzz/fuzzsupport.h"

#include <QDateTime>

namespace {

bool isNormalized(const QByteArray &uri)
{
    if (uri == "/")
        return true;
    if (!uri.startsWith('/') || uri.contains("//"))
        return false;
    const QList<QByteArray> segments = uri.mid(1).split('/');
    return std::none_of(segments.begin(), segments.end(),
                        [](const QByteArray &segment) { return segment == "." || segment == ".."; });
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto [path, afterPath] = Fuzz::split(Fuzz::bytes(data, size), '\n');
    const auto [query, headerLines] = Fuzz::split(afterPath, '\n');
    SigningRequest request;
    request.method = "POST";
    request.path = path.toByteArray();
    request.query = query.toByteArray();
    for (const QByteArray &line : headerLines.toByteArray().split('\n')) {
        const auto [name, value] = Fuzz::split(line, ':');
        request.headers.append({name.toByteArray(), value.toByteArray()});
    }

    const QByteArray canonical = SigV4Signer::canonicalQuery(request.query);
    Fuzz::require(SigV4Signer::canonicalQuery(canonical) == canonical, "a canonical query is its own canonical form");

    SigV4Signer bedrock(QStringLiteral("us-east-1"), QStringLiteral("bedrock"));
    Fuzz::require(isNormalized(bedrock.canonicalUri(request.path)), "a normalized path has no empty or dot segments");
    const AwsCredentials credentials{
        QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), {}};
    const QDateTime at = QDateTime::fromSecsSinceEpoch(1440938160, Qt::UTC);
    const QByteArray signature = bedrock.signature(request, credentials, at);
    Fuzz::require(signature.size() == 64, "a signature is 32 bytes in hex");

    SigV4Signer s3(QStringLiteral("us-east-1"), QStringLiteral("s3"));
    s3.setS3Path(true);
    s3.setNormalizePath(false);
    Fuzz::require(s3.canonicalUri(request.path).startsWith('/'), "an S3 path starts at the root");
    s3.sign(request, credentials, at);
    return 0;
}
