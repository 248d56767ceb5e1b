#include "goldendatasetfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

const QStringList &vocabulary()
{
    static const QStringList words = u"model latency token budget region cache prompt answer context retrieval "
                                     u"policy invoice customer shipment warranty refund sensor alert threshold "
                                     u"pipeline release gateway quota account password storage backup window "
                                     u"schedule contract renewal discount turbine pressure valve firmware fleet "
                                     u"camera defect label audit approval rollback metric drift baseline"_s
                                         .split(u' ');
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

Status GoldenDatasetFile::write(const QString &path, int items, Responses responses)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(Error::Kind::Input, file.errorString(), path);
    for (int index = 0; index < items; ++index) {
        QRandomGenerator random(quint32(index) + 1);
        const QString question = u"Question %1: what about the %2?"_s.arg(index).arg(sentence(random, 6 + index % 8));
        QJsonObject item{{"user_input"_L1, question},
                         {"retrieved_contexts"_L1, QJsonArray{sentence(random, 40), sentence(random, 40)}},
                         {"reference"_L1, sentence(random, 12)}};
        if (responses == Responses::With)
            item.insert("response"_L1, sentence(random, 30 + index % 40));
        if (file.write(QJsonDocument(item).toJson(QJsonDocument::Compact) + '\n') < 0)
            return makeError(Error::Kind::Input, file.errorString(), path);
    }
    if (!file.commit())
        return makeError(Error::Kind::Input, file.errorString(), path);
    return Done{};
}
