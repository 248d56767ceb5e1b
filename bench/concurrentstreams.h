#pragma once

#include "core/providers/chatprovider.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QNetworkAccessManager;

// Starts many streamed calls at once through the workbench's providers, spread round-robin over the
// given network access managers, and samples this process's resident memory until all have ended.
class ConcurrentStreams : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        int streams = 0;
        int failed = 0;
        QString firstError;
        int peakOpen = 0; // streams that had shown text and not yet finished, at most at once
        qint64 residentBeforeKiB = 0;
        qint64 residentPeakKiB = 0; // highest sample while the calls ran
        qint64 residentAllOpenKiB = -1; // highest sample while every stream was open; -1 if never
        double wallMs = 0; // first start() → last finished()
        double startSpanMs = 0; // first start() → last start()
    };

    ConcurrentStreams(const QList<QNetworkAccessManager *> &managers, const ProviderConfig &config,
                      const ChatRequest &request, QObject *parent = nullptr);

    // Starts one call every `startIntervalMs` (all at once when 0) and returns when all have ended.
    Outcome run(int streams, int startIntervalMs = 0);

private:
    void startOne();
    void sample();

    std::vector<std::unique_ptr<ChatProvider>> m_providers;
    ChatRequest m_request;
    QEventLoop m_loop;
    QElapsedTimer m_clock;
    Outcome m_outcome;
    int m_started = 0;
    int m_ended = 0;
    int m_open = 0;
};
