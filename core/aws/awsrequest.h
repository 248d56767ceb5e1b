#pragma once

#include <QByteArray>
#include <QString>

class QUrl;

// What every signed AWS call shares, whichever service it goes to (Bedrock Runtime, SageMaker, STS).
class AwsRequest
{
public:
    // The Host header for `url`. Qt sends ours unchanged, so the value signed is the value sent.
    static QByteArray hostHeader(const QUrl &url);
    // Whether an AWS error type or code means the credentials or the signature were refused, in the
    // JSON protocols' spelling ("InvalidSignatureException") and the Query protocol's ("SignatureDoesNotMatch").
    static bool isAuthError(const QString &type);
};
