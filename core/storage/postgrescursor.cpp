#include "core/storage/postgrescursor.h"

#include <QAtomicInteger>
#include <QVarLengthArray>

#include <cstdlib>
#include <libpq-fe.h>
#include <vector>

namespace {

bool startsName(QChar character)
{
    return character.isLetter() || character == QLatin1Char('_');
}

bool continuesName(QChar character)
{
    return character.isLetterOrNumber() || character == QLatin1Char('_');
}

// Runs a statement that returns no rows; its error, or an empty string.
QString command(PGconn *connection, const char *sql)
{
    PGresult *result = PQexec(connection, sql);
    const QString error = PQresultStatus(result) == PGRES_COMMAND_OK
        ? QString()
        : QString::fromUtf8(PQerrorMessage(connection)).trimmed();
    PQclear(result);
    return error;
}

} // namespace

QByteArray PostgresCursor::numbered(const QString &sql, QStringList &names)
{
    QString out;
    out.reserve(sql.size() + 8);
    QChar quote;
    for (qsizetype at = 0; at < sql.size(); ++at) {
        const QChar character = sql[at];
        if (!quote.isNull()) {
            out += character; // a doubled quote closes and opens again: the same text
            if (character == quote)
                quote = QChar();
            continue;
        }
        if (character == QLatin1Char('\'') || character == QLatin1Char('"')) {
            quote = character;
            out += character;
            continue;
        }
        if (character == QLatin1Char(':') && at + 1 < sql.size() && sql[at + 1] == QLatin1Char(':')) {
            out += QLatin1String("::"); // a cast, not a value
            ++at;
            continue;
        }
        if (character != QLatin1Char(':') || at + 1 >= sql.size() || !startsName(sql[at + 1])) {
            out += character;
            continue;
        }
        qsizetype end = at + 1;
        while (end < sql.size() && continuesName(sql[end]))
            ++end;
        const QString name = sql.mid(at + 1, end - at - 1);
        qsizetype index = names.indexOf(name);
        if (index < 0) {
            index = names.size();
            names << name;
        }
        out += QLatin1Char('$') + QString::number(index + 1);
        at = end - 1;
    }
    return out.toUtf8();
}

Result<std::unique_ptr<RowReader::Backend>> PostgresCursor::open(PGconn *connection, const QString &sql,
                                                                 const QVariantMap &values, const QString &location)
{
    static QAtomicInteger<quint64> cursors;
    const QByteArray name = "genaiops_rows_" + QByteArray::number(++cursors);
    QStringList names;
    const QByteArray statement = "DECLARE " + name + " NO SCROLL CURSOR FOR " + numbered(sql, names);
    // As QSqlQuery, a name the values do not hold is bound to NULL.
    std::vector<QByteArray> texts;
    texts.reserve(std::size_t(names.size()));
    QVarLengthArray<const char *, 8> parameters;
    for (const QString &parameter : std::as_const(names)) {
        const QVariant value = values.value(parameter);
        if (value.isNull()) {
            parameters.append(nullptr);
            continue;
        }
        texts.push_back(value.typeId() == QMetaType::Bool ? QByteArray(value.toBool() ? "true" : "false")
                                                          : value.toString().toUtf8());
        parameters.append(texts.back().constData());
    }
    const bool ownsTransaction = PQtransactionStatus(connection) == PQTRANS_IDLE;
    if (ownsTransaction) {
        if (const QString error = command(connection, "BEGIN"); !error.isEmpty())
            return makeError(Error::Kind::Storage, error, location);
    }
    std::unique_ptr<PostgresCursor> cursor(new PostgresCursor(connection, name, ownsTransaction));
    PGresult *declared = PQexecParams(connection, statement.constData(), int(parameters.size()), nullptr,
                                      parameters.constData(), nullptr, nullptr, 0);
    const bool ok = PQresultStatus(declared) == PGRES_COMMAND_OK;
    PQclear(declared);
    if (!ok)
        return makeError(Error::Kind::Storage, QString::fromUtf8(PQerrorMessage(connection)).trimmed(), location);
    return std::unique_ptr<RowReader::Backend>(std::move(cursor));
}

PostgresCursor::PostgresCursor(PGconn *connection, QByteArray name, bool ownsTransaction)
    : m_connection(connection), m_name(std::move(name)), m_ownsTransaction(ownsTransaction)
{ }

PostgresCursor::~PostgresCursor()
{
    PQclear(m_page);
    if (PQstatus(m_connection) != CONNECTION_OK)
        return;
    // A failed statement leaves the transaction aborted: only a rollback ends it then.
    if (m_ownsTransaction)
        command(m_connection, PQtransactionStatus(m_connection) == PQTRANS_INERROR ? "ROLLBACK" : "COMMIT");
    else if (PQtransactionStatus(m_connection) == PQTRANS_INTRANS)
        command(m_connection, QByteArray("CLOSE " + m_name).constData());
}

bool PostgresCursor::next(QString &error)
{
    if (m_row + 1 < m_rows) {
        ++m_row;
        return true;
    }
    if (m_lastPage)
        return false;
    PQclear(m_page);
    m_page = PQexec(m_connection,
                    QByteArray("FETCH FORWARD " + QByteArray::number(pageRows) + " FROM " + m_name).constData());
    if (PQresultStatus(m_page) != PGRES_TUPLES_OK) {
        error = QString::fromUtf8(PQerrorMessage(m_connection)).trimmed();
        m_lastPage = true;
        m_rows = 0;
        return false;
    }
    m_rows = PQntuples(m_page);
    m_row = 0;
    m_lastPage = m_rows < pageRows;
    return m_rows > 0;
}

const char *PostgresCursor::value(int column) const
{
    return PQgetvalue(m_page, m_row, column);
}

bool PostgresCursor::isNull(int column) const
{
    return PQgetisnull(m_page, m_row, column) != 0;
}

qint64 PostgresCursor::integer(int column) const
{
    const char *text = value(column);
    if (text[0] == 't' || text[0] == 'f') // a boolean column in text form
        return text[0] == 't';
    return std::strtoll(text, nullptr, 10);
}

double PostgresCursor::real(int column) const
{
    return std::strtod(value(column), nullptr); // "Infinity" and "NaN" as PostgreSQL writes them
}

QString PostgresCursor::text(int column) const
{
    if (isNull(column))
        return {}; // a null string, as QSqlQuery gives for NULL
    return QString::fromUtf8(value(column), PQgetlength(m_page, m_row, column));
}
