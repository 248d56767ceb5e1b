// A team workspace on a real PostgreSQL (started here, as the tests start it), measured against the
// same work on SQLite in the same run where there is a peer:
//   notify    a registration committed on one connection until the listening workspace worker
//             hands the notification to its owner's thread (what a panel reacts to): p50 and p99
//   decide    decisions per second with 8 officers, each on a connection of their own, promoting
//             versions of their own group to Prod at once (every rule checked by the database)
//   eval      a run of --items items at --concurrency against openai_server.py with --latency-ms:
//             its rate on PostgreSQL over its rate on SQLite (goal ≥ 0.9), --repeats times each
//   open      RunTable::load of a run of --open-items results from PostgreSQL and from SQLite (goal < 1 s)
#include "benchfigures.h"
#include "common/postgresserver.h"
#include "core/eval/runtable.h"
#include "core/registry/registryservice.h"
#include "core/registry/workspaceregistrybackend.h"
#include "core/storage/workspace.h"
#include "core/storage/workspaceworker.h"
#include "core/team/teamroles.h"
#include "core/workspaceschema.h"
#include "goldendatasetfile.h"
#include "rawpostgresread.h"
#include "syntheticrun.h"
#include "testserverprocess.h"
#include "workbenchevalrun.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

Decision decisionOf(DecisionAction action, const QString &group, int version, std::optional<Stage> stage = std::nullopt,
                    const QString &comment = {})
{
    Decision decision;
    decision.action = action;
    decision.group = group;
    decision.version = version;
    decision.toStage = stage;
    decision.comment = comment;
    return decision;
}

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> values, double share)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(share * double(values.size() - 1) + 0.5))];
}

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "bench_team_workspace: %s\n", qPrintable(what));
    std::exit(1);
}

std::unique_ptr<Workspace> openOrFail(const QString &location)
{
    auto opened = Workspace::open(location, Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
    if (!opened)
        fail(opened.error().describe());
    return std::move(opened.value());
}

// A version of `group` in Test, put there by the owner's connection in alice's and bob's names.
int versionInTest(RegistryService &service, const QString &group)
{
    ModelVersion version;
    version.group = group;
    version.artifactUri = u"s3://bench/"_s + group;
    auto registered = service.registerVersion(version, Actor{u"alice"_s, Role::DataScientist});
    if (!registered)
        fail(registered.error().describe());
    const int number = registered.value().version.version;
    if (auto dev
        = service.decide(decisionOf(DecisionAction::Approve, group, number), {u"alice"_s, Role::DataScientist});
        !dev)
        fail(dev.error().describe());
    if (auto test
        = service.decide(decisionOf(DecisionAction::Promote, group, number, Stage::Test), {u"bob"_s, Role::AiEngineer});
        !test)
        fail(test.error().describe());
    return number;
}

void notifyPhase(PostgresServer &server, const QString &database, int samples, QJsonObject &figures)
{
    WorkspaceWorker listener;
    bool opened = false;
    listener.open(server.uri(u"dave"_s, database), Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules(),
                  &listener, [&](Result<Workspace::Info> info) {
                      if (!info)
                          fail(info.error().describe());
                      opened = true;
                  });
    while (!opened)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    std::vector<Clock::time_point> sent(static_cast<std::size_t>(samples));
    std::vector<double> latencies;
    std::atomic<int> started{0}; // sent[i] is written before started passes i
    QObject::connect(&listener, &WorkspaceWorker::notified, &listener, [&](const QString &channel) {
        if (channel == u"genaiops_registry"_s && int(latencies.size()) < started.load())
            latencies.push_back(
                std::chrono::duration<double, std::milli>(Clock::now() - sent[latencies.size()]).count());
    });
    std::thread decider([&]() {
        auto alice = Workspace::open(server.uri(u"alice"_s, database), Workspace::OpenMode::ExistingOnly,
                                     WorkspaceSchema::modules());
        if (!alice)
            fail(alice.error().describe());
        WorkspaceRegistryBackend backend(*alice.value());
        RegistryService service(backend, *alice.value());
        for (int sample = 0; sample < samples; ++sample) {
            ModelVersion version;
            version.group = u"notify"_s;
            version.artifactUri = u"s3://bench/notify"_s;
            sent[std::size_t(sample)] = Clock::now();
            started.fetch_add(1);
            if (auto registered = service.registerVersion(version, {u"alice"_s, Role::DataScientist}); !registered)
                fail(registered.error().describe());
            std::this_thread::sleep_for(std::chrono::milliseconds(20)); // one at a time, as people decide
        }
    });
    QElapsedTimer waited;
    waited.start();
    while (int(latencies.size()) < samples && waited.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    decider.join();
    const double p50 = percentile(latencies, 0.5);
    const double p99 = percentile(latencies, 0.99);
    std::printf("notify: %zu of %d registrations reached the listening worker's owner thread; from the call to the "
                "signal p50 %.2f ms, p99 %.2f ms (goal: within 1000 ms: %s)\n",
                latencies.size(), samples, p50, p99, verdict(int(latencies.size()) == samples && p99 < 1000));
    figures.insert(u"notify_p50_ms"_s, p50);
    figures.insert(u"notify_p99_ms"_s, p99);
}

void decidePhase(PostgresServer &server, const QString &database, RegistryService &owner, int perOfficer,
                 QJsonObject &figures)
{
    constexpr int officers = 8;
    std::vector<std::vector<int>> versions(officers);
    for (int officer = 0; officer < officers; ++officer)
        for (int index = 0; index < perOfficer; ++index)
            versions[std::size_t(officer)].push_back(versionInTest(owner, u"group-%1"_s.arg(officer)));
    std::atomic<int> refused{0};
    std::vector<std::thread> threads;
    const Clock::time_point start = Clock::now();
    for (int officer = 0; officer < officers; ++officer)
        threads.emplace_back([&, officer]() {
            const QString login = u"officer%1"_s.arg(officer + 1);
            auto workspace = Workspace::open(server.uri(login, database), Workspace::OpenMode::ExistingOnly,
                                             WorkspaceSchema::modules());
            if (!workspace)
                fail(workspace.error().describe());
            WorkspaceRegistryBackend backend(*workspace.value());
            RegistryService service(backend, *workspace.value());
            const Actor actor{login, Role::GovernanceOfficer};
            for (int number : versions[std::size_t(officer)]) {
                Decision prod
                    = decisionOf(DecisionAction::Promote, u"group-%1"_s.arg(officer), number, Stage::Prod, u"bench"_s);
                prod.overrideReason = u"bench: no evaluation run"_s;
                if (auto decided = service.decide(prod, actor); !decided && refused.fetch_add(1) == 0)
                    std::fprintf(stderr, "decide: the first refusal: %s\n", qPrintable(decided.error().describe()));
            }
        });
    for (std::thread &thread : threads)
        thread.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const int decided = officers * perOfficer - refused.load();
    std::printf("decide: %d officers, %d Prod promotions (each archiving the one before) in %.2f s: %.1f decisions/s, "
                "%d refused\n",
                officers, decided, seconds, double(decided) / seconds, refused.load());
    figures.insert(u"decisions_per_second"_s, double(decided) / seconds);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"A team workspace on PostgreSQL against the same work on SQLite."_s);
    parser.addHelpOption();
    const QCommandLineOption itemsOption(u"items"_s, u"items of the eval run (default 1000)"_s, u"N"_s, u"1000"_s);
    const QCommandLineOption concurrencyOption(u"concurrency"_s, u"calls at once (default 16)"_s, u"C"_s, u"16"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, u"endpoint latency (default 50)"_s, u"MS"_s, u"50"_s);
    const QCommandLineOption openOption(u"open-items"_s, u"results of the run opened (default 100000)"_s, u"N"_s,
                                        u"100000"_s);
    const QCommandLineOption repeatsOption(u"repeats"_s, u"eval runs per engine (default 3)"_s, u"R"_s, u"3"_s);
    parser.addOptions({itemsOption, concurrencyOption, latencyOption, openOption, repeatsOption});
    parser.process(app);
    const int items = parser.value(itemsOption).toInt();
    const int concurrency = parser.value(concurrencyOption).toInt();
    const int latency = parser.value(latencyOption).toInt();
    const int openItems = parser.value(openOption).toInt();
    const int repeats = qMax(1, parser.value(repeatsOption).toInt());
    OtherLoad load;
    load.start();

    QString error;
    PostgresServer *server = PostgresServer::shared(&error);
    if (!server)
        fail(error);
    for (int officer = 1; officer <= 8; ++officer)
        if (!server->addLogin(u"officer%1"_s.arg(officer), &error))
            fail(error);
    QJsonObject figures;
    const QString registry = server->createDatabase(u"registry"_s, &error);
    if (registry.isEmpty())
        fail(error);
    auto owner = openOrFail(server->uri(u"owner"_s, registry));
    TeamRoles roles(*owner);
    for (const auto &[person, role] : {std::pair{u"alice"_s, u"data-scientist"_s}, {u"dave"_s, u"reviewer"_s}})
        if (!roles.grant(person, role))
            fail(u"grant "_s + person);
    for (int officer = 1; officer <= 8; ++officer)
        if (!roles.grant(u"officer%1"_s.arg(officer), u"governance-officer"_s))
            fail(u"grant officer"_s);
    notifyPhase(*server, registry, 200, figures);
    WorkspaceRegistryBackend ownerBackend(*owner);
    RegistryService ownerService(ownerBackend, *owner);
    decidePhase(*server, registry, ownerService, 25, figures);

    QTemporaryDir directory;
    const QString dataset = directory.filePath(u"golden.jsonl"_s);
    if (!GoldenDatasetFile::write(dataset, items, GoldenDatasetFile::Responses::Without))
        fail(u"dataset"_s);
    TestServerProcess endpoint;
    if (Status started = endpoint.start(QStringLiteral(GENAIOPS_SOURCE_DIR "/tests/servers/openai_server.py"),
                                        {u"--no-split"_s, u"--latency-ms"_s, QString::number(latency)});
        !started)
        fail(started.error().describe());
    const QString baseUrl = u"http://127.0.0.1:%1/v1"_s.arg(endpoint.port());
    Repeats sqliteRates(false);
    Repeats postgresRates(false);
    for (int repeat = 0; repeat < repeats; ++repeat)
        for (bool team : {false, true}) {
            const QString location = team ? server->uri(u"owner"_s, server->createDatabase(u"eval"_s, &error))
                                          : directory.filePath(u"eval-%1.genaiops"_s.arg(repeat));
            auto outcome = WorkbenchEvalRun::run({location, dataset, baseUrl, u"bench-model"_s, concurrency});
            if (!outcome)
                fail(outcome.error().describe());
            (team ? postgresRates : sqliteRates).add(double(outcome.value().done) / outcome.value().wallMs * 1000);
        }
    const double rateRatio = postgresRates.median() / sqliteRates.median();
    std::printf("eval: %d items at concurrency %d, %d ms endpoint: %s items/s on PostgreSQL, %s on SQLite "
                "(median / worst of %d); ratio %.3f (goal ≥ 0.9: %s)\n",
                items, concurrency, latency, qPrintable(postgresRates.medianAndWorst()),
                qPrintable(sqliteRates.medianAndWorst()), repeats, rateRatio, verdict(rateRatio >= 0.9));
    figures.insert(u"eval_rate_ratio"_s, rateRatio);

    const QString openDataset = directory.filePath(u"open.jsonl"_s);
    if (!GoldenDatasetFile::write(openDataset, openItems, GoldenDatasetFile::Responses::With))
        fail(u"dataset"_s);
    for (bool team : {false, true}) {
        auto workspace = openOrFail(team ? server->uri(u"owner"_s, server->createDatabase(u"open"_s, &error))
                                         : directory.filePath(u"open.genaiops"_s));
        auto run = SyntheticRun::create(*workspace, openDataset, 5000);
        if (!run)
            fail(run.error().describe());
        Repeats opens, floors, ratios;
        for (int repeat = 0; repeat < 3; ++repeat) {
            QElapsedTimer clock;
            clock.start();
            auto table = RunTable::load(*workspace, run.value());
            if (!table)
                fail(table.error().describe());
            const double openMs = double(clock.nsecsElapsed()) / 1e6;
            opens.add(openMs);
            if (!team)
                continue;
            // The floor: the same rows through libpq in one result set each, on a connection of its own.
            QString problem;
            const double floorMs = readRunRawPostgres(workspace->location(), run.value(), table.value().run.datasetId,
                                                      table.value().metrics, &problem);
            if (floorMs < 0)
                fail(problem);
            floors.add(floorMs);
            ratios.add(openMs / floorMs);
        }
        if (team) {
            std::printf("open: a run of %d results from PostgreSQL in %s ms (median / worst of 3; goal < 1000 ms: %s); "
                        "floor (the same rows through libpq) %s ms; open ÷ floor %.2f / %.2f (limit 3×: %s)\n",
                        openItems, qPrintable(opens.medianAndWorst()), verdict(opens.worst() < 1000),
                        qPrintable(floors.medianAndWorst()), ratios.median(), ratios.worst(),
                        verdict(ratios.worst() <= 3));
            figures.insert(u"open_postgresql_floor_ms"_s, floors.median());
            figures.insert(u"open_postgresql_floor_ratio"_s, ratios.worst());
        } else {
            std::printf("open: a run of %d results from SQLite in %s ms (median / worst of 3)\n", openItems,
                        qPrintable(opens.medianAndWorst()));
        }
        figures.insert(team ? u"open_postgresql_ms"_s : u"open_sqlite_ms"_s, opens.median());
    }
    std::printf("%s\n", qPrintable(load.describe()));
    std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
    return 0;
}
