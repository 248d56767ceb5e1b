#pragma once

#include "core/common/result.h"
#include "core/registry/registryservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>

// One `genaiops registry …` call after its flags were parsed and the backend was reached: what the
// subcommands share (arguments, --json, who acts, printing a version).
class RegistryInvocation
{
    Q_DECLARE_TR_FUNCTIONS(RegistryInvocation)

public:
    RegistryInvocation(const QCommandLineParser &parser, RegistryService &service, Workspace &workspace);

    const QStringList &arguments() const { return m_arguments; } // after the subcommand
    bool json() const { return m_json; }
    QString value(const QString &option) const { return m_parser.value(option); }
    QStringList values(const QString &option) const { return m_parser.values(option); }
    bool isSet(const QString &option) const { return m_parser.isSet(option); }
    RegistryService &service() const { return m_service; }
    Workspace &workspace() const { return m_workspace; }

    // --as and --role, else the backend's idea of the caller and the workspace's role setting.
    Result<Actor> actor() const;
    // GROUP VERSION from the arguments, as the subcommand `name` expects them.
    Result<std::pair<QString, int>> groupAndVersion(const QString &name) const;
    Result<std::optional<Stage>> stageOption(const QString &option) const;

    static QString metricsText(const ModelVersion &version);
    static void printVersionLine(const ModelVersion &version);
    // "Approved/Dev → Approved/Test", or just the new state for a registration.
    static QString transition(const AuditEntry &entry);

private:
    const QCommandLineParser &m_parser;
    RegistryService &m_service;
    Workspace &m_workspace;
    QStringList m_arguments;
    bool m_json = false;
};
