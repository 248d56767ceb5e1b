#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QString>

class QIODevice;

// Reads a source file line by line and hashes every byte on the way, so an importer reads the file
// once, never whole, and still knows its SHA-256 when it reaches the end.
class HashingLineReader
{
    Q_DECLARE_TR_FUNCTIONS(HashingLineReader)

public:
    // Items of a golden dataset are a question, contexts and answers: tens of kilobytes. A line of
    // 32 MiB is no item but a file gone wrong, and reading it whole would cost its size in memory.
    static constexpr qint64 DefaultLineLimit = 32 * 1024 * 1024;

    // A line longer than `lineLimit` bytes (0: no limit) is passed over, hashed but never held whole.
    explicit HashingLineReader(QIODevice &device, qint64 lineLimit = 0);

    // The next line without its line break (and without the UTF-8 byte-order mark some editors put
    // before line 1); false at the end of the file. A line over the limit comes back empty, with
    // overLimitBytes() saying how long it was.
    bool readLine(QByteArray &line);
    // The length of the line last read when it was over the limit; 0 when it was not.
    qint64 overLimitBytes() const { return m_overLimitBytes; }
    qint64 lineLimit() const { return m_lineLimit; }
    // "the line is N bytes, over the limit of M bytes": the reason a reader gives for such a line.
    QString overLimitReason() const;
    // 1-based number of the line last read.
    int lineNumber() const { return m_lineNumber; }
    // Hex SHA-256 of every byte read so far; the file's hash once readLine() returned false.
    QString contentHash() const;

private:
    QIODevice &m_device;
    QCryptographicHash m_hash;
    QByteArray m_piece; // reused for every read
    qint64 m_lineLimit = 0;
    qint64 m_overLimitBytes = 0;
    int m_lineNumber = 0;
};
