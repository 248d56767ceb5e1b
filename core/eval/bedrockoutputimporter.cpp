#include "core/eval/bedrockoutputimporter.h"

#include "core/common/logcategories.h"
#include "core/eval/datasetrepository.h"
#include "core/eval/datasetwriter.h"
#include "core/eval/evalitemfields.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/hashinglinereader.h"
#include "core/eval/jsonrecordreader.h"
#include "core/storage/workspace.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace {

const QString completed = QStringLiteral("COMPLETED");

// One record of the output: the dataset item, its result, and who produced and judged it.
struct Record
{
    EvalItem item;
    ItemResult result;
    QString model;
    QString judgeModel;
};

QString field(const QJsonObject &object, const char *name)
{
    return EvalItemFields::text(object.value(QLatin1String(name)));
}

// The status decides whether the record is a result or an item error; no score is an error too.
void settle(Record &record, const QString &status, const QString &message)
{
    record.result.response = record.item.response;
    if (!status.isEmpty() && status.compare(completed, Qt::CaseInsensitive) != 0) {
        record.result.ok = false;
        record.result.error = message.isEmpty() ? status : QString(status + QStringLiteral(": ") + message);
    } else if (std::none_of(record.result.scores.cbegin(), record.result.scores.cend(),
                            [](const MetricScore &score) { return score.value.has_value(); })) {
        record.result.ok = false;
        record.result.error = BedrockOutputImporter::tr("no score");
    }
}

// A result holds one score per metric; a repeated or unnamed metric is left out.
void addScore(Record &record, const QString &metric, const QJsonValue &value, const QString &explanation)
{
    if (metric.isEmpty() || record.result.score(metric))
        return;
    MetricScore score;
    score.metric = metric;
    score.explanation = explanation;
    // Bedrock's scores are normalised to 0…1; anything else would skew every mean and pass rate.
    if (!value.isDouble())
        score.error = BedrockOutputImporter::tr("no score");
    else if (const double number = value.toDouble(); std::isfinite(number) && number >= 0 && number <= 1)
        score.value = number;
    else
        score.error = BedrockOutputImporter::tr("the score %1 is outside 0…1").arg(number);
    record.result.scores << score;
}

// {input:{query, expected_response}, output:{retrieved_documents:[{text}], generated_response},
//  metrics:{name:{score, explanation}}, status}
QString readRagRecord(const QJsonObject &object, Record &record)
{
    const QString reason = EvalItemFields::read(object.value(QStringLiteral("input")).toObject(), record.item);
    if (!reason.isEmpty())
        return BedrockOutputImporter::tr("no question (expected input.query)");
    const QJsonObject output = object.value(QStringLiteral("output")).toObject();
    const QString generated = field(output, "generated_response");
    if (!generated.isEmpty())
        record.item.response = generated;
    record.item.contexts = EvalItemFields::contexts(output.value(QStringLiteral("retrieved_documents")));
    const QJsonObject metrics = object.value(QStringLiteral("metrics")).toObject();
    for (auto it = metrics.constBegin(); it != metrics.constEnd(); ++it) {
        const QJsonObject metric = it.value().toObject();
        addScore(record, BedrockOutputImporter::metricName(it.key()),
                 it.value().isDouble() ? it.value() : metric.value(QStringLiteral("score")),
                 field(metric, "explanation"));
    }
    // Anything else the record carries (knowledge base id, timestamps…) stays with the item.
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        static const QStringList known{QStringLiteral("input"),   QStringLiteral("output"),
                                       QStringLiteral("metrics"), QStringLiteral("status"),
                                       QStringLiteral("error"),   QStringLiteral("errorMessage")};
        if (!known.contains(it.key()))
            record.item.extra.insert(it.key(), it.value());
    }
    settle(record, field(object, "status"),
           field(object, "errorMessage").isEmpty() ? field(object, "error") : field(object, "errorMessage"));
    return {};
}

// {automatedEvaluationResult:{scores:[{metricName, result}]}, inputRecord:{prompt, referenceResponse, …},
//  modelResponses:[{response, modelIdentifier}]}
QString readModelEvaluationRecord(const QJsonObject &object, Record &record)
{
    QJsonObject input = object.value(QStringLiteral("inputRecord")).toObject();
    record.item.question = field(input, "prompt");
    record.item.reference = field(input, "referenceResponse");
    if (record.item.question.trimmed().isEmpty())
        return BedrockOutputImporter::tr("no question (expected inputRecord.prompt)");
    input.remove(QStringLiteral("prompt"));
    input.remove(QStringLiteral("referenceResponse"));
    record.item.extra = input;
    const QJsonObject response = object.value(QStringLiteral("modelResponses")).toArray().at(0).toObject();
    record.item.response = field(response, "response");
    record.model = field(response, "modelIdentifier");
    const QJsonArray scores = object.value(QStringLiteral("automatedEvaluationResult"))
                                  .toObject()
                                  .value(QStringLiteral("scores"))
                                  .toArray();
    for (const QJsonValue &entry : scores) {
        const QJsonObject metric = entry.toObject();
        const QJsonObject evaluator = metric.value(QStringLiteral("evaluatorDetails")).toArray().at(0).toObject();
        QString explanation = field(metric, "explanation");
        if (explanation.isEmpty())
            explanation = field(evaluator, "explanation");
        if (record.judgeModel.isEmpty())
            record.judgeModel = field(evaluator, "modelIdentifier");
        addScore(record, BedrockOutputImporter::metricName(field(metric, "metricName")),
                 metric.value(QStringLiteral("result")), explanation);
    }
    settle(record, field(object, "status"), field(object, "errorMessage"));
    return {};
}

// Every line of the output that is a Bedrock evaluation record, in order; the others are skipped
// with the reason.
QList<Record> readRecords(JsonRecordReader &reader, QList<SkippedLine> &skipped)
{
    QList<Record> records;
    JsonRecord json;
    while (reader.next(json)) {
        if (!json.error.isEmpty()) {
            skipped << SkippedLine{json.line, json.error};
            continue;
        }
        const QJsonObject object = json.value.toObject();
        if (!json.value.isObject()) {
            skipped << SkippedLine{json.line, BedrockOutputImporter::tr("not a JSON object")};
            continue;
        }
        Record record;
        record.item.line = json.line;
        QString reason;
        if (object.contains(QStringLiteral("automatedEvaluationResult"))
            || object.contains(QStringLiteral("inputRecord")))
            reason = readModelEvaluationRecord(object, record);
        else if (object.contains(QStringLiteral("input")))
            reason = readRagRecord(object, record);
        else
            reason = BedrockOutputImporter::tr("not a Bedrock evaluation record (expected input, output and metrics, or"
                                               " automatedEvaluationResult, inputRecord and modelResponses)");
        if (!reason.isEmpty()) {
            skipped << SkippedLine{json.line, reason};
            continue;
        }
        records << record;
    }
    return records;
}

// The dataset and the run of `records` (a dataset already in the workspace with the same content
// is reused, and so is the run imported from it): call inside a transaction.
Status storeRun(Workspace &workspace, const QString &runName, const QString &path, const QString &contentHash,
                const std::optional<Dataset> &known, const QList<Record> &records, ImportedRun &imported)
{
    EvalRunRepository runs(workspace);
    if (known) {
        imported.dataset = *known;
        auto earlier = runs.runsOfDataset(runName);
        if (!earlier)
            return earlier.error();
        for (const EvalRun &run : earlier.value()) {
            if (run.datasetId == imported.dataset.id && run.status == EvalRun::Status::Imported) {
                imported.run = run;
                return Done{};
            }
        }
    } else {
        DatasetWriter writer(workspace);
        Status step = writer.begin(runName, QFileInfo(path).absoluteFilePath());
        for (qsizetype at = 0; step && at < records.size(); ++at)
            step = writer.add(records.at(at).item);
        if (!step)
            return step;
        auto dataset = writer.finish(contentHash, imported.skipped);
        if (!dataset)
            return dataset.error();
        imported.dataset = dataset.value();
    }

    EvalRun &run = imported.run;
    run.name = runName;
    run.datasetId = imported.dataset.id;
    run.model = QStringLiteral("bedrock");
    run.status = EvalRun::Status::Imported;
    run.createdAt = run.finishedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QList<ItemResult> results;
    for (qsizetype at = 0; at < records.size(); ++at) {
        const Record &record = records.at(at);
        if (!record.model.isEmpty() && run.model == QLatin1String("bedrock"))
            run.model = record.model;
        if (run.judgeModel.isEmpty())
            run.judgeModel = record.judgeModel;
        for (const MetricScore &score : record.result.scores) {
            if (!run.settings.metrics.contains(score.metric))
                run.settings.metrics << score.metric;
        }
        results << record.result;
        results.last().itemIndex = at; // the order the writer numbered the items in
    }
    auto id = runs.create(run);
    if (!id)
        return id.error();
    for (ItemResult &result : results)
        result.runId = id.value();
    const Status stored = runs.storeResults(results);
    if (!stored)
        return stored;
    auto reloaded = runs.find(id.value());
    if (!reloaded)
        return reloaded.error();
    run = reloaded.value().value_or(run);
    return Done{};
}

} // namespace

QString BedrockOutputImporter::metricName(const QString &bedrockName)
{
    QString name = bedrockName.trimmed();
    if (name.startsWith(QLatin1String("Builtin."), Qt::CaseInsensitive))
        name.remove(0, 8);
    QString result;
    for (qsizetype at = 0; at < name.size(); ++at) {
        const QChar character = name.at(at);
        if (character.isUpper() && at > 0 && name.at(at - 1).isLower())
            result += QLatin1Char('_');
        result
            += character == QLatin1Char('.') || character == QLatin1Char(' ') ? QLatin1Char('_') : character.toLower();
    }
    return result;
}

Result<ImportedRun> BedrockOutputImporter::import(Workspace &workspace, const QString &path, const QString &name)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Kind::Input, tr("cannot open: %1").arg(file.errorString()), path);
    const QString runName = name.isEmpty() ? QFileInfo(path).completeBaseName() : name;

    // Evaluation outputs are small next to golden datasets (Bedrock takes at most a few thousand
    // prompts), so the records are read first and written in one go.
    ImportedRun imported;
    HashingLineReader source(file, HashingLineReader::DefaultLineLimit);
    JsonRecordReader reader(source);
    const QList<Record> records = readRecords(reader, imported.skipped);
    if (file.error() != QFileDevice::NoError)
        return makeError(Error::Kind::Input, tr("cannot read: %1").arg(file.errorString()), path);
    if (source.lineNumber() == 0)
        return makeError(Error::Kind::Input, tr("the file is empty"), path);
    if (records.isEmpty()) {
        const QString first = imported.skipped.isEmpty()
            ? tr("only blank lines")
            : tr("line %1: %2").arg(imported.skipped.first().line).arg(imported.skipped.first().reason);
        return makeError(Error::Kind::Input,
                         tr("no evaluation record in %n line(s) (%1)", nullptr, source.lineNumber()).arg(first), path);
    }

    auto known = DatasetRepository(workspace).findByContent(runName, source.contentHash());
    if (!known)
        return known.error();
    const Status status = workspace.transaction(
        [&]() { return storeRun(workspace, runName, path, source.contentHash(), known.value(), records, imported); });
    if (!status)
        return status.error();
    imported.skipped = imported.dataset.skipped;
    qCInfo(lcEval) << "imported Bedrock evaluation output" << path << "as run" << imported.run.id << "with"
                   << imported.run.completed << "results," << imported.run.failed << "failed";
    return imported;
}
