#include "fuzz/fuzzworkspace.h"

#include "core/workspaceschema.h"
#include "fuzz/fuzzsupport.h"

#include <QFile>

FuzzWorkspace::FuzzWorkspace()
{
    Fuzz::require(m_folder.isValid(), "a temporary folder can be made");
    m_template = m_folder.filePath(QStringLiteral("template.genaiops"));
    auto made = Workspace::openSqlite(m_template, Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
    Fuzz::require(bool(made), "an empty workspace can be made");
}

std::unique_ptr<Workspace> FuzzWorkspace::open()
{
    const QString copy = m_folder.filePath(QStringLiteral("input.genaiops"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(copy + suffix);
    Fuzz::require(QFile::copy(m_template, copy), "the empty workspace can be copied");
    auto opened = Workspace::openSqlite(copy, Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules());
    Fuzz::require(bool(opened), "a copy of the empty workspace opens");
    return std::move(opened.value());
}

QString FuzzWorkspace::writeFile(const QString &name, QByteArrayView bytes) const
{
    const QString path = m_folder.filePath(name);
    QFile file(path);
    Fuzz::require(file.open(QIODevice::WriteOnly | QIODevice::Truncate), "a file can be written");
    file.write(bytes.data(), bytes.size());
    return path;
}
