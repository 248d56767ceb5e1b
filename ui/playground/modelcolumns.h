#pragma once

#include "core/providers/providerselection.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class ResponsePane;

// The Playground's lower half: how many models to compare, Run all and Stop with the run's state,
// and one response pane per model side by side.
class ModelColumns : public QWidget
{
    Q_OBJECT

public:
    static constexpr int maximum = 3;

    explicit ModelColumns(QWidget *parent = nullptr);

    int count() const;
    void setCount(int count);
    ResponsePane *pane(int slot) const;
    void setProfiles(const QStringList &names, const QSet<QString> &unverified = {});
    // What each shown pane is set to call, in slot order.
    QList<ProviderSelection> selections() const;
    // "Model 2 needs a connection and a model id." for the first shown pane that is not set up.
    QString missingSetting() const;
    // Each shown pane's guardrail ("ID:VERSION" or empty): saved with a prompt version.
    QStringList guardrails() const;
    void setGuardrails(const QStringList &guardrails);
    void setRunning(bool running);
    void setStatus(const QString &text);

signals:
    void runRequested();
    void stopRequested();

private:
    QSpinBox *m_count;
    QPushButton *m_run;
    QPushButton *m_stop;
    QLabel *m_status;
    QList<ResponsePane *> m_panes;
};
