#pragma once

#include "core/common/result.h"
#include "core/providers/chatresult.h"

#include <QFrame>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTextBrowser;
class QToolButton;

// One column of the comparison: which connection and model (optionally through a Bedrock
// guardrail, or a Knowledge Base answering with that model), the streamed answer, and its figures
// (tokens in/out, time to first token, latency, tokens/s, cost, stop reason). When a guardrail
// intervenes the column says so and lists what fired; a Knowledge Base's answer shows its
// citations as numbered marks linked to the passages.
class ResponsePane : public QFrame
{
    Q_OBJECT

public:
    explicit ResponsePane(int slot, QWidget *parent = nullptr);

    void setProfiles(const QStringList &profileNames, const QSet<QString> &unverified = {});
    QString profile() const;
    void setProfile(const QString &name);
    QString model() const;
    void setModel(const QString &model);
    // "ID:VERSION", or empty for none.
    QString guardrail() const;
    void setGuardrail(const QString &guardrail);
    // A Knowledge Base id: the column is then a RAG pipeline whose model is the model ARN.
    QString knowledgeBase() const;
    void setKnowledgeBase(const QString &id);

    void begin();
    void appendText(const QString &text);
    void showRetrying(int attempt, int delayMs, const QString &reason);
    void finish(const Result<ChatResult> &result);
    void setCost(std::optional<double> costUsd);
    // Shows a stored answer (history or demo) with its figures.
    void showStored(const QString &text, const ChatResult &metrics, std::optional<double> costUsd,
                    const QString &error);
    void clear();
    QString text() const;

signals:
    void configurationChanged();

private:
    void showMetrics(const ChatResult &metrics);
    // The guardrail's verdict and a Knowledge Base's cited answer, when the result has them.
    void showExtras(const ChatResult &result);

    int m_slot;
    QComboBox *m_profile;
    QLineEdit *m_model;
    QLineEdit *m_guardrail;
    QLineEdit *m_knowledgeBase;
    QPlainTextEdit *m_text;
    QTextBrowser *m_cited; // a Knowledge Base's answer, in place of m_text
    QTextBrowser *m_verdict;
    QLabel *m_status;
    QLabel *m_tokens;
    QLabel *m_timing;
    QLabel *m_speed;
    QLabel *m_cost;
    QLabel *m_stopReason;
    QToolButton *m_copy;
};
