#include "core/knowledgebase/citation.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

QJsonObject Citation::toJson() const
{
    QJsonArray indexes;
    for (int index : passages)
        indexes.append(index);
    return {{"text"_L1, text}, {"start"_L1, start}, {"end"_L1, end}, {"passages"_L1, indexes}};
}

QJsonArray Citation::toJson(const QList<Citation> &citations)
{
    QJsonArray array;
    for (const Citation &citation : citations)
        array.append(citation.toJson());
    return array;
}

Citation Citation::fromJson(const QJsonObject &object)
{
    Citation citation;
    citation.text = object.value("text"_L1).toString();
    citation.start = object.value("start"_L1).toInteger();
    citation.end = object.value("end"_L1).toInteger();
    for (const QJsonValue &index : object.value("passages"_L1).toArray())
        citation.passages << index.toInt();
    return citation;
}
