#include "providerload.h"

#include "core/eval/evalrunner.h"
#include "core/eval/itemevaluation.h"
#include "core/eval/itemrequests.h"
#include "core/providers/chatcall.h"
#include "core/providers/chatprovider.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

ProviderLoad::Outcome ProviderLoad::run(const ProviderConfig &config, const QList<EvalItem> &items, int concurrency,
                                        bool stream)
{
    const int perManager = EvalRunner::callsPerManager;
    const int managerCount = (concurrency + perManager - 1) / perManager;
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    std::vector<std::unique_ptr<ChatProvider>> providers;
    for (int index = 0; index < managerCount; ++index) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        providers.push_back(ChatProvider::create(config, managers.back().get()));
    }
    std::vector<int> inFlight(size_t(managerCount), 0);

    Outcome outcome;
    QEventLoop loop;
    qsizetype next = 0;
    int running = 0;
    // Each call goes to the manager with the fewest calls, as the runner's lanes do.
    std::function<void()> fill = [&] {
        while (running < concurrency && next < items.size()) {
            ChatRequest request = ItemRequests::generation(items[next++]);
            request.stream = stream;
            const auto lane = size_t(std::min_element(inFlight.begin(), inFlight.end()) - inFlight.begin());
            ++inFlight[lane];
            ++running;
            ChatCall *call = providers[lane]->start(request, &loop);
            QObject::connect(call, &ChatCall::finished, &loop, [&, call, lane](const Result<ChatResult> &result) {
                call->deleteLater();
                --inFlight[lane];
                --running;
                if (!result && outcome.failed++ == 0)
                    outcome.firstError = result.error().describe();
                fill();
                if (running == 0)
                    loop.quit();
            });
        }
    };
    QElapsedTimer clock;
    clock.start();
    fill();
    if (running > 0)
        loop.exec();
    outcome.wallMs = double(clock.nsecsElapsed()) / 1e6;
    return outcome;
}
