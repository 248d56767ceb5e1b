#include "core/playground/runhistory.h"

#include "core/playground/chatparametersjson.h"
#include "core/storage/sqldialect.h"
#include "core/storage/workspace.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QSqlQuery>

namespace {

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

PlaygroundRun runFromRow(const QSqlQuery &query)
{
    PlaygroundRun run;
    run.id = query.value(0).toLongLong();
    run.createdAt = query.value(1).toString();
    run.title = query.value(2).toString();
    run.promptName = query.value(3).toString();
    run.promptVersion = query.value(4).toInt();
    run.variables = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
    run.renderedPrompt = query.value(6).toString();
    run.system = query.value(7).toString();
    run.parameters = ChatParametersJson::fromText(query.value(8).toString());
    return run;
}

PlaygroundResponse responseFromRow(const QSqlQuery &query)
{
    PlaygroundResponse response;
    response.slot = query.value(1).toInt();
    response.profile = query.value(2).toString();
    response.provider = query.value(3).toString();
    response.model = query.value(4).toString();
    response.text = query.value(5).toString();
    response.metrics.text = response.text;
    response.metrics.provider = response.provider;
    response.metrics.model = response.model;
    response.metrics.stopReason = query.value(6).toString();
    response.metrics.inputTokens = query.value(7).toLongLong();
    response.metrics.outputTokens = query.value(8).toLongLong();
    response.metrics.ttftMs = query.value(9).toLongLong();
    response.metrics.latencyMs = query.value(10).toLongLong();
    response.metrics.serviceLatencyMs = query.value(11).toLongLong();
    response.metrics.attempts = query.value(12).toInt();
    if (!query.value(13).isNull())
        response.costUsd = query.value(13).toDouble();
    response.error = query.value(14).toString();
    return response;
}

QString countOrDash(qint64 value)
{
    return value < 0 ? QStringLiteral("–") : QString::number(value);
}

// Keeps a value inside one Markdown table cell.
QString cell(QString text)
{
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.isEmpty() ? QStringLiteral("–") : text;
}

// A fence longer than any backtick run in the text, so a response that quotes code stays inside.
QString fenced(const QString &text)
{
    int longest = 0, run = 0;
    for (const QChar character : text) {
        run = character == QLatin1Char('`') ? run + 1 : 0;
        longest = qMax(longest, run);
    }
    const QString fence(qMax(3, longest + 1), QLatin1Char('`'));
    return fence + QLatin1Char('\n') + text + (text.endsWith(QLatin1Char('\n')) ? QString() : QStringLiteral("\n"))
        + fence + QStringLiteral("\n\n");
}

QString variableText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return jsonText(value.toObject());
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

} // namespace

RunHistory::RunHistory(Workspace &workspace) : m_workspace(workspace)
{ }

Result<qint64> RunHistory::save(const PlaygroundRun &run)
{
    QSet<int> usedSlots;
    for (const PlaygroundResponse &response : run.responses) {
        if (usedSlots.contains(response.slot))
            return makeError(Error::Kind::Internal, tr("two responses share slot %1").arg(response.slot), run.title);
        usedSlots.insert(response.slot);
    }
    qint64 id = 0;
    const Status status = m_workspace.transaction([&]() -> Status {
        auto inserted = m_workspace.execute(
            QStringLiteral("INSERT INTO playground_runs (created_at, title, prompt_name, prompt_version,"
                           " variables, rendered_prompt, system_prompt, parameters) VALUES (:created_at,"
                           " :title, :prompt_name, :prompt_version, :variables, :rendered_prompt,"
                           " :system_prompt, :parameters)"),
            {{QStringLiteral("created_at"),
              run.createdAt.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate) : run.createdAt},
             {QStringLiteral("title"), SqlDialect::text(run.title)},
             {QStringLiteral("prompt_name"), SqlDialect::text(run.promptName)},
             {QStringLiteral("prompt_version"), run.promptVersion},
             {QStringLiteral("variables"), jsonText(run.variables)},
             {QStringLiteral("rendered_prompt"), SqlDialect::text(run.renderedPrompt)},
             {QStringLiteral("system_prompt"), SqlDialect::text(run.system)},
             {QStringLiteral("parameters"), ChatParametersJson::toText(run.parameters)}});
        if (!inserted)
            return inserted.error();
        auto insertedId = m_workspace.insertedId(inserted.value(), QStringLiteral("playground_runs"));
        if (!insertedId)
            return insertedId.error();
        id = insertedId.value();
        for (const PlaygroundResponse &response : run.responses) {
            auto stored = m_workspace.execute(
                QStringLiteral("INSERT INTO playground_responses (run_id, slot, profile, provider, model,"
                               " response_text, stop_reason, input_tokens, output_tokens, ttft_ms,"
                               " latency_ms, service_latency_ms, attempts, cost_usd, error) VALUES"
                               " (:run_id, :slot, :profile, :provider, :model, :response_text,"
                               " :stop_reason, :input_tokens, :output_tokens, :ttft_ms, :latency_ms,"
                               " :service_latency_ms, :attempts, :cost_usd, :error)"),
                {{QStringLiteral("run_id"), id},
                 {QStringLiteral("slot"), response.slot},
                 {QStringLiteral("profile"), SqlDialect::text(response.profile)},
                 {QStringLiteral("provider"), SqlDialect::text(response.provider)},
                 {QStringLiteral("model"), SqlDialect::text(response.model)},
                 {QStringLiteral("response_text"), SqlDialect::text(response.text)},
                 {QStringLiteral("stop_reason"), SqlDialect::text(response.metrics.stopReason)},
                 {QStringLiteral("input_tokens"), response.metrics.inputTokens},
                 {QStringLiteral("output_tokens"), response.metrics.outputTokens},
                 {QStringLiteral("ttft_ms"), response.metrics.ttftMs},
                 {QStringLiteral("latency_ms"), response.metrics.latencyMs},
                 {QStringLiteral("service_latency_ms"), response.metrics.serviceLatencyMs},
                 {QStringLiteral("attempts"), response.metrics.attempts},
                 {QStringLiteral("cost_usd"),
                  response.costUsd ? QVariant(*response.costUsd) : QVariant(QMetaType::fromType<double>())},
                 {QStringLiteral("error"), SqlDialect::text(response.error)}});
            if (!stored)
                return stored.error();
        }
        return Done{};
    });
    if (!status)
        return status.error();
    return id;
}

Result<QList<PlaygroundRun>> RunHistory::fetch(const QString &where, const QVariantMap &bindings, bool withTexts) const
{
    // sql-identifiers: `where` is a clause this class's own callers write; every value in it is bound.
    auto runs
        = m_workspace.execute(QStringLiteral("SELECT id, created_at, title, prompt_name, prompt_version, variables,"
                                             " rendered_prompt, system_prompt, parameters FROM playground_runs")
                                  + where,
                              bindings);
    if (!runs)
        return runs.error();
    QList<PlaygroundRun> result;
    QHash<qint64, qsizetype> indexById;
    while (runs.value().next()) {
        result << runFromRow(runs.value());
        indexById.insert(result.last().id, result.size() - 1);
    }
    if (result.isEmpty())
        return result;

    const QString text = withTexts ? QStringLiteral("response_text") : QStringLiteral("''");
    // sql-identifiers: `text` is one of two fixed column expressions; `where` as above.
    auto responses = m_workspace.execute(
        QStringLiteral("SELECT run_id, slot, profile, provider, model, ") + text
            + QStringLiteral(", stop_reason, input_tokens, output_tokens, ttft_ms, latency_ms,"
                             " service_latency_ms, attempts, cost_usd, error FROM playground_responses"
                             " WHERE run_id IN (SELECT id FROM playground_runs")
            + where + QStringLiteral(") ORDER BY run_id, slot"),
        bindings);
    if (!responses)
        return responses.error();
    while (responses.value().next()) {
        const qsizetype index = indexById.value(responses.value().value(0).toLongLong(), -1);
        if (index >= 0)
            result[index].responses << responseFromRow(responses.value());
    }
    return result;
}

Result<QList<PlaygroundRun>> RunHistory::recent(int limit) const
{
    return fetch(QStringLiteral(" ORDER BY id DESC LIMIT :limit"), {{QStringLiteral("limit"), qMax(limit, 0)}}, false);
}

Result<PlaygroundRun> RunHistory::load(qint64 id) const
{
    auto found = fetch(QStringLiteral(" WHERE id = :id"), {{QStringLiteral("id"), id}}, true);
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return makeError(Error::Kind::Input, tr("there is no run %1 in the history").arg(id));
    return found.value().first();
}

Status RunHistory::remove(qint64 id)
{
    return m_workspace.transaction([&]() -> Status {
        auto responses = m_workspace.execute(QStringLiteral("DELETE FROM playground_responses WHERE run_id = :id"),
                                             {{QStringLiteral("id"), id}});
        if (!responses)
            return responses.error();
        auto run = m_workspace.execute(QStringLiteral("DELETE FROM playground_runs WHERE id = :id"),
                                       {{QStringLiteral("id"), id}});
        if (!run)
            return run.error();
        if (run.value().numRowsAffected() == 0)
            return makeError(Error::Kind::Input, tr("there is no run %1 in the history").arg(id));
        return Done{};
    });
}

QJsonObject RunHistory::toJson(const PlaygroundRun &run)
{
    QJsonArray responses;
    for (const PlaygroundResponse &response : run.responses) {
        const ChatResult &metrics = response.metrics;
        responses.append(QJsonObject{
            {QStringLiteral("slot"), response.slot},
            {QStringLiteral("profile"), SqlDialect::text(response.profile)},
            {QStringLiteral("provider"), SqlDialect::text(response.provider)},
            {QStringLiteral("model"), SqlDialect::text(response.model)},
            {QStringLiteral("text"), response.text},
            {QStringLiteral("stopReason"), metrics.stopReason},
            {QStringLiteral("inputTokens"), metrics.inputTokens},
            {QStringLiteral("outputTokens"), metrics.outputTokens},
            {QStringLiteral("ttftMs"), metrics.ttftMs},
            {QStringLiteral("latencyMs"), metrics.latencyMs},
            {QStringLiteral("serviceLatencyMs"), metrics.serviceLatencyMs},
            {QStringLiteral("tokensPerSecond"), metrics.tokensPerSecond()},
            {QStringLiteral("attempts"), metrics.attempts},
            {QStringLiteral("costUsd"), response.costUsd ? QJsonValue(*response.costUsd) : QJsonValue()},
            {QStringLiteral("error"), SqlDialect::text(response.error)},
        });
    }
    return QJsonObject{
        {QStringLiteral("id"), run.id},
        {QStringLiteral("createdAt"), run.createdAt},
        {QStringLiteral("title"), SqlDialect::text(run.title)},
        {QStringLiteral("promptName"), run.promptName},
        {QStringLiteral("promptVersion"), run.promptVersion},
        {QStringLiteral("variables"), run.variables},
        {QStringLiteral("renderedPrompt"), run.renderedPrompt},
        {QStringLiteral("system"), run.system},
        {QStringLiteral("parameters"), ChatParametersJson::toJson(run.parameters)},
        {QStringLiteral("responses"), responses},
    };
}

QString RunHistory::toMarkdown(const PlaygroundRun &run)
{
    const QString title = run.title.isEmpty() ? tr("Playground run %1").arg(run.id) : run.title;
    QString out = QStringLiteral("# ") + title + QStringLiteral("\n\n");
    out += QStringLiteral("- ") + tr("Run: %1, %2").arg(run.id).arg(run.createdAt) + QLatin1Char('\n');
    if (!run.promptName.isEmpty())
        out += QStringLiteral("- ") + tr("Prompt: %1, version %2").arg(run.promptName).arg(run.promptVersion)
            + QLatin1Char('\n');
    for (auto it = run.variables.constBegin(); it != run.variables.constEnd(); ++it)
        out += QStringLiteral("- ") + tr("Variable `%1`: %2").arg(it.key(), cell(variableText(it.value())))
            + QLatin1Char('\n');

    const ChatParameters &parameters = run.parameters;
    const QString modelDefault = tr("model default");
    out += QStringLiteral("\n## ") + tr("Parameters") + QStringLiteral("\n\n");
    out += QStringLiteral("- ") + tr("Max tokens: %1").arg(parameters.maxTokens) + QLatin1Char('\n');
    out += QStringLiteral("- ")
        + tr("Temperature: %1").arg(parameters.temperature ? QString::number(*parameters.temperature) : modelDefault)
        + QLatin1Char('\n');
    out += QStringLiteral("- ")
        + tr("Top-p: %1").arg(parameters.topP ? QString::number(*parameters.topP) : modelDefault) + QLatin1Char('\n');
    if (!parameters.stopSequences.isEmpty())
        out += QStringLiteral("- ")
            + tr("Stop sequences: %1").arg(cell(parameters.stopSequences.join(QStringLiteral(", "))))
            + QLatin1Char('\n');

    if (!run.system.isEmpty())
        out += QStringLiteral("\n## ") + tr("System prompt") + QStringLiteral("\n\n") + fenced(run.system);
    else
        out += QLatin1Char('\n');
    out += QStringLiteral("## ") + tr("Prompt") + QStringLiteral("\n\n") + fenced(run.renderedPrompt);

    const QStringList headers
        = {tr("Model #"),      tr("Model"),    tr("Provider"),   tr("Tokens in"),   tr("Tokens out"), tr("TTFT (ms)"),
           tr("Latency (ms)"), tr("Tokens/s"), tr("Cost (USD)"), tr("Stop reason"), tr("Status")};
    out += QStringLiteral("## ") + tr("Metrics") + QStringLiteral("\n\n| ") + headers.join(QStringLiteral(" | "))
        + QStringLiteral(" |\n|") + QStringLiteral("---|").repeated(headers.size()) + QLatin1Char('\n');
    for (const PlaygroundResponse &response : run.responses) {
        const ChatResult &metrics = response.metrics;
        const double speed = metrics.tokensPerSecond();
        const QStringList cells = {
            QString::number(response.slot + 1), // the panel says "Model 1…3"
            cell(response.model),
            cell(response.provider),
            countOrDash(metrics.inputTokens),
            countOrDash(metrics.outputTokens),
            countOrDash(metrics.ttftMs),
            response.error.isEmpty() ? QString::number(metrics.latencyMs) : QStringLiteral("–"),
            speed > 0 ? QString::number(speed, 'f', 1) : QStringLiteral("–"),
            response.costUsd ? QString::number(*response.costUsd, 'f', 6) : QStringLiteral("–"),
            cell(metrics.stopReason),
            response.error.isEmpty() ? tr("ok") : tr("failed"),
        };
        out += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    }

    out += QStringLiteral("\n## ") + tr("Responses") + QStringLiteral("\n\n");
    for (const PlaygroundResponse &response : run.responses) {
        out += QStringLiteral("### ") + tr("%1. %2").arg(QString::number(response.slot + 1), response.model);
        if (!response.profile.isEmpty())
            out += QStringLiteral(" (") + response.profile + QLatin1Char(')');
        out += QStringLiteral("\n\n");
        if (!response.error.isEmpty())
            out += QStringLiteral("**") + tr("Error:") + QStringLiteral("** ") + cell(response.error)
                + QStringLiteral("\n\n");
        if (!response.text.isEmpty() || response.error.isEmpty())
            out += fenced(response.text);
    }
    return out;
}

Status RunHistory::writeFile(const PlaygroundRun &run, const QString &path)
{
    const bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    const QByteArray contents = json ? QJsonDocument(toJson(run)).toJson() : toMarkdown(run).toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size() || !file.commit())
        return makeError(Error::Kind::Input, file.errorString(), path);
    return Done{};
}

PlaygroundRun PlaygroundRun::starting(const ChatRequest &request, const QList<ProviderConfig> &configs,
                                      const QStringList &profiles, const QMap<QString, QString> &variables,
                                      const QString &promptName, int promptVersion)
{
    PlaygroundRun run;
    run.promptName = promptName;
    run.promptVersion = promptVersion;
    run.renderedPrompt = request.messages.isEmpty() ? QString() : request.messages.last().text;
    run.title = run.renderedPrompt.simplified().left(60);
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        run.variables.insert(it.key(), it.value());
    run.system = request.system;
    run.parameters = request.parameters;
    for (int slot = 0; slot < configs.size(); ++slot) {
        PlaygroundResponse response;
        response.slot = slot;
        response.profile = profiles.value(slot);
        response.provider = configs[slot].providerName();
        response.model = configs[slot].model;
        run.responses << response;
    }
    return run;
}
