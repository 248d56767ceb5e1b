#include "rawconcurrentload.h"

#include "rawstreamclient.h"

#include <QMutex>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

RawConcurrentLoad::Outcome RawConcurrentLoad::run(quint16 port, const QByteArray &path, const QList<QByteArray> &bodies,
                                                  int concurrency)
{
    Outcome outcome;
    outcome.requests = int(bodies.size());
    std::atomic<int> next{0};
    std::atomic<int> failed{0};
    QMutex errorLock;

    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    threads.reserve(size_t(concurrency));
    for (int thread = 0; thread < concurrency; ++thread) {
        threads.emplace_back([&] {
            RawStreamClient client(port);
            for (int index = next++; index < bodies.size(); index = next++) {
                // The same kind of request the workbench sent: streamed, or one whole answer.
                const bool streamed = bodies[index].contains("\"stream\":true");
                const QString problem = streamed ? [&] {
                    const Result<double> answered = client.timeToFirstToken(path, bodies[index]);
                    return answered ? QString() : answered.error().describe();
                }()
                                                 : [&] {
                    const Result<QByteArray> answered = client.exchange("POST", path, bodies[index]);
                    return answered ? QString() : answered.error().describe();
                }();
                if (problem.isEmpty())
                    continue;
                ++failed;
                const QMutexLocker locker(&errorLock);
                if (outcome.firstError.isEmpty())
                    outcome.firstError = problem;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    outcome.wallMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    outcome.failed = failed;
    return outcome;
}
