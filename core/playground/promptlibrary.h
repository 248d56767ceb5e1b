#pragma once

#include "core/common/result.h"
#include "core/providers/chatrequest.h"
#include "core/storage/schemamodule.h"

#include <QCoreApplication>
#include <QStringList>

class Workspace;

struct PromptVersion
{
    qint64 id = 0;
    QString name;
    int version = 0;
    QString templateText;
    QString system;
    ChatParameters parameters;
    QString note;
    QString createdAt;
    QStringList labels; // stored labels only; "latest" is implicit and never listed
    // The Playground's model columns' guardrails ("ID:VERSION" or empty), kept with the parameters.
    QStringList guardrails;
};

// Named prompts with numbered versions and movable labels such as `production`. Versions are never
// changed once saved: editing a prompt saves the next version, rolling back moves a label.
class PromptLibrary
{
    Q_DECLARE_TR_FUNCTIONS(PromptLibrary)

public:
    explicit PromptLibrary(Workspace &workspace);

    // The "playground" domain: prompt versions and labels, and the run history RunHistory keeps.
    static SchemaModule schema();
    static QString latestLabel() { return QStringLiteral("latest"); }

    Result<QStringList> names() const;
    // Newest first.
    Result<QList<PromptVersion>> versions(const QString &name) const;
    Result<PromptVersion> version(const QString &name, int version) const;
    Result<PromptVersion> latest(const QString &name) const;
    // "latest" answers the newest version.
    Result<PromptVersion> byLabel(const QString &name, const QString &label) const;

    // Saves the next version of `name` (1 for a new name).
    Result<PromptVersion> saveVersion(const QString &name, const QString &templateText, const QString &system,
                                      const ChatParameters &parameters, const QString &note = {},
                                      const QStringList &guardrails = {});
    // Points `label` at `version`, moving it from any other version of the same prompt.
    Status setLabel(const QString &name, const QString &label, int version);
    Status removeLabel(const QString &name, const QString &label);

private:
    Result<QList<PromptVersion>> fetch(const QString &where, const QVariantMap &bindings) const;
    Status checkLabel(const QString &label) const;

    Workspace &m_workspace;
};
