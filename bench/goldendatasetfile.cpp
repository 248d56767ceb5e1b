#include "goldendatasetfile.h"

#include "core/eval/evalitemfields.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

constexpr int ReferenceWords = 12;

const QStringList &vocabulary()
{
    static const QStringList words = u"model latency token budget region cache prompt answer context retrieval "
                                     u"policy invoice customer shipment warranty refund sensor alert threshold "
                                     u"pipeline release gateway quota account password storage backup window "
                                     u"schedule contract renewal discount turbine pressure valve firmware fleet "
                                     u"camera defect label audit approval rollback metric drift baseline"_s.split(u' ');
    return words;
}

QString sentence(QRandomGenerator &random, int words)
{
    QStringList picked;
    picked.reserve(words);
    for (int i = 0; i < words; ++i)
        picked << vocabulary().at(int(random.bounded(quint32(vocabulary().size()))));
    return picked.join(u' ');
}

} // namespace

Status GoldenDatasetFile::write(const QString &path, int items, Responses responses, int contextWords)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(Error::Kind::Input, file.errorString(), path);
    for (int index = 0; index < items; ++index) {
        QRandomGenerator random(quint32(index) + 1);
        const QString question = u"Question %1: what about the %2?"_s.arg(index).arg(sentence(random, 6 + index % 8));
        const QString reference = sentence(random, ReferenceWords);
        QJsonObject item{
            {"user_input"_L1, question},
            {"retrieved_contexts"_L1, QJsonArray{sentence(random, contextWords), sentence(random, contextWords)}},
            {"reference"_L1, reference}};
        // Part of the reference plus other words, in shares that vary with the index, so scores
        // spread over the whole range as real ones do.
        if (responses == Responses::With) {
            const QStringList kept = reference.split(u' ').first(index % (ReferenceWords + 1));
            item.insert("response"_L1, (kept + QStringList{sentence(random, 3 * (index % 7))}).join(u' ').trimmed());
        }
        if (file.write(QJsonDocument(item).toJson(QJsonDocument::Compact) + '\n') < 0)
            return makeError(Error::Kind::Input, file.errorString(), path);
    }
    if (!file.commit())
        return makeError(Error::Kind::Input, file.errorString(), path);
    return Done{};
}

Result<QList<EvalItem>> GoldenDatasetFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Kind::Input, file.errorString(), path);
    QList<EvalItem> items;
    for (int line = 1; !file.atEnd(); ++line) {
        const QJsonObject object = QJsonDocument::fromJson(file.readLine()).object();
        EvalItem item;
        item.index = items.size();
        item.line = line;
        if (const QString problem = EvalItemFields::read(object, item); !problem.isEmpty())
            return makeError(Error::Kind::Input, problem, u"%1:%2"_s.arg(path).arg(line));
        items << item;
    }
    return items;
}
