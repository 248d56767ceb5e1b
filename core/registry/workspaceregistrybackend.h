#pragma once

#include "core/registry/registrybackend.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>

class QSqlQuery;
class Workspace;

// The embedded default: groups and versions in the workspace's own tables (RegistrySchema). Every
// change moves `modifiedAt` strictly forward, and update() writes only when the row still has the
// modifiedAt the caller loaded, so a concurrent change is refused rather than overwritten.
class WorkspaceRegistryBackend : public RegistryBackend
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceRegistryBackend)

public:
    using Clock = std::function<QDateTime()>;

    explicit WorkspaceRegistryBackend(Workspace &workspace, Clock clock = {});

    Workspace &workspace() const { return m_workspace; }
    // SageMaker's rule for group names, kept here too so a group can move there unchanged.
    static bool isValidGroupName(const QString &name);
    static QString changedMessage();

    QString name() const override { return QStringLiteral("workspace"); }
    // The OS user (USER, or USERNAME on Windows).
    Result<QString> callerIdentity() override;

    Result<QList<ModelGroup>> groups() override;
    Result<QList<ModelVersion>> versions(const QString &group,
                                         std::optional<ApprovalStatus> status = std::nullopt) override;
    Result<ModelVersion> version(const QString &group, int version) override;

    // Numbers the version (one more than the group's highest) and creates the group when it is new.
    Result<ModelVersion> registerVersion(const ModelVersion &version) override;
    Result<ModelVersion> update(const ModelVersion &current, std::optional<ApprovalStatus> status,
                                std::optional<Stage> stage, const QString &description) override;

private:
    Result<QList<ModelVersion>> fetch(const QString &where, const QVariantMap &bindings) const;
    static ModelVersion versionFromRow(const QSqlQuery &query);
    // Now, or just after `previous` when the clock has not moved on since.
    QString nextTimestamp(const QString &previous) const;

    Workspace &m_workspace;
    Clock m_clock;
};
