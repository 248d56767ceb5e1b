#include "rawpostgresread.h"

#include <QElapsedTimer>

#include <cstdlib>
#include <libpq-fe.h>
#include <memory>

namespace {

struct Closer
{
    void operator()(PGconn *connection) const { PQfinish(connection); }
};

// Runs one query and adds up its text bytes and numbers, so that the compiler cannot leave a
// value unread; -1 on an error.
qint64 readAll(PGconn *connection, const char *sql, qint64 id, const QString &text, QString *error)
{
    const QByteArray idText = QByteArray::number(id);
    const QByteArray utf8 = text.toUtf8();
    const char *values[] = {idText.constData(), utf8.constData()};
    PGresult *result = PQexecParams(connection, sql, text.isNull() ? 1 : 2, nullptr, values, nullptr, nullptr, 0);
    if (PQresultStatus(result) != PGRES_TUPLES_OK) {
        *error = QString::fromUtf8(PQerrorMessage(connection));
        PQclear(result);
        return -1;
    }
    qint64 bytes = 0;
    double numbers = 0;
    const int rows = PQntuples(result);
    const int columns = PQnfields(result);
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < columns; ++column) {
            if (PQgetisnull(result, row, column))
                continue;
            // Numbers as the reader parses them; text as bytes.
            if (PQftype(result, column) == 25 || PQftype(result, column) == 1043)
                bytes += PQgetlength(result, row, column);
            else
                numbers += std::strtod(PQgetvalue(result, row, column), nullptr);
        }
    }
    PQclear(result);
    return bytes + (numbers < 0 ? 1 : 0);
}

} // namespace

double readRunRawPostgres(const QString &uri, qint64 runId, qint64 datasetId, const QStringList &metrics,
                          QString *error)
{
    const std::unique_ptr<PGconn, Closer> connection(PQconnectdb(uri.toUtf8().constData()));
    if (PQstatus(connection.get()) != CONNECTION_OK) {
        *error = QString::fromUtf8(PQerrorMessage(connection.get()));
        return -1;
    }
    QElapsedTimer clock;
    clock.start();
    qint64 total = 0;
    const auto add = [&](qint64 bytes) { total = bytes < 0 || total < 0 ? -1 : total + bytes; };
    add(readAll(connection.get(),
                "SELECT item_index, question, substr(response, 1, 400) FROM eval_items WHERE dataset_id = $1 "
                "ORDER BY item_index",
                datasetId, {}, error));
    add(readAll(connection.get(),
                "SELECT item_index, ok, error, substr(response, 1, 400) FROM eval_results WHERE run_id = $1", runId, {},
                error));
    for (const QString &metric : metrics)
        add(readAll(connection.get(), "SELECT item_index, value FROM eval_scores WHERE run_id = $1 AND metric = $2",
                    runId, metric, error));
    return total < 0 ? -1 : double(clock.nsecsElapsed()) / 1e6;
}
