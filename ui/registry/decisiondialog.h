#pragma once

#include "core/registry/registrytypes.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeWidget;

// Approve, reject or promote one version. Before the user commits, it shows the policy check —
// every rule, satisfied or missing — and re-checks as the comment or override reason is typed.
class DecisionDialog : public QDialog
{
    Q_OBJECT

public:
    // `check` evaluates a decision asynchronously and calls back with the rules (or an error text).
    using Checker = std::function<void(const Decision &, std::function<void(const PolicyCheck &, const QString &)>)>;

    DecisionDialog(DecisionAction action, const ModelVersion &version, const Actor &actor, Checker check,
                   QWidget *parent = nullptr);

    Decision decision() const;
    const PolicyCheck &lastCheck() const { return m_check; }

signals:
    void checked();

private:
    void scheduleCheck();
    void showCheck(const PolicyCheck &check, const QString &problem);

    DecisionAction m_action;
    ModelVersion m_version;
    Checker m_checker;
    PolicyCheck m_check;
    QComboBox *m_stage = nullptr;
    QPlainTextEdit *m_comment;
    QLineEdit *m_override;
    QTreeWidget *m_rules;
    QLabel *m_summary;
    QPushButton *m_commit;
    QTimer *m_debounce;
    int m_generation = 0;
};
