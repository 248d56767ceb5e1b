#pragma once

#include "core/storage/workspace.h"

#include <QByteArrayView>
#include <QTemporaryDir>

#include <memory>

// A workspace for targets that store what they read: made once with every domain's schema, then
// copied for each input, so that no input sees what an earlier one stored and no input pays for
// the migrations.
class FuzzWorkspace
{
public:
    FuzzWorkspace();

    // A fresh copy of the empty workspace, open.
    std::unique_ptr<Workspace> open();
    // Writes `bytes` to a file in this workspace's folder and returns its path.
    QString writeFile(const QString &name, QByteArrayView bytes) const;
    QString folder() const { return m_folder.path(); }

private:
    QTemporaryDir m_folder;
    QString m_template;
};
