#include "core/eval/itemgroups.h"

#include "core/eval/evaljson.h"
#include "core/storage/preparedquery.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

Result<QHash<qint64, qint64>> ItemGroups::load(Workspace &workspace, qint64 datasetId, const QString &field)
{
    const bool known = field == QLatin1String("question") || field == QLatin1String("reference");
    // sql-identifiers: `field` is spliced only when it is "question" or "reference"; any other name is read from the
    // bound row's JSON.
    PreparedQuery query(workspace,
                        known ? QStringLiteral("SELECT item_index, %1 FROM eval_items WHERE dataset_id = ?").arg(field)
                              : QStringLiteral("SELECT item_index, extra FROM eval_items WHERE dataset_id = ?"));
    query.query().setForwardOnly(true);
    if (const Status done = query.run(QVariantList{datasetId}); !done)
        return done.error();
    QHash<QString, qint64> numbers;
    QHash<qint64, qint64> groups;
    while (query.query().next()) {
        QString value;
        if (known) {
            value = query.query().value(1).toString();
        } else {
            const QJsonValue entry = EvalJson::object(query.query().value(1).toString()).value(field);
            if (entry.isUndefined() || entry.isNull())
                continue;
            value = entry.isString()
                ? entry.toString()
                : QString::fromUtf8(QJsonDocument(QJsonArray{entry}).toJson(QJsonDocument::Compact));
        }
        const auto number = numbers.constFind(value);
        groups.insert(query.query().value(0).toLongLong(),
                      number != numbers.cend() ? *number : numbers.insert(value, numbers.size()).value());
    }
    if (groups.isEmpty())
        return makeError(
            Error::Kind::Input,
            QCoreApplication::translate("ItemGroups", "no item of the dataset has a field \"%1\" to cluster by")
                .arg(field),
            QStringLiteral("--cluster-by"));
    return groups;
}
