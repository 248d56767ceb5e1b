#pragma once

#include "core/storage/rowreaderbackend.h"

#include <QByteArray>
#include <QVariantMap>

#include <memory>

struct pg_conn;
struct pg_result;

// A RowReader's rows from a team workspace, through a server-side cursor fetched in pages of
// `pageRows` on the connection's own libpq handle: a run of 100,000 items never sits in memory as
// one result set, and no value becomes a QVariant. Outside a transaction the cursor gets one of its
// own (read-only where the connection is), committed when the reader goes; inside one it is closed.
class PostgresCursor : public RowReader::Backend
{
public:
    static constexpr int pageRows = 4096;

    // `sql` binds values by name (`:run`); they are sent as text parameters ($1, $2, …).
    static Result<std::unique_ptr<RowReader::Backend>> open(pg_conn *connection, const QString &sql,
                                                            const QVariantMap &values, const QString &location);
    // The statement with each `:name` outside quotes turned into `$n`, and the names in that order.
    static QByteArray numbered(const QString &sql, QStringList &names);

    ~PostgresCursor() override;

    bool next(QString &error) override;
    bool isNull(int column) const override;
    qint64 integer(int column) const override;
    double real(int column) const override;
    QString text(int column) const override;

private:
    PostgresCursor(pg_conn *connection, QByteArray name, bool ownsTransaction);
    const char *value(int column) const;

    pg_conn *m_connection;
    QByteArray m_name;
    bool m_ownsTransaction;
    pg_result *m_page = nullptr;
    int m_rows = 0;
    int m_row = -1;
    bool m_lastPage = false;
};
