#include "core/eval/datasetimporter.h"

#include "core/common/logcategories.h"
#include "core/eval/csvrecordreader.h"
#include "core/eval/datasetrepository.h"
#include "core/eval/datasetwriter.h"
#include "core/eval/evalitemfields.h"
#include "core/eval/hashinglinereader.h"
#include "core/eval/jsonrecordreader.h"
#include "core/storage/workspace.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>
#include <functional>

namespace {

// Hands each usable item to `add`; collects what it skips. An Error ends the import.
using ItemSink = std::function<Status(EvalItem)>;

Status readJsonl(HashingLineReader &source, const ItemSink &add, QList<SkippedLine> &skipped)
{
    JsonRecordReader reader(source);
    JsonRecord record;
    while (reader.next(record)) {
        if (!record.error.isEmpty()) {
            skipped << SkippedLine{record.line, record.error};
            continue;
        }
        if (!record.value.isObject()) {
            skipped << SkippedLine{record.line, DatasetImporter::tr("not a JSON object")};
            continue;
        }
        EvalItem item;
        item.line = record.line;
        const QString reason = EvalItemFields::read(record.value.toObject(), item);
        if (!reason.isEmpty()) {
            skipped << SkippedLine{record.line, reason};
            continue;
        }
        const Status added = add(std::move(item));
        if (!added)
            return added;
    }
    return Done{};
}

// A contexts cell holds a JSON array of strings, or one context as plain text.
QJsonValue contextsCell(const QString &cell)
{
    if (cell.trimmed().startsWith(QLatin1Char('['))) {
        const QJsonDocument document = QJsonDocument::fromJson(cell.toUtf8());
        if (document.isArray())
            return document.array();
    }
    return cell;
}

Status readCsv(HashingLineReader &source, const QString &path, const ItemSink &add, QList<SkippedLine> &skipped)
{
    CsvRecordReader reader(source);
    CsvRecord header;
    if (!reader.next(header))
        return Done{};
    if (!header.error.isEmpty())
        return makeError(Error::Kind::Input, header.error, path + QStringLiteral(":%1").arg(header.line));
    QStringList columns;
    for (qsizetype at = 0; at < header.fields.size(); ++at) {
        const QString column = header.fields.at(at).trimmed();
        columns << (column.isEmpty() ? QStringLiteral("column_%1").arg(at + 1) : column);
    }
    const QStringList questionColumns{QStringLiteral("user_input"), QStringLiteral("question"),
                                      QStringLiteral("query")};
    if (std::none_of(questionColumns.cbegin(), questionColumns.cend(),
                     [&](const QString &column) { return columns.contains(column); }))
        return makeError(
            Error::Kind::Input,
            DatasetImporter::tr("the header has no question column (expected user_input, question or query)"),
            path + QStringLiteral(":%1").arg(header.line));

    CsvRecord record;
    while (reader.next(record)) {
        if (!record.error.isEmpty()) {
            skipped << SkippedLine{record.line, record.error};
            continue;
        }
        if (record.fields.size() > columns.size()) {
            skipped << SkippedLine{record.line,
                                   DatasetImporter::tr("%1 fields, but the header names %2")
                                       .arg(record.fields.size())
                                       .arg(columns.size())};
            continue;
        }
        QJsonObject object;
        for (qsizetype at = 0; at < record.fields.size(); ++at) {
            const QString &column = columns.at(at);
            const bool isContexts
                = column == QLatin1String("retrieved_contexts") || column == QLatin1String("contexts");
            object.insert(column, isContexts ? contextsCell(record.fields.at(at)) : QJsonValue(record.fields.at(at)));
        }
        EvalItem item;
        item.line = record.line;
        const QString reason = EvalItemFields::read(object, item);
        if (!reason.isEmpty()) {
            skipped << SkippedLine{record.line, reason};
            continue;
        }
        const Status added = add(std::move(item));
        if (!added)
            return added;
    }
    return Done{};
}

} // namespace

DatasetImporter::Format DatasetImporter::detectFormat(const QString &path, QIODevice &device)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson") || suffix == QLatin1String("json"))
        return Format::Jsonl;
    if (suffix == QLatin1String("csv"))
        return Format::Csv;
    for (const char byte : device.peek(64 * 1024)) {
        if (QChar::isSpace(uchar(byte)))
            continue;
        return byte == '{' || byte == '[' ? Format::Jsonl : Format::Csv;
    }
    return Format::Jsonl;
}

Result<Dataset> DatasetImporter::import(Workspace &workspace, const QString &path, const QString &name,
                                        qint64 lineLimit)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Kind::Input, tr("cannot open: %1").arg(file.errorString()), path);
    const QString datasetName = name.isEmpty() ? QFileInfo(path).completeBaseName() : name;
    const Format format = detectFormat(path, file);
    QElapsedTimer timer;
    timer.start();

    Dataset imported;
    std::optional<Dataset> existing;
    const Status status = workspace.transaction([&]() -> Status {
        DatasetWriter writer(workspace);
        const Status begun = writer.begin(datasetName, QFileInfo(path).absoluteFilePath());
        if (!begun)
            return begun;
        HashingLineReader source(file, lineLimit);
        QList<SkippedLine> skipped;
        const ItemSink add = [&](EvalItem item) { return writer.add(std::move(item)); };
        const Status read
            = format == Format::Csv ? readCsv(source, path, add, skipped) : readJsonl(source, add, skipped);
        if (!read)
            return read;
        if (file.error() != QFileDevice::NoError)
            return makeError(Error::Kind::Input, tr("cannot read: %1").arg(file.errorString()), path);
        if (source.lineNumber() == 0)
            return makeError(Error::Kind::Input, tr("the file is empty"), path);
        if (writer.count() == 0) {
            const QString first = skipped.isEmpty()
                ? tr("only blank lines")
                : tr("line %1: %2").arg(skipped.first().line).arg(skipped.first().reason);
            return makeError(Error::Kind::Input,
                             tr("no valid item in %n line(s) (%1)", nullptr, source.lineNumber()).arg(first), path);
        }
        auto known = DatasetRepository(workspace).findByContent(datasetName, source.contentHash());
        if (!known)
            return known.error();
        if (known.value()) {
            // Same bytes under the same name: undo this copy and hand back the stored one.
            existing = known.value();
            return makeError(Error::Kind::Cancelled, QStringLiteral("already imported"), path);
        }
        auto finished = writer.finish(source.contentHash(), skipped);
        if (!finished)
            return finished.error();
        imported = finished.value();
        return Done{};
    });
    if (existing)
        return *existing;
    if (!status)
        return status.error();
    qCInfo(lcEval) << "imported dataset" << imported.name << "version" << imported.version << "with"
                   << imported.itemCount << "items," << imported.skipped.size() << "lines skipped, in"
                   << timer.elapsed() << "ms";
    return imported;
}
