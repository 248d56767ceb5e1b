#include "kernelcounters.h"

#include <QByteArray>
#include <QFile>
#include <QList>

qint64 listenQueueOverflows()
{
    QFile file(QStringLiteral("/proc/net/netstat"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    // Pairs of lines: "TcpExt: Name1 Name2 …" then "TcpExt: value1 value2 …".
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype index = 0; index + 1 < lines.size(); ++index) {
        if (!lines.at(index).startsWith("TcpExt:") || !lines.at(index + 1).startsWith("TcpExt:"))
            continue;
        const QList<QByteArray> names = lines.at(index).simplified().split(' ');
        const QList<QByteArray> values = lines.at(index + 1).simplified().split(' ');
        const qsizetype column = names.indexOf("ListenOverflows");
        if (column > 0 && column < values.size())
            return values.at(column).toLongLong();
        return -1;
    }
    return -1;
}
