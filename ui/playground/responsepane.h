#pragma once

#include "core/common/result.h"
#include "core/providers/chatresult.h"

#include <QFrame>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

// One column of the comparison: which connection and model, the streamed answer, and its figures
// (tokens in/out, time to first token, latency, tokens/s, cost, stop reason).
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

    int m_slot;
    QComboBox *m_profile;
    QLineEdit *m_model;
    QPlainTextEdit *m_text;
    QLabel *m_status;
    QLabel *m_tokens;
    QLabel *m_timing;
    QLabel *m_speed;
    QLabel *m_cost;
    QLabel *m_stopReason;
    QToolButton *m_copy;
};
