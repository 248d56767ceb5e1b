#pragma once

#include "core/common/result.h"
#include "core/providers/chatrequest.h"
#include "core/providers/chatresult.h"
#include "core/providers/providerconfig.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

class Workspace;

// What one model configuration answered in a run. `text` is the answer as stored; metrics.text is
// not stored separately and comes back equal to `text`.
struct PlaygroundResponse
{
    int slot = 0;
    QString profile;
    QString provider;
    QString model;
    QString text;
    ChatResult metrics;
    std::optional<double> costUsd;
    QString error; // empty when the call succeeded
};

// One press of Run: the prompt as sent and every configuration's answer side by side.
struct PlaygroundRun
{
    qint64 id = 0;
    QString createdAt;
    QString title;
    QString promptName; // empty when the prompt was never saved to the library
    int promptVersion = 0;
    QJsonObject variables;
    QString renderedPrompt;
    QString system;
    ChatParameters parameters;
    QList<PlaygroundResponse> responses;

    // A run about to send `request` (the rendered prompt as its one user message) to each of
    // `configs`, reached through `profiles` (one per config), before any answer: titled by the
    // prompt's first 60 characters on one line.
    static PlaygroundRun starting(const ChatRequest &request, const QList<ProviderConfig> &configs,
                                  const QStringList &profiles, const QMap<QString, QString> &variables,
                                  const QString &promptName = {}, int promptVersion = 0);
};

// Every Playground run, kept in the workspace (tables of PromptLibrary::schema()) and re-openable.
class RunHistory
{
    Q_DECLARE_TR_FUNCTIONS(RunHistory)

public:
    explicit RunHistory(Workspace &workspace);

    // Stores the run and its responses together; createdAt defaults to now. Returns the new id.
    Result<qint64> save(const PlaygroundRun &run);
    // Newest first, for a history list: responses carry model, metrics and error but no text.
    Result<QList<PlaygroundRun>> recent(int limit = 200) const;
    Result<PlaygroundRun> load(qint64 id) const;
    Status remove(qint64 id);

    static QJsonObject toJson(const PlaygroundRun &run);
    // A report to paste into a ticket: prompt, parameters, a metrics table, then each response.
    static QString toMarkdown(const PlaygroundRun &run);
    // Writes the run as JSON (a path ending in .json) or Markdown; an input error names the file.
    static Status writeFile(const PlaygroundRun &run, const QString &path);

private:
    Result<QList<PlaygroundRun>> fetch(const QString &where, const QVariantMap &bindings, bool withTexts) const;

    Workspace &m_workspace;
};
