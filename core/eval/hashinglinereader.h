#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

class QIODevice;

// Reads a source file line by line and hashes every byte on the way, so an importer reads the file
// once, never whole, and still knows its SHA-256 when it reaches the end.
class HashingLineReader
{
public:
    explicit HashingLineReader(QIODevice &device);

    // The next line without its line break (and without the UTF-8 byte-order mark some editors put
    // before line 1); false at the end of the file.
    bool readLine(QByteArray &line);
    // 1-based number of the line last read.
    int lineNumber() const { return m_lineNumber; }
    // Hex SHA-256 of every byte read so far; the file's hash once readLine() returned false.
    QString contentHash() const;

private:
    QIODevice &m_device;
    QCryptographicHash m_hash;
    int m_lineNumber = 0;
};
