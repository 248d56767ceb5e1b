#include "rawrunread.h"

#include <memory>
#include <sqlite3.h>

namespace {

struct Closer
{
    void operator()(sqlite3 *database) const { sqlite3_close(database); }
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};

// Steps through one query, adding up the text bytes and numbers of each row so that the compiler
// cannot leave a value unread.
qint64 readAll(sqlite3 *database, const char *sql, qint64 id, const QString &text, QString *error)
{
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(database, sql, -1, &raw, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(database));
        return -1;
    }
    const std::unique_ptr<sqlite3_stmt, Closer> statement(raw);
    sqlite3_bind_int64(raw, 1, id);
    const QByteArray utf8 = text.toUtf8();
    if (!text.isNull())
        sqlite3_bind_text(raw, 2, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
    qint64 bytes = 0;
    double numbers = 0;
    int status = SQLITE_ROW;
    while ((status = sqlite3_step(raw)) == SQLITE_ROW) {
        for (int column = 0; column < sqlite3_column_count(raw); ++column) {
            switch (sqlite3_column_type(raw, column)) {
            case SQLITE_TEXT:
                bytes += sqlite3_column_bytes(raw, column) + (sqlite3_column_text(raw, column) ? 1 : 0);
                break;
            case SQLITE_NULL:
                break;
            default:
                numbers += sqlite3_column_double(raw, column);
            }
        }
    }
    if (status != SQLITE_DONE) {
        *error = QString::fromUtf8(sqlite3_errmsg(database));
        return -1;
    }
    return bytes + (numbers < 0 ? 1 : 0);
}

} // namespace

qint64 readRunRaw(const QString &workspacePath, qint64 runId, qint64 datasetId, const QStringList &metrics,
                  QString *error)
{
    sqlite3 *raw = nullptr;
    if (sqlite3_open_v2(workspacePath.toUtf8().constData(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(raw));
        sqlite3_close(raw);
        return -1;
    }
    const std::unique_ptr<sqlite3, Closer> database(raw);
    qint64 total = 0;
    const auto add = [&](qint64 bytes) { total = bytes < 0 || total < 0 ? -1 : total + bytes; };
    add(readAll(raw,
                "SELECT item_index, question, substr(response, 1, 400) FROM eval_items WHERE dataset_id = ?1 "
                "ORDER BY item_index",
                datasetId, {}, error));
    add(readAll(raw, "SELECT item_index, ok, error, substr(response, 1, 400) FROM eval_results WHERE run_id = ?1",
                runId, {}, error));
    for (const QString &metric : metrics)
        add(readAll(raw, "SELECT item_index, value FROM eval_scores WHERE run_id = ?1 AND metric = ?2", runId, metric,
                    error));
    return total;
}
