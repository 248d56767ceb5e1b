#pragma once

#include "core/eval/evaltypes.h"
#include "core/registry/registryservice.h"
#include "core/registry/workspaceregistrybackend.h"
#include "core/storage/workspace.h"

#include <QDateTime>
#include <QTemporaryDir>

#include <memory>

// A fresh workspace in a temporary directory with the registry service over its own backend, a
// clock the test can hold still, evaluation runs with chosen gate outcomes, and a way to change
// the database behind the workbench's back.
class RegistryFixture
{
public:
    RegistryFixture();
    ~RegistryFixture();

    bool isReady() const { return m_workspace != nullptr; }
    QString errorString() const { return m_error; }
    Workspace &workspace() { return *m_workspace; }
    WorkspaceRegistryBackend &backend() { return *m_backend; }
    RegistryService &service() { return *m_service; }
    QString path() const;
    QString directory() const { return m_directory.path(); }

    // Unset: the real clock.
    void setNow(const QDateTime &now) { m_now = now; }

    static Actor actor(const QString &user, Role role) { return Actor{user, role}; }
    // A finished run of three items gated on lexical_f1 >= 0.5 whose mean is `score`; no gate when
    // !gated. `faithfulness`, when given, is the judged metric's score of each item.
    qint64 addRun(double score, bool gated = true, EvalRun::Status status = EvalRun::Status::Completed,
                  const QList<double> &faithfulness = {});
    // Registers a version of `group` as `user` (a data scientist); 0 on failure.
    int registerVersion(const QString &group, const QString &user, const QList<qint64> &runs = {});
    Result<RegistryService::Outcome> decide(DecisionAction action, const QString &group, int version,
                                            const Actor &actor, const QString &comment = {},
                                            std::optional<Stage> stage = std::nullopt,
                                            const QString &overrideReason = {});
    // Dev approval by "dana" and promotion to Test by "erik": the usual way to Test.
    bool toTest(const QString &group, int version);
    // And on to Prod by "grace" with an override reason.
    bool toProd(const QString &group, int version);
    ModelVersion stored(const QString &group, int version);
    // In a team workspace, the team-workspace tests' cast (tests/common/postgresserver.h): alice a
    // data scientist, bob an AI engineer, carol and dave officers, erin a reviewer, frank an admin,
    // nobody without a role. False (with why in errorString()) when a grant is refused.
    bool grantTeamRoles();
    // A decision as a person makes it in a panel, for a service of the test's own.
    static Decision decisionOf(DecisionAction action, const QString &group, int version,
                               std::optional<Stage> stage = std::nullopt, const QString &comment = {});
    bool executeDirectly(const QStringList &statements);

private:
    QTemporaryDir m_directory;
    QString m_error;
    QDateTime m_now;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<WorkspaceRegistryBackend> m_backend;
    std::unique_ptr<RegistryService> m_service;
    int m_runs = 0;
};
