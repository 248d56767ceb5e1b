#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// File → Open team workspace…: where the team's PostgreSQL is and who you are there. Builds the
// libpq URI (never with the password in it); the password, when typed, goes to the keyring if
// the user asks, and otherwise only to this session. Leaving it empty lets libpq use ~/.pgpass or
// PGPASSWORD, as psql would.
class TeamWorkspaceDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TeamWorkspaceDialog(QWidget *parent = nullptr);

    // Fills the fields from a URI opened before (File → Open Recent, or the last one).
    void setUri(const QString &uri);
    QString uri() const;
    QString password() const;
    bool rememberPassword() const;

private:
    void updateState();

    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QComboBox *m_tls = nullptr;
    QLineEdit *m_authority = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_preview = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
