#include "core/aws/awscredentials.h"
#include "core/aws/sigv4signer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

QString suiteDirectory()
{
#if defined(SIGV4_SUITE_DIR)
    return QStringLiteral(SIGV4_SUITE_DIR);
#elif defined(GENAIOPS_SHARED_DIR)
    return QStringLiteral(GENAIOPS_SHARED_DIR "/testdata/aws-sigv4-test-suite");
#else
    const QString shared = qEnvironmentVariable("GENAIOPS_SHARED_DIR");
    return shared.isEmpty() ? QString() : shared + QStringLiteral("/testdata/aws-sigv4-test-suite");
#endif
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

// The suite's request.txt files: request line (the target may contain spaces), headers where an
// indented line continues the previous one, a blank line, then the body. Continuations are kept
// with their newline so that folding is left to the signer.
SigningRequest parseHttpRequest(const QByteArray &text)
{
    qsizetype headEnd = text.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? text : text.left(headEnd);
    SigningRequest request;
    request.body = headEnd < 0 ? QByteArray() : text.mid(headEnd + 2);

    QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.takeFirst();
    const qsizetype methodEnd = requestLine.indexOf(' ');
    const qsizetype targetEnd = requestLine.lastIndexOf(' ');
    request.method = requestLine.left(methodEnd);
    const QByteArray target = requestLine.mid(methodEnd + 1, targetEnd - methodEnd - 1);
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    request.query = question < 0 ? QByteArray() : target.mid(question + 1);

    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        if ((line.startsWith(' ') || line.startsWith('\t')) && !request.headers.isEmpty()) {
            request.headers.last().second += '\n' + line;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        request.headers.append({line.left(colon), line.mid(colon + 1)});
    }
    return request;
}

QByteArray headerValue(const SigningRequest::Headers &headers, const QByteArray &name)
{
    for (const auto &[headerName, value] : headers) {
        if (headerName.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// Lower-cased names so that the suite's "x-amz-content-sha256" matches our "X-Amz-Content-Sha256".
SigningRequest::Headers normalizedNames(SigningRequest::Headers headers)
{
    for (auto &header : headers)
        header.first = header.first.toLower();
    std::sort(headers.begin(), headers.end());
    return headers;
}

const QDateTime BedrockTime(QDate(2024, 3, 7), QTime(12, 0), Qt::UTC);
const QByteArray BedrockPath = QByteArrayLiteral("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
const QByteArray BedrockBody = QByteArrayLiteral(R"({"messages":[{"role":"user","content":[{"text":"Hello"}]}]})");

SigningRequest bedrockRequest()
{
    SigningRequest request;
    request.method = "POST";
    request.path = BedrockPath;
    request.headers = {{"Host", "bedrock-runtime.us-east-1.amazonaws.com"}, {"Content-Type", "application/json"}};
    request.body = BedrockBody;
    return request;
}

AwsCredentials exampleCredentials(const QString &sessionToken = {})
{
    return {QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), sessionToken};
}

QProcessEnvironment environment(std::initializer_list<std::pair<const char *, const char *>> variables)
{
    QProcessEnvironment result;
    for (const auto &[name, value] : variables)
        result.insert(QString::fromUtf8(name), QString::fromUtf8(value));
    return result;
}

} // namespace

class SigV4SignerTest : public QObject
{
    Q_OBJECT

private slots:
    void officialSuite_data();
    void officialSuite();
    void bedrockModelIdIsEncodedTwice();
    void s3GetObjectExample();
    void bedrockSignatureMatchesReference();
    void signReturnsOnlyAddedHeaders();
    void callerPayloadHashIsSigned();
    void pathNormalization();
    void queryCanonicalization();

    void credentialsFromEnvironment();
    void incompleteEnvironmentIsAnError();
    void credentialsFromProfileFiles();
    void credentialsFileWinsOverConfigFile();
    void missingProfileNamesProfileAndFiles();
    void incompleteProfileNamesKeyAndFile();
    void unsupportedProfileKindIsExplained();
    void awsProfileSelectsSection();
    void environmentKeysWinOverProfile();
    void fileVariablesOverridePaths();
    void nothingConfiguredIsAnAuthError();
    void regionFromProfile();
};

void SigV4SignerTest::officialSuite_data()
{
    QTest::addColumn<QString>("caseDirectory");

    // A missing or empty suite becomes one failing row: QFAIL here would abort the whole run.
    const QString suite = suiteDirectory();
    const QDir directory(suite);
    const QStringList cases
        = suite.isEmpty() ? QStringList() : directory.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    if (cases.isEmpty())
        QTest::newRow("suite-missing") << suite;
    for (const QString &name : cases)
        QTest::newRow(qPrintable(name)) << directory.filePath(name);
}

void SigV4SignerTest::officialSuite()
{
    QFETCH(QString, caseDirectory);
    QVERIFY2(QFileInfo::exists(caseDirectory + QStringLiteral("/request.txt")),
             qPrintable(QStringLiteral("no SigV4 suite case at \"%1\" (build with SIGV4_SUITE_DIR or set "
                                       "GENAIOPS_SHARED_DIR)")
                            .arg(caseDirectory)));
    const QDir directory(caseDirectory);
    const auto expected = [&](const char *name) {
        const QString path = directory.filePath(QLatin1String(name));
        const QByteArray contents = readFile(path);
        if (contents.isEmpty())
            qWarning("missing or empty: %s", qPrintable(path));
        return contents;
    };

    const QByteArray requestText = expected("request.txt");
    const QJsonObject context = QJsonDocument::fromJson(expected("context.json")).object();
    QVERIFY(!requestText.isEmpty());
    QVERIFY(!context.isEmpty());

    const QJsonObject credentialsJson = context.value(QLatin1String("credentials")).toObject();
    const AwsCredentials credentials{credentialsJson.value(QLatin1String("access_key_id")).toString(),
                                     credentialsJson.value(QLatin1String("secret_access_key")).toString(),
                                     credentialsJson.value(QLatin1String("token")).toString()};
    const QDateTime time = QDateTime::fromString(context.value(QLatin1String("timestamp")).toString(), Qt::ISODate);
    QVERIFY(time.isValid());

    SigV4Signer signer(context.value(QLatin1String("region")).toString(),
                       context.value(QLatin1String("service")).toString());
    signer.setNormalizePath(context.value(QLatin1String("normalize")).toBool(true));
    signer.setSignPayloadHeader(context.value(QLatin1String("sign_body")).toBool(false));
    signer.setSignSessionToken(!context.value(QLatin1String("omit_session_token")).toBool(false));

    const SigningRequest request = parseHttpRequest(requestText);
    const SigningRequest prepared = signer.withSigningHeaders(request, credentials, time);
    QCOMPARE(signer.canonicalRequest(prepared), expected("header-canonical-request.txt"));
    QCOMPARE(signer.stringToSign(prepared, time), expected("header-string-to-sign.txt"));
    QCOMPARE(signer.signature(prepared, credentials, time), expected("header-signature.txt"));

    // The signed request must be exactly the original plus what sign() returns.
    const SigningRequest signedRequest = parseHttpRequest(expected("header-signed-request.txt"));
    const SigningRequest::Headers added = signer.sign(request, credentials, time);
    QCOMPARE(headerValue(added, "Authorization"), headerValue(signedRequest.headers, "Authorization"));
    SigningRequest::Headers expectedAdded = signedRequest.headers;
    for (const auto &header : request.headers)
        expectedAdded.removeOne(header);
    QCOMPARE(normalizedNames(added), normalizedNames(expectedAdded));
}

void SigV4SignerTest::bedrockModelIdIsEncodedTwice()
{
    const SigV4Signer signer(QStringLiteral("us-east-1"), QStringLiteral("bedrock"));
    QCOMPARE(signer.canonicalUri(BedrockPath),
             QByteArrayLiteral("/model/anthropic.claude-3-haiku-20240307-v1%253A0/converse"));

    const SigningRequest prepared = signer.withSigningHeaders(bedrockRequest(), exampleCredentials(), BedrockTime);
    QCOMPARE(signer.canonicalRequest(prepared),
             QByteArrayLiteral("POST\n"
                               "/model/anthropic.claude-3-haiku-20240307-v1%253A0/converse\n"
                               "\n"
                               "content-type:application/json\n"
                               "host:bedrock-runtime.us-east-1.amazonaws.com\n"
                               "x-amz-date:20240307T120000Z\n"
                               "\n"
                               "content-type;host;x-amz-date\n"
                               "7421da8d1a0949a481724fee62d5886aacde03836bf58248adb73e8b61ac0d54"));
}

// The Amazon S3 API reference's header-signing example "GET Object" (examplebucket, test.txt with
// a Range header): S3 signs its path as sent, once encoded, and the payload hash header.
void SigV4SignerTest::s3GetObjectExample()
{
    SigV4Signer signer(QStringLiteral("us-east-1"), QStringLiteral("s3"));
    signer.setNormalizePath(false);
    signer.setS3Path(true);
    signer.setSignPayloadHeader(true);
    SigningRequest request;
    request.method = "GET";
    request.path = "/test.txt";
    request.headers = {{"Host", "examplebucket.s3.amazonaws.com"}, {"Range", "bytes=0-9"}};
    const QDateTime at(QDate(2013, 5, 24), QTime(0, 0), Qt::UTC);
    // The S3 documentation's own example keys.
    const AwsCredentials keys{
        QStringLiteral("AKIAIOSFODNN7EXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), {}};
    const SigningRequest prepared = signer.withSigningHeaders(request, keys, at);
    QCOMPARE(signer.canonicalRequest(prepared),
             QByteArrayLiteral("GET\n/test.txt\n\n"
                               "host:examplebucket.s3.amazonaws.com\n"
                               "range:bytes=0-9\n"
                               "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
                               "x-amz-date:20130524T000000Z\n\n"
                               "host;range;x-amz-content-sha256;x-amz-date\n"
                               "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(signer.signature(prepared, keys, at),
             QByteArrayLiteral("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
    // A key with a space is sent as %20 and signed as %20, not %2520.
    QCOMPARE(signer.canonicalUri("/photos/line%203.jpg"), QByteArrayLiteral("/photos/line%203.jpg"));
}

// Expected values come from botocore's SigV4Auth signing the same request at the same time.
void SigV4SignerTest::bedrockSignatureMatchesReference()
{
    const SigV4Signer signer(QStringLiteral("us-east-1"), QStringLiteral("bedrock"));

    const SigningRequest::Headers longTerm = signer.sign(bedrockRequest(), exampleCredentials(), BedrockTime);
    QCOMPARE(headerValue(longTerm, "Authorization"),
             QByteArrayLiteral("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240307/us-east-1/bedrock/aws4_request, "
                               "SignedHeaders=content-type;host;x-amz-date, "
                               "Signature=ef132f07d159add9154e56991f8909062fd4ce50568ba201693b18e063e5d7d4"));

    const SigningRequest::Headers session
        = signer.sign(bedrockRequest(), exampleCredentials(QStringLiteral("session-token-example")), BedrockTime);
    QCOMPARE(headerValue(session, "Authorization"),
             QByteArrayLiteral("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240307/us-east-1/bedrock/aws4_request, "
                               "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, "
                               "Signature=79d372f220bfc13620c91dd7c183080f835c6c9843b87f26cf535df337dccb0e"));
}

void SigV4SignerTest::signReturnsOnlyAddedHeaders()
{
    const SigV4Signer signer(QStringLiteral("us-east-1"), QStringLiteral("bedrock"));
    SigningRequest request = bedrockRequest();
    // A retry carries the previous signature; it must be replaced, not signed.
    request.headers.emplaceBack("X-Amz-Date", "20000101T000000Z");
    request.headers.emplaceBack("Authorization", "stale");

    const SigningRequest::Headers added
        = signer.sign(request, exampleCredentials(QStringLiteral("token")), BedrockTime);
    QCOMPARE(added.size(), 3);
    QCOMPARE(added.at(0), qMakePair(QByteArray("X-Amz-Date"), QByteArray("20240307T120000Z")));
    QCOMPARE(added.at(1), qMakePair(QByteArray("X-Amz-Security-Token"), QByteArray("token")));
    QCOMPARE(added.at(2).first, QByteArray("Authorization"));
    QVERIFY(added.at(2).second.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,"));
}

void SigV4SignerTest::callerPayloadHashIsSigned()
{
    const SigV4Signer signer(QStringLiteral("us-east-1"), QStringLiteral("sagemaker"));
    SigningRequest request = bedrockRequest();
    request.headers.emplaceBack("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD");
    const SigningRequest prepared = signer.withSigningHeaders(request, exampleCredentials(), BedrockTime);
    QVERIFY(signer.canonicalRequest(prepared).endsWith(";x-amz-content-sha256;x-amz-date\nUNSIGNED-PAYLOAD"));
}

void SigV4SignerTest::pathNormalization()
{
    SigV4Signer signer(QStringLiteral("us-east-1"), QStringLiteral("sagemaker"));
    QCOMPARE(signer.canonicalUri(""), QByteArray("/"));
    QCOMPARE(signer.canonicalUri("/a/b/../c/./d/"), QByteArray("/a/c/d/"));
    QCOMPARE(signer.canonicalUri("/a/b/.."), QByteArray("/a/"));
    QCOMPARE(signer.canonicalUri("/../a"), QByteArray("/a"));
    QCOMPARE(signer.canonicalUri("/a b/%20"), QByteArray("/a%20b/%2520"));
    signer.setNormalizePath(false);
    QCOMPARE(signer.canonicalUri("/a/./b//"), QByteArray("/a/./b//"));
}

void SigV4SignerTest::queryCanonicalization()
{
    QCOMPARE(SigV4Signer::canonicalQuery("b=2&a=1&a=&c"), QByteArray("a=&a=1&b=2&c="));
    QCOMPARE(SigV4Signer::canonicalQuery("q=a%20b+c&x=%7e%2f"), QByteArray("q=a%20b%2Bc&x=~%2F"));
    QCOMPARE(SigV4Signer::canonicalQuery("&&"), QByteArray());
}

void SigV4SignerTest::credentialsFromEnvironment()
{
    const Result<AwsCredentials> result
        = AwsCredentialResolver::fromEnvironment(environment({{"AWS_ACCESS_KEY_ID", "AKIDENV"},
                                                              {"AWS_SECRET_ACCESS_KEY", "secret/env+key"},
                                                              {"AWS_SESSION_TOKEN", "token-env"}}));
    QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().describe()));
    QCOMPARE(result.value().accessKeyId, QStringLiteral("AKIDENV"));
    QCOMPARE(result.value().secretAccessKey, QStringLiteral("secret/env+key"));
    QCOMPARE(result.value().sessionToken, QStringLiteral("token-env"));
    QVERIFY(result.value().isValid());
}

void SigV4SignerTest::incompleteEnvironmentIsAnError()
{
    const Result<AwsCredentials> halfSet
        = AwsCredentialResolver::fromEnvironment(environment({{"AWS_ACCESS_KEY_ID", "AKIDENV"}}));
    QVERIFY(!halfSet);
    QCOMPARE(halfSet.error().kind, Error::Kind::Input);
    QVERIFY(halfSet.error().message.contains(QLatin1String("AWS_SECRET_ACCESS_KEY")));

    const Result<AwsCredentials> unset = AwsCredentialResolver::fromEnvironment(QProcessEnvironment());
    QVERIFY(!unset);
    QCOMPARE(unset.error().kind, Error::Kind::Auth);
}

void SigV4SignerTest::credentialsFromProfileFiles()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString credentialsFile = home.filePath(QStringLiteral(".aws/credentials"));
    const QString configFile = home.filePath(QStringLiteral(".aws/config"));
    QVERIFY(writeFile(credentialsFile,
                      "# keys for the lab account\n"
                      "[default]\n"
                      "aws_access_key_id = AKIDDEFAULT\n"
                      "aws_secret_access_key = default/Secret+Key==\n"
                      "\n"
                      "[dev]\n"
                      "AWS_Access_Key_Id=AKIDDEV\n"
                      "aws_secret_access_key=devSecret\n"
                      "aws_session_token = dev-token\n"));
    QVERIFY(writeFile(configFile,
                      "[profile staging]\n"
                      "region = eu-west-1\n"
                      "aws_access_key_id = AKIDSTAGING\n"
                      "aws_secret_access_key = stagingSecret\n"));

    const Result<AwsCredentials> defaults
        = AwsCredentialResolver::fromProfile(QStringLiteral("default"), credentialsFile, configFile);
    QVERIFY2(defaults.ok(), qPrintable(defaults ? QString() : defaults.error().describe()));
    QCOMPARE(defaults.value().accessKeyId, QStringLiteral("AKIDDEFAULT"));
    QCOMPARE(defaults.value().secretAccessKey, QStringLiteral("default/Secret+Key=="));
    QVERIFY(defaults.value().sessionToken.isEmpty());

    const Result<AwsCredentials> dev
        = AwsCredentialResolver::fromProfile(QStringLiteral("dev"), credentialsFile, configFile);
    QVERIFY(dev.ok());
    QCOMPARE(dev.value().accessKeyId, QStringLiteral("AKIDDEV"));
    QCOMPARE(dev.value().sessionToken, QStringLiteral("dev-token"));

    const Result<AwsCredentials> staging
        = AwsCredentialResolver::fromProfile(QStringLiteral("staging"), credentialsFile, configFile);
    QVERIFY(staging.ok());
    QCOMPARE(staging.value().accessKeyId, QStringLiteral("AKIDSTAGING"));
}

void SigV4SignerTest::credentialsFileWinsOverConfigFile()
{
    QTemporaryDir home;
    const QString credentialsFile = home.filePath(QStringLiteral("credentials"));
    const QString configFile = home.filePath(QStringLiteral("config"));
    QVERIFY(writeFile(credentialsFile, "[dev]\naws_access_key_id=FROMCREDENTIALS\naws_secret_access_key=a\n"));
    QVERIFY(writeFile(configFile, "[profile dev]\naws_access_key_id=FROMCONFIG\naws_secret_access_key=b\n"));

    const Result<AwsCredentials> dev
        = AwsCredentialResolver::fromProfile(QStringLiteral("dev"), credentialsFile, configFile);
    QVERIFY(dev.ok());
    QCOMPARE(dev.value().accessKeyId, QStringLiteral("FROMCREDENTIALS"));
}

void SigV4SignerTest::missingProfileNamesProfileAndFiles()
{
    QTemporaryDir home;
    const QString credentialsFile = home.filePath(QStringLiteral("credentials"));
    const QString configFile = home.filePath(QStringLiteral("config"));
    QVERIFY(writeFile(credentialsFile, "[default]\naws_access_key_id=A\naws_secret_access_key=B\n"));

    const Result<AwsCredentials> result
        = AwsCredentialResolver::fromProfile(QStringLiteral("production"), credentialsFile, configFile);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Input);
    const QString message = result.error().describe();
    QVERIFY2(message.contains(QLatin1String("\"production\"")), qPrintable(message));
    QVERIFY2(message.contains(QDir::toNativeSeparators(credentialsFile)), qPrintable(message));
    QVERIFY2(message.contains(QDir::toNativeSeparators(configFile)), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("[profile production]")), qPrintable(message));
}

void SigV4SignerTest::incompleteProfileNamesKeyAndFile()
{
    QTemporaryDir home;
    const QString credentialsFile = home.filePath(QStringLiteral("credentials"));
    QVERIFY(writeFile(credentialsFile, "[broken]\naws_access_key_id = AKIDBROKEN\n"));

    const Result<AwsCredentials> result = AwsCredentialResolver::fromProfile(QStringLiteral("broken"), credentialsFile,
                                                                             home.filePath(QStringLiteral("config")));
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Input);
    QCOMPARE(result.error().where, credentialsFile);
    QVERIFY(result.error().message.contains(QLatin1String("\"broken\"")));
    QVERIFY(result.error().message.contains(QLatin1String("aws_secret_access_key")));
}

void SigV4SignerTest::unsupportedProfileKindIsExplained()
{
    QTemporaryDir home;
    const QString configFile = home.filePath(QStringLiteral("config"));
    QVERIFY(writeFile(configFile,
                      "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\n"
                      "source_profile = default\n"));

    const Result<AwsCredentials> result = AwsCredentialResolver::fromProfile(
        QStringLiteral("admin"), home.filePath(QStringLiteral("credentials")), configFile);
    QVERIFY(!result);
    QVERIFY(result.error().message.contains(QLatin1String("role_arn")));
    QCOMPARE(result.error().where, configFile);
}

void SigV4SignerTest::awsProfileSelectsSection()
{
    QTemporaryDir home;
    QVERIFY(writeFile(home.filePath(QStringLiteral(".aws/credentials")),
                      "[default]\naws_access_key_id=AKIDDEFAULT\naws_secret_access_key=a\n"
                      "[dev]\naws_access_key_id=AKIDDEV\naws_secret_access_key=b\n"));

    const Result<AwsCredentials> chosen
        = AwsCredentialResolver::resolveDefault(environment({{"AWS_PROFILE", "dev"}}), home.path());
    QVERIFY(chosen.ok());
    QCOMPARE(chosen.value().accessKeyId, QStringLiteral("AKIDDEV"));

    const Result<AwsCredentials> fallback = AwsCredentialResolver::resolveDefault(QProcessEnvironment(), home.path());
    QVERIFY(fallback.ok());
    QCOMPARE(fallback.value().accessKeyId, QStringLiteral("AKIDDEFAULT"));

    const Result<AwsCredentials> missing
        = AwsCredentialResolver::resolveDefault(environment({{"AWS_PROFILE", "qa"}}), home.path());
    QVERIFY(!missing);
    QVERIFY(missing.error().message.contains(QLatin1String("\"qa\"")));
}

void SigV4SignerTest::environmentKeysWinOverProfile()
{
    QTemporaryDir home;
    QVERIFY(writeFile(home.filePath(QStringLiteral(".aws/credentials")),
                      "[dev]\naws_access_key_id=AKIDDEV\naws_secret_access_key=b\n"));
    const QProcessEnvironment variables = environment(
        {{"AWS_PROFILE", "dev"}, {"AWS_ACCESS_KEY_ID", "AKIDENV"}, {"AWS_SECRET_ACCESS_KEY", "envSecret"}});
    const Result<AwsCredentials> result = AwsCredentialResolver::resolveDefault(variables, home.path());
    QVERIFY(result.ok());
    QCOMPARE(result.value().accessKeyId, QStringLiteral("AKIDENV"));
}

void SigV4SignerTest::fileVariablesOverridePaths()
{
    QTemporaryDir home;
    const QString credentialsFile = home.filePath(QStringLiteral("elsewhere/keys.ini"));
    const QString configFile = home.filePath(QStringLiteral("elsewhere/settings.ini"));
    QVERIFY(writeFile(credentialsFile, "[default]\naws_access_key_id=AKIDELSEWHERE\naws_secret_access_key=a\n"));
    QVERIFY(writeFile(configFile, "[default]\nregion = ap-southeast-2\n"));
    QVERIFY(writeFile(home.filePath(QStringLiteral(".aws/credentials")),
                      "[default]\naws_access_key_id=AKIDHOME\naws_secret_access_key=b\n"));

    const QProcessEnvironment variables = environment(
        {{"AWS_SHARED_CREDENTIALS_FILE", "~/elsewhere/keys.ini"}, {"AWS_CONFIG_FILE", "~/elsewhere/settings.ini"}});
    const Result<AwsCredentials> result = AwsCredentialResolver::resolveDefault(variables, home.path());
    QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().describe()));
    QCOMPARE(result.value().accessKeyId, QStringLiteral("AKIDELSEWHERE"));
    QCOMPARE(AwsCredentialResolver::resolveRegion(variables, home.path()), QStringLiteral("ap-southeast-2"));
}

void SigV4SignerTest::nothingConfiguredIsAnAuthError()
{
    QTemporaryDir home;
    const Result<AwsCredentials> result = AwsCredentialResolver::resolveDefault(QProcessEnvironment(), home.path());
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Auth);
    QVERIFY(result.error().message.contains(QLatin1String("AWS_ACCESS_KEY_ID")));
}

void SigV4SignerTest::regionFromProfile()
{
    QTemporaryDir home;
    const QString configFile = home.filePath(QStringLiteral(".aws/config"));
    // The nested s3 block is indented: its keys belong to "s3" and must not replace the profile's region.
    QVERIFY(writeFile(configFile,
                      "[default]\n"
                      "region = eu-west-1\n"
                      "[profile dev]\n"
                      "region=us-west-2\n"
                      "s3 =\n"
                      "    region = cn-north-1\n"
                      "[dev]\n"
                      "region = wrong-section\n"));

    QCOMPARE(AwsCredentialResolver::regionFromProfile(QStringLiteral("default"), configFile),
             QStringLiteral("eu-west-1"));
    QCOMPARE(AwsCredentialResolver::regionFromProfile(QStringLiteral("dev"), configFile), QStringLiteral("us-west-2"));
    QVERIFY(AwsCredentialResolver::regionFromProfile(QStringLiteral("absent"), configFile).isEmpty());

    QCOMPARE(AwsCredentialResolver::resolveRegion(environment({{"AWS_PROFILE", "dev"}}), home.path()),
             QStringLiteral("us-west-2"));
    const QProcessEnvironment regionSet = environment({{"AWS_PROFILE", "dev"}, {"AWS_REGION", "sa-east-1"}});
    QCOMPARE(AwsCredentialResolver::resolveRegion(regionSet, home.path()), QStringLiteral("sa-east-1"));
}

QTEST_GUILESS_MAIN(SigV4SignerTest)
#include "tst_sigv4signer.moc"
