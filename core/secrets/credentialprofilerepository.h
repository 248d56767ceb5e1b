#pragma once

#include "core/common/result.h"
#include "core/secrets/credentialprofile.h"
#include "core/storage/schemamodule.h"

#include <QCoreApplication>
#include <QSet>

class Workspace;

// The workspace table of connection profiles: names and non-secret settings only.
class CredentialProfileRepository
{
    Q_DECLARE_TR_FUNCTIONS(CredentialProfileRepository)

public:
    explicit CredentialProfileRepository(Workspace &workspace);

    static SchemaModule schema();

    Result<QList<CredentialProfile>> list() const;
    // The names of the profiles of these kinds, in name order.
    Result<QStringList> names(const QList<CredentialProfile::Kind> &kinds) const;
    // The same names, with those whose verify_tls is "no" apart for the panels to mark in red; one read.
    struct Choices
    {
        QStringList names;
        QSet<QString> withoutTlsVerification;
    };
    Result<Choices> choices(const QList<CredentialProfile::Kind> &kinds) const;
    Result<std::optional<CredentialProfile>> find(const QString &name) const;
    // find() for a profile that must exist: a missing one is a usage error naming it.
    Result<CredentialProfile> require(const QString &name) const;
    Status save(const CredentialProfile &profile);
    Status remove(const QString &name);

private:
    Workspace &m_workspace;
};
