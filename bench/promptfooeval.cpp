#include "promptfooeval.h"

#include "core/eval/itemrequests.h"
#include "processcpu.h"
#include "processmemory.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace {

const QString DefaultExecutable = u"/tmp/promptfoo-bench/node_modules/.bin/promptfoo"_s;
// Connections to it are refused at once, so a request meant for the internet fails without a DNS
// lookup or a wait.
const QString DeadProxy = u"http://127.0.0.1:9"_s;

// YAML is a superset of JSON, so the config is written as JSON: no quoting rules of our own.
QByteArray config(const PromptfooEval::Settings &settings, const QList<EvalItem> &items)
{
    const QString system = ItemRequests::generation(items.value(0)).system;
    const QJsonArray chat{QJsonObject{{"role"_L1, "system"_L1}, {"content"_L1, system}},
                          QJsonObject{{"role"_L1, "user"_L1}, {"content"_L1, "{{prompt}}"_L1}}};
    QJsonArray tests;
    for (const EvalItem &item : items) {
        const ChatRequest request = ItemRequests::generation(item);
        tests.append(QJsonObject{
            {"vars"_L1,
             QJsonObject{{"prompt"_L1, request.messages.constLast().text}, {"question"_L1, item.question}}}});
    }
    const QJsonObject provider{
        {"id"_L1, QString(u"openai:chat:"_s + settings.model)},
        {"config"_L1,
         QJsonObject{{"apiBaseUrl"_L1, settings.baseUrl},
                     {"apiKey"_L1, "dummy"_L1},
                     {"max_tokens"_L1, ItemRequests::generation(items.value(0)).parameters.maxTokens}}}};
    const QJsonObject root{
        {"description"_L1, "bench_eval_throughput"_L1},
        {"prompts"_L1, QJsonArray{QString::fromUtf8(QJsonDocument(chat).toJson(QJsonDocument::Compact))}},
        {"providers"_L1, QJsonArray{provider}},
        // The server echoes the user message, so the answer contains the question.
        {"defaultTest"_L1,
         QJsonObject{
             {"assert"_L1, QJsonArray{QJsonObject{{"type"_L1, "contains"_L1}, {"value"_L1, "{{question}}"_L1}}}}}},
        {"tests"_L1, tests}};
    return QJsonDocument(root).toJson();
}

QProcessEnvironment offlineEnvironment(const QString &directory)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"PROMPTFOO_DISABLE_TELEMETRY", "PROMPTFOO_DISABLE_UPDATE", "PROMPTFOO_DISABLE_SHARING",
                             "PROMPTFOO_DISABLE_REMOTE_GENERATION", "PROMPTFOO_DISABLE_REDTEAM_REMOTE_GENERATION",
                             "PROMPTFOO_DISABLE_RUNTIME_WARNINGS"})
        environment.insert(QString::fromLatin1(name), u"1"_s);
    environment.insert(u"PROMPTFOO_CONFIG_DIR"_s, directory + u"/promptfoo-home"_s);
    environment.insert(u"OPENAI_API_KEY"_s, u"dummy"_s);
    for (const QString &name : {u"HTTPS_PROXY"_s, u"HTTP_PROXY"_s, u"https_proxy"_s, u"http_proxy"_s})
        environment.insert(name, DeadProxy);
    environment.insert(u"NO_PROXY"_s, u"127.0.0.1,localhost"_s);
    environment.insert(u"no_proxy"_s, u"127.0.0.1,localhost"_s);
    return environment;
}

Error processFailure(QProcess &process, const QString &what)
{
    const QString errors = QString::fromUtf8(process.readAllStandardError()).trimmed().right(2000);
    return makeError(Error::Kind::Service, what + (errors.isEmpty() ? QString() : u"; its stderr ends: "_s + errors),
                     process.program());
}

} // namespace

QString PromptfooEval::findExecutable(const QString &given)
{
    if (!given.isEmpty())
        return given;
    return QFileInfo(DefaultExecutable).isExecutable() ? DefaultExecutable : QString();
}

Result<PromptfooEval::Outcome> PromptfooEval::run(const Settings &settings, const QList<EvalItem> &items)
{
    const QString configPath = settings.directory + u"/promptfooconfig.yaml"_s;
    const QString outputPath = settings.directory + u"/promptfoo-output.json"_s;
    QFile configFile(configPath);
    if (!configFile.open(QIODevice::WriteOnly) || configFile.write(config(settings, items)) < 0 || !configFile.flush())
        return makeError(Error::Kind::Input, configFile.errorString(), configPath);
    configFile.close();

    Outcome outcome;
    QProcess process;
    process.setProgram(settings.executable);
    process.setProcessEnvironment(offlineEnvironment(settings.directory));
    process.setWorkingDirectory(settings.directory);
    process.setArguments({u"--version"_s});
    process.start();
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return processFailure(process, u"promptfoo --version did not run: %1"_s.arg(process.errorString()));
    outcome.version = QString::fromUtf8(process.readAllStandardOutput()).trimmed();

    process.setArguments({u"eval"_s, u"-c"_s, configPath, u"-j"_s, QString::number(settings.concurrency),
                          u"--no-cache"_s, u"--no-table"_s, u"--no-progress-bar"_s, u"-o"_s, outputPath});
    // Its report goes to stdout; only the end of it is kept, for the error message.
    process.setStandardOutputFile(settings.directory + u"/promptfoo-stdout.txt"_s);
    const double childrenCpuBefore = endedChildrenCpuMs();
    QElapsedTimer clock;
    clock.start();
    process.start();
    if (!process.waitForStarted(30000))
        return processFailure(process, u"promptfoo did not start: %1"_s.arg(process.errorString()));
    const qint64 pid = process.processId();
    while (!process.waitForFinished(100)) {
        if (process.state() == QProcess::NotRunning)
            break;
        outcome.peakKiB = qMax(outcome.peakKiB, peakResidentSetKiB(pid));
        if (clock.hasExpired(settings.timeoutMs)) {
            process.kill();
            process.waitForFinished(5000);
            return makeError(Error::Kind::Timeout,
                             u"promptfoo eval took longer than %1 s"_s.arg(settings.timeoutMs / 1000));
        }
    }
    outcome.wallMs = double(clock.nsecsElapsed()) / 1e6;
    outcome.cpuMs = endedChildrenCpuMs() - childrenCpuBefore;
    // Exit status 100 means some assertion failed; the counts below say how many.
    if (process.exitStatus() != QProcess::NormalExit || (process.exitCode() != 0 && process.exitCode() != 100))
        return processFailure(process, u"promptfoo eval exited with %1"_s.arg(process.exitCode()));

    QFile output(outputPath);
    if (!output.open(QIODevice::ReadOnly))
        return makeError(Error::Kind::Input, output.errorString(), outputPath);
    const QJsonObject stats = QJsonDocument::fromJson(output.readAll())
                                  .object()
                                  .value("results"_L1)
                                  .toObject()
                                  .value("stats"_L1)
                                  .toObject();
    outcome.passed = stats.value("successes"_L1).toInt();
    outcome.failed = stats.value("failures"_L1).toInt();
    outcome.errors = stats.value("errors"_L1).toInt();
    const QJsonValue reported = stats.value("evaluationDurationMs"_L1);
    outcome.reportedMs = reported.isDouble() ? reported.toDouble() : stats.value("durationMs"_L1).toDouble(-1);
    return outcome;
}
