#pragma once

#include "core/aws/awscredentials.h"
#include "core/common/result.h"

#include <QCache>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

// Reads objects from Amazon S3 with a header-signed GetObject (SigV4, service "s3", the path
// signed as sent), for the inspection images devices store there. Virtual-hosted style against
// AWS, path style against an endpoint override (an S3-compatible store, the tests' server). The
// last objects read are kept in memory (up to 64 MB), so going back to an image costs no request.
class S3ObjectReader : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QString region;
        AwsCredentials credentials;
        QUrl endpointUrl; // empty: https://BUCKET.s3.REGION.amazonaws.com
    };

    explicit S3ObjectReader(Settings settings, QObject *parent = nullptr);

    // "s3://bucket/key/with/slashes" → bucket and key; nullopt for anything else.
    static std::optional<std::pair<QString, QString>> parseUri(const QString &uri);

    // Reads `uri` and hands `done` the bytes or what went wrong (Auth for refused credentials,
    // Input for a missing object, Network or Service otherwise). `done` is not called once
    // `context` is gone.
    void read(const QString &uri, QObject *context, std::function<void(Result<QByteArray>)> done);
    int requestsSent() const { return m_requests; }

private:
    QUrl objectUrl(const QString &bucket, const QString &key) const;
    static Error errorOf(int status, const QByteArray &body, const QString &uri);

    Settings m_settings;
    QNetworkAccessManager m_network;
    QCache<QString, QByteArray> m_cache{64 * 1024}; // cost in KiB
    int m_requests = 0;
};
